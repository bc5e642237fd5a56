import { AppError } from './app-error.ts';

/** The roles of Selaras, each given to a user in a region (and, for agency roles, one agency). */
export const ROLES = [
  'admin',
  'agency_editor',
  'agency_head',
  'bappeda_reviewer',
  'bappeda_verifier',
  'inspektorat_reviewer',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * How far a role reaches: `region` roles act on every agency of their region (Bappeda, the
 * Inspektorat, admins, viewers); `agency` roles act only on the agency of their assignment.
 */
export const ROLE_REACH: Record<Role, 'region' | 'agency'> = {
  admin: 'region',
  agency_editor: 'agency',
  agency_head: 'agency',
  bappeda_reviewer: 'region',
  bappeda_verifier: 'region',
  inspektorat_reviewer: 'region',
  viewer: 'region',
};

const EVERYONE: readonly Role[] = ROLES;
const AGENCY_WRITERS: readonly Role[] = ['admin', 'agency_editor', 'agency_head'];
const REVIEWERS: readonly Role[] = ['bappeda_reviewer', 'bappeda_verifier', 'inspektorat_reviewer'];

/**
 * The one permission table. Services check it; tests enumerate it. For an action on something
 * that belongs to an agency (its Renstra, its units), an agency role only counts for its own
 * agency; region-wide things (the regional plan, agencies, users) need a region-reach role.
 */
export const PERMISSIONS = {
  'region.read': EVERYONE,
  'region.update': ['admin'],
  'agency.create': ['admin'],
  'agency.update': ['admin', 'agency_head'],
  'unit.write': ['admin', 'agency_head'],
  'period.write': ['admin'],
  'user.manage': ['admin'],
  'plan.read': EVERYONE,
  'plan.create': AGENCY_WRITERS,
  'plan.edit': AGENCY_WRITERS,
  'plan.delete': ['admin'],
  /** Setting a plan's stage by hand (an admin's correction); the review workflow moves stages. */
  'plan.set-stage': ['admin'],
  /** Recording review findings and replying to them as a reviewer (Bappeda, Inspektorat). */
  'plan.comment': REVIEWERS,
  /** Submitting and resubmitting with an official letter: the agency head only. */
  'plan.submit': ['agency_head'],
  /** Answering review findings for the agency. */
  'review.answer': ['agency_editor', 'agency_head'],
  /** An institution's verdict on a round (Bappeda, Inspektorat). */
  'review.verdict': REVIEWERS,
  /** Returning a plan for revision, and the review meeting's record (Bappeda). */
  'review.return': ['bappeda_reviewer', 'bappeda_verifier'],
  'review.meeting': ['bappeda_reviewer', 'bappeda_verifier'],
  /** Verification with the checklist: Bappeda's verifier only. */
  'plan.verify': ['bappeda_verifier'],
  /** Moving a verified plan to its next stage. */
  'plan.advance': ['agency_head', 'bappeda_verifier'],
  /** Recording the penetapan (the legal instrument) of a verified rancangan akhir. */
  'plan.enact': ['admin', 'bappeda_verifier'],
  /** Starting an amendment (perubahan) of a plan that is set. */
  'plan.amend': ['admin', 'agency_editor', 'agency_head'],
  /** Opening and closing Bappeda's windows (jadwal) per stage. */
  'review.schedule': ['admin', 'bappeda_verifier'],
  /** Proposing that another agency's node contributes to one of ours, and deciding on such a proposal. */
  'crosscutting.propose': AGENCY_WRITERS,
  'crosscutting.decide': AGENCY_WRITERS,
  'audit.read': ['admin', ...REVIEWERS],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

/** Every action, for tables and tests. */
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

/** A role held by a user: in a region, and for agency roles, in one agency. */
export interface RoleGrant {
  readonly regionId: string;
  readonly agencyId: string | null;
  readonly role: Role;
}

/** Who is acting: a signed-in user with their grants, or the system (CLI tasks, demo seeding). */
export type Actor =
  | {
      readonly kind: 'user';
      readonly userId: string;
      readonly username: string;
      readonly grants: readonly RoleGrant[];
    }
  | { readonly kind: 'system'; readonly reason: string };

/** What an action applies to: a region, and the agency that owns the thing (null for region-wide things). */
export interface Scope {
  readonly regionId: string;
  readonly agencyId: string | null;
}

/**
 * Reading reaches the whole region for every role: plans are public planning documents within
 * the government, and agencies need each other's plans (crosscutting, the regional plan their
 * Renstra derives from). What an agency role cannot do outside its agency is write.
 */
export const REGION_WIDE_ACTIONS: ReadonlySet<Action> = new Set<Action>(['region.read', 'plan.read']);

/** Whether the actor may do `action` on something in `scope`. */
export const can = (actor: Actor, action: Action, scope: Scope): boolean => {
  if (actor.kind === 'system') return true;
  const allowed: readonly Role[] = PERMISSIONS[action];
  const regionWide = REGION_WIDE_ACTIONS.has(action);
  return actor.grants.some(
    (g) =>
      g.regionId === scope.regionId &&
      allowed.includes(g.role) &&
      (regionWide ||
        ROLE_REACH[g.role] === 'region' ||
        (scope.agencyId !== null && g.agencyId === scope.agencyId)),
  );
};

/** Throws FORBIDDEN (or UNAUTHENTICATED for nobody) unless the actor may do `action` in `scope`. */
export const authorize = (actor: Actor | undefined, action: Action, scope: Scope): Actor => {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'sign in first');
  if (!can(actor, action, scope))
    throw new AppError('FORBIDDEN', `not allowed to ${action}`, { action, ...scope });
  return actor;
};

/** The user id to record as actor in the audit log. */
export const actorUserId = (actor: Actor): string | null => (actor.kind === 'user' ? actor.userId : null);
