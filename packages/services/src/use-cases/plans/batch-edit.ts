import type { EditTarget } from '@selaras/core';
import { findPlan, type PlanRow } from '@selaras/db';
import { AppError, invalidInput, notFound } from '../../app-error.ts';
import { inTransaction, nowIso, type ServiceContext, type Trx } from '../../context.ts';
import type { BatchChange } from '../../patch.ts';
import { type Actor, authorize } from '../../permissions.ts';
import { listPlanUnits, type UnitList } from '../nodes/node-scope.ts';
import { assertEditable } from '../review/review-common.ts';
import { getPlanInScope, planEtag, touchPlanContent } from './plan-scope.ts';

/** A stale row of a batch: its id and its current state (null when it no longer exists). */
export interface BatchConflict {
  readonly id: string;
  readonly current: unknown;
}

/** What a batch edits: how to load a row, present it, and write one checked change to it. */
export interface BatchKind<V extends { planId: string; version: number }, R> {
  readonly what: 'indicator' | 'node';
  load(trx: Trx, regionId: string, id: string): Promise<V | undefined>;
  present(view: V): unknown;
  /** What editing the row touches, for the review lock. */
  target(trx: Trx, regionId: string, view: V): Promise<EditTarget>;
  apply(
    trx: Trx,
    who: Actor,
    plan: PlanRow,
    view: V,
    patch: unknown,
    options: { path: string; units: UnitList },
  ): Promise<R>;
}

const staleError = (what: string, conflicts: BatchConflict[]) =>
  new AppError(
    'CONFLICT',
    `${conflicts.length} ${what}${conflicts.length === 1 ? ' was' : 's were'} changed by someone else; nothing was saved. Reload, apply your changes again and resend them all`,
    { conflicts },
  );

/** One group of a batch: changes of one kind, and the path their problems are reported under. */
export interface BatchGroup<V extends { planId: string; version: number }, R> {
  readonly changes: readonly BatchChange<unknown>[];
  readonly kind: BatchKind<V, R>;
  /** `changes` for a single-kind batch; `indicators` or `nodes` in a mixed one. */
  readonly path: string;
}

// biome-ignore lint/suspicious/noExplicitAny: groups of different row kinds share one runner
type AnyGroup = BatchGroup<any, unknown>;

/**
 * Runs batches of changes to rows of one plan in one transaction, all or nothing: the plan must
 * exist (NOT_FOUND) and the caller may edit it (FORBIDDEN); every row must be of this plan
 * (INVALID_INPUT at `<path>.<i>.id`); every version must be current, else one CONFLICT with
 * `details.conflicts` listing each stale row (`current: null` for a row that is gone); then each
 * change is written with its audit entry, and the plan's content is touched once.
 */
export const runBatchEdits = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  planId: string,
  groups: readonly AnyGroup[],
): Promise<{ planId: string; etag: string; items: unknown[][] }> =>
  inTransaction(ctx, async (trx) => {
    const { plan, scope } = await getPlanInScope(trx, planId);
    const who = authorize(actor, 'plan.edit', scope);
    const issues: { path: string; message: string }[] = [];
    const conflicts: BatchConflict[] = [];
    const loaded: { change: BatchChange<unknown>; view: { planId: string; version: number } }[][] = [];
    for (const g of groups) {
      const rows: (typeof loaded)[number] = [];
      for (const change of g.changes) {
        const view = await g.kind.load(trx, plan.region_id, change.id);
        if (!view) conflicts.push({ id: change.id, current: null });
        else if (view.planId !== plan.id)
          issues.push({ path: `${g.path}.${change.index}.id`, message: `not a ${g.kind.what} of this plan` });
        else if (view.version !== change.version)
          conflicts.push({ id: change.id, current: g.kind.present(view) });
        else rows.push({ change, view });
      }
      loaded.push(rows);
    }
    const what = groups.length === 1 && groups[0] ? groups[0].kind.what : 'row';
    if (issues.length > 0) throw invalidInput(`every ${what} must belong to plan ${planId}`, issues);
    if (conflicts.length > 0) throw staleError(what, conflicts);
    for (const [gi, g] of groups.entries())
      for (const { view } of loaded[gi] ?? [])
        await assertEditable(trx, ctx, plan, await g.kind.target(trx, plan.region_id, view));
    const units = await listPlanUnits(trx, plan);
    const items: unknown[][] = [];
    for (const [gi, g] of groups.entries()) {
      const out: unknown[] = [];
      for (const { change, view } of loaded[gi] ?? []) {
        try {
          out.push(
            await g.kind.apply(trx, who, plan, view, change.patch, {
              path: `${g.path}.${change.index}.`,
              units,
            }),
          );
        } catch (e) {
          // Someone wrote the row after it was loaded: the whole batch is stale.
          if (e instanceof AppError && e.code === 'CONFLICT')
            throw staleError(what, [
              { id: change.id, current: (e.details as { current?: unknown } | undefined)?.current ?? null },
            ]);
          throw e;
        }
      }
      items.push(out);
    }
    await touchPlanContent(trx, plan, nowIso(ctx));
    const after = await findPlan(trx, plan.region_id, plan.id);
    if (!after) throw notFound('plan', planId);
    return { planId, etag: planEtag(after), items };
  });

/** A batch of one kind of row (see runBatchEdits). */
export const runBatchEdit = async <V extends { planId: string; version: number }, R>(
  ctx: ServiceContext,
  actor: Actor | undefined,
  planId: string,
  changes: readonly BatchChange<unknown>[],
  kind: BatchKind<V, R>,
): Promise<{ planId: string; etag: string; items: R[] }> => {
  const r = await runBatchEdits(ctx, actor, planId, [{ changes, kind, path: 'changes' }]);
  return { planId: r.planId, etag: r.etag, items: (r.items[0] ?? []) as R[] };
};
