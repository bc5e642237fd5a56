import {
  type Chapter,
  type CompositeIndex,
  type Indicator,
  type Level,
  type Normalisation,
  type PerformanceNode,
  type Plan,
  type PlanSettings,
  PlanSettingsSchema,
  type RichDoc,
  type TargetValue,
  YearSeries,
} from '@selaras/core';
import type { Selectable } from 'kysely';
import type { IndicatorTable } from '../tables/indicator.table.ts';
import type { PlanNodeTable, PlanTable } from '../tables/plan.table.ts';
import { fromBool, fromJson } from '../values.ts';
import { type Db, findAgency, findRegion, listAgencies, listUnits } from './region.repository.ts';

const groupBy = <T, K>(rows: readonly T[], key: (r: T) => K): Map<K, T[]> => {
  const m = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
};

const where = (db: Db, regionId: string, planId: string) => ({
  nodes: db
    .selectFrom('plan_node')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('plan_id', '=', planId)
    .orderBy('sort_order'),
  indicators: db
    .selectFrom('indicator')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('plan_id', '=', planId)
    .orderBy('sort_order'),
});

/** Rows under a plan's nodes or indicators, by a join on the plan. */
const childRows = async (db: Db, regionId: string, planId: string) => {
  const nodeIds = db
    .selectFrom('plan_node')
    .select('id')
    .where('region_id', '=', regionId)
    .where('plan_id', '=', planId);
  const indicatorIds = db
    .selectFrom('indicator')
    .select('id')
    .where('region_id', '=', regionId)
    .where('plan_id', '=', planId);
  const [alignments, crosscutting, assigned, pagu, targets, realisations, contributions] = await Promise.all([
    db
      .selectFrom('node_alignment')
      .selectAll()
      .where('region_id', '=', regionId)
      .where('node_id', 'in', nodeIds)
      .orderBy('sort_order')
      .execute(),
    db
      .selectFrom('node_crosscutting')
      .selectAll()
      .where('region_id', '=', regionId)
      .where('node_id', 'in', nodeIds)
      .orderBy('sort_order')
      .execute(),
    db
      .selectFrom('node_assigned_agency')
      .selectAll()
      .where('region_id', '=', regionId)
      .where('node_id', 'in', nodeIds)
      .orderBy('sort_order')
      .execute(),
    db
      .selectFrom('node_pagu')
      .selectAll()
      .where('region_id', '=', regionId)
      .where('node_id', 'in', nodeIds)
      .execute(),
    db
      .selectFrom('indicator_target')
      .selectAll()
      .where('region_id', '=', regionId)
      .where('indicator_id', 'in', indicatorIds)
      .execute(),
    db
      .selectFrom('indicator_realisation')
      .selectAll()
      .where('region_id', '=', regionId)
      .where('indicator_id', 'in', indicatorIds)
      .execute(),
    db
      .selectFrom('indicator_contribution')
      .selectAll()
      .where('region_id', '=', regionId)
      .where('indicator_id', 'in', indicatorIds)
      .orderBy('sort_order')
      .execute(),
  ]);
  return {
    alignments: groupBy(alignments, (r) => r.node_id),
    crosscutting: groupBy(crosscutting, (r) => r.node_id),
    assigned: groupBy(assigned, (r) => r.node_id),
    pagu: groupBy(pagu, (r) => r.node_id),
    targets: groupBy(targets, (r) => r.indicator_id),
    realisations: groupBy(realisations, (r) => r.indicator_id),
    contributions: groupBy(contributions, (r) => r.indicator_id),
  };
};

type Children = Awaited<ReturnType<typeof childRows>>;

const toIndicator = (
  r: Selectable<IndicatorTable>,
  c: Children,
  unitKey: (id: string | null) => string | undefined,
): Indicator => {
  const responsible = unitKey(r.responsible_unit_id);
  return {
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
      (c.targets.get(r.id) ?? []).map((t): [number, TargetValue] => [
        t.year,
        t.value !== null ? t.value : { min: t.min_value ?? 0, max: t.max_value ?? 0 },
      ]),
    ),
    realisations: YearSeries.fromEntries(
      (c.realisations.get(r.id) ?? []).map((t): [number, number] => [t.year, t.value]),
    ),
    ...(r.location !== null && { location: r.location }),
    ...(responsible !== undefined && {
      responsibleUnit: responsible as NonNullable<Indicator['responsibleUnit']>,
    }),
    iku: fromBool(r.iku),
    weight: r.weight,
    contributesTo: (c.contributions.get(r.id) ?? []).map((x) => x.target_key),
    ...(r.composite_key !== null && { composite: r.composite_key as NonNullable<Indicator['composite']> }),
  };
};

