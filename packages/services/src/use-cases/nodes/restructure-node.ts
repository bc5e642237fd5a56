import { type NodeClone, NodeCloneSchema, type NodeMove, NodeMoveSchema } from '@selaras/core';
import { batches, loadNodeView, type PlanNodeTable, subtreeIds, updateNodeRow } from '@selaras/db';
import type { Kysely, Selectable } from 'kysely';
import { conflict, invalidInput, notFound } from '../../app-error.ts';
import { recordAudit } from '../../audit.ts';
import { requireVersion } from '../../concurrency.ts';
import { inTransaction, nowIso, type ServiceContext, type Trx } from '../../context.ts';
import { parseInput } from '../../patch.ts';
import { type Actor, authorize } from '../../permissions.ts';
import { presentNode } from '../../presenters/node.presenter.ts';
import { touchPlanContent } from '../plans/plan-scope.ts';
import { assertEditable } from '../review/review-common.ts';
import type { PresentedNode } from './edit-node.ts';
import { findNodeByKey, getNodeInScope } from './node-scope.ts';

/** Puts `nodeId` at `position` among its siblings and renumbers them. */
const placeAmongSiblings = async (
  trx: Trx,
  regionId: string,
  planId: string,
  parentId: string | null,
  nodeId: string,
  position: number | undefined,
) => {
  let q = trx
    .selectFrom('plan_node')
    .select('id')
    .where('region_id', '=', regionId)
    .where('plan_id', '=', planId);
  q = parentId === null ? q.where('parent_id', 'is', null) : q.where('parent_id', '=', parentId);
  const siblings = (await q.orderBy('sort_order').execute()).map((r) => r.id).filter((id) => id !== nodeId);
  siblings.splice(Math.min(position ?? siblings.length, siblings.length), 0, nodeId);
  for (const [i, id] of siblings.entries()) {
    await trx
      .updateTable('plan_node')
      .set({ sort_order: i })
      .where('region_id', '=', regionId)
      .where('id', '=', id)
      .execute();
  }
};

/**
 * Moves a node (with its subtree) under another node of the same plan, or to the root, at a
 * position among its new siblings. A node cannot move under itself or its own descendants.
 */
export const moveNode = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  nodeId: string,
  input: unknown,
  expectedVersion: number | undefined,
): Promise<PresentedNode> => {
  const move: NodeMove = parseInput(NodeMoveSchema, input, 'move');
  return inTransaction(ctx, async (trx) => {
    const { node, plan, scope } = await getNodeInScope(trx, nodeId);
    const who = authorize(actor, 'plan.edit', scope);
    await assertEditable(trx, ctx, plan, { kind: 'node', node: node.node.id });
    await assertEditable(trx, ctx, plan, { kind: 'add-node', parent: move.parent });
    const before = presentNode(node);
    requireVersion(node, expectedVersion, 'node', before);
    const parent = move.parent === null ? undefined : await findNodeByKey(trx, plan, move.parent);
    if (move.parent !== null && !parent)
      throw invalidInput(`parent "${move.parent}" is not a node of the plan`, [
        { path: 'parent', message: 'an id of a node of this plan, or null' },
      ]);
    if (parent && (await subtreeIds(trx, plan.region_id, nodeId)).includes(parent.id)) {
      throw invalidInput('a node cannot move under itself or its own descendants', [
        { path: 'parent', message: 'choose a node outside the subtree' },
      ]);
    }
    if (!(await updateNodeRow(trx, plan.region_id, nodeId, node.version, { parent_id: parent?.id ?? null })))
      throw conflict('node', before);
    await placeAmongSiblings(trx, plan.region_id, plan.id, parent?.id ?? null, nodeId, move.position);
    const after = presentNode((await loadNodeView(trx, plan.region_id, nodeId)) ?? node);
    await recordAudit(trx, ctx, who, {
      regionId: plan.region_id,
      action: 'node.move',
      entityType: 'node',
      entityId: nodeId,
      before,
      after,
    });
    await touchPlanContent(trx, plan, nowIso(ctx));
    return after;
  });
};

/** A key not yet used in the plan: `key + suffix`, then `key + suffix + 2`, … */
const freshKey = (key: string, suffix: string, used: Set<string>): string => {
  let candidate = `${key}${suffix}`;
  for (let n = 2; used.has(candidate); n++) candidate = `${key}${suffix}${n}`;
  used.add(candidate);
  return candidate;
};

/** A loosely typed view of the database for copying rows of several tables with one routine. */
type LooseDb = Kysely<Record<string, Record<string, unknown>>>;

/** Copies the rows of `table` whose `column` is among the keys of `ids`, pointing the copies at the mapped ids. */
const copyRows = async (
  trx: Trx,
  table: string,
  column: 'node_id' | 'indicator_id',
  regionId: string,
  ids: Map<string, string>,
  newId: () => string,
) => {
  const db = trx as unknown as LooseDb;
  for (const batch of batches([...ids.keys()])) {
    const rows = await db
      .selectFrom(table)
      .selectAll()
      .where('region_id', '=', regionId)
      .where(column, 'in', batch)
      .execute();
    const copies = rows.map((r) => ({
      ...r,
      [column]: ids.get(r[column] as string),
      ...('id' in r && { id: newId() }),
    }));
    if (copies.length > 0) await db.insertInto(table).values(copies).execute();
  }
};

/**
 * Copies a node and its whole subtree (indicators, targets, pagu, links; not realisations) under
 * another node or at the root. Copies get new ids made of the originals' and a suffix.
 */
