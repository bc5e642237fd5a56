import { type Indicator, IndicatorDraftSchema, IndicatorPatchSchema } from '@selaras/core';
import {
  findIndicatorRegion,
  findPlan,
  type IndicatorView,
  indicatorColumns,
  loadIndicatorView,
  type PlanRow,
  replaceIndicatorSeries,
  updateIndicatorRow,
} from '@selaras/db';
import { conflict, invalidInput, notFound } from '../../app-error.ts';
import { recordAudit } from '../../audit.ts';
import { requireVersion } from '../../concurrency.ts';
import { inTransaction, nowIso, type ServiceContext, type Trx } from '../../context.ts';
import { parseBatch, parseInput, parsePatch } from '../../patch.ts';
import { type Actor, authorize } from '../../permissions.ts';
import { presentIndicator } from '../../presenters/indicator.presenter.ts';
import { getNodeInScope, type UnitList, unitRowId } from '../nodes/node-scope.ts';
import { type BatchKind, runBatchEdit } from '../plans/batch-edit.ts';
import { touchPlanContent } from '../plans/plan-scope.ts';
import { assertEditable, indicatorTarget } from '../review/review-common.ts';

/** The presented indicator, as every indicator use-case returns it. */
export type PresentedIndicator = ReturnType<typeof presentIndicator>;

const getIndicatorInScope = async (trx: Trx | ServiceContext['db'], indicatorId: string) => {
  const regionId = await findIndicatorRegion(trx, indicatorId);
  const view = regionId === undefined ? undefined : await loadIndicatorView(trx, regionId, indicatorId);
  const plan = view && regionId !== undefined ? await findPlan(trx, regionId, view.planId) : undefined;
  if (!view || !plan) throw notFound('indicator', indicatorId);
  return { view, plan, scope: { regionId: plan.region_id, agencyId: plan.agency_id } };
};

/** Adds an indicator (with its targets by year) to a node. Its id must be new in the plan. */
export const addIndicator = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  nodeId: string,
  input: unknown,
): Promise<PresentedIndicator> => {
  const ind: Indicator = parseInput(IndicatorDraftSchema, input, 'indicator');
  return inTransaction(ctx, async (trx) => {
    const { node, plan, scope } = await getNodeInScope(trx, nodeId);
    const who = authorize(actor, 'plan.edit', scope);
    await assertEditable(trx, ctx, plan, { kind: 'indicator', indicator: null, node: node.node.id });
    const taken = await trx
      .selectFrom('indicator')
      .select('id')
      .where('region_id', '=', plan.region_id)
      .where('plan_id', '=', plan.id)
      .where('indicator_key', '=', ind.id)
      .executeTakeFirst();
    if (taken) throw conflict(`indicator "${ind.id}"`, { key: ind.id, id: taken.id });
    const id = ctx.newId();
    const unit = await unitRowId(trx, plan, ind.responsibleUnit, 'responsibleUnit');
    await trx
      .insertInto('indicator')
      .values({
        region_id: plan.region_id,
        id,
        plan_id: plan.id,
        node_id: node.rowId,
        indicator_key: ind.id,
        sort_order: node.indicators.length,
        ...indicatorColumns(ind, unit),
      })
      .execute();
    await replaceIndicatorSeries(trx, plan.region_id, id, ind);
    const view = await loadIndicatorView(trx, plan.region_id, id);
    if (!view) throw notFound('indicator', id);
    const after = presentIndicator(view);
    await recordAudit(trx, ctx, who, {
      regionId: plan.region_id,
      action: 'indicator.add',
      entityType: 'indicator',
      entityId: id,
      after,
    });
    await touchPlanContent(trx, plan, nowIso(ctx));
    return after;
  });
};

/** The CONFLICT of a write that lost a race: with the indicator as it is now (null when deleted). */
const currentConflict = async (trx: Trx, regionId: string, indicatorId: string) => {
  const now = await loadIndicatorView(trx, regionId, indicatorId);
  return conflict('indicator', now ? presentIndicator(now) : null);
};

/**
 * Writes a checked change to a loaded indicator in the caller's transaction: the row (only if its
 * version is still the one loaded), the series it replaces, and the audit entry. `path` prefixes
 * the field paths of input errors (`changes.3.` in a batch). The caller touches the plan's content.
 */