const toNode = (
  r: Selectable<PlanNodeTable>,
  keyOf: ReadonlyMap<string, string>,
  indicators: Indicator[],
  c: Children,
  unitKey: (id: string | null) => string | undefined,
): PerformanceNode => {
  const owner = unitKey(r.owner_unit_id);
  return {
    id: r.node_key as PerformanceNode['id'],
    parent: (r.parent_id === null ? null : (keyOf.get(r.parent_id) ?? null)) as PerformanceNode['parent'],
    level: r.level,
    statement: r.statement,
    ...(r.code !== null && { code: r.code }),
    ...(r.name !== null && { name: r.name }),
    ...((owner !== undefined || r.owner_position !== null) && {
      owner: {
        ...(owner !== undefined && { unit: owner as NonNullable<PerformanceNode['owner']>['unit'] & string }),
        ...(r.owner_position !== null && { position: r.owner_position }),
      },
    }),
    alignsTo: (c.alignments.get(r.id) ?? []).map((a) => a.target_key),
    crosscutting: (c.crosscutting.get(r.id) ?? []).map((x) => ({
      ...(x.agency !== null && { agency: x.agency }),
      ...(x.unit !== null && { unit: x.unit }),
      ...(x.indicator !== null && { indicator: x.indicator }),
      ...(x.contribution !== null && { contribution: x.contribution }),
    })),
    ...(r.cascading !== null && { cascading: r.cascading as NonNullable<PerformanceNode['cascading']> }),
    priority: fromBool(r.priority),
    indicators,
    pagu: YearSeries.fromEntries((c.pagu.get(r.id) ?? []).map((p): [number, number] => [p.year, p.amount])),
    ...(r.location !== null && { location: r.location }),
    strategies: fromJson<string[]>(r.strategies, []),
    policies: fromJson<string[]>(r.policies, []),
    assignedAgencies: (c.assigned.get(r.id) ?? []).map((a) => a.agency_code),
    weight: r.weight,
    ...(r.inherits !== null && { inherits: r.inherits as NonNullable<PerformanceNode['inherits']> }),
  };
};

const loadComposites = async (db: Db, regionId: string, planId: string): Promise<CompositeIndex[]> => {
  const composites = await db
    .selectFrom('composite')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('plan_id', '=', planId)
    .orderBy('sort_order')
    .execute();
  const compositeIds = composites.map((c) => c.id);
  if (compositeIds.length === 0) return [];
  const versions = await db
    .selectFrom('composite_version')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('composite_id', 'in', compositeIds)
    .orderBy('sort_order')
    .execute();
  const components =
    versions.length === 0
      ? []
      : await db
          .selectFrom('composite_component')
          .selectAll()
          .where('region_id', '=', regionId)
          .where(
            'composite_version_id',
            'in',
            versions.map((v) => v.id),
          )
          .orderBy('sort_order')
          .execute();
  const byVersion = groupBy(components, (c) => c.composite_version_id);
  const byComposite = groupBy(versions, (v) => v.composite_id);
  return composites.map((c) => ({
    id: c.composite_key as CompositeIndex['id'],
    name: c.name,
    ...(c.unit !== null && { unit: c.unit }),
    ...(c.description !== null && { description: c.description }),
    versions: (byComposite.get(c.id) ?? []).map((v) => ({
      version: v.label,
      effectiveFrom: v.effective_from,
      scale: { min: v.scale_min, max: v.scale_max },
      missing: v.missing_policy as CompositeIndex['versions'][number]['missing'],
      decimals: v.decimals,
      ...(v.note !== null && { note: v.note }),
      components: (byVersion.get(v.id) ?? []).map((x) => ({
        indicator: x.indicator_key as CompositeIndex['id'] & Indicator['id'],
        weight: x.weight,
        normalisation: fromJson<Normalisation>(x.normalisation, { kind: 'target-ratio', cap: 1 }),
        ...(x.polarity !== null && { polarity: x.polarity as 'positive' | 'negative' }),
        ...(x.label !== null && { label: x.label }),
      })),
    })),
  }));
};

