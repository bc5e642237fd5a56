import type { CrosscuttingPartner, PerformanceNode } from '@selaras/core';
import { YearSeries } from '@selaras/core';
import type { Selectable } from 'kysely';
import type { PlanNodeTable } from '../tables/plan.table.ts';
import { batches, fromBool, fromJson, toBool, toJson } from '../values.ts';
import type { Db } from './region.repository.ts';

/** A stored node as the API shows it: its fields in plan-file form, plus row ids and version. */
export interface NodeView {
  readonly rowId: string;
  readonly planId: string;
  readonly parentRowId: string | null;
  readonly version: number;
  readonly node: Omit<PerformanceNode, 'indicators'>;
  /** Row ids and keys of its indicators, in order. */
  readonly indicators: readonly { readonly rowId: string; readonly key: string }[];
}

/** The editable fields of a node (everything but its id, parent and indicators). */
export type NodeFields = Omit<PerformanceNode, 'id' | 'parent' | 'indicators'>;

/** Finds a node row by id in a region. */
export const findNodeRow = (
  db: Db,
  regionId: string,
  id: string,
): Promise<Selectable<PlanNodeTable> | undefined> =>
  db
    .selectFrom('plan_node')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .executeTakeFirst();

/** Finds the region of a node by its id alone (ids are unique across regions). */
export const findNodeRegion = async (db: Db, id: string): Promise<string | undefined> =>
  (await db.selectFrom('plan_node').select('region_id').where('id', '=', id).executeTakeFirst())?.region_id;

/** Loads one node with its links, pagu and indicator ids. */
export const loadNodeView = async (db: Db, regionId: string, id: string): Promise<NodeView | undefined> => {
  const r = await findNodeRow(db, regionId, id);
  if (!r) return undefined;
  const [alignments, crosscutting, assigned, pagu, indicators, parent, owner] = await Promise.all([
    db
      .selectFrom('node_alignment')
      .select('target_key')
      .where('region_id', '=', regionId)
      .where('node_id', '=', id)
      .orderBy('sort_order')
      .execute(),
    db
      .selectFrom('node_crosscutting')
      .selectAll()
      .where('region_id', '=', regionId)
      .where('node_id', '=', id)
      .orderBy('sort_order')
      .execute(),
    db
      .selectFrom('node_assigned_agency')
      .select('agency_code')
      .where('region_id', '=', regionId)
      .where('node_id', '=', id)
      .orderBy('sort_order')
      .execute(),
    db
      .selectFrom('node_pagu')
      .select(['year', 'amount'])
      .where('region_id', '=', regionId)
      .where('node_id', '=', id)
      .execute(),
    db
      .selectFrom('indicator')
      .select(['id', 'indicator_key'])
      .where('region_id', '=', regionId)
      .where('node_id', '=', id)
      .orderBy('sort_order')
      .execute(),
    r.parent_id === null ? undefined : findNodeRow(db, regionId, r.parent_id),
    r.owner_unit_id === null
      ? undefined
      : db
          .selectFrom('org_unit')
          .select('unit_key')
          .where('region_id', '=', regionId)
          .where('id', '=', r.owner_unit_id)
          .executeTakeFirst(),
  ]);
  return {
    rowId: r.id,
    planId: r.plan_id,
    parentRowId: r.parent_id,
    version: r.version,
    indicators: indicators.map((i) => ({ rowId: i.id, key: i.indicator_key })),
    node: {
      id: r.node_key as PerformanceNode['id'],
      parent: (parent?.node_key ?? null) as PerformanceNode['parent'],
      level: r.level,
      statement: r.statement,
      ...(r.code !== null && { code: r.code }),
      ...(r.name !== null && { name: r.name }),
      ...((owner !== undefined || r.owner_position !== null) && {
        owner: {
          ...(owner && { unit: owner.unit_key as NonNullable<PerformanceNode['owner']>['unit'] & string }),
          ...(r.owner_position !== null && { position: r.owner_position }),
        },
      }),
      alignsTo: alignments.map((a) => a.target_key),
      crosscutting: crosscutting.map((x) => ({
        ...(x.agency !== null && { agency: x.agency }),
        ...(x.unit !== null && { unit: x.unit }),
        ...(x.indicator !== null && { indicator: x.indicator }),
        ...(x.contribution !== null && { contribution: x.contribution }),
      })),
      ...(r.cascading !== null && { cascading: r.cascading as NonNullable<PerformanceNode['cascading']> }),
      priority: fromBool(r.priority),
      pagu: YearSeries.fromEntries(pagu.map((p): [number, number] => [p.year, p.amount])),
      ...(r.location !== null && { location: r.location }),
      strategies: fromJson<string[]>(r.strategies, []),
      policies: fromJson<string[]>(r.policies, []),
      assignedAgencies: assigned.map((a) => a.agency_code),
      weight: r.weight,
      ...(r.inherits !== null && { inherits: r.inherits as NonNullable<PerformanceNode['inherits']> }),
    },
  };
};

