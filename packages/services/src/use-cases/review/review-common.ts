import { type Anchor, anchorsAllow, type EditTarget, editScope, type ReviewState } from '@selaras/core';
import type { PlanRow } from '@selaras/db';
import { AppError } from '../../app-error.ts';
import { nowIso, type ServiceContext, type Trx } from '../../context.ts';
import { type Actor, actorUserId, type Role } from '../../permissions.ts';

/** The institutions that review a Renstra. */
export type Institution = 'bappeda' | 'inspektorat';

/** Which institution a reviewer acts for, from their role in the region. */
export const institutionOf = (actor: Actor, regionId: string): Institution | undefined => {
  if (actor.kind !== 'user') return 'bappeda';
  const roles = actor.grants.filter((g) => g.regionId === regionId).map((g) => g.role);
  if (roles.includes('bappeda_verifier') || roles.includes('bappeda_reviewer')) return 'bappeda';
  if (roles.includes('inspektorat_reviewer')) return 'inspektorat';
  return undefined;
};

/** The user ids holding any of `roles` in the region (agency roles: of `agencyId` when given). */
export const usersWithRoles = async (
  trx: Trx,
  regionId: string,
  roles: readonly Role[],
  agencyId?: string | null,
): Promise<string[]> => {
  let q = trx
    .selectFrom('role_assignment')
    .innerJoin('app_user', 'app_user.id', 'role_assignment.user_id')
    .select('role_assignment.user_id')
    .where('role_assignment.region_id', '=', regionId)
    .where('role_assignment.role', 'in', [...roles])
    .where('app_user.disabled', '=', 0);
  if (agencyId) q = q.where('role_assignment.agency_id', '=', agencyId);
  return [...new Set((await q.execute()).map((r) => r.user_id))];
};

/** Who reviews: Bappeda's reviewers and verifiers and the Inspektorat. */
export const reviewerIds = (trx: Trx, regionId: string) =>
  usersWithRoles(trx, regionId, ['bappeda_reviewer', 'bappeda_verifier', 'inspektorat_reviewer']);

/** Who writes the agency's plan: its editors and head. */
export const agencyWriterIds = (trx: Trx, regionId: string, agencyId: string | null) =>
  agencyId ? usersWithRoles(trx, regionId, ['agency_editor', 'agency_head'], agencyId) : Promise.resolve([]);

/**
 * Notifies users in the app (the inbox), in the use-case's transaction, leaving out the actor:
 * nobody is told about what they did themselves.
 */
export const notify = async (
  trx: Trx,
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
  userIds: readonly string[],
  planId: string | null,
  kind: string,
  payload: Record<string, unknown>,
): Promise<void> => {
  const me = actorUserId(actor);
  const to = [...new Set(userIds)].filter((u) => u !== me);
  if (to.length === 0) return;
  const at = nowIso(ctx);
  await trx
    .insertInto('notification')
    .values(
      to.map((user_id) => ({
        region_id: regionId,
        id: ctx.newId(),
        user_id,
        plan_id: planId,
        kind,
        payload: JSON.stringify(payload),
        created_at: at,
        read_at: null,
      })),
    )
    .execute();
};

/** Adds an event to the plan's timeline (immutable). */
export const planEvent = async (
  trx: Trx,
  ctx: ServiceContext,
  actor: Actor,
  plan: Pick<PlanRow, 'region_id' | 'id'>,
  round: number,
  kind: string,
  payload: Record<string, unknown>,
): Promise<void> => {
  await trx
    .insertInto('plan_event')
    .values({
      region_id: plan.region_id,
      id: ctx.newId(),
      plan_id: plan.id,
      round,
      kind,
      actor_user_id: actorUserId(actor),
      at: nowIso(ctx),
      payload: JSON.stringify(payload),
    })
    .execute();
};

/** The anchors a selective return unlocked. */
export const unlockedAnchors = (plan: Pick<PlanRow, 'unlocked'>): Anchor[] =>
  plan.unlocked ? (JSON.parse(plan.unlocked) as Anchor[]) : [];

