import {
  AnchorSchema,
  FINDING_ACTIONS,
  type FindingAction,
  type FindingStatus,
  findingNext,
} from '@selaras/core';
import { z } from 'zod';
import { AppError, notFound } from '../../app-error.ts';
import { recordAudit } from '../../audit.ts';
import { requireVersion } from '../../concurrency.ts';
import { inTransaction, nowIso, type ServiceContext, type Trx } from '../../context.ts';
import { parseInput } from '../../patch.ts';
import { type Actor, authorize } from '../../permissions.ts';
import { agencyWriterIds, institutionOf, notify, planEvent } from './review-common.ts';
import { getReviewPlan, move, requireRenstra, updateReviewState } from './review-plan.ts';

export const FINDING_CATEGORIES = [
  'data',
  'substansi',
  'keselarasan',
  'indikator',
  'nomenklatur',
  'pagu',
  'sistematika',
  'lainnya',
] as const;

export const NewFindingSchema = z.strictObject({
  anchor: AnchorSchema,
  category: z.enum(FINDING_CATEGORIES),
  /** major: must change before verification; minor: should change; note: for information. */
  severity: z.enum(['major', 'minor', 'note']).default('minor'),
  text: z.string().trim().min(1).max(5000),
  recommendation: z.string().trim().max(5000).optional(),
});

export const AnswerSchema = z.strictObject({ text: z.string().trim().min(1).max(5000) });

export const FindingActionSchema = z.strictObject({
  action: z.enum(FINDING_ACTIONS),
  text: z.string().trim().max(5000).default(''),
});

const UNDER_REVIEW = new Set(['submitted', 'in-review', 'resubmitted']);

type FindingRow = Awaited<ReturnType<typeof findingRow>>;

const findingRow = (db: ServiceContext['db'] | Trx, id: string) =>
  db.selectFrom('review_finding').selectAll().where('id', '=', id).executeTakeFirst();

const present = (
  f: NonNullable<FindingRow>,
  replies: {
    id: string;
    side: string;
    action: string;
    text: string;
    created_at: string;
    author: string | null;
  }[] = [],
) => ({
  id: f.id,
  planId: f.plan_id,
  round: f.round,
  institution: f.institution,
  anchor: JSON.parse(f.anchor) as unknown,
  category: f.category,
  severity: f.severity,
  text: f.text,
  recommendation: f.recommendation,
  status: f.status,
  createdBy: f.created_by,
  /** The reviewer's display name. */
  author: (f as { author_name?: string | null }).author_name ?? null,
  createdAt: f.created_at,
  updatedAt: f.updated_at,
  version: f.version,
  replies: replies.map((r) => ({
    id: r.id,
    side: r.side,
    action: r.action,
    text: r.text,
    at: r.created_at,
    author: r.author,
  })),
});
export type PresentedFinding = ReturnType<typeof present>;

/**
 * A reviewer of Bappeda or the Inspektorat records a finding on a plan under review, anchored to
 * the whole plan, the tree, a chapter or section, a node, an indicator or a table row. The first
 * finding of a round starts the review (submitted → in review). The agency is notified.
 */
