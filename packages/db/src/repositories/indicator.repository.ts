import { type Indicator, type TargetValue, YearSeries } from '@selaras/core';
import type { Selectable } from 'kysely';
import type { IndicatorTable } from '../tables/indicator.table.ts';
import { fromBool, toBool } from '../values.ts';
import type { Db } from './region.repository.ts';

/** A stored indicator: its plan-file form with row ids and version. */
export interface IndicatorView {
  readonly rowId: string;
  readonly nodeId: string;
  readonly planId: string;
  readonly version: number;
  readonly indicator: Indicator;
}

/** The indicator row columns for an indicator's fields (its series live in their own tables). */
export const indicatorColumns = (
  ind: Omit<Indicator, 'id' | 'targets' | 'realisations' | 'contributesTo'>,
  responsibleUnitId: string | null,
) => ({
  code: ind.code ?? null,
  name: ind.name,
  unit: ind.unit ?? null,
  kind: ind.kind ?? null,
  definition: ind.definition ?? null,
  calculation: ind.calculation ?? null,
  formula: ind.formula ?? null,
  polarity: ind.polarity,
  cumulative: toBool(ind.cumulative),
  targets_are: ind.targetsAre,
  data_source: ind.dataSource ?? null,
  frequency: ind.frequency,
  baseline_year: ind.baseline?.year ?? null,
  baseline_value: ind.baseline?.value ?? null,
  location: ind.location ?? null,
  responsible_unit_id: responsibleUnitId,
  iku: toBool(ind.iku),
  weight: ind.weight,
  composite_key: ind.composite ?? null,
});

/** Finds an indicator's region by its id alone. */
export const findIndicatorRegion = async (db: Db, id: string): Promise<string | undefined> =>
  (await db.selectFrom('indicator').select('region_id').where('id', '=', id).executeTakeFirst())?.region_id;

const toView = async (db: Db, r: Selectable<IndicatorTable>): Promise<IndicatorView> => {
  const [targets, realisations, contributions, unit] = await Promise.all([
    db
      .selectFrom('indicator_target')
      .selectAll()
      .where('region_id', '=', r.region_id)
      .where('indicator_id', '=', r.id)
      .execute(),
    db
      .selectFrom('indicator_realisation')
      .selectAll()
      .where('region_id', '=', r.region_id)
      .where('indicator_id', '=', r.id)
      .execute(),
    db
      .selectFrom('indicator_contribution')
      .select('target_key')
      .where('region_id', '=', r.region_id)
      .where('indicator_id', '=', r.id)
      .orderBy('sort_order')
      .execute(),
    r.responsible_unit_id === null
      ? undefined
      : db
          .selectFrom('org_unit')
          .select('unit_key')
          .where('region_id', '=', r.region_id)
          .where('id', '=', r.responsible_unit_id)
          .executeTakeFirst(),
  ]);
  return {
    rowId: r.id,
    nodeId: r.node_id,
    planId: r.plan_id,
    version: r.version,
    indicator: {
      id: r.indicator_key as Indicator['id'],
      ...(r.code !== null && { code: r.code }),
      name: r.name,
      ...(r.unit !== null && { unit: r.unit }),
      ...(r.kind !== null && { kind: r.kind as NonNullable<Indicator['kind']> }),
      ...(r.definition !== null && { definition: r.definition }),
      ...(r.calculation !== null && { calculation: r.calculation }),
      ...(r.formula !== null && { formula: r.formula }),
      polarity: r.polarity as Indicator['polarity'],
      cumulative: fromBool(r.cumulative),
      targetsAre: r.targets_are as Indicator['targetsAre'],
      ...(r.data_source !== null && { dataSource: r.data_source }),
      frequency: r.frequency as Indicator['frequency'],
      ...(r.baseline_year !== null &&
        r.baseline_value !== null && { baseline: { year: r.baseline_year, value: r.baseline_value } }),
      targets: YearSeries.fromEntries(
        targets.map((t): [number, TargetValue] => [
          t.year,
          t.value ?? { min: t.min_value ?? 0, max: t.max_value ?? 0 },
        ]),
      ),
      realisations: YearSeries.fromEntries(realisations.map((t): [number, number] => [t.year, t.value])),
      ...(r.location !== null && { location: r.location }),
      ...(unit && { responsibleUnit: unit.unit_key as NonNullable<Indicator['responsibleUnit']> }),
      iku: fromBool(r.iku),
      weight: r.weight,
      contributesTo: contributions.map((c) => c.target_key),
      ...(r.composite_key !== null && { composite: r.composite_key as NonNullable<Indicator['composite']> }),
    },
  };
};

/** Loads one indicator with its targets, realisations and contributions. */
export const loadIndicatorView = async (
  db: Db,
  regionId: string,
  id: string,
): Promise<IndicatorView | undefined> => {
  const r = await db
    .selectFrom('indicator')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r && toView(db, r);
};

/** Replaces an indicator's targets, realisations and contributions (one row per year). */
export const replaceIndicatorSeries = async (
  db: Db,
  regionId: string,
  indicatorId: string,
  ind: Pick<Indicator, 'targets' | 'realisations' | 'contributesTo'>,
): Promise<void> => {
  const region_id = regionId;
  const indicator_id = indicatorId;
  for (const table of ['indicator_target', 'indicator_realisation', 'indicator_contribution'] as const) {
    await db
      .deleteFrom(table)
      .where('region_id', '=', regionId)
      .where('indicator_id', '=', indicatorId)
      .execute();
  }
  const targets = ind.targets
    .entries()
    .map(([year, t]) =>
      typeof t === 'number'
        ? { region_id, indicator_id, year, value: t, min_value: null, max_value: null }
        : { region_id, indicator_id, year, value: null, min_value: t.min, max_value: t.max },
    );
  if (targets.length > 0) await db.insertInto('indicator_target').values(targets).execute();
  const realisations = ind.realisations
    .entries()
    .map(([year, value]) => ({ region_id, indicator_id, year, value }));
  if (realisations.length > 0) await db.insertInto('indicator_realisation').values(realisations).execute();
  if (ind.contributesTo.length > 0) {
    await db
      .insertInto('indicator_contribution')
      .values(
        ind.contributesTo.map((target_key, sort_order) => ({
          region_id,
          indicator_id,
          target_key,
          sort_order,
        })),
      )
      .execute();
  }
};

/** Updates an indicator's row when its version is still `expectedVersion`; false when someone changed it first. */
export const updateIndicatorRow = async (
  db: Db,
  regionId: string,
  id: string,
  expectedVersion: number,
  values: Partial<ReturnType<typeof indicatorColumns>>,
): Promise<boolean> => {
  const r = await db
    .updateTable('indicator')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
};