export const applyIndicatorChange = async (
  trx: Trx,
  ctx: ServiceContext,
  who: Actor,
  plan: PlanRow,
  view: IndicatorView,
  patch: Partial<Indicator>,
  { path = '', units }: { path?: string; units?: UnitList } = {},
): Promise<PresentedIndicator> => {
  const before = presentIndicator(view);
  const merged: Indicator = { ...view.indicator, ...patch };
  const unit = await unitRowId(trx, plan, merged.responsibleUnit, `${path}responsibleUnit`, units);
  if (
    !(await updateIndicatorRow(trx, plan.region_id, view.rowId, view.version, indicatorColumns(merged, unit)))
  )
    throw await currentConflict(trx, plan.region_id, view.rowId);
  if ('targets' in patch || 'realisations' in patch || 'contributesTo' in patch)
    await replaceIndicatorSeries(trx, plan.region_id, view.rowId, merged);
  const after = presentIndicator((await loadIndicatorView(trx, plan.region_id, view.rowId)) ?? view);
  await recordAudit(trx, ctx, who, {
    regionId: plan.region_id,
    action: 'indicator.update',
    entityType: 'indicator',
    entityId: view.rowId,
    before,
    after,
  });
  return after;
};

/**
 * Changes an indicator's fields; `targets`, `realisations` and `contributesTo`, when sent, replace
 * the whole series. The caller sends the version it last read; a stale one is a CONFLICT.
 */
export const updateIndicator = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  indicatorId: string,
  input: unknown,
  expectedVersion: number | undefined,
): Promise<PresentedIndicator> => {
  // Only the fields sent, each defined.
  const patch = parsePatch(IndicatorPatchSchema, input, 'indicator change') as Partial<Indicator>;
  if (Object.keys(patch).length === 0) throw invalidInput('nothing to change', []);
  return inTransaction(ctx, async (trx) => {
    const { view, plan, scope } = await getIndicatorInScope(trx, indicatorId);
    const who = authorize(actor, 'plan.edit', scope);
    await assertEditable(trx, ctx, plan, await indicatorTarget(trx, plan.region_id, view));
    requireVersion(view, expectedVersion, 'indicator', presentIndicator(view));
    const after = await applyIndicatorChange(trx, ctx, who, plan, view, patch);
    await touchPlanContent(trx, plan, nowIso(ctx));
    return after;
  });
};

/** How a batch loads, presents and changes indicators (shared by the indicator and mixed batches). */
export const indicatorBatchKind = (ctx: ServiceContext): BatchKind<IndicatorView, PresentedIndicator> => ({
  what: 'indicator',
  load: (trx, regionId, id) => loadIndicatorView(trx, regionId, id),
  present: presentIndicator,
  target: (trx, regionId, view) => indicatorTarget(trx, regionId, view),
  apply: (trx, who, plan, view, patch, options) =>
    applyIndicatorChange(trx, ctx, who, plan, view, patch as Partial<Indicator>, options),
});

/**
 * Changes many indicators of a plan at once (a paste from a spreadsheet): all or nothing, in one
 * transaction. Every change names an indicator of this plan, the version last read and an
 * indicator change as `updateIndicator` takes it. Stale versions are one CONFLICT listing each
 * (`details.conflicts`); one audit entry per indicator; the plan's content changes once.
 */
export const updateIndicators = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  planId: string,
  input: unknown,
) => {
  const changes = parseBatch(IndicatorPatchSchema, input, 'indicator');
  const result = await runBatchEdit(ctx, actor, planId, changes, indicatorBatchKind(ctx));
  return { planId: result.planId, etag: result.etag, indicators: result.items };
};

/** Deletes an indicator. The caller sends the version it last read. */
export const deleteIndicator = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  indicatorId: string,
  expectedVersion: number | undefined,
): Promise<void> =>
  inTransaction(ctx, async (trx) => {
    const { view, plan, scope } = await getIndicatorInScope(trx, indicatorId);
    const who = authorize(actor, 'plan.edit', scope);
    await assertEditable(trx, ctx, plan, await indicatorTarget(trx, plan.region_id, view));
    const before = presentIndicator(view);
    requireVersion(view, expectedVersion, 'indicator', before);
    const r = await trx
      .deleteFrom('indicator')
      .where('region_id', '=', plan.region_id)
      .where('id', '=', indicatorId)
      .where('version', '=', view.version)
      .executeTakeFirst();
    if (Number(r.numDeletedRows) !== 1) throw await currentConflict(trx, plan.region_id, indicatorId);
    await recordAudit(trx, ctx, who, {
      regionId: plan.region_id,
      action: 'indicator.delete',
      entityType: 'indicator',
      entityId: indicatorId,
      before,
    });
    await touchPlanContent(trx, plan, nowIso(ctx));
  });

/** One indicator, for anyone who may read its plan. */
export const getIndicator = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  indicatorId: string,
): Promise<PresentedIndicator> => {
  const { view, scope } = await getIndicatorInScope(ctx.db, indicatorId);
  authorize(actor, 'plan.read', scope);
  return presentIndicator(view);
};
