import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction, type ServiceContext, type Trx } from '../context.ts';
import { parseInput } from '../patch.ts';
import type { Actor } from '../permissions.ts';
import { verifyPassword } from './passwords.ts';
import { actorForUser } from './users.ts';

/** Session lifetimes: idle timeout and absolute limit. */
export interface SessionPolicy {
  readonly idleMinutes: number;
  readonly absoluteHours: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMinutes: 60, absoluteHours: 12 };

/**
 * Failed sign-ins allowed before the backoff starts: few per username, more per address (an office
 * behind one NAT address must not be locked out by one person's typos), and the longest wait.
 */
const FREE_FAILURES = { user: 5, addr: 25 } as const;
const MAX_LOCK_SECONDS = 15 * 60;
/** Failures older than this are forgotten: a few typos spread over weeks never lock anyone out. */
const FAILURE_WINDOW_MS = 60 * 60_000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const token = (bytes = 32) => randomBytes(bytes).toString('base64url');
const addMs = (d: Date, ms: number) => new Date(d.getTime() + ms).toISOString();

export const SignInSchema = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(200),
});

const lockedUntil = async (trx: Trx, key: string, now: Date): Promise<string | undefined> => {
  const a = await trx.selectFrom('login_attempt').selectAll().where('key', '=', key).executeTakeFirst();
  return a?.locked_until && a.locked_until > now.toISOString() ? a.locked_until : undefined;
};

const recordFailure = async (trx: Trx, key: string, now: Date) => {
  const a = await trx.selectFrom('login_attempt').selectAll().where('key', '=', key).executeTakeFirst();
  const recent = a !== undefined && now.getTime() - new Date(a.last_failure_at).getTime() < FAILURE_WINDOW_MS;
  const failures = (recent ? a.failures : 0) + 1;
  const free = key.startsWith('addr:') ? FREE_FAILURES.addr : FREE_FAILURES.user;
  const wait = failures > free ? Math.min(2 ** (failures - free), MAX_LOCK_SECONDS) : 0;
  const values = {
    failures,
    last_failure_at: now.toISOString(),
    locked_until: wait > 0 ? addMs(now, wait * 1000) : null,
  };
  if (a) await trx.updateTable('login_attempt').set(values).where('key', '=', key).execute();
  else
    await trx
      .insertInto('login_attempt')
      .values({ key, ...values })
      .execute();
};

/**
 * Checks a password a signed-in user types again (to change it): the same per-username backoff as
 * sign-in, so a session left open cannot be used to guess the password. RATE_LIMITED while locked;
 * a wrong password counts as a failed sign-in, a right one clears the failures.
 */
export const checkOwnPassword = async (
  ctx: ServiceContext,
  username: string,
  passwordHash: string,
  password: string,
): Promise<boolean> => {
  const key = `user:${username.toLowerCase()}`;
  const now = ctx.now();
  const until = await inTransaction(ctx, (trx) => lockedUntil(trx, key, now));
  if (until)
    throw new AppError('RATE_LIMITED', `too many wrong passwords; try again after ${until}`, {
      retryAt: until,
    });
  const ok = await verifyPassword(passwordHash, password);
  await inTransaction(ctx, async (trx) => {
    if (ok) await trx.deleteFrom('login_attempt').where('key', '=', key).execute();
    else await recordFailure(trx, key, now);
  });
  return ok;
};

/** A new session: the cookie token (shown once), its CSRF token and the signed-in actor. */
export interface NewSession {
  readonly token: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
  readonly actor: Extract<Actor, { kind: 'user' }>;
}

/**
 * Signs in with a username and password. Repeated failures back off exponentially (after 5 for a
 * username or 25 for an address: 2 s, 4 s, … up to 15 minutes), answered with RATE_LIMITED. A
 * successful sign-in starts a new session (the token is never reused), so a session id cannot be
 * fixed before sign-in.
 */
