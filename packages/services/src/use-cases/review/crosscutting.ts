import { z } from 'zod';
import { AppError, invalidInput, notFound } from '../../app-error.ts';
import { recordAudit } from '../../audit.ts';
import { requireVersion } from '../../concurrency.ts';
import { inTransaction, nowIso, type ServiceContext, type Trx } from '../../context.ts';
import { parseInput } from '../../patch.ts';
import { type Actor, authorize } from '../../permissions.ts';
import { getPlanInScope, touchPlanContent } from '../plans/plan-scope.ts';
import { agencyWriterIds, notify, planEvent } from './review-common.ts';

export const CrosscuttingProposalSchema = z.strictObject({
  /** The proposing agency's plan and node, which the other agency's node would contribute to. */
  planId: z.string().min(1).max(64),
  nodeKey: z.string().min(1).max(128),
  /** The other agency's plan and the node that would contribute. */
  partnerPlanId: z.string().min(1).max(64),
  partnerNodeKey: z.string().min(1).max(128),
  contribution: z.string().trim().min(1).max(2000),
});

export const CrosscuttingDecisionSchema = z.strictObject({
  decision: z.enum(['accept', 'reject']),
  reason: z.string().trim().max(2000).optional(),
});

type Row = {
  id: string;
  region_id: string;
  from_plan_id: string;
  from_node_key: string;
  to_plan_id: string;
  to_node_key: string;
  contribution: string;
  state: string;
  reason: string | null;
  created_by: string | null;
  created_at: string;
  decided_by: string | null;
  decided_at: string | null;
  version: number;
};
const present = (r: Row) => ({
  id: r.id,
  planId: r.from_plan_id,
  nodeKey: r.from_node_key,
  partnerPlanId: r.to_plan_id,
  partnerNodeKey: r.to_node_key,
  contribution: r.contribution,
  state: r.state,
  reason: r.reason,
  createdAt: r.created_at,
  decidedAt: r.decided_at,
  version: r.version,
});

const nodeExists = async (trx: Trx, regionId: string, planId: string, key: string) =>
  (await trx
    .selectFrom('plan_node')
    .select('id')
    .where('region_id', '=', regionId)
    .where('plan_id', '=', planId)
    .where('node_key', '=', key)
    .executeTakeFirst()) !== undefined;

/**
 * An agency proposes that a node of another agency's plan contributes to one of its own nodes
 * (crosscutting). The other agency accepts or rejects; only accepted links count.
 */
export const proposeCrosscutting = async (ctx: ServiceContext, actor: Actor | undefined, input: unknown) => {
  const p = parseInput(CrosscuttingProposalSchema, input, 'crosscutting proposal');
  return inTransaction(ctx, async (trx) => {
    const from = await getPlanInScope(trx, p.planId);
    const who = authorize(actor, 'crosscutting.propose', from.scope);
    const to = await getPlanInScope(trx, p.partnerPlanId);
    const issues = [
      ...(to.plan.region_id !== from.plan.region_id
        ? [{ path: 'partnerPlanId', message: 'a plan of the same region' }]
        : []),
      ...(to.plan.agency_id === from.plan.agency_id
        ? [{ path: 'partnerPlanId', message: 'a plan of another agency' }]
        : []),
      ...(!(await nodeExists(trx, from.plan.region_id, from.plan.id, p.nodeKey))
        ? [{ path: 'nodeKey', message: `no node ${p.nodeKey} in the plan` }]
        : []),
      ...(to.plan.region_id === from.plan.region_id &&
      !(await nodeExists(trx, to.plan.region_id, to.plan.id, p.partnerNodeKey))
        ? [{ path: 'partnerNodeKey', message: `no node ${p.partnerNodeKey} in the partner's plan` }]
        : []),
    ];
    if (issues.length > 0) throw invalidInput('invalid crosscutting proposal', issues);
    const at = nowIso(ctx);
    const row: Row = {
      region_id: from.plan.region_id,
      id: ctx.newId(),
      from_plan_id: from.plan.id,
      from_node_key: p.nodeKey,
      to_plan_id: to.plan.id,
      to_node_key: p.partnerNodeKey,
      contribution: p.contribution,
      state: 'proposed',
      reason: null,
      created_by: who.kind === 'user' ? who.userId : null,
      created_at: at,
      decided_by: null,
      decided_at: null,
      version: 1,
    };
    await trx.insertInto('crosscutting_request').values(row).execute();
    await planEvent(trx, ctx, who, from.plan, from.plan.review_round, 'crosscutting.propose', {
      requestId: row.id,
      partnerPlanId: to.plan.id,
    });
    await recordAudit(trx, ctx, who, {
      regionId: row.region_id,
      action: 'crosscutting.propose',
      entityType: 'crosscutting_request',
      entityId: row.id,
      after: present(row),
    });
    await notify(
      trx,
      ctx,
      who,
      row.region_id,
      await agencyWriterIds(trx, row.region_id, to.plan.agency_id),
      to.plan.id,
      'crosscutting.propose',
      {
        title: to.plan.title,
        from: from.plan.title,
        nodeKey: p.partnerNodeKey,
        contribution: p.contribution,
      },
    );
    return present(row);
  });
};