export const createFinding = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  planId: string,
  input: unknown,
) => {
  const draft = parseInput(NewFindingSchema, input, 'finding');
  return inTransaction(ctx, async (trx) => {
    const { plan, scope } = await getReviewPlan(trx, planId);
    const who = authorize(actor, 'plan.comment', scope);
    requireRenstra(plan);
    const institution = institutionOf(who, plan.region_id);
    if (!institution)
      throw new AppError('FORBIDDEN', 'only Bappeda and the Inspektorat record findings', {
        action: 'plan.comment',
      });
    if (!UNDER_REVIEW.has(plan.review_state))
      throw new AppError(
        'CONFLICT',
        `findings are recorded while the plan is under review; it is ${plan.review_state}`,
        {
          state: plan.review_state,
        },
      );
    let current = plan;
    if (plan.review_state !== 'in-review') {
      const t = move(plan, 'start-review', {
        gatedStages: [],
        errors: 0,
        unresolvedFindings: 0,
        hasLetter: false,
      });
      current = await updateReviewState(trx, ctx, plan, { state: t.state });
      await planEvent(trx, ctx, who, plan, plan.review_round, 'start-review', { institution });
    }
    const at = nowIso(ctx);
    const id = ctx.newId();
    await trx
      .insertInto('review_finding')
      .values({
        region_id: plan.region_id,
        id,
        plan_id: plan.id,
        round: plan.review_round,
        institution,
        anchor: JSON.stringify(draft.anchor),
        category: draft.category,
        severity: draft.severity,
        text: draft.text,
        recommendation: draft.recommendation ?? null,
        status: 'open',
        created_by: who.kind === 'user' ? who.userId : null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const row = await findingRow(trx, id);
    if (!row) throw notFound('finding', id);
    const out = present(row);
    await planEvent(trx, ctx, who, current, plan.review_round, 'finding', {
      findingId: id,
      institution,
      category: draft.category,
      severity: draft.severity,
      anchor: draft.anchor,
    });
    await recordAudit(trx, ctx, who, {
      regionId: plan.region_id,
      action: 'finding.create',
      entityType: 'review_finding',
      entityId: id,
      after: out,
    });
    await notify(
      trx,
      ctx,
      who,
      plan.region_id,
      await agencyWriterIds(trx, plan.region_id, plan.agency_id),
      plan.id,
      'finding',
      {
        title: plan.title,
        findingId: id,
        institution,
        text: draft.text.slice(0, 200),
      },
    );
    return out;
  });
};

/** The findings of a stored plan with their replies, read with `db` (a transaction inside one). */
const loadFindings = async (
  db: ServiceContext['db'] | Trx,
  plan: { region_id: string; id: string },
  round?: number,
): Promise<PresentedFinding[]> => {
  let q = db
    .selectFrom('review_finding')
    .leftJoin('app_user', 'app_user.id', 'review_finding.created_by')
    .selectAll('review_finding')
    .select('app_user.display_name as author_name')
    .where('review_finding.region_id', '=', plan.region_id)
    .where('review_finding.plan_id', '=', plan.id);
  if (round !== undefined) q = q.where('review_finding.round', '=', round);
  const rows = await q.orderBy('review_finding.created_at').orderBy('review_finding.id').execute();
  if (rows.length === 0) return [];
  const replies = await db
    .selectFrom('finding_reply')
    .leftJoin('app_user', 'app_user.id', 'finding_reply.author_user_id')
    .select([
      'finding_reply.id',
      'finding_reply.finding_id',
      'side',
      'action',
      'text',
      'finding_reply.created_at',
      'app_user.display_name as author',
    ])
    .where('finding_reply.region_id', '=', plan.region_id)
    .where(
      'finding_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('finding_reply.created_at')
    .orderBy('finding_reply.id')
    .execute();
  return rows.map((r) =>
    present(
      r,
      replies.filter((x) => x.finding_id === r.id),
    ),
  );
};

/** The findings of a plan (every round, or one), with their replies, oldest first. */
export const listFindings = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  planId: string,
  round?: number,
) => {
  const { plan, scope } = await getReviewPlan(ctx.db, planId);
  authorize(actor, 'plan.read', scope);
  requireRenstra(plan);
  return loadFindings(ctx.db, plan, round);
};

const AGENCY_ACTIONS: ReadonlySet<FindingAction> = new Set(['answer']);

/**
 * Acts on a finding: the agency answers it; a reviewer accepts the answer, resolves it or reopens
 * it. Each action is a reply in the finding's thread (immutable) and moves its status; the caller
 * sends the finding's version (If-Match).
 */
export const actOnFinding = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  findingId: string,
  input: unknown,
  expectedVersion: number | undefined,
  side: 'agency' | 'reviewer' = 'reviewer',
) => {
  const { action, text } =
    side === 'agency'
      ? { action: 'answer' as const, ...parseInput(AnswerSchema, input, 'answer') }
      : parseInput(FindingActionSchema, input, 'finding action');
  if (side === 'reviewer' && action === 'answer')
    throw new AppError('INVALID_INPUT', 'the agency answers a finding with its own request (answer)', {
      issues: [{ path: 'action', message: 'accept, resolve or reopen' }],
    });
  return inTransaction(ctx, async (trx) => {
    const row = await findingRow(trx, findingId);
    if (!row) throw notFound('finding', findingId);
    const { plan, scope } = await getReviewPlan(trx, row.plan_id);
    const agencySide = AGENCY_ACTIONS.has(action);
    const who = authorize(actor, agencySide ? 'review.answer' : 'plan.comment', scope);
    const before = present(row);
    requireVersion(row, expectedVersion, 'finding', before);
    if (agencySide && text === '')
      throw new AppError('INVALID_INPUT', 'an answer needs a text', {
        issues: [{ path: 'text', message: 'what the agency did or says' }],
      });
    if (plan.review_state === 'ditetapkan' || plan.review_state === 'verified')
      throw new AppError('CONFLICT', `the review of this plan is closed (${plan.review_state})`, {
        state: plan.review_state,
      });
    const next = findingNext(row.status as FindingStatus, action);
    if (!next.ok) throw new AppError('CONFLICT', next.reason.en, { reason: next.reason, current: before });
    const at = nowIso(ctx);
    const r = await trx
      .updateTable('review_finding')
      .set({ status: next.status, updated_at: at, version: row.version + 1 })
      .where('region_id', '=', row.region_id)
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1)
      throw new AppError('CONFLICT', 'the finding was changed by someone else', { current: before });
    await trx
      .insertInto('finding_reply')
      .values({
        region_id: row.region_id,
        id: ctx.newId(),
        finding_id: row.id,
        author_user_id: who.kind === 'user' ? who.userId : null,
        side: agencySide ? 'agency' : (institutionOf(who, row.region_id) ?? 'reviewer'),
        action,
        text,
        created_at: at,
      })
      .execute();
    const after = (await loadFindings(trx, plan)).find((f) => f.id === row.id);
    if (!after) throw notFound('finding', row.id);
    await planEvent(trx, ctx, who, plan, plan.review_round, `finding.${action}`, {
      findingId: row.id,
      status: next.status,
    });
    await recordAudit(trx, ctx, who, {
      regionId: row.region_id,
      action: `finding.${action}`,
      entityType: 'review_finding',
      entityId: row.id,
      before,
      after,
    });
    const to = agencySide
      ? row.created_by
        ? [row.created_by]
        : []
      : await agencyWriterIds(trx, plan.region_id, plan.agency_id);
    await notify(trx, ctx, who, plan.region_id, to, plan.id, `finding.${action}`, {
      title: plan.title,
      findingId: row.id,
      status: next.status,
      text: text.slice(0, 200),
    });
    return after;
  });
};
