import { z } from 'zod';
import { AppError, conflict, forbidden, invalidInput, notFound } from '../app-error.ts';
import { recordAudit } from '../audit.ts';
import { requireVersion } from '../concurrency.ts';
import { inTransaction, nowIso, type ServiceContext, type Trx } from '../context.ts';
import { parseInput, parsePatch } from '../patch.ts';
import { type Actor, can } from '../permissions.ts';
import { checkPasswordPolicy, hashPassword } from './passwords.ts';
import { checkOwnPassword } from './sessions.ts';
import { countOtherActiveAdmins, loadGrantRows } from './users.ts';

type Db = ServiceContext['db'] | Trx;

/** What may change in an account: its display name, and (admins only) whether it is disabled. */
export const UserPatchSchema = z.strictObject({
  displayName: z.string().trim().min(1).max(200).optional(),
  /** Where notifications are e-mailed; null removes it. */
  email: z.email().max(320).nullable().optional(),
  disabled: z.boolean().optional(),
});

/** A new password; a user changing their own also sends the current one. */
export const NewPasswordSchema = z.strictObject({
  password: z.string().max(200),
  currentPassword: z.string().max(200).optional(),
});

const findUser = (db: Db, userId: string) =>
  db.selectFrom('app_user').selectAll().where('id', '=', userId).executeTakeFirst();

type UserRow = NonNullable<Awaited<ReturnType<typeof findUser>>>;
type GrantRow = Awaited<ReturnType<typeof loadGrantRows>>[number];

/** An account as the API shows it, with the roles the caller may see. */
export const presentUser = (u: UserRow, roles: readonly GrantRow[]) => ({
  id: u.id,
  username: u.username,
  displayName: u.display_name,
  email: u.email,
  disabled: u.disabled === 1,
  version: u.version,
  createdAt: u.created_at,
  updatedAt: u.updated_at,
  roles: [...roles],
});

/**
 * The regions whose admins manage an account: those it holds a role in; for an account without
 * any role, the region it was made in (its `user.create` audit entry). An account that moved to
 * another region is no longer managed from the first one.
 */
const managingRegions = async (db: Db, userId: string, grants: readonly GrantRow[]): Promise<string[]> => {
  const held = [...new Set(grants.map((g) => g.regionId))];
  if (held.length > 0) return held;
  const made = await db
    .selectFrom('audit_log')
    .select('region_id')
    .where('entity_type', '=', 'user')
    .where('entity_id', '=', userId)
    .where('action', '=', 'user.create')
    .execute();
  return [...new Set(made.map((r) => r.region_id))];
};

/** How the caller reaches an account: as its owner, as an admin of regions managing it, or both. */
interface Access {
  readonly who: Actor;
  readonly self: boolean;
  /** The managing regions the caller administers (all of them for the system). */
  readonly managed: readonly string[];
  /** The region the audit entry goes to; undefined only for a user without any region. */
  readonly auditRegion: string | undefined;
  readonly grants: readonly GrantRow[];
}

/**
 * Checks that the caller may act on an account: an admin (`user.manage`) of a region managing it,
 * or, unless `adminOnly`, the user themself. Throws UNAUTHENTICATED or FORBIDDEN otherwise.
 */
const accessTo = async (
  db: Db,
  actor: Actor | undefined,
  userId: string,
  adminOnly: boolean,
): Promise<Access> => {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'sign in first');
  const grants = await loadGrantRows(db, userId);
  const regions = await managingRegions(db, userId, grants);
  const managed = regions.filter((regionId) => can(actor, 'user.manage', { regionId, agencyId: null }));
  const self = actor.kind === 'user' && actor.userId === userId;
  if (managed.length === 0 && (adminOnly || !self)) {
    const regionId = regions[0];
    if (regionId === undefined) throw forbidden('user.manage');
    throw new AppError('FORBIDDEN', 'not allowed to user.manage', {
      action: 'user.manage',
      regionId,
      agencyId: null,
    });
  }
  const own = actor.kind === 'user' ? actor.grants[0]?.regionId : undefined;
  return { who: actor, self, managed, auditRegion: managed[0] ?? own ?? regions[0], grants };
};

/** The roles the caller may see: all for the user themself and the system, else those of regions they manage. */
const visibleRoles = (a: Access) =>
  a.self || a.who.kind === 'system' ? a.grants : a.grants.filter((g) => a.managed.includes(g.regionId));

/** One account with its roles: for admins of a region it belongs to, and for the user themself. */
export const getUser = async (ctx: ServiceContext, actor: Actor | undefined, userId: string) => {
  const row = await findUser(ctx.db, userId);
  if (!row) throw notFound('user', userId);
  const access = await accessTo(ctx.db, actor, userId, false);
  return presentUser(row, visibleRoles(access));
};