/** The node row columns for its fields. */
export const nodeColumns = (f: NodeFields, ownerUnitId: string | null) => ({
  level: f.level,
  statement: f.statement,
  code: f.code ?? null,
  name: f.name ?? null,
  owner_unit_id: ownerUnitId,
  owner_position: f.owner?.position ?? null,
  cascading: f.cascading ?? null,
  inherits: f.inherits ?? null,
  priority: toBool(f.priority),
  location: f.location ?? null,
  weight: f.weight,
  strategies: toJson(f.strategies),
  policies: toJson(f.policies),
});

/** Replaces a node's alignment, crosscutting, assigned agencies and pagu rows. */
export const replaceNodeLinks = async (
  db: Db,
  regionId: string,
  nodeId: string,
  f: Pick<NodeFields, 'alignsTo' | 'crosscutting' | 'assignedAgencies' | 'pagu'>,
  newId: () => string,
): Promise<void> => {
  const region_id = regionId;
  const node_id = nodeId;
  for (const table of ['node_alignment', 'node_crosscutting', 'node_assigned_agency', 'node_pagu'] as const) {
    await db.deleteFrom(table).where('region_id', '=', regionId).where('node_id', '=', nodeId).execute();
  }
  if (f.alignsTo.length > 0)
    await db
      .insertInto('node_alignment')
      .values(f.alignsTo.map((target_key, sort_order) => ({ region_id, node_id, target_key, sort_order })))
      .execute();
  if (f.crosscutting.length > 0) {
    await db
      .insertInto('node_crosscutting')
      .values(
        f.crosscutting.map((c: CrosscuttingPartner, sort_order) => ({
          region_id,
          id: newId(),
          node_id,
          agency: c.agency ?? null,
          unit: c.unit ?? null,
          indicator: c.indicator ?? null,
          contribution: c.contribution ?? null,
          sort_order,
        })),
      )
      .execute();
  }
  if (f.assignedAgencies.length > 0)
    await db
      .insertInto('node_assigned_agency')
      .values(
        f.assignedAgencies.map((agency_code, sort_order) => ({
          region_id,
          node_id,
          agency_code,
          sort_order,
        })),
      )
      .execute();
  const pagu = f.pagu.entries().map(([year, amount]) => ({ region_id, node_id, year, amount }));
  if (pagu.length > 0) await db.insertInto('node_pagu').values(pagu).execute();
};

/**
 * Updates a node's row when its version is still `expectedVersion`, bumping it. Returns false when
 * someone changed it first (optimistic concurrency), so the caller can answer CONFLICT.
 */
export const updateNodeRow = async (
  db: Db,
  regionId: string,
  nodeId: string,
  expectedVersion: number,
  values: Partial<ReturnType<typeof nodeColumns>> & {
    parent_id?: string | null;
    sort_order?: number;
    node_key?: string;
  },
): Promise<boolean> => {
  const r = await db
    .updateTable('plan_node')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('region_id', '=', regionId)
    .where('id', '=', nodeId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
};

/** The ids of a node's subtree, the node first, parents before children. */
export const subtreeIds = async (db: Db, regionId: string, rootId: string): Promise<string[]> => {
  const ids = [rootId];
  const seen = new Set(ids);
  let frontier = [rootId];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const batch of batches(frontier)) {
      const kids = await db
        .selectFrom('plan_node')
        .select('id')
        .where('region_id', '=', regionId)
        .where('parent_id', 'in', batch)
        .orderBy('sort_order')
        .execute();
      for (const k of kids) {
        if (seen.has(k.id)) continue;
        seen.add(k.id);
        next.push(k.id);
      }
    }
    ids.push(...next);
    frontier = next;
  }
  return ids;
};

/** The next sort position under a parent (or at the root of a plan). */
export const nextSortOrder = async (
  db: Db,
  regionId: string,
  planId: string,
  parentId: string | null,
): Promise<number> => {
  let q = db
    .selectFrom('plan_node')
    .select((eb) => eb.fn.max('sort_order').as('m'))
    .where('region_id', '=', regionId)
    .where('plan_id', '=', planId);
  q = parentId === null ? q.where('parent_id', 'is', null) : q.where('parent_id', '=', parentId);
  const r = await q.executeTakeFirst();
  return r?.m === null || r?.m === undefined ? 0 : Number(r.m) + 1;
};
