import {
  type Anchor,
  AnchorSchema,
  canonicalJson,
  checklistOutcome,
  IsoDateSchema,
  OfficialLetterSchema,
} from '@selaras/core';
import { loadPlan, type PlanRow } from '@selaras/db';
import { z } from 'zod';
import { AppError, invalidInput } from '../../app-error.ts';
import { recordAudit } from '../../audit.ts';
import { inTransaction, nowIso, type ServiceContext, type Trx } from '../../context.ts';
import { parseInput } from '../../patch.ts';
import { type Actor, authorize } from '../../permissions.ts';
import { planEtag } from '../plans/plan-scope.ts';
import { agencyWriterIds, institutionOf, notify, planEvent, reviewerIds } from './review-common.ts';
import {
  getReviewPlan,
  move,
  presentReviewState,
  requirePlanTag,
  requireRenstra,
  sha256,
  unresolvedCount,
  updateReviewState,
} from './review-plan.ts';

export const ReturnSchema = z.strictObject({
  /** What the agency may change; by default the anchors of the findings still open or answered. */
  unlock: z.array(AnchorSchema).max(500).optional(),
  note: z.string().trim().max(5000).optional(),
  letter: OfficialLetterSchema.optional(),
});

export const VerdictSchema = z.strictObject({
  verdict: z.enum(['agree', 'revise']),
  note: z.string().trim().max(5000).optional(),
});

export const VerifySchema = z.strictObject({
  checklist: z
    .array(
      z.strictObject({
        key: z.string().min(1).max(40),
        pass: z.boolean(),
        note: z.string().max(2000).optional(),
      }),
    )
    .min(1)
    .max(50),
  note: z.string().trim().max(5000).optional(),
  letter: OfficialLetterSchema.optional(),
});

export const EnactSchema = z.strictObject({
  instrument: z.strictObject({
    /** e.g. "Peraturan Gubernur" or "Keputusan Gubernur". */
    kind: z.string().trim().min(1).max(200),
    number: z.string().trim().min(1).max(120),
    date: IsoDateSchema,
    title: z.string().trim().max(1000).optional(),
  }),
});

const letterRow = (
  ctx: ServiceContext,
  plan: PlanRow,
  round: number,
  kind: string,
  letter: z.infer<typeof OfficialLetterSchema>,
  who: Actor,
) => ({
  region_id: plan.region_id,
  id: ctx.newId(),
  plan_id: plan.id,
  round,
  kind,
  content: canonicalJson(letter),
  snapshot_hash: null,
  created_by: who.kind === 'user' ? who.userId : null,
  created_at: nowIso(ctx),
});

const finish = async (
  trx: Trx,
  ctx: ServiceContext,
  who: Actor,
  before: PlanRow,
  after: PlanRow,
  event: string,
  payload: Record<string, unknown>,
  to: readonly string[],
) => {
  await planEvent(trx, ctx, who, after, after.review_round, event, payload);
  await recordAudit(trx, ctx, who, {
    regionId: after.region_id,
    action: `plan.${event}`,
    entityType: 'plan',
    entityId: after.id,
    before: { state: before.review_state, stage: before.stage, etag: planEtag(before) },
    after: { state: after.review_state, stage: after.stage, ...payload },
  });
  await notify(trx, ctx, who, after.region_id, to, after.id, event, { title: after.title, ...payload });
  return presentReviewState(after);
};

