import type { ServiceContext } from '../context.ts';
import type { Actor, Role } from '../permissions.ts';

/** A role of the caller with the names a page shows: the region's, and the agency's for agency roles. */
export interface NamedGrant {
  readonly regionId: string;
  readonly agencyId: string | null;
  readonly role: Role;
  readonly regionName: string | null;
  /** The agency's short name, or its name when it has none; null for region roles. */
  readonly agencyName: string | null;
  readonly agencyCode: string | null;
}

/** The caller as the API shows them: id, username, display name and named roles. */
export interface CallerProfile {
  readonly id: string | null;
  readonly username: string;
  readonly displayName: string;
  readonly roles: NamedGrant[];
}

/**
 * Describes the caller with names, so a page can say "Perencana Dinas PUPR PERA — agency_editor ·
 * Dinas PUPR PERA" and send them to their agency's home. The system actor has no account and no roles.
 */
export const describeCaller = async (ctx: ServiceContext, actor: Actor): Promise<CallerProfile> => {
  if (actor.kind === 'system') return { id: null, username: 'system', displayName: 'system', roles: [] };
  const user = await ctx.db
    .selectFrom('app_user')
    .select('display_name')
    .where('id', '=', actor.userId)
    .executeTakeFirst();
  const regionIds = [...new Set(actor.grants.map((g) => g.regionId))];
  const agencyIds = [...new Set(actor.grants.flatMap((g) => (g.agencyId === null ? [] : [g.agencyId])))];
  const [regions, agencies] = await Promise.all([
    regionIds.length === 0
      ? []
      : ctx.db.selectFrom('region').select(['id', 'name']).where('id', 'in', regionIds).execute(),
    agencyIds.length === 0
      ? []
      : ctx.db
          .selectFrom('agency')
          .select(['id', 'code', 'name', 'short_name'])
          .where('id', 'in', agencyIds)
          .execute(),
  ]);
  const regionName = new Map(regions.map((r) => [r.id, r.name]));
  const agency = new Map(agencies.map((a) => [a.id, a]));
  return {
    id: actor.userId,
    username: actor.username,
    displayName: user?.display_name ?? actor.username,
    roles: actor.grants.map((g) => {
      const a = g.agencyId === null ? undefined : agency.get(g.agencyId);
      return {
        regionId: g.regionId,
        agencyId: g.agencyId,
        role: g.role,
        regionName: regionName.get(g.regionId) ?? null,
        agencyName: a ? (a.short_name ?? a.name) : null,
        agencyCode: a?.code ?? null,
      };
    }),
  };
};
