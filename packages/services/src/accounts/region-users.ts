import type { ServiceContext } from '../context.ts';
import { type Actor, authorize } from '../permissions.ts';

/** An account as the region's list shows it, with its roles in the region. */
export interface RegionUserRow {
  id: string;
  username: string;
  displayName: string;
  disabled: boolean;
  version: number;
  roles: { id: string; role: string; agencyId: string | null }[];
}

/**
 * The accounts with a role in a region, with their roles there. Admins only. With
 * `includeWithoutRoles`, also the accounts made in the region (their `user.create` audit entry is
 * there: accounts themselves are global) that hold no role anywhere now, with `roles: []`.
 */
export const listRegionUsers = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  regionId: string,
  options: { includeWithoutRoles?: boolean } = {},
): Promise<RegionUserRow[]> => {
  authorize(actor, 'user.manage', { regionId, agencyId: null });
  const rows = await ctx.db
    .selectFrom('role_assignment')
    .innerJoin('app_user', 'app_user.id', 'role_assignment.user_id')
    .select([
      'app_user.id as userId',
      'app_user.username',
      'app_user.display_name',
      'app_user.disabled',
      'app_user.version',
      'role_assignment.id as grantId',
      'role_assignment.role',
      'role_assignment.agency_id',
    ])
    .where('role_assignment.region_id', '=', regionId)
    .orderBy('app_user.username')
    .orderBy('role_assignment.id')
    .execute();
  const users = new Map<string, RegionUserRow>();
  for (const r of rows) {
    const u = users.get(r.userId) ?? {
      id: r.userId,
      username: r.username,
      displayName: r.display_name,
      disabled: r.disabled === 1,
      version: r.version,
      roles: [],
    };
    u.roles.push({ id: r.grantId, role: r.role, agencyId: r.agency_id });
    users.set(r.userId, u);
  }
  if (!options.includeWithoutRoles) return [...users.values()];
  const orphans = await ctx.db
    .selectFrom('app_user')
    .select(['id', 'username', 'display_name', 'disabled', 'version'])
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('audit_log')
        .select('entity_id')
        .where('region_id', '=', regionId)
        .where('entity_type', '=', 'user')
        .where('action', '=', 'user.create'),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('role_assignment')
            .select('role_assignment.id')
            .whereRef('role_assignment.user_id', '=', 'app_user.id'),
        ),
      ),
    )
    .execute();
  const all = [
    ...users.values(),
    ...orphans.map((o) => ({
      id: o.id,
      username: o.username,
      displayName: o.display_name,
      disabled: o.disabled === 1,
      version: o.version,
      roles: [],
    })),
  ];
  return all.sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0));
};