const unresolvedAnchors = async (trx: Trx, plan: PlanRow): Promise<Anchor[]> => {
  const rows = await trx
    .selectFrom('review_finding')
    .select('anchor')
    .where('region_id', '=', plan.region_id)
    .where('plan_id', '=', plan.id)
    .where('status', 'in', ['open', 'answered'])
    .execute();
  const seen = new Set<string>();
  return rows
    .map((r) => JSON.parse(r.anchor) as Anchor)
    .filter((a) => {
      const k = canonicalJson(a);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
};

/**
 * Bappeda returns the plan for revision. Only what the return unlocks can change (by default the
 * items of the findings still open or answered; the whole plan when none); the rest stays locked.
 */
export const returnPlan = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  planId: string,
  input: unknown,
  etag: string | undefined,
) => {
  const body = parseInput(ReturnSchema, input, 'return');
  return inTransaction(ctx, async (trx) => {
    const { plan, scope } = await getReviewPlan(trx, planId);
    const who = authorize(actor, 'review.return', scope);
    requireRenstra(plan);
    requirePlanTag(plan, etag, 'return it');
    const t = move(plan, 'return', { gatedStages: [], errors: 0, unresolvedFindings: 0, hasLetter: false });
    const fromFindings = body.unlock ?? (await unresolvedAnchors(trx, plan));
    const unlock: Anchor[] = fromFindings.length > 0 ? fromFindings : [{ type: 'plan' }];
    const after = await updateReviewState(trx, ctx, plan, {
      state: t.state,
      unlocked: JSON.stringify(unlock),
    });
    if (body.letter)
      await trx
        .insertInto('official_letter')
        .values(letterRow(ctx, plan, plan.review_round, 'return', body.letter, who))
        .execute();
    await trx
      .insertInto('review_verdict')
      .values({
        region_id: plan.region_id,
        id: ctx.newId(),
        plan_id: plan.id,
        round: plan.review_round,
        institution: institutionOf(who, plan.region_id) ?? 'bappeda',
        verdict: 'revise',
        note: body.note ?? null,
        created_by: who.kind === 'user' ? who.userId : null,
        created_at: nowIso(ctx),
      })
      .execute();
    return finish(
      trx,
      ctx,
      who,
      plan,
      after,
      'return',
      { unlock, note: body.note ?? null },
      await agencyWriterIds(trx, plan.region_id, plan.agency_id),
    );
  });
};

/** Bappeda or the Inspektorat records its verdict on the round (each institution its own). */
export const recordVerdict = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  planId: string,
  input: unknown,
) => {
  const body = parseInput(VerdictSchema, input, 'verdict');
  return inTransaction(ctx, async (trx) => {
    const { plan, scope } = await getReviewPlan(trx, planId);
    const who = authorize(actor, 'review.verdict', scope);
    requireRenstra(plan);
    const institution = institutionOf(who, plan.region_id);
    if (!institution)
      throw new AppError('FORBIDDEN', 'only Bappeda and the Inspektorat give verdicts', {
        action: 'review.verdict',
      });
    if (!['submitted', 'in-review', 'resubmitted'].includes(plan.review_state))
      throw new AppError(
        'CONFLICT',
        `a verdict is given while the plan is under review; it is ${plan.review_state}`,
        { state: plan.review_state },
      );
    const id = ctx.newId();
    const row = {
      region_id: plan.region_id,
      id,
      plan_id: plan.id,
      round: plan.review_round,
      institution,
      verdict: body.verdict,
      note: body.note ?? null,
      created_by: who.kind === 'user' ? who.userId : null,
      created_at: nowIso(ctx),
    };
    await trx.insertInto('review_verdict').values(row).execute();
    await planEvent(trx, ctx, who, plan, plan.review_round, 'verdict', {
      institution,
      verdict: body.verdict,
    });
    await recordAudit(trx, ctx, who, {
      regionId: plan.region_id,
      action: 'review.verdict',
      entityType: 'review_verdict',
      entityId: id,
      after: row,
    });
    await notify(
      trx,
      ctx,
      who,
      plan.region_id,
      [
        ...(await agencyWriterIds(trx, plan.region_id, plan.agency_id)),
        ...(await reviewerIds(trx, plan.region_id)),
      ],
      plan.id,
      'verdict',
      {
        title: plan.title,
        institution,
        verdict: body.verdict,
      },
    );
    return { id, institution, verdict: body.verdict, note: row.note, round: row.round, at: row.created_at };
  });
};

/**
 * Bappeda's verifier verifies the round with the checklist (every criterion passed, no finding
 * still open or answered). The verification is kept, immutable, with an optional outcome letter.
 */
