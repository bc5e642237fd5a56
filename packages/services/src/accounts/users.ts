import { z } from 'zod';
import { AppError, conflict, invalidInput, notFound } from '../app-error.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction, nowIso, type ServiceContext, type Trx } from '../context.ts';
import { parseInput } from '../patch.ts';
import { type Actor, authorize, ROLE_REACH, ROLES, type Role, type RoleGrant } from '../permissions.ts';
import { checkPasswordPolicy, hashPassword } from './passwords.ts';

/** A role to give: in a region, and for agency roles, in one agency of it. */
export const GrantSchema = z.strictObject({
  role: z.enum(ROLES),
  agencyId: z.string().min(1).nullable().default(null),
});

/** A new account with its first roles in a region. */
export const NewUserSchema = z.strictObject({
  username: z
    .string()
    .min(3)
    .max(64)
    .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lowercase letters, digits, ".", "_" or "-"'),
  displayName: z.string().min(1).max(200),
  /** Where notifications are e-mailed (optional). */
  email: z.email().max(320).optional(),
  password: z.string(),
  roles: z.array(GrantSchema).min(1),
});

/** The grants of a user in every region. */
export const loadGrants = async (db: ServiceContext['db'] | Trx, userId: string): Promise<RoleGrant[]> =>
  (
    await db
      .selectFrom('role_assignment')
      .select(['region_id', 'agency_id', 'role'])
      .where('user_id', '=', userId)
      .execute()
  ).map((r) => ({
    regionId: r.region_id,
    agencyId: r.agency_id,
    role: r.role as RoleGrant['role'],
  }));

