import { z } from 'zod';
import { AppError } from '../../app-error.ts';
import { inTransaction, nowIso, type ServiceContext } from '../../context.ts';
import { parseInput } from '../../patch.ts';
import type { Actor } from '../../permissions.ts';

const requireUser = (actor: Actor | undefined) => {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'sign in first');
  if (actor.kind !== 'user') throw new AppError('FORBIDDEN', 'only people have an inbox', { action: 'self' });
  return actor;
};

/** The caller's notifications, newest first (unread only when asked), with the unread count. */
export const listNotifications = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  unreadOnly = false,
  limit = 50,
) => {
  const user = requireUser(actor);
  let q = ctx.db
    .selectFrom('notification')
    .leftJoin('plan', (j) =>
      j.onRef('plan.id', '=', 'notification.plan_id').onRef('plan.region_id', '=', 'notification.region_id'),
    )
    .select([
      'notification.id',
      'notification.plan_id',
      'notification.kind',
      'notification.payload',
      'notification.created_at',
      'notification.read_at',
      'plan.title as plan_title',
    ])
    .where('notification.user_id', '=', user.userId);
  if (unreadOnly) q = q.where('notification.read_at', 'is', null);
  const rows = await q
    .orderBy('notification.created_at', 'desc')
    .orderBy('notification.id', 'desc')
    .limit(limit)
    .execute();
  const unread = Number(
    (
      await ctx.db
        .selectFrom('notification')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', user.userId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow()
    ).n,
  );
  return {
    unread,
    items: rows.map((r) => ({
      id: r.id,
      planId: r.plan_id,
      planTitle: r.plan_title,
      kind: r.kind,
      at: r.created_at,
      read: r.read_at !== null,
      payload: JSON.parse(r.payload) as unknown,
    })),
  };
};

export const MarkReadSchema = z.strictObject({
  ids: z.array(z.string().min(1).max(64)).max(500).optional(),
  all: z.boolean().optional(),
});

/** Marks the caller's notifications read: the ones named, or all. Returns how many changed. */
export const markNotificationsRead = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  input: unknown,
) => {
  const user = requireUser(actor);
  const body = parseInput(MarkReadSchema, input, 'read marks');
  if (!body.all && (body.ids ?? []).length === 0) return { changed: 0 };
  return inTransaction(ctx, async (trx) => {
    let q = trx
      .updateTable('notification')
      .set({ read_at: nowIso(ctx) })
      .where('user_id', '=', user.userId)
      .where('read_at', 'is', null);
    if (!body.all) q = q.where('id', 'in', body.ids ?? []);
    const r = await q.executeTakeFirst();
    return { changed: Number(r.numUpdatedRows) };
  });
};
