import {
  canonicalJson,
  diffPlans,
  eventApplies,
  MeetingRecordSchema,
  type Plan,
  PlanFileSchema,
  type ReviewState,
} from '@selaras/core';
import { loadPlan } from '@selaras/db';
import { z } from 'zod';
import { AppError, invalidInput, notFound } from '../../app-error.ts';
import { recordAudit } from '../../audit.ts';
import { requireVersion } from '../../concurrency.ts';
import { inTransaction, nowIso, type ServiceContext, type Trx } from '../../context.ts';
import { parseInput } from '../../patch.ts';
import { type Action, type Actor, authorize, can } from '../../permissions.ts';
import { importPlan } from '../plans/import-plan.ts';
import { agencyWriterIds, notify, planEvent, windowOpen } from './review-common.ts';
import { getReviewPlan, presentReviewState, requireRenstra, reviewSettings, sha256 } from './review-plan.ts';

type Db = ServiceContext['db'] | Trx;

const meetingOut = (m: {
  id: string;
  plan_id: string;
  round: number;
  content: string;
  version: number;
  created_at: string;
  updated_at: string;
}) => ({
  id: m.id,
  planId: m.plan_id,
  round: m.round,
  version: m.version,
  createdAt: m.created_at,
  updatedAt: m.updated_at,
  record: JSON.parse(m.content) as unknown,
});

const checkFindingLinks = async (
  db: Db,
  plan: { region_id: string; id: string },
  record: z.infer<typeof MeetingRecordSchema>,
) => {
  const ids = record.conclusions.flatMap((c) => c.actions.flatMap((a) => a.findings));
  if (ids.length === 0) return;
  const found = new Set(
    (
      await db
        .selectFrom('review_finding')
        .select('id')
        .where('region_id', '=', plan.region_id)
        .where('plan_id', '=', plan.id)
        .where('id', 'in', ids)
        .execute()
    ).map((r) => r.id),
  );
  const issues = record.conclusions.flatMap((c, ci) =>
    c.actions.flatMap((a, ai) =>
      a.findings.flatMap((f, fi) =>
        found.has(f)
          ? []
          : [
              {
                path: `conclusions.${ci}.actions.${ai}.findings.${fi}`,
                message: `finding ${f} is not a finding of this plan`,
              },
            ],
      ),
    ),
  );
  if (issues.length > 0) throw invalidInput('a follow-up action names a finding of another plan', issues);
};

/** Bappeda records a review meeting: notulen with its berita acara, linked to the round and its findings. */
export const createMeeting = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  planId: string,
  input: unknown,
) => {
  const record = parseInput(MeetingRecordSchema, input, 'meeting record');
  return inTransaction(ctx, async (trx) => {
    const { plan, scope } = await getReviewPlan(trx, planId);
    const who = authorize(actor, 'review.meeting', scope);
    requireRenstra(plan);
    if (plan.review_round === 0)
      throw new AppError(
        'CONFLICT',
        'a review meeting is held on a submitted plan; this one was never submitted',
        { state: plan.review_state },
      );
    await checkFindingLinks(trx, plan, record);
    const at = nowIso(ctx);
    const row = {
      region_id: plan.region_id,
      id: ctx.newId(),
      plan_id: plan.id,
      round: plan.review_round,
      content: canonicalJson(record),
      created_by: who.kind === 'user' ? who.userId : null,
      created_at: at,
      updated_at: at,
      version: 1,
    };
    await trx.insertInto('review_meeting').values(row).execute();
    const out = meetingOut(row);
    await planEvent(trx, ctx, who, plan, plan.review_round, 'meeting', {
      meetingId: row.id,
      date: record.date,
      title: record.title,
    });
    await recordAudit(trx, ctx, who, {
      regionId: plan.region_id,
      action: 'meeting.create',
      entityType: 'review_meeting',
      entityId: row.id,
      after: out,
    });
    await notify(
      trx,
      ctx,
      who,
      plan.region_id,
      await agencyWriterIds(trx, plan.region_id, plan.agency_id),
      plan.id,
      'meeting',
      { title: plan.title, meeting: record.title, date: record.date },
    );
    return out;
  });
};