/** Refuses to disable the last active admin of any region the account administers. */
const refuseLastAdmin = async (trx: Trx, row: UserRow, grants: readonly GrantRow[]) => {
  for (const regionId of new Set(grants.filter((g) => g.role === 'admin').map((g) => g.regionId))) {
    if ((await countOtherActiveAdmins(trx, regionId, row.id)) > 0) continue;
    const region = await trx
      .selectFrom('region')
      .select('name')
      .where('id', '=', regionId)
      .executeTakeFirst();
    throw new AppError(
      'CONFLICT',
      `${row.username} is the last active admin of ${region?.name ?? regionId}; give another account the admin role first`,
      { reason: 'last-admin', regionId },
    );
  }
};

/**
 * Changes an account's display name (the user themself, or an admin) or disables and enables it
 * (admins only, never their own account, never a region's last active admin). Disabling ends the
 * account's sessions; sign-in then fails as with a wrong password. The caller sends the version it
 * last read (If-Match).
 */
export const updateUser = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  userId: string,
  input: unknown,
  expectedVersion: number | undefined,
) => {
  const patch = parsePatch(UserPatchSchema, input, 'account change');
  if (patch.displayName === undefined && patch.disabled === undefined && patch.email === undefined)
    throw invalidInput('nothing to change: send displayName, email or disabled', [
      { path: '', message: 'send displayName, email or disabled' },
    ]);
  return inTransaction(ctx, async (trx) => {
    const row = await findUser(trx, userId);
    if (!row) throw notFound('user', userId);
    const access = await accessTo(trx, actor, userId, patch.disabled !== undefined);
    const current = presentUser(row, visibleRoles(access));
    requireVersion(row, expectedVersion, 'user', current);
    const disabling = patch.disabled === true && row.disabled === 0;
    if (patch.disabled === true && access.self)
      throw invalidInput('you cannot disable your own account; another admin can', [
        { path: 'disabled', message: 'you cannot disable your own account' },
      ]);
    if (disabling) await refuseLastAdmin(trx, row, access.grants);
    const r = await trx
      .updateTable('app_user')
      .set({
        ...(patch.displayName !== undefined && { display_name: patch.displayName }),
        ...(patch.email !== undefined && { email: patch.email }),
        ...(patch.disabled !== undefined && { disabled: patch.disabled ? 1 : 0 }),
        version: row.version + 1,
        updated_at: nowIso(ctx),
      })
      .where('id', '=', userId)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw conflict('user', current);
    const ended = disabling
      ? Number(
          (await trx.deleteFrom('session').where('user_id', '=', userId).executeTakeFirst()).numDeletedRows,
        )
      : 0;
    const updated = (await findUser(trx, userId)) ?? row;
    if (access.auditRegion)
      await recordAudit(trx, ctx, access.who, {
        regionId: access.auditRegion,
        action: 'user.update',
        entityType: 'user',
        entityId: userId,
        before: { displayName: row.display_name, email: row.email, disabled: row.disabled === 1 },
        after: {
          displayName: updated.display_name,
          email: updated.email,
          disabled: updated.disabled === 1,
          ...(disabling && { sessionsEnded: ended }),
        },
      });
    return presentUser(updated, visibleRoles(access));
  });
};

/**
 * Sets an account's password: an admin of a region it belongs to sets a new one; a user changing
 * their own sends the current one too (wrong guesses back off as at sign-in). The password must meet
 * the rules and is stored as an argon2id hash. Every other session of the account ends (an admin's
 * change ends all of them; the user's own keeps `keepSessionId`, the session making the change).
 */
export const setUserPassword = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  userId: string,
  input: unknown,
  keepSessionId?: string,
) => {
  const body = parseInput(NewPasswordSchema, input, 'password change');
  const row = await findUser(ctx.db, userId);
  if (!row) throw notFound('user', userId);
  // Authorize and check the rules before the (deliberately slow) hash.
  const access = await accessTo(ctx.db, actor, userId, false);
  checkPasswordPolicy(row.username, body.password);
  if (access.self) {
    if (!body.currentPassword)
      throw invalidInput('send your current password to change it', [
        { path: 'currentPassword', message: 'your current password' },
      ]);
    if (!(await checkOwnPassword(ctx, row.username, row.password_hash, body.currentPassword)))
      throw invalidInput('the current password is not right', [
        { path: 'currentPassword', message: 'not your current password' },
      ]);
  }
  const passwordHash = await hashPassword(body.password);
  return inTransaction(ctx, async (trx) => {
    const now = await findUser(trx, userId);
    if (!now) throw notFound('user', userId);
    await trx
      .updateTable('app_user')
      .set({ password_hash: passwordHash, version: now.version + 1, updated_at: nowIso(ctx) })
      .where('id', '=', userId)
      .execute();
    let end = trx.deleteFrom('session').where('user_id', '=', userId);
    if (access.self && keepSessionId !== undefined) end = end.where('id', '<>', keepSessionId);
    const sessionsEnded = Number((await end.executeTakeFirst()).numDeletedRows);
    if (access.auditRegion)
      await recordAudit(trx, ctx, access.who, {
        regionId: access.auditRegion,
        action: 'user.password',
        entityType: 'user',
        entityId: userId,
        after: { username: now.username, by: access.self ? 'self' : 'admin', sessionsEnded },
      });
    const updated = (await findUser(trx, userId)) ?? now;
    return { ...presentUser(updated, visibleRoles(access)), sessionsEnded };
  });
};
