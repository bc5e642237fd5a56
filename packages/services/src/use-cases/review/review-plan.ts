import { createHash } from 'node:crypto';
import {
  type PlanSettings,
  PlanSettingsSchema,
  type ReviewState,
  type TransitionContext,
  transition,
} from '@selaras/core';
import { findPlan, type PlanRow } from '@selaras/db';
import { AppError, conflict } from '../../app-error.ts';
import type { ServiceContext, Trx } from '../../context.ts';
import { nowIso } from '../../context.ts';
import type { Actor } from '../../permissions.ts';
import { getPlanInScope, matchesPlanEtag, planEtag } from '../plans/plan-scope.ts';

/** SHA-256 in hex: the content hash of snapshots and the letters that carry them. */
export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A plan by id with its permission scope; `requireRenstra` after authorising. */
export const getReviewPlan = (db: ServiceContext['db'] | Trx, planId: string) => getPlanInScope(db, planId);

/** Only a Renstra goes through review (checked after permission, so nobody learns more than allowed). */
export const requireRenstra = (plan: PlanRow): void => {
  if (plan.kind !== 'renstra')
    throw new AppError(
      'INVALID_INPUT',
      'only a Renstra goes through review; a regional plan is Bappeda’s own',
      {
        issues: [{ path: 'id', message: 'the id of a Renstra' }],
      },
    );
};

/** The review settings of the region: those of the plan's regional plan (defaults otherwise). */
export const reviewSettings = async (
  db: ServiceContext['db'] | Trx,
  plan: PlanRow,
): Promise<PlanSettings> => {
  const regional = plan.regional_plan_id
    ? await findPlan(db, plan.region_id, plan.regional_plan_id)
    : undefined;
  return PlanSettingsSchema.parse(regional?.settings ? JSON.parse(regional.settings) : {});
};

/** Requires the caller's If-Match to name the plan as it is now. */
export const requirePlanTag = (plan: PlanRow, etag: string | undefined, what: string): void => {
  if (etag === undefined)
    throw new AppError(
      'PRECONDITION_REQUIRED',
      `send the plan’s entity tag you last read (If-Match) to ${what}`,
      {
        current: { etag: planEtag(plan), state: plan.review_state },
      },
    );
  if (!matchesPlanEtag(etag, plan))
    throw conflict('plan', { etag: planEtag(plan), state: plan.review_state });
};

/** Applies a review transition or refuses it (409) with the core's reason, in both languages. */
export const move = (
  plan: PlanRow,
  event: Parameters<typeof transition>[1],
  c: Omit<TransitionContext, 'stage'>,
) => {
  const t = transition(plan.review_state as ReviewState, event, {
    ...c,
    stage: (plan.stage ?? 'rancangan') as TransitionContext['stage'],
  });
  if (!t.ok)
    throw new AppError('CONFLICT', t.reason.en, { reason: t.reason, state: plan.review_state, event });
  return t;
};

/**
 * Writes a plan's new review state (and stage, round, unlocked items, enactment) if nobody changed
 * the plan since it was read: one conditional update on its version.
 */
export const updateReviewState = async (
  trx: Trx,
  ctx: ServiceContext,
  plan: PlanRow,
  set: {
    state: ReviewState;
    stage?: string | null;
    round?: number;
    unlocked?: string | null;
    enactment?: string | null;
  },
): Promise<PlanRow> => {
  const r = await trx
    .updateTable('plan')
    .set((eb) => ({
      review_state: set.state,
      ...(set.stage !== undefined && { stage: set.stage }),
      ...(set.round !== undefined && { review_round: set.round }),
      ...(set.unlocked !== undefined && { unlocked: set.unlocked }),
      ...(set.enactment !== undefined && { enactment: set.enactment }),
      version: eb('version', '+', 1),
      updated_at: nowIso(ctx),
    }))
    .where('region_id', '=', plan.region_id)
    .where('id', '=', plan.id)
    .where('version', '=', plan.version)
    .where('content_version', '=', plan.content_version)
    .executeTakeFirst();
  const after = await findPlan(trx, plan.region_id, plan.id);
  if (Number(r.numUpdatedRows) !== 1 || !after)
    throw conflict('plan', after ? { etag: planEtag(after), state: after.review_state } : null);
  return after;
};

/** The review part of a plan as the API shows it. */
export const presentReviewState = (p: PlanRow) => ({
  planId: p.id,
  state: p.review_state,
  stage: p.stage,
  round: p.review_round,
  unlocked: p.unlocked ? (JSON.parse(p.unlocked) as unknown[]) : null,
  enactment: p.enactment ? (JSON.parse(p.enactment) as unknown) : null,
  amendsPlanId: p.amends_plan_id,
  etag: planEtag(p),
});

/** Counts of a plan's review findings still standing (open or answered). */
export const unresolvedCount = async (db: ServiceContext['db'] | Trx, plan: PlanRow): Promise<number> =>
  Number(
    (
      await db
        .selectFrom('review_finding')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('region_id', '=', plan.region_id)
        .where('plan_id', '=', plan.id)
        .where('status', 'in', ['open', 'answered'])
        .executeTakeFirstOrThrow()
    ).n,
  );

export type { Actor };