/** Changes a meeting record (with its version). */
export const updateMeeting = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  meetingId: string,
  input: unknown,
  expectedVersion: number | undefined,
) => {
  const record = parseInput(MeetingRecordSchema, input, 'meeting record');
  return inTransaction(ctx, async (trx) => {
    const m = await trx
      .selectFrom('review_meeting')
      .selectAll()
      .where('id', '=', meetingId)
      .executeTakeFirst();
    if (!m) throw notFound('meeting', meetingId);
    const { plan, scope } = await getReviewPlan(trx, m.plan_id);
    const who = authorize(actor, 'review.meeting', scope);
    requireRenstra(plan);
    const before = meetingOut(m);
    requireVersion(m, expectedVersion, 'meeting', before);
    await checkFindingLinks(trx, plan, record);
    const r = await trx
      .updateTable('review_meeting')
      .set({ content: canonicalJson(record), version: m.version + 1, updated_at: nowIso(ctx) })
      .where('region_id', '=', m.region_id)
      .where('id', '=', m.id)
      .where('version', '=', m.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1)
      throw new AppError('CONFLICT', 'the meeting record was changed by someone else', { current: before });
    const after = meetingOut({
      ...m,
      content: canonicalJson(record),
      version: m.version + 1,
      updated_at: nowIso(ctx),
    });
    await recordAudit(trx, ctx, who, {
      regionId: m.region_id,
      action: 'meeting.update',
      entityType: 'review_meeting',
      entityId: m.id,
      before,
      after,
    });
    return after;
  });
};

/** The meeting records of a plan, oldest first. */
export const listMeetings = async (ctx: ServiceContext, actor: Actor | undefined, planId: string) => {
  const { plan, scope } = await getReviewPlan(ctx.db, planId);
  authorize(actor, 'plan.read', scope);
  requireRenstra(plan);
  const rows = await ctx.db
    .selectFrom('review_meeting')
    .selectAll()
    .where('region_id', '=', plan.region_id)
    .where('plan_id', '=', plan.id)
    .orderBy('created_at')
    .execute();
  return rows.map(meetingOut);
};

const countBySeverity = (findings: readonly { severity: string }[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const f of findings) out[f.severity] = (out[f.severity] ?? 0) + 1;
  return out;
};

/**
 * The submission rounds of a plan: each snapshot with its hash, whether the stored content still
 * matches the hash (`intact`), and the letters of the round.
 */
export const listRounds = async (ctx: ServiceContext, actor: Actor | undefined, planId: string) => {
  const { plan, scope } = await getReviewPlan(ctx.db, planId);
  authorize(actor, 'plan.read', scope);
  requireRenstra(plan);
  const [snapshots, letters, verifications, verdicts] = await Promise.all([
    ctx.db
      .selectFrom('plan_snapshot')
      .selectAll()
      .where('region_id', '=', plan.region_id)
      .where('plan_id', '=', plan.id)
      .orderBy('round')
      .execute(),
    ctx.db
      .selectFrom('official_letter')
      .selectAll()
      .where('region_id', '=', plan.region_id)
      .where('plan_id', '=', plan.id)
      .orderBy('created_at')
      .execute(),
    ctx.db
      .selectFrom('verification')
      .selectAll()
      .where('region_id', '=', plan.region_id)
      .where('plan_id', '=', plan.id)
      .orderBy('created_at')
      .execute(),
    ctx.db
      .selectFrom('review_verdict')
      .selectAll()
      .where('region_id', '=', plan.region_id)
      .where('plan_id', '=', plan.id)
      .orderBy('created_at')
      .execute(),
  ]);
  return snapshots.map((s) => ({
    round: s.round,
    stage: s.stage,
    hash: s.content_hash,
    intact: sha256(s.content) === s.content_hash,
    createdAt: s.created_at,
    findings: countBySeverity(JSON.parse(s.findings) as { severity: string }[]),
    letters: letters
      .filter((l) => l.round === s.round)
      .map((l) => ({
        id: l.id,
        kind: l.kind,
        snapshotHash: l.snapshot_hash,
        createdAt: l.created_at,
        letter: JSON.parse(l.content) as unknown,
      })),
    verdicts: verdicts
      .filter((v) => v.round === s.round)
      .map((v) => ({ institution: v.institution, verdict: v.verdict, note: v.note, at: v.created_at })),
    verification:
      verifications
        .filter((v) => v.round === s.round)
        .map((v) => ({
          outcome: v.outcome,
          checklist: JSON.parse(v.checklist) as unknown,
          note: v.note,
          at: v.created_at,
        }))[0] ?? null,
  }));
};

