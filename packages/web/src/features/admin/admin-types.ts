import type { Role } from '../../api/types.ts';

/** What an agency is to planning (set when it is created). */
export const AGENCY_KINDS = ['dinas', 'bappeda', 'inspektorat', 'other'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** Kinds of unit inside an agency. */
export const UNIT_KINDS = [
  'pimpinan',
  'sekretariat',
  'bidang',
  'subbagian',
  'seksi',
  'uptd',
  'other',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Every role, in the order the forms offer them. */
export const ROLES: readonly Role[] = [
  'agency_editor',
  'agency_head',
  'viewer',
  'bappeda_reviewer',
  'bappeda_verifier',
  'inspektorat_reviewer',
  'admin',
];

/** Roles held in one agency: the server refuses them without an agency. */
export const AGENCY_ROLES: ReadonlySet<Role> = new Set<Role>(['agency_editor', 'agency_head']);

/** Roles that may name an agency (the reviewers belong to Bappeda or the Inspektorat). */
export const ROLES_WITH_AGENCY: ReadonlySet<Role> = new Set<Role>([
  'agency_editor',
  'agency_head',
  'bappeda_reviewer',
  'bappeda_verifier',
  'inspektorat_reviewer',
]);

/** An official: position, and optionally name and NIP. */
export interface Official {
  readonly position: string;
  readonly name?: string;
  readonly nip?: string;
}

/** A unit of an agency, keyed by `id` within it; `parent` is another unit's `id`. */
export interface AgencyUnit {
  readonly id: string;
  readonly name: string;
  readonly kind: UnitKind;
  readonly parent?: string;
  readonly head?: Official;
}

/** An agency as `GET /api/agencies/:id` answers it (the region's list gives `units: []`). */
export interface AgencyRecord {
  readonly id: string;
  readonly regionId: string;
  readonly kind: AgencyKind;
  readonly version: number;
  readonly code: string;
  readonly name: string;
  readonly shortName?: string;
  readonly bidangUrusan: readonly string[];
  readonly head?: Official;
  readonly address?: string;
  readonly units: readonly AgencyUnit[];
}

/** The answer of a unit write: the unit and the agency's new version. */
export interface UnitWritten extends AgencyUnit {
  readonly rowId?: string;
  readonly agencyVersion: number;
}

/** One role of an account in the region, with the id that revokes it. */
export interface RegionGrant {
  readonly id: string;
  readonly role: Role;
  readonly agencyId: string | null;
}

/**
 * An account of the region (`GET /api/regions/:id/users?includeWithoutRoles=true`): with a role
 * in it, or made in it and left without any role (`roles: []`).
 */
export interface RegionUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly disabled: boolean;
  readonly version: number;
  readonly roles: readonly RegionGrant[];
}

/** One account as `GET /api/users/:id` answers it: the roles in the regions the caller administers. */
export interface UserAccount {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly disabled: boolean;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly roles: readonly (RegionGrant & { readonly regionId: string })[];
}

/** What each card of the account page gets: the account, whether it is the caller's own, and the region. */
export interface UserCardProps {
  readonly user: UserAccount;
  readonly self: boolean;
  readonly regionId: string;
}

/** The answer of `POST /api/users/:id/password`: the account and how many sessions ended. */
export interface PasswordSet extends UserAccount {
  readonly sessionsEnded: number;
}

/** The answer of `DELETE /api/agencies/:id/units/:unitId`. */
export interface UnitRetired {
  readonly id: string;
  readonly rowId: string;
  readonly agencyVersion: number;
}

/** A region as `GET /api/regions/:id` answers it. */
export interface RegionRecord {
  readonly id: string;
  readonly version: number;
  readonly code: string;
  readonly name: string;
  readonly kind: 'provinsi' | 'kabupaten' | 'kota';
  readonly capital?: string;
}

/** Kinds of planning period. */
export const PERIOD_KINDS = ['RPJMD', 'RPD', 'Renstra', 'Renja'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A planning period of the region (`GET /api/regions/:id/periods`). */
export interface PeriodRecord {
  readonly id: string;
  readonly kind: PeriodKind;
  readonly startYear: number;
  readonly endYear: number;
  readonly baselineYear: number;
  readonly legalBasis: readonly string[];
  readonly version: number;
}