/** The partner agency accepts or rejects a proposal (a rejection needs a reason). */
export const decideCrosscutting = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  requestId: string,
  input: unknown,
  expectedVersion: number | undefined,
) => {
  const d = parseInput(CrosscuttingDecisionSchema, input, 'crosscutting decision');
  return inTransaction(ctx, async (trx) => {
    const row = (await trx
      .selectFrom('crosscutting_request')
      .selectAll()
      .where('id', '=', requestId)
      .executeTakeFirst()) as Row | undefined;
    if (!row) throw notFound('crosscutting request', requestId);
    const to = await getPlanInScope(trx, row.to_plan_id);
    const who = authorize(actor, 'crosscutting.decide', to.scope);
    const before = present(row);
    requireVersion(row, expectedVersion, 'crosscutting request', before);
    if (row.state !== 'proposed')
      throw new AppError('CONFLICT', `this proposal was already ${row.state}`, { current: before });
    if (d.decision === 'reject' && !d.reason)
      throw invalidInput('a rejection needs a reason', [
        { path: 'reason', message: 'why the node does not contribute' },
      ]);
    const state = d.decision === 'accept' ? 'accepted' : 'rejected';
    const at = nowIso(ctx);
    await trx
      .updateTable('crosscutting_request')
      .set({
        state,
        reason: d.reason ?? null,
        decided_by: who.kind === 'user' ? who.userId : null,
        decided_at: at,
        version: row.version + 1,
      })
      .where('region_id', '=', row.region_id)
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .execute();
    const after = present({
      ...row,
      state,
      reason: d.reason ?? null,
      decided_at: at,
      version: row.version + 1,
    });
    await recordAudit(trx, ctx, who, {
      regionId: row.region_id,
      action: `crosscutting.${d.decision}`,
      entityType: 'crosscutting_request',
      entityId: row.id,
      before,
      after,
    });
    const from = await getPlanInScope(trx, row.from_plan_id);
    // An accepted link changes how both trees read: their tags move, so no cached tree is stale.
    if (state === 'accepted') {
      await touchPlanContent(trx, from.plan, at);
      await touchPlanContent(trx, to.plan, at);
    }
    await planEvent(trx, ctx, who, from.plan, from.plan.review_round, `crosscutting.${d.decision}`, {
      requestId: row.id,
    });
    await notify(
      trx,
      ctx,
      who,
      row.region_id,
      row.created_by ? [row.created_by] : [],
      row.from_plan_id,
      `crosscutting.${d.decision}`,
      { title: from.plan.title, partner: to.plan.title, reason: d.reason ?? null },
    );
    return after;
  });
};

/** The crosscutting proposals a plan made or received, newest first. */
export const listCrosscutting = async (ctx: ServiceContext, actor: Actor | undefined, planId: string) => {
  const { plan, scope } = await getPlanInScope(ctx.db, planId);
  authorize(actor, 'plan.read', scope);
  const rows = (await ctx.db
    .selectFrom('crosscutting_request')
    .selectAll()
    .where('region_id', '=', plan.region_id)
    .where((eb) => eb.or([eb('from_plan_id', '=', plan.id), eb('to_plan_id', '=', plan.id)]))
    .orderBy('created_at', 'desc')
    .execute()) as Row[];
  const planIds = [...new Set(rows.flatMap((r) => [r.from_plan_id, r.to_plan_id]))];
  const [titles, nodes] =
    planIds.length === 0
      ? [[], []]
      : await Promise.all([
          ctx.db
            .selectFrom('plan')
            .select(['id', 'title'])
            .where('region_id', '=', plan.region_id)
            .where('id', 'in', planIds)
            .execute(),
          ctx.db
            .selectFrom('plan_node')
            .select(['plan_id', 'node_key', 'statement'])
            .where('region_id', '=', plan.region_id)
            .where('plan_id', 'in', planIds)
            .execute(),
        ]);
  const title = new Map(titles.map((t) => [t.id, t.title]));
  const statement = new Map(nodes.map((n) => [`${n.plan_id}|${n.node_key}`, n.statement]));
  return rows.map((r) => ({
    ...present(r),
    direction: r.from_plan_id === plan.id ? 'outgoing' : 'incoming',
    planTitle: title.get(r.from_plan_id) ?? null,
    nodeStatement: statement.get(`${r.from_plan_id}|${r.from_node_key}`) ?? null,
    partnerPlanTitle: title.get(r.to_plan_id) ?? null,
    partnerNodeStatement: statement.get(`${r.to_plan_id}|${r.to_node_key}`) ?? null,
  }));
};