const snapshotPlan = async (
  db: Db,
  plan: { region_id: string; id: string },
  round: number,
): Promise<Plan> => {
  const s = await db
    .selectFrom('plan_snapshot')
    .selectAll()
    .where('region_id', '=', plan.region_id)
    .where('plan_id', '=', plan.id)
    .where('round', '=', round)
    .executeTakeFirst();
  if (!s) throw notFound('round', String(round));
  if (sha256(s.content) !== s.content_hash)
    throw new AppError(
      'CONFLICT',
      `the snapshot of round ${round} does not match its hash: it was altered outside Selaras`,
      { round, hash: s.content_hash },
    );
  return PlanFileSchema.parse(JSON.parse(s.content));
};

/** One round's snapshot: the plan as submitted, checked against its hash. */
export const getSnapshot = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  planId: string,
  round: number,
) => {
  const { plan, scope } = await getReviewPlan(ctx.db, planId);
  authorize(actor, 'plan.read', scope);
  requireRenstra(plan);
  return { round, plan: await snapshotPlan(ctx.db, plan, round) };
};

/** What changed between two rounds (or between a round and the plan as it is now). */
export const diffRounds = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  planId: string,
  from: number,
  to?: number,
) => {
  const { plan, scope } = await getReviewPlan(ctx.db, planId);
  authorize(actor, 'plan.read', scope);
  requireRenstra(plan);
  const before = await snapshotPlan(ctx.db, plan, from);
  const after =
    to === undefined ? await loadPlan(ctx.db, plan.region_id, plan) : await snapshotPlan(ctx.db, plan, to);
  return { from, to: to ?? null, diff: diffPlans(before, after) };
};

/** The plan's timeline: every review event, who and when, oldest first. */
export const planTimeline = async (ctx: ServiceContext, actor: Actor | undefined, planId: string) => {
  const { plan, scope } = await getReviewPlan(ctx.db, planId);
  authorize(actor, 'plan.read', scope);
  requireRenstra(plan);
  const rows = await ctx.db
    .selectFrom('plan_event')
    .leftJoin('app_user', 'app_user.id', 'plan_event.actor_user_id')
    .select([
      'plan_event.id',
      'round',
      'kind',
      'at',
      'payload',
      'app_user.display_name as actor',
      'app_user.username',
    ])
    .where('plan_event.region_id', '=', plan.region_id)
    .where('plan_id', '=', plan.id)
    .orderBy('at')
    .orderBy('plan_event.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    round: r.round,
    kind: r.kind,
    at: r.at,
    actor: r.actor ?? r.username ?? null,
    payload: JSON.parse(r.payload) as unknown,
  }));
};

export const AmendSchema = z.strictObject({
  key: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/)
    .optional(),
  title: z.string().trim().min(1).max(500).optional(),
});

/**
 * Starts an amendment (perubahan) of a plan that is set: a new plan, a draft at the rancangan
 * stage, with the set plan's content, pointing back to it. The set plan stays as it was.
 */