export const cloneSubtree = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  nodeId: string,
  input: unknown,
): Promise<PresentedNode> => {
  const clone: NodeClone = parseInput(NodeCloneSchema, input, 'clone');
  return inTransaction(ctx, async (trx) => {
    const { plan, scope } = await getNodeInScope(trx, nodeId);
    const who = authorize(actor, 'plan.edit', scope);
    await assertEditable(trx, ctx, plan, { kind: 'add-node', parent: clone.parent });
    const parent = clone.parent === null ? undefined : await findNodeByKey(trx, plan, clone.parent);
    if (clone.parent !== null && !parent)
      throw invalidInput(`parent "${clone.parent}" is not a node of the plan`, [
        { path: 'parent', message: 'an id of a node of this plan, or null' },
      ]);
    const region = plan.region_id;
    const ids = await subtreeIds(trx, region, nodeId);
    const nodeIds = new Map(ids.map((id) => [id, ctx.newId()]));
    const usedNodeKeys = new Set(
      (
        await trx
          .selectFrom('plan_node')
          .select('node_key')
          .where('region_id', '=', region)
          .where('plan_id', '=', plan.id)
          .execute()
      ).map((r) => r.node_key),
    );
    const usedIndicatorKeys = new Set(
      (
        await trx
          .selectFrom('indicator')
          .select('indicator_key')
          .where('region_id', '=', region)
          .where('plan_id', '=', plan.id)
          .execute()
      ).map((r) => r.indicator_key),
    );
    const rows = new Map<string, Selectable<PlanNodeTable>>();
    for (const batch of batches(ids))
      for (const r of await trx
        .selectFrom('plan_node')
        .selectAll()
        .where('region_id', '=', region)
        .where('id', 'in', batch)
        .execute())
        rows.set(r.id, r);
    for (const [i, id] of ids.entries()) {
      const r = rows.get(id) as Selectable<PlanNodeTable>;
      const { version: _v, ...copy } = r;
      await trx
        .insertInto('plan_node')
        .values({
          ...copy,
          id: nodeIds.get(id) as string,
          node_key: freshKey(r.node_key, clone.idSuffix, usedNodeKeys),
          parent_id: i === 0 ? (parent?.id ?? null) : (nodeIds.get(r.parent_id as string) ?? null),
          sort_order: i === 0 ? 1_000_000 : r.sort_order,
        })
        .execute();
    }
    const indicatorIds = new Map<string, string>();
    for (const batch of batches(ids)) {
      for (const ind of await trx
        .selectFrom('indicator')
        .selectAll()
        .where('region_id', '=', region)
        .where('node_id', 'in', batch)
        .execute()) {
        const { version: _v, ...copy } = ind;
        const newIndicatorId = ctx.newId();
        indicatorIds.set(ind.id, newIndicatorId);
        await trx
          .insertInto('indicator')
          .values({
            ...copy,
            id: newIndicatorId,
            node_id: nodeIds.get(ind.node_id) as string,
            indicator_key: freshKey(ind.indicator_key, clone.idSuffix, usedIndicatorKeys),
          })
          .execute();
      }
    }
    for (const t of ['node_alignment', 'node_crosscutting', 'node_assigned_agency', 'node_pagu'] as const)
      await copyRows(trx, t, 'node_id', region, nodeIds, ctx.newId);
    for (const t of ['indicator_target', 'indicator_contribution'] as const)
      await copyRows(trx, t, 'indicator_id', region, indicatorIds, ctx.newId);
    const rootCopy = nodeIds.get(nodeId) as string;
    await placeAmongSiblings(trx, region, plan.id, parent?.id ?? null, rootCopy, undefined);
    const view = await loadNodeView(trx, region, rootCopy);
    if (!view) throw notFound('node', rootCopy);
    const after = presentNode(view);
    await recordAudit(trx, ctx, who, {
      regionId: region,
      action: 'node.clone',
      entityType: 'node',
      entityId: rootCopy,
      after: { ...after, copiedFrom: nodeId, nodes: ids.length, indicators: indicatorIds.size },
    });
    await touchPlanContent(trx, plan, nowIso(ctx));
    return after;
  });
};

/** Deletes a node and everything below it. The caller sends the version it last read. */
export const deleteNode = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  nodeId: string,
  expectedVersion: number | undefined,
): Promise<{ deleted: number }> =>
  inTransaction(ctx, async (trx) => {
    const { node, plan, scope } = await getNodeInScope(trx, nodeId);
    const who = authorize(actor, 'plan.edit', scope);
    await assertEditable(trx, ctx, plan, { kind: 'node', node: node.node.id });
    const before = presentNode(node);
    requireVersion(node, expectedVersion, 'node', before);
    const ids = await subtreeIds(trx, plan.region_id, nodeId);
    const r = await trx
      .deleteFrom('plan_node')
      .where('region_id', '=', plan.region_id)
      .where('id', '=', nodeId)
      .where('version', '=', node.version)
      .executeTakeFirst();
    if (Number(r.numDeletedRows) !== 1) throw conflict('node', before);
    await recordAudit(trx, ctx, who, {
      regionId: plan.region_id,
      action: 'node.delete',
      entityType: 'node',
      entityId: nodeId,
      before: { ...before, subtreeNodes: ids.length },
    });
    await touchPlanContent(trx, plan, nowIso(ctx));
    return { deleted: ids.length };
  });