const loadChapters = async (db: Db, regionId: string, planId: string): Promise<Chapter[]> => {
  const chapters = await db
    .selectFrom('chapter')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('plan_id', '=', planId)
    .orderBy('number')
    .execute();
  if (chapters.length === 0) return [];
  const sections = await db
    .selectFrom('chapter_section')
    .selectAll()
    .where('region_id', '=', regionId)
    .where(
      'chapter_id',
      'in',
      chapters.map((c) => c.id),
    )
    .orderBy('sort_order')
    .execute();
  const byChapter = groupBy(sections, (s) => s.chapter_id);
  return chapters.map((c) => ({
    number: c.number,
    title: c.title,
    ...(c.intro !== null && { intro: fromJson<RichDoc>(c.intro, { type: 'doc', content: [] }) }),
    sections: (byChapter.get(c.id) ?? []).map((s) => ({
      key: s.section_key,
      title: s.title,
      content: fromJson<RichDoc>(s.content, { type: 'doc', content: [] }),
    })),
  }));
};

/**
 * Loads a stored plan as the core's `Plan`, exactly as its plan file would parse: the tree in file
 * order, indicators with targets and realisations by year, composites and chapters.
 */
export const loadPlan = async (db: Db, regionId: string, plan: Selectable<PlanTable>): Promise<Plan> => {
  const q = where(db, regionId, plan.id);
  const [nodeRows, indicatorRows, children, composites, region, period] = await Promise.all([
    q.nodes.execute(),
    q.indicators.execute(),
    childRows(db, regionId, plan.id),
    loadComposites(db, regionId, plan.id),
    findRegion(db, regionId),
    db
      .selectFrom('period')
      .selectAll()
      .where('region_id', '=', regionId)
      .where('id', '=', plan.period_id)
      .executeTakeFirstOrThrow(),
  ]);
  const agency = plan.agency_id === null ? undefined : await findAgency(db, regionId, plan.agency_id);
  const units = plan.agency_id === null ? [] : await listUnits(db, regionId, plan.agency_id);
  const unitKeys = new Map(units.map((u) => [u.rowId, u.id as string]));
  const unitKey = (id: string | null) => (id === null ? undefined : unitKeys.get(id));
  const keyOf = new Map(nodeRows.map((n) => [n.id, n.node_key]));
  const byNode = groupBy(indicatorRows, (i) => i.node_id);
  const nodes = nodeRows.map((n) =>
    toNode(
      n,
      keyOf,
      (byNode.get(n.id) ?? []).map((i) => toIndicator(i, children, unitKey)),
      children,
      unitKey,
    ),
  );
  const common = {
    formatVersion: 1 as const,
    id: plan.plan_key as Plan['id'],
    title: plan.title,
    region: region?.region ?? { code: '00', name: '?', kind: 'provinsi' as const },
    nomenclatureVersion: plan.nomenclature_version,
    composites,
    nodes,
    ...(plan.note !== null && { note: plan.note }),
    period: {
      kind: period.kind as Plan['period']['kind'],
      startYear: period.start_year,
      endYear: period.end_year,
      baselineYear: period.baseline_year,
      legalBasis: fromJson<string[]>(period.legal_basis, []),
    },
    levels: fromJson<Level[]>(plan.levels, []),
  };
  if (plan.kind === 'regional') {
    const agencies = await listAgencies(db, regionId);
    const withUnits = await Promise.all(
      agencies.map(async (a) => (await findAgency(db, regionId, a.id))?.agency ?? a.agency),
    );
    return {
      ...common,
      format: 'selaras.regional-plan',
      agencies: withUnits,
      settings: fromJson<PlanSettings>(plan.settings, PlanSettingsSchema.parse({})),
    };
  }
  const regional =
    plan.regional_plan_id === null
      ? undefined
      : await db
          .selectFrom('plan')
          .select('plan_key')
          .where('region_id', '=', regionId)
          .where('id', '=', plan.regional_plan_id)
          .executeTakeFirst();
  return {
    ...common,
    format: 'selaras.renstra',
    agency: agency?.agency ?? { code: '?', name: '?', bidangUrusan: [], units: [] },
    ...(regional && { regionalPlan: { id: regional.plan_key as Plan['id'] } }),
    stage: (plan.stage ?? 'rancangan') as 'rancangan',
    ...(plan.revision !== null && { revision: plan.revision }),
    chapters: await loadChapters(db, regionId, plan.id),
  };
};