/** The actor for a user id: their grants in every region; undefined when the account is gone or disabled. */
export const actorForUser = async (
  db: ServiceContext['db'] | Trx,
  userId: string,
): Promise<Actor | undefined> => {
  const user = await db
    .selectFrom('app_user')
    .select(['id', 'username', 'disabled'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user || user.disabled === 1) return undefined;
  return { kind: 'user', userId: user.id, username: user.username, grants: await loadGrants(db, user.id) };
};

/** The grants of a user in every region, with the ids that revoke them. */
export const loadGrantRows = async (db: ServiceContext['db'] | Trx, userId: string) =>
  (
    await db
      .selectFrom('role_assignment')
      .select(['id', 'region_id', 'agency_id', 'role'])
      .where('user_id', '=', userId)
      .orderBy('id')
      .execute()
  ).map((r) => ({ id: r.id, regionId: r.region_id, agencyId: r.agency_id, role: r.role as Role }));

/**
 * How many enabled accounts other than `userId` hold the admin role in a region: a change that
 * would leave none (disabling the last admin, taking their role) is refused.
 */
export const countOtherActiveAdmins = async (trx: Trx, regionId: string, userId: string): Promise<number> =>
  new Set(
    (
      await trx
        .selectFrom('role_assignment')
        .innerJoin('app_user', 'app_user.id', 'role_assignment.user_id')
        .select('role_assignment.user_id')
        .where('role_assignment.region_id', '=', regionId)
        .where('role_assignment.role', '=', 'admin')
        .where('app_user.disabled', '=', 0)
        .where('role_assignment.user_id', '<>', userId)
        .execute()
    ).map((r) => r.user_id),
  ).size;

const checkGrant = async (trx: Trx, regionId: string, g: z.infer<typeof GrantSchema>, i: number) => {
  if (ROLE_REACH[g.role] === 'agency' && g.agencyId === null) {
    throw invalidInput(`role ${g.role} belongs to one agency`, [
      { path: `roles.${i}.agencyId`, message: 'the agency of the role' },
    ]);
  }
  if (g.agencyId !== null) {
    const a = await trx
      .selectFrom('agency')
      .select('id')
      .where('region_id', '=', regionId)
      .where('id', '=', g.agencyId)
      .executeTakeFirst();
    if (!a)
      throw invalidInput(`agency ${g.agencyId} is not in the region`, [
        { path: `roles.${i}.agencyId`, message: 'an agency of the region' },
      ]);
  }
};

/** Refuses (409) a role the user already holds in the same region and agency. */
const refuseHeldRole = async (trx: Trx, regionId: string, userId: string, g: z.infer<typeof GrantSchema>) => {
  let q = trx
    .selectFrom('role_assignment')
    .select('id')
    .where('region_id', '=', regionId)
    .where('user_id', '=', userId)
    .where('role', '=', g.role);
  q = g.agencyId === null ? q.where('agency_id', 'is', null) : q.where('agency_id', '=', g.agencyId);
  const held = await q.executeTakeFirst();
  if (!held) return;
  const user = await trx
    .selectFrom('app_user')
    .select('username')
    .where('id', '=', userId)
    .executeTakeFirst();
  const agency =
    g.agencyId === null
      ? undefined
      : await trx.selectFrom('agency').select('name').where('id', '=', g.agencyId).executeTakeFirst();
  throw new AppError(
    'CONFLICT',
    `${user?.username ?? userId} already has the role ${g.role} ${agency ? `in ${agency.name}` : 'in the region'}; nothing to give`,
    { reason: 'role-held', roleId: held.id },
  );
};

/** Gives roles to a user in a region, checking each; returns the ids of the grants written. */
const writeGrants = async (
  trx: Trx,
  ctx: ServiceContext,
  actor: Actor,
  regionId: string,
  userId: string,
  grants: readonly z.infer<typeof GrantSchema>[],
): Promise<string[]> => {
  const ids: string[] = [];
  for (const [i, g] of grants.entries()) {
    await checkGrant(trx, regionId, g, i);
    await refuseHeldRole(trx, regionId, userId, g);
    const id = ctx.newId();
    ids.push(id);
    await trx
      .insertInto('role_assignment')
      .values({
        region_id: regionId,
        id,
        user_id: userId,
        agency_id: g.agencyId,
        role: g.role,
        created_at: nowIso(ctx),
      })
      .execute();
    await recordAudit(trx, ctx, actor, {
      regionId,
      action: 'role.grant',
      entityType: 'role_assignment',
      entityId: id,
      after: { userId, ...g },
    });
  }
  return ids;
};

/**
 * Creates an account with its roles in a region. Admins of the region (or the system) do this; the
 * password must meet the rules and is stored as an argon2id hash.
 */
export const createUser = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  regionId: string,
  input: unknown,
) => {
  const u = parseInput(NewUserSchema, input, 'user');
  // Authorize before the (deliberately slow) hash, so nobody else can make the server hash.
  const who = authorize(actor, 'user.manage', { regionId, agencyId: null });
  const twice = u.roles.flatMap((g, i) =>
    u.roles.findIndex((o) => o.role === g.role && o.agencyId === g.agencyId) < i
      ? [{ path: `roles.${i}`, message: 'this role is listed twice' }]
      : [],
  );
  if (twice.length > 0) throw invalidInput('a role is listed twice', twice);
  checkPasswordPolicy(u.username, u.password);
  const passwordHash = await hashPassword(u.password);
  return inTransaction(ctx, async (trx) => {
    if (await trx.selectFrom('app_user').select('id').where('username', '=', u.username).executeTakeFirst())
      throw conflict(`user ${u.username}`, { username: u.username });
    const id = ctx.newId();
    const now = nowIso(ctx);
    await trx
      .insertInto('app_user')
      .values({
        id,
        username: u.username,
        display_name: u.displayName,
        email: u.email ?? null,
        password_hash: passwordHash,
        disabled: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await recordAudit(trx, ctx, who, {
      regionId,
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      after: { username: u.username, displayName: u.displayName, email: u.email ?? null },
    });
    await writeGrants(trx, ctx, who, regionId, id, u.roles);
    return { id, username: u.username, displayName: u.displayName, roles: await loadGrants(trx, id) };
  });
};

/**
 * Gives a role to an existing user in a region. Admins only. A role the user already holds there
 * (same agency) is a CONFLICT. Answers the grants made (with their ids) and all the user's roles.
 */
export const grantRole = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  regionId: string,
  userId: string,
  input: unknown,
) => {
  const g = parseInput(GrantSchema, input, 'role');
  return inTransaction(ctx, async (trx) => {
    const who = authorize(actor, 'user.manage', { regionId, agencyId: null });
    if (!(await trx.selectFrom('app_user').select('id').where('id', '=', userId).executeTakeFirst()))
      throw notFound('user', userId);
    const ids = await writeGrants(trx, ctx, who, regionId, userId, [g]);
    const roles = await loadGrantRows(trx, userId);
    return { userId, created: roles.filter((r) => ids.includes(r.id)), roles };
  });
};

/** Takes a role away. Admins only; the region's last active admin keeps their admin role. */
export const revokeRole = async (ctx: ServiceContext, actor: Actor | undefined, grantId: string) =>
  inTransaction(ctx, async (trx) => {
    const g = await trx
      .selectFrom('role_assignment')
      .selectAll()
      .where('id', '=', grantId)
      .executeTakeFirst();
    if (!g) throw notFound('role', grantId);
    const who = authorize(actor, 'user.manage', { regionId: g.region_id, agencyId: null });
    const keepsAdmin = async () =>
      (await trx
        .selectFrom('role_assignment')
        .select('id')
        .where('region_id', '=', g.region_id)
        .where('user_id', '=', g.user_id)
        .where('role', '=', 'admin')
        .where('id', '<>', grantId)
        .executeTakeFirst()) !== undefined;
    if (
      g.role === 'admin' &&
      (await countOtherActiveAdmins(trx, g.region_id, g.user_id)) === 0 &&
      !(await keepsAdmin())
    )
      throw new AppError('CONFLICT', 'the region would have no active admin left', {
        reason: 'last-admin',
        regionId: g.region_id,
      });
    await trx
      .deleteFrom('role_assignment')
      .where('region_id', '=', g.region_id)
      .where('id', '=', grantId)
      .execute();
    await recordAudit(trx, ctx, who, {
      regionId: g.region_id,
      action: 'role.revoke',
      entityType: 'role_assignment',
      entityId: grantId,
      before: { userId: g.user_id, role: g.role, agencyId: g.agency_id },
    });
  });
