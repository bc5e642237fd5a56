import { type NodeDraft, NodeDraftSchema, NodePatchSchema } from '@selaras/core';
import {
  loadNodeView,
  type NodeFields,
  type NodeView,
  nextSortOrder,
  nodeColumns,
  type PlanRow,
  replaceNodeLinks,
  updateNodeRow,
} from '@selaras/db';
import { conflict, invalidInput, notFound } from '../../app-error.ts';
import { recordAudit } from '../../audit.ts';
import { requireVersion } from '../../concurrency.ts';
import { inTransaction, nowIso, type ServiceContext, type Trx } from '../../context.ts';
import { parseBatch, parseInput, parsePatch } from '../../patch.ts';
import { type Actor, authorize } from '../../permissions.ts';
import { presentNode } from '../../presenters/node.presenter.ts';
import { type BatchKind, runBatchEdit } from '../plans/batch-edit.ts';
import { getPlanInScope, touchPlanContent } from '../plans/plan-scope.ts';
import { assertEditable } from '../review/review-common.ts';
import { findNodeByKey, getNodeInScope, type UnitList, unitRowId } from './node-scope.ts';

/** The presented node, as every node use-case returns it. */
export type PresentedNode = ReturnType<typeof presentNode>;

/**
 * Adds a node to a plan, under the node whose id (key) is `parent`, or at the root. Its id must be
 * new in the plan; its owner unit must be one of the agency's.
 */
export const addNode = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  planId: string,
  input: unknown,
): Promise<PresentedNode> => {
  const draft: NodeDraft = parseInput(NodeDraftSchema, input, 'node');
  return inTransaction(ctx, async (trx) => {
    const { plan, scope } = await getPlanInScope(trx, planId);
    const who = authorize(actor, 'plan.edit', scope);
    await assertEditable(trx, ctx, plan, { kind: 'add-node', parent: draft.parent });
    if (await findNodeByKey(trx, plan, draft.id)) throw conflict(`node "${draft.id}"`, { key: draft.id });
    const parent = draft.parent === null ? undefined : await findNodeByKey(trx, plan, draft.parent);
    if (draft.parent !== null && !parent)
      throw invalidInput(`parent "${draft.parent}" is not a node of the plan`, [
        { path: 'parent', message: 'an id of a node of this plan, or null' },
      ]);
    const id = ctx.newId();
    const owner = await unitRowId(trx, plan, draft.owner?.unit, 'owner.unit');
    await trx
      .insertInto('plan_node')
      .values({
        region_id: plan.region_id,
        id,
        plan_id: plan.id,
        node_key: draft.id,
        parent_id: parent?.id ?? null,
        sort_order: await nextSortOrder(trx, plan.region_id, plan.id, parent?.id ?? null),
        ...nodeColumns(draft, owner),
      })
      .execute();
    await replaceNodeLinks(trx, plan.region_id, id, draft, ctx.newId);
    const view = await loadNodeView(trx, plan.region_id, id);
    if (!view) throw notFound('node', id);
    const presented = presentNode(view);
    await recordAudit(trx, ctx, who, {
      regionId: plan.region_id,
      action: 'node.add',
      entityType: 'node',
      entityId: id,
      after: presented,
    });
    await touchPlanContent(trx, plan, nowIso(ctx));
    return presented;
  });
};

/**
 * Writes a checked change to a loaded node in the caller's transaction: the row (only if its
 * version is still the one loaded), the links and pagu it replaces, and the audit entry. `path`
 * prefixes the field paths of input errors (`changes.3.` in a batch). The caller touches the plan.
 */
export const applyNodeChange = async (
  trx: Trx,
  ctx: ServiceContext,
  who: Actor,
  plan: PlanRow,
  node: NodeView,
  patch: Partial<NodeFields>,
  { path = '', units }: { path?: string; units?: UnitList } = {},
): Promise<PresentedNode> => {
  const before = presentNode(node);
  const merged: NodeFields = { ...node.node, ...patch };
  const owner = await unitRowId(trx, plan, merged.owner?.unit, `${path}owner.unit`, units);
  if (!(await updateNodeRow(trx, plan.region_id, node.rowId, node.version, nodeColumns(merged, owner)))) {
    throw conflict('node', presentNode((await loadNodeView(trx, plan.region_id, node.rowId)) ?? node));
  }
  if ('alignsTo' in patch || 'crosscutting' in patch || 'assignedAgencies' in patch || 'pagu' in patch) {
    await replaceNodeLinks(trx, plan.region_id, node.rowId, merged, ctx.newId);
  }
  const after = presentNode((await loadNodeView(trx, plan.region_id, node.rowId)) ?? node);
  await recordAudit(trx, ctx, who, {
    regionId: plan.region_id,
    action: 'node.update',
    entityType: 'node',
    entityId: node.rowId,
    before,
    after,
  });
  return after;
};

/** Changes a node's fields. The caller sends the version it last read; a stale one is a CONFLICT. */
export const updateNode = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  nodeId: string,
  input: unknown,
  expectedVersion: number | undefined,
): Promise<PresentedNode> => {
  // Only the fields sent, each defined: safe to read as a partial of the node's fields.
  const patch = parsePatch(NodePatchSchema, input, 'node change') as Partial<NodeFields>;
  if (Object.keys(patch).length === 0) throw invalidInput('nothing to change', []);
  return inTransaction(ctx, async (trx) => {
    const { node, plan, scope } = await getNodeInScope(trx, nodeId);
    const who = authorize(actor, 'plan.edit', scope);
    await assertEditable(trx, ctx, plan, { kind: 'node', node: node.node.id });
    requireVersion(node, expectedVersion, 'node', presentNode(node));
    const after = await applyNodeChange(trx, ctx, who, plan, node, patch);
    await touchPlanContent(trx, plan, nowIso(ctx));
    return after;
  });
};

/** How a batch loads, presents and changes nodes (shared by the node and mixed batches). */
export const nodeBatchKind = (ctx: ServiceContext): BatchKind<NodeView, PresentedNode> => ({
  what: 'node',
  load: (trx, regionId, id) => loadNodeView(trx, regionId, id),
  present: presentNode,
  target: async (_trx, _regionId, view) => ({ kind: 'node', node: view.node.id }),
  apply: (trx, who, plan, view, patch, options) =>
    applyNodeChange(trx, ctx, who, plan, view, patch as Partial<NodeFields>, options),
});

/**
 * Changes many nodes of a plan at once (pagu for every year pasted from a spreadsheet): all or
 * nothing, in one transaction, as `updateIndicators` does for indicators.
 */
export const updateNodes = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  planId: string,
  input: unknown,
) => {
  const changes = parseBatch(NodePatchSchema, input, 'node');
  const result = await runBatchEdit(ctx, actor, planId, changes, nodeBatchKind(ctx));
  return { planId: result.planId, etag: result.etag, nodes: result.items };
};
