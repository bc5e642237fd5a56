import {
  type Chapter,
  type CompositeIndex,
  type Indicator,
  indexPlan,
  type PerformanceNode,
  type Plan,
} from '@selaras/core';
import type { Insertable } from 'kysely';
import type { Database } from '../tables/database.ts';
import { batches, toJson } from '../values.ts';
import { indicatorColumns } from './indicator.repository.ts';
import { nodeColumns } from './node.repository.ts';
import type { Db } from './region.repository.ts';

/** What inserting a plan's content needs besides the plan. */
export interface PlanWriteContext {
  readonly regionId: string;
  readonly planId: string;
  /** Unit ids by unit key (the agency's units). */
  readonly unitIds: ReadonlyMap<string, string>;
  readonly newId: () => string;
}

/** Inserts rows of one table in batches (one statement per batch). */
const insertAll = async <T extends keyof Database>(
  db: Db,
  table: T,
  rows: Insertable<Database[T]>[],
): Promise<void> => {
  for (const batch of batches(rows))
    await db
      .insertInto(table)
      .values(batch as never)
      .execute();
};

const unitId = (ctx: PlanWriteContext, key: string | undefined): string | null => {
  if (key === undefined) return null;
  const id = ctx.unitIds.get(key);
  if (id === undefined) throw new Error(`unknown unit "${key}"`);
  return id;
};

const nodeRow = (
  ctx: PlanWriteContext,
  node: PerformanceNode,
  id: string,
  parentId: string | null,
  order: number,
): Insertable<Database['plan_node']> => ({
  region_id: ctx.regionId,
  id,
  plan_id: ctx.planId,
  node_key: node.id,
  parent_id: parentId,
  sort_order: order,
  ...nodeColumns(node, unitId(ctx, node.owner?.unit)),
});

const indicatorRow = (
  ctx: PlanWriteContext,
  ind: Indicator,
  id: string,
  nodeId: string,
  order: number,
): Insertable<Database['indicator']> => ({
  region_id: ctx.regionId,
  id,
  plan_id: ctx.planId,
  node_id: nodeId,
  indicator_key: ind.id,
  sort_order: order,
  ...indicatorColumns(ind, unitId(ctx, ind.responsibleUnit)),
});

/** Rows for one indicator's targets, realisations and contributions. */
const indicatorChildren = (ctx: PlanWriteContext, ind: Indicator, id: string, acc: IndicatorChildRows) => {
  const region_id = ctx.regionId;
  ind.targets.forEach((t, year) => {
    acc.targets.push(
      typeof t === 'number'
        ? { region_id, indicator_id: id, year, value: t, min_value: null, max_value: null }
        : { region_id, indicator_id: id, year, value: null, min_value: t.min, max_value: t.max },
    );
  });
  ind.realisations.forEach((value, year) => {
    acc.realisations.push({ region_id, indicator_id: id, year, value });
  });
  ind.contributesTo.forEach((target_key, sort_order) => {
    acc.contributions.push({ region_id, indicator_id: id, target_key, sort_order });
  });
};

interface IndicatorChildRows {
  targets: Insertable<Database['indicator_target']>[];
  realisations: Insertable<Database['indicator_realisation']>[];
  contributions: Insertable<Database['indicator_contribution']>[];
}

/**
 * Inserts the performance tree of a plan: nodes (parents before children), their links and pagu,
 * indicators with their targets, realisations and contributions. The caller has checked that the
 * tree has unique ids, known parents, known units and no cycles.
 */