/** Each node's parent key, by key, to decide whether an edited node lies under an unlocked one. */
const nodeParents = async (trx: Trx, plan: PlanRow): Promise<Map<string, string | null>> => {
  const rows = await trx
    .selectFrom('plan_node')
    .select(['id', 'node_key', 'parent_id'])
    .where('region_id', '=', plan.region_id)
    .where('plan_id', '=', plan.id)
    .execute();
  const keyOf = new Map(rows.map((r) => [r.id, r.node_key]));
  return new Map(
    rows.map((r) => [r.node_key, r.parent_id === null ? null : (keyOf.get(r.parent_id) ?? null)]),
  );
};

/** Whether a stage's window (jadwal) is open today: true when Bappeda has set none for it. */
export const windowOpen = async (
  trx: Trx | ServiceContext['db'],
  plan: PlanRow,
  today: string,
): Promise<boolean> => {
  if (!plan.stage) return true;
  const windows = await trx
    .selectFrom('review_window')
    .select(['opens_on', 'closes_on'])
    .where('region_id', '=', plan.region_id)
    .where('stage', '=', plan.stage)
    .execute();
  return windows.length === 0 || windows.some((w) => w.opens_on <= today && today <= w.closes_on);
};

/**
 * Refuses an edit the plan's review state does not allow, with the reason: a plan under review,
 * verified or set is locked; a returned plan may change only what the return unlocked; a draft
 * only while Bappeda's window for its stage is open (when it set one). Regional plans are Bappeda's
 * own and are not reviewed this way.
 */
export const assertEditable = async (
  trx: Trx,
  ctx: ServiceContext,
  plan: PlanRow,
  target: EditTarget,
): Promise<void> => {
  if (plan.kind !== 'renstra') return;
  const state = plan.review_state as ReviewState;
  const scope = editScope(state);
  if (scope === 'none') {
    const reason =
      state === 'ditetapkan'
        ? {
            id: 'Rencana ini sudah ditetapkan dan tidak dapat diubah lagi; mulai perubahan untuk versi baru.',
            en: 'this plan is set (ditetapkan) and can no longer change; start an amendment (perubahan) for a new version',
          }
        : {
            id: `Rencana ini sedang dalam penelaahan (${state}) dan terkunci; dapat diubah lagi setelah dikembalikan untuk perbaikan.`,
            en: `this plan is ${state} and locked while Bappeda reviews it; it can change again when it is returned for revision`,
          };
    throw new AppError('LOCKED', reason.en, { state, reason });
  }
  if (scope === 'returned-items') {
    const unlocked = unlockedAnchors(plan);
    const parents = await nodeParents(trx, plan);
    if (!anchorsAllow(unlocked, target, (k) => parents.get(k)))
      throw new AppError(
        'LOCKED',
        'the plan was returned for revision of some items only; this one is not among them (see the open findings)',
        {
          state,
          unlocked,
          reason: {
            id: 'Rencana dikembalikan hanya untuk item temuan; bagian ini tidak termasuk (lihat temuan yang terbuka).',
            en: 'the plan was returned for revision of some items only; this one is not among them (see the open findings)',
          },
        },
      );
    return;
  }
  if (!(await windowOpen(trx, plan, nowIso(ctx).slice(0, 10))))
    throw new AppError(
      'LOCKED',
      `Bappeda's window for stage ${plan.stage} is closed; ask Bappeda to open it`,
      {
        state,
        stage: plan.stage,
      },
    );
};

/** The edit target of an indicator: the indicator's key and its node's key. */
export const indicatorTarget = async (
  trx: Trx,
  regionId: string,
  view: { readonly nodeId: string; readonly indicator: { readonly id: string } },
): Promise<EditTarget> => {
  const node = await trx
    .selectFrom('plan_node')
    .select('node_key')
    .where('region_id', '=', regionId)
    .where('id', '=', view.nodeId)
    .executeTakeFirst();
  return { kind: 'indicator', indicator: view.indicator.id, node: node?.node_key ?? '' };
};

/** The number of a chapter, by its row id. */
export const chapterNumber = async (trx: Trx, regionId: string, chapterId: string): Promise<number> =>
  (
    await trx
      .selectFrom('chapter')
      .select('number')
      .where('region_id', '=', regionId)
      .where('id', '=', chapterId)
      .executeTakeFirstOrThrow()
  ).number;
