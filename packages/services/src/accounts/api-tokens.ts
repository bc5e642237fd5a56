import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError, notFound } from '../app-error.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction, nowIso, type ServiceContext } from '../context.ts';
import { parseInput } from '../patch.ts';
import type { Actor } from '../permissions.ts';
import { hashToken } from './sessions.ts';
import { actorForUser } from './users.ts';

/** Personal API tokens start with this, so they are recognisable in logs and secret scanners. */
export const TOKEN_PREFIX = 'slr_';

const NewTokenSchema = z.strictObject({ name: z.string().min(1).max(100) });

const requireUser = (actor: Actor | undefined) => {
  if (actor?.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'sign in first');
  return actor;
};

const auditRegion = (actor: Extract<Actor, { kind: 'user' }>) => actor.grants[0]?.regionId;

/** Creates a personal API token for scripts. The token is shown once; only its hash is stored. */
export const createApiToken = async (ctx: ServiceContext, actor: Actor | undefined, input: unknown) => {
  const user = requireUser(actor);
  const { name } = parseInput(NewTokenSchema, input, 'token');
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return inTransaction(ctx, async (trx) => {
    const id = ctx.newId();
    await trx
      .insertInto('api_token')
      .values({
        id,
        user_id: user.userId,
        name,
        token_hash: hashToken(token),
        created_at: nowIso(ctx),
        last_used_at: null,
        revoked_at: null,
      })
      .execute();
    const region = auditRegion(user);
    if (region)
      await recordAudit(trx, ctx, user, {
        regionId: region,
        action: 'token.create',
        entityType: 'api_token',
        entityId: id,
        after: { name },
      });
    return { id, name, token };
  });
};

/** The actor's API tokens (never the tokens themselves). */
export const listApiTokens = async (ctx: ServiceContext, actor: Actor | undefined) => {
  const user = requireUser(actor);
  return (
    await ctx.db
      .selectFrom('api_token')
      .select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at'])
      .where('user_id', '=', user.userId)
      .orderBy('created_at')
      .execute()
  ).map((t) => ({
    id: t.id,
    name: t.name,
    createdAt: t.created_at,
    lastUsedAt: t.last_used_at,
    revokedAt: t.revoked_at,
  }));
};

/** Revokes one of the actor's tokens (revoking it again changes nothing). */
export const revokeApiToken = async (ctx: ServiceContext, actor: Actor | undefined, tokenId: string) => {
  const user = requireUser(actor);
  return inTransaction(ctx, async (trx) => {
    const t = await trx
      .selectFrom('api_token')
      .selectAll()
      .where('id', '=', tokenId)
      .where('user_id', '=', user.userId)
      .executeTakeFirst();
    if (!t) throw notFound('token', tokenId);
    if (t.revoked_at !== null) return; // already revoked: nothing changes, nothing to record
    await trx
      .updateTable('api_token')
      .set({ revoked_at: nowIso(ctx) })
      .where('id', '=', tokenId)
      .execute();
    const region = auditRegion(user);
    if (region)
      await recordAudit(trx, ctx, user, {
        regionId: region,
        action: 'token.revoke',
        entityType: 'api_token',
        entityId: tokenId,
        before: { name: t.name },
      });
  });
};

/** The actor of a bearer token, or undefined when unknown or revoked. */
export const authenticateApiToken = async (
  ctx: ServiceContext,
  token: string,
): Promise<Actor | undefined> => {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const t = await ctx.db
    .selectFrom('api_token')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!t || t.revoked_at !== null) return undefined;
  await ctx.db
    .updateTable('api_token')
    .set({ last_used_at: nowIso(ctx) })
    .where('id', '=', t.id)
    .execute();
  return actorForUser(ctx.db, t.user_id);
};
