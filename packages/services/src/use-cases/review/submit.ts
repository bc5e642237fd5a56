import { canonicalJson, type Finding, OfficialLetterSchema } from '@selaras/core';
import { findPlan, loadPlan } from '@selaras/db';
import { z } from 'zod';
import { AppError } from '../../app-error.ts';
import { recordAudit } from '../../audit.ts';
import { inTransaction, nowIso, type ServiceContext } from '../../context.ts';
import { parseInput } from '../../patch.ts';
import { type Actor, authorize } from '../../permissions.ts';
import { countFindings, validateStoredPlan } from '../plans/plan-findings.ts';
import { planEtag } from '../plans/plan-scope.ts';
import { notify, planEvent, reviewerIds, windowOpen } from './review-common.ts';
import {
  getReviewPlan,
  move,
  presentReviewState,
  requirePlanTag,
  requireRenstra,
  reviewSettings,
  sha256,
  updateReviewState,
} from './review-plan.ts';

export const SubmissionSchema = z.strictObject({ letter: OfficialLetterSchema });

/**
 * The agency head submits the Renstra (or resubmits it after a return) with an official letter.
 * It freezes an immutable snapshot of the whole plan with its validation findings; the snapshot's
 * SHA-256 is recorded on the letter. At the stages Bappeda gates (by default the rancangan akhir)
 * validation errors block it; at earlier stages the findings travel with the snapshot. Bappeda
 * and the Inspektorat are notified.
 */
export const submitPlan = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  planId: string,
  input: unknown,
  etag: string | undefined,
) => {
  const { letter } = parseInput(SubmissionSchema, input, 'submission');
  const { plan, scope } = await getReviewPlan(ctx.db, planId);
  const who = authorize(actor, 'plan.submit', scope);
  requireRenstra(plan);
  requirePlanTag(plan, etag, 'submit it');
  const settings = await reviewSettings(ctx.db, plan);
  const regional = plan.regional_plan_id
    ? await findPlan(ctx.db, plan.region_id, plan.regional_plan_id)
    : undefined;
  const findings: readonly Finding[] = await validateStoredPlan(ctx, plan, regional);
  const counts = countFindings(findings);
  const event = plan.review_state === 'returned' ? 'resubmit' : 'submit';
  const t = move(plan, event, {
    gatedStages: settings.review.gatedStages,
    errors: counts.error,
    unresolvedFindings: 0,
    hasLetter: true,
  });
  if (!(await windowOpen(ctx.db, plan, nowIso(ctx).slice(0, 10))))
    throw new AppError(
      'LOCKED',
      `Bappeda's window for stage ${plan.stage} is closed; it cannot be submitted now`,
      {
        stage: plan.stage,
      },
    );
  const content = canonicalJson(await loadPlan(ctx.db, plan.region_id, plan));
  const hash = sha256(content);
  return inTransaction(ctx, async (trx) => {
    const round = plan.review_round + 1;
    const at = nowIso(ctx);
    // Written first, so a plan changed since it was read fails before anything else is written.
    const after = await updateReviewState(trx, ctx, plan, { state: t.state, round, unlocked: null });
    const snapshotId = ctx.newId();
    await trx
      .insertInto('plan_snapshot')
      .values({
        region_id: plan.region_id,
        id: snapshotId,
        plan_id: plan.id,
        round,
        stage: plan.stage ?? 'rancangan',
        content,
        findings: JSON.stringify(findings),
        content_hash: hash,
        created_by: who.kind === 'user' ? who.userId : null,
        created_at: at,
      })
      .execute();
    const letterId = ctx.newId();
    await trx
      .insertInto('official_letter')
      .values({
        region_id: plan.region_id,
        id: letterId,
        plan_id: plan.id,
        round,
        kind: event === 'submit' ? 'submission' : 'resubmission',
        content: canonicalJson(letter),
        snapshot_hash: hash,
        created_by: who.kind === 'user' ? who.userId : null,
        created_at: at,
      })
      .execute();
    const summary = {
      round,
      stage: plan.stage,
      letter: { number: letter.number, date: letter.date },
      hash,
      findings: counts,
    };
    await planEvent(trx, ctx, who, plan, round, event, summary);
    await recordAudit(trx, ctx, who, {
      regionId: plan.region_id,
      action: `plan.${event}`,
      entityType: 'plan',
      entityId: plan.id,
      before: { state: plan.review_state, round: plan.review_round, etag: planEtag(plan) },
      after: { state: t.state, ...summary, snapshotId, letterId },
    });
    await notify(trx, ctx, who, plan.region_id, await reviewerIds(trx, plan.region_id), plan.id, event, {
      title: plan.title,
      ...summary,
    });
    return {
      ...presentReviewState(after),
      snapshot: { id: snapshotId, round, hash },
      letterId,
      findings: counts,
    };
  });
};