export const signIn = async (
  ctx: ServiceContext,
  input: unknown,
  address: string,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): Promise<NewSession> => {
  const { username, password } = parseInput(SignInSchema, input, 'sign-in');
  const keys = [`user:${username.toLowerCase()}`, `addr:${address}`];
  const now = ctx.now();
  const user = await ctx.db
    .selectFrom('app_user')
    .selectAll()
    .where('username', '=', username.toLowerCase())
    .executeTakeFirst();
  for (const key of keys) {
    const until = await inTransaction(ctx, (trx) => lockedUntil(trx, key, now));
    if (until)
      throw new AppError('RATE_LIMITED', `too many failed sign-ins; try again after ${until}`, {
        retryAt: until,
      });
  }
  const ok =
    user !== undefined && user.disabled === 0 && (await verifyPassword(user.password_hash, password));
  if (!ok || !user) {
    await inTransaction(ctx, async (trx) => {
      for (const key of keys) await recordFailure(trx, key, now);
    });
    throw new AppError('UNAUTHENTICATED', 'wrong username or password');
  }
  return inTransaction(ctx, async (trx) => {
    await trx.deleteFrom('login_attempt').where('key', 'in', keys).execute();
    const actor = await actorForUser(trx, user.id);
    if (actor?.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'wrong username or password');
    const t = token();
    const csrfToken = token(24);
    const expiresAt = addMs(now, policy.absoluteHours * 3_600_000);
    await trx
      .insertInto('session')
      .values({
        id: sha256(t),
        user_id: user.id,
        csrf_token: csrfToken,
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
        expires_at: expiresAt,
      })
      .execute();
    const region = actor.grants[0]?.regionId;
    if (region)
      await recordAudit(trx, ctx, actor, {
        regionId: region,
        action: 'auth.sign-in',
        entityType: 'user',
        entityId: user.id,
      });
    return { token: t, csrfToken, expiresAt, actor };
  });
};

/** The session of a cookie token with its actor, or undefined when unknown, idle too long or expired. */
export const authenticateSession = async (
  ctx: ServiceContext,
  cookieToken: string,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): Promise<{ actor: Actor; csrfToken: string; sessionId: string } | undefined> => {
  const id = sha256(cookieToken);
  const s = await ctx.db.selectFrom('session').selectAll().where('id', '=', id).executeTakeFirst();
  if (!s) return undefined;
  const now = ctx.now();
  const idleLimit = new Date(new Date(s.last_seen_at).getTime() + policy.idleMinutes * 60_000);
  if (s.expires_at <= now.toISOString() || idleLimit <= now) {
    await ctx.db.deleteFrom('session').where('id', '=', id).execute();
    return undefined;
  }
  // Refresh the idle clock at most once a minute, so reads do not all write.
  if (now.getTime() - new Date(s.last_seen_at).getTime() > 60_000) {
    await ctx.db
      .updateTable('session')
      .set({ last_seen_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
  }
  const actor = await actorForUser(ctx.db, s.user_id);
  return actor ? { actor, csrfToken: s.csrf_token, sessionId: id } : undefined;
};

/** Ends a session. */
export const signOut = async (ctx: ServiceContext, actor: Actor, sessionId: string): Promise<void> =>
  inTransaction(ctx, async (trx) => {
    await trx.deleteFrom('session').where('id', '=', sessionId).execute();
    if (actor.kind === 'user' && actor.grants[0]) {
      await recordAudit(trx, ctx, actor, {
        regionId: actor.grants[0].regionId,
        action: 'auth.sign-out',
        entityType: 'user',
        entityId: actor.userId,
      });
    }
  });

/**
 * Removes sessions past their absolute or idle expiry and sign-in failures that no longer count
 * (the server runs it hourly). Returns how many sessions went.
 */
export const purgeExpiredSessions = async (
  ctx: ServiceContext,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): Promise<number> => {
  const now = ctx.now();
  const idleSince = new Date(now.getTime() - policy.idleMinutes * 60_000).toISOString();
  const r = await ctx.db
    .deleteFrom('session')
    .where((eb) => eb.or([eb('expires_at', '<=', now.toISOString()), eb('last_seen_at', '<=', idleSince)]))
    .executeTakeFirst();
  const forgotten = new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString();
  await ctx.db
    .deleteFrom('login_attempt')
    .where('last_failure_at', '<=', forgotten)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now.toISOString())]))
    .execute();
  return Number(r.numDeletedRows);
};

export { sha256 as hashToken };