export const verifyPlan = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  planId: string,
  input: unknown,
  etag: string | undefined,
) => {
  const body = parseInput(VerifySchema, input, 'verification');
  const outcome = checklistOutcome(body.checklist);
  if (!outcome.complete)
    throw invalidInput('the checklist must answer every criterion once', [
      ...outcome.missing.map((k) => ({ path: 'checklist', message: `missing criterion ${k}` })),
      ...outcome.unknown.map((k) => ({ path: 'checklist', message: `unknown criterion ${k}` })),
    ]);
  return inTransaction(ctx, async (trx) => {
    const { plan, scope } = await getReviewPlan(trx, planId);
    const who = authorize(actor, 'plan.verify', scope);
    requireRenstra(plan);
    requirePlanTag(plan, etag, 'verify it');
    const t = move(plan, 'verify', {
      gatedStages: [],
      errors: 0,
      unresolvedFindings: await unresolvedCount(trx, plan),
      hasLetter: false,
      checklistPassed: outcome.passed,
    });
    const after = await updateReviewState(trx, ctx, plan, { state: t.state, unlocked: null });
    await trx
      .insertInto('verification')
      .values({
        region_id: plan.region_id,
        id: ctx.newId(),
        plan_id: plan.id,
        round: plan.review_round,
        checklist: canonicalJson(body.checklist),
        outcome: 'verified',
        note: body.note ?? null,
        created_by: who.kind === 'user' ? who.userId : null,
        created_at: nowIso(ctx),
      })
      .execute();
    if (body.letter)
      await trx
        .insertInto('official_letter')
        .values(letterRow(ctx, plan, plan.review_round, 'verification', body.letter, who))
        .execute();
    return finish(
      trx,
      ctx,
      who,
      plan,
      after,
      'verify',
      { round: plan.review_round },
      await agencyWriterIds(trx, plan.region_id, plan.agency_id),
    );
  });
};

/** After verification, the plan moves to its next stage as a draft (rancangan awal → rancangan → rancangan akhir). */
export const advancePlan = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  planId: string,
  etag: string | undefined,
) =>
  inTransaction(ctx, async (trx) => {
    const { plan, scope } = await getReviewPlan(trx, planId);
    const who = authorize(actor, 'plan.advance', scope);
    requireRenstra(plan);
    requirePlanTag(plan, etag, 'move it to the next stage');
    const t = move(plan, 'advance', { gatedStages: [], errors: 0, unresolvedFindings: 0, hasLetter: false });
    const after = await updateReviewState(trx, ctx, plan, { state: t.state, stage: t.stage, unlocked: null });
    return finish(trx, ctx, who, plan, after, 'advance', { from: plan.stage, to: t.stage }, [
      ...(await agencyWriterIds(trx, plan.region_id, plan.agency_id)),
      ...(await reviewerIds(trx, plan.region_id)),
    ]);
  });

/**
 * Penetapan: a verified rancangan akhir is set by its legal instrument (e.g. Pergub number and
 * date) and becomes read-only for good; a final snapshot keeps it as set.
 */
export const enactPlan = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  planId: string,
  input: unknown,
  etag: string | undefined,
) => {
  const { instrument } = parseInput(EnactSchema, input, 'penetapan');
  const { plan: read } = await getReviewPlan(ctx.db, planId);
  const content = canonicalJson(await loadPlan(ctx.db, read.region_id, read));
  return inTransaction(ctx, async (trx) => {
    const { plan, scope } = await getReviewPlan(trx, planId);
    const who = authorize(actor, 'plan.enact', scope);
    requireRenstra(plan);
    requirePlanTag(plan, etag, 'set it');
    if (planEtag(plan) !== planEtag(read))
      throw new AppError('CONFLICT', 'the plan changed while it was being set; try again', {});
    const t = move(plan, 'enact', {
      gatedStages: [],
      errors: 0,
      unresolvedFindings: 0,
      hasLetter: false,
      hasLegalInstrument: true,
    });
    const round = plan.review_round + 1;
    const after = await updateReviewState(trx, ctx, plan, {
      state: t.state,
      stage: 'ditetapkan',
      round,
      unlocked: null,
      enactment: canonicalJson(instrument),
    });
    await trx
      .insertInto('plan_snapshot')
      .values({
        region_id: plan.region_id,
        id: ctx.newId(),
        plan_id: plan.id,
        round,
        stage: 'ditetapkan',
        content,
        findings: '[]',
        content_hash: sha256(content),
        created_by: who.kind === 'user' ? who.userId : null,
        created_at: nowIso(ctx),
      })
      .execute();
    return finish(trx, ctx, who, plan, after, 'enact', { instrument, hash: sha256(content) }, [
      ...(await agencyWriterIds(trx, plan.region_id, plan.agency_id)),
      ...(await reviewerIds(trx, plan.region_id)),
    ]);
  });
};