export const amendPlan = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  planId: string,
  input: unknown,
) => {
  const body = parseInput(AmendSchema, input, 'amendment');
  const { plan, scope } = await getReviewPlan(ctx.db, planId);
  const who = authorize(actor, 'plan.amend', scope);
  requireRenstra(plan);
  if (plan.review_state !== 'ditetapkan')
    throw new AppError(
      'CONFLICT',
      'only a plan that is set (ditetapkan) is amended; change this one directly',
      { state: plan.review_state },
    );
  const file = await loadPlan(ctx.db, plan.region_id, plan);
  if (file.format !== 'selaras.renstra')
    throw new AppError('CONFLICT', 'only a Renstra is amended this way', {});
  const n =
    (
      await ctx.db
        .selectFrom('plan')
        .select('id')
        .where('region_id', '=', plan.region_id)
        .where('amends_plan_id', '=', plan.id)
        .execute()
    ).length + 1;
  const next = {
    ...JSON.parse(JSON.stringify(file)),
    id: body.key ?? `${file.id}-perubahan-${n}`,
    title: body.title ?? `${file.title} (Perubahan${n > 1 ? ` ${n}` : ''})`,
    stage: 'rancangan',
    revision: `Perubahan ${n}`,
  };
  return importPlan(ctx, who, { regionId: plan.region_id, file: next, amendsPlanId: plan.id });
};

/**
 * Where a plan is in review, for its screen: state, stage, round, what a return unlocked, the
 * penetapan; counts of findings by status; this round's verdicts; whether the stage is gated and
 * its window open.
 */
export const getReviewSummary = async (ctx: ServiceContext, actor: Actor | undefined, planId: string) => {
  const { plan, scope } = await getReviewPlan(ctx.db, planId);
  authorize(actor, 'plan.read', scope);
  requireRenstra(plan);
  const [statuses, verdicts, settings, open] = await Promise.all([
    ctx.db
      .selectFrom('review_finding')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('region_id', '=', plan.region_id)
      .where('plan_id', '=', plan.id)
      .groupBy('status')
      .execute(),
    ctx.db
      .selectFrom('review_verdict')
      .select(['institution', 'verdict', 'note', 'created_at'])
      .where('region_id', '=', plan.region_id)
      .where('plan_id', '=', plan.id)
      .where('round', '=', plan.review_round)
      .orderBy('created_at')
      .execute(),
    reviewSettings(ctx.db, plan),
    windowOpen(ctx.db, plan, nowIso(ctx).slice(0, 10)),
  ]);
  const findings = { open: 0, answered: 0, accepted: 0, resolved: 0 } as Record<string, number>;
  for (const s of statuses) findings[s.status] = Number(s.n);
  const state = plan.review_state as ReviewState;
  const allowed = (action: Action) => actor !== undefined && can(actor, action, scope);
  const underReview = ['submitted', 'in-review', 'resubmitted'].includes(state);
  const actions = [
    ...(allowed('plan.submit') && eventApplies(state, 'submit') ? ['submit'] : []),
    ...(allowed('plan.submit') && eventApplies(state, 'resubmit') ? ['resubmit'] : []),
    ...(allowed('plan.comment') && underReview ? ['finding'] : []),
    ...(allowed('review.answer') && (underReview || state === 'returned') ? ['answer'] : []),
    ...(allowed('review.verdict') && underReview ? ['verdict'] : []),
    ...(allowed('review.meeting') && plan.review_round > 0 ? ['meeting'] : []),
    ...(allowed('review.return') && eventApplies(state, 'return') ? ['return'] : []),
    ...(allowed('plan.verify') && eventApplies(state, 'verify') ? ['verify'] : []),
    ...(allowed('plan.advance') && eventApplies(state, 'advance') && plan.stage !== 'rancangan-akhir'
      ? ['advance']
      : []),
    ...(allowed('plan.enact') && eventApplies(state, 'enact') && plan.stage === 'rancangan-akhir'
      ? ['enact']
      : []),
    ...(allowed('plan.amend') && state === 'ditetapkan' ? ['amend'] : []),
  ];
  return {
    ...presentReviewState(plan),
    /** What the caller may do now (the server still checks every condition when they do it). */
    actions,
    gated: plan.stage !== null && (settings.review.gatedStages as readonly string[]).includes(plan.stage),
    windowOpen: open,
    findings,
    verdicts: verdicts.map((v) => ({
      institution: v.institution,
      verdict: v.verdict,
      note: v.note,
      at: v.created_at,
    })),
  };
};