export const insertPlanTree = async (
  db: Db,
  ctx: PlanWriteContext,
  plan: Plan,
): Promise<Map<string, string>> => {
  const ordered = indexPlan(plan).ordered;
  const ids = new Map<string, string>(ordered.map((n) => [n.id, ctx.newId()]));
  const fileOrder = new Map(plan.nodes.map((n, i) => [n.id, i]));
  const region_id = ctx.regionId;
  const nodes = ordered.map((n) =>
    nodeRow(
      ctx,
      n,
      ids.get(n.id) as string,
      n.parent === null ? null : (ids.get(n.parent) ?? null),
      fileOrder.get(n.id) ?? 0,
    ),
  );
  const alignments: Insertable<Database['node_alignment']>[] = [];
  const crosscutting: Insertable<Database['node_crosscutting']>[] = [];
  const assigned: Insertable<Database['node_assigned_agency']>[] = [];
  const pagu: Insertable<Database['node_pagu']>[] = [];
  const indicators: Insertable<Database['indicator']>[] = [];
  const children: IndicatorChildRows = { targets: [], realisations: [], contributions: [] };
  for (const n of ordered) {
    const node_id = ids.get(n.id) as string;
    n.alignsTo.forEach((target_key, sort_order) => {
      alignments.push({ region_id, node_id, target_key, sort_order });
    });
    n.crosscutting.forEach((c, sort_order) => {
      crosscutting.push({
        region_id,
        id: ctx.newId(),
        node_id,
        agency: c.agency ?? null,
        unit: c.unit ?? null,
        indicator: c.indicator ?? null,
        contribution: c.contribution ?? null,
        sort_order,
      });
    });
    n.assignedAgencies.forEach((agency_code, sort_order) => {
      assigned.push({ region_id, node_id, agency_code, sort_order });
    });
    n.pagu.forEach((amount, year) => {
      pagu.push({ region_id, node_id, year, amount });
    });
    n.indicators.forEach((ind, i) => {
      const id = ctx.newId();
      indicators.push(indicatorRow(ctx, ind, id, node_id, i));
      indicatorChildren(ctx, ind, id, children);
    });
  }
  await insertAll(db, 'plan_node', nodes);
  await insertAll(db, 'node_alignment', alignments);
  await insertAll(db, 'node_crosscutting', crosscutting);
  await insertAll(db, 'node_assigned_agency', assigned);
  await insertAll(db, 'node_pagu', pagu);
  await insertAll(db, 'indicator', indicators);
  await insertAll(db, 'indicator_target', children.targets);
  await insertAll(db, 'indicator_realisation', children.realisations);
  await insertAll(db, 'indicator_contribution', children.contributions);
  return ids;
};

/** Inserts the composite indices of a plan, with every version and component. */
export const insertComposites = async (
  db: Db,
  ctx: PlanWriteContext,
  composites: readonly CompositeIndex[],
): Promise<void> => {
  const region_id = ctx.regionId;
  for (const [order, c] of composites.entries()) {
    const compositeId = ctx.newId();
    await db
      .insertInto('composite')
      .values({
        region_id,
        id: compositeId,
        plan_id: ctx.planId,
        composite_key: c.id,
        name: c.name,
        unit: c.unit ?? null,
        description: c.description ?? null,
        sort_order: order,
      })
      .execute();
    for (const [vOrder, v] of c.versions.entries()) {
      const versionId = ctx.newId();
      await db
        .insertInto('composite_version')
        .values({
          region_id,
          id: versionId,
          composite_id: compositeId,
          label: v.version,
          effective_from: v.effectiveFrom,
          scale_min: v.scale.min,
          scale_max: v.scale.max,
          missing_policy: v.missing,
          decimals: v.decimals,
          note: v.note ?? null,
          sort_order: vOrder,
        })
        .execute();
      await insertAll(
        db,
        'composite_component',
        v.components.map((comp, sort_order) => ({
          region_id,
          id: ctx.newId(),
          composite_version_id: versionId,
          indicator_key: comp.indicator,
          weight: comp.weight,
          normalisation: toJson(comp.normalisation),
          polarity: comp.polarity ?? null,
          label: comp.label ?? null,
          sort_order,
        })),
      );
    }
  }
};

/** Inserts a Renstra's chapters and sections. */
export const insertChapters = async (
  db: Db,
  ctx: PlanWriteContext,
  chapters: readonly Chapter[],
): Promise<void> => {
  const region_id = ctx.regionId;
  for (const ch of chapters) {
    const chapterId = ctx.newId();
    await db
      .insertInto('chapter')
      .values({
        region_id,
        id: chapterId,
        plan_id: ctx.planId,
        number: ch.number,
        title: ch.title,
        intro: ch.intro ? toJson(ch.intro) : null,
      })
      .execute();
    await insertAll(
      db,
      'chapter_section',
      ch.sections.map((s, sort_order) => ({
        region_id,
        id: ctx.newId(),
        chapter_id: chapterId,
        section_key: s.key,
        title: s.title,
        content: toJson(s.content),
        sort_order,
      })),
    );
  }
};

/** Removes a plan's tree, composites and chapters (before re-importing it). */
export const deletePlanContents = async (db: Db, regionId: string, planId: string): Promise<void> => {
  const nodes = await db
    .selectFrom('plan_node')
    .select('id')
    .where('region_id', '=', regionId)
    .where('plan_id', '=', planId)
    .where('parent_id', 'is', null)
    .execute();
  // Children cascade from their roots; composites and chapters from their own rows.
  for (const batch of batches(nodes.map((n) => n.id))) {
    await db.deleteFrom('plan_node').where('region_id', '=', regionId).where('id', 'in', batch).execute();
  }
  await db.deleteFrom('composite').where('region_id', '=', regionId).where('plan_id', '=', planId).execute();
  await db.deleteFrom('chapter').where('region_id', '=', regionId).where('plan_id', '=', planId).execute();
};
