import type { Role, User } from '../../api/types.ts';
import type { FindingStatus, ReviewerAction, ReviewFinding, ReviewState } from './review-types.ts';

/** Where the plan and its owner sit, for the permission checks. */
export interface PlanScope {
  readonly regionId: string;
  readonly agencyId: string | null;
}

const AGENCY_ROLES: ReadonlySet<Role> = new Set(['agency_editor', 'agency_head']);

/**
 * Whether the user holds one of `roles` for the plan: agency roles count only in the plan's own
 * agency, region roles anywhere in its region (as the server's permission table reads them).
 */
export const hasRole = (user: User | null | undefined, scope: PlanScope, roles: readonly Role[]): boolean =>
  (user?.roles ?? []).some(
    (g) =>
      g.regionId === scope.regionId &&
      roles.includes(g.role) &&
      (!AGENCY_ROLES.has(g.role) || (scope.agencyId !== null && g.agencyId === scope.agencyId)),
  );

const REVIEWERS: readonly Role[] = ['bappeda_reviewer', 'bappeda_verifier', 'inspektorat_reviewer'];
const UNDER_REVIEW: ReadonlySet<ReviewState> = new Set(['submitted', 'in-review', 'resubmitted']);
const LAST_STAGE = 'rancangan-akhir';

/** The workflow actions of the Penelaahan screen. */
export type ReviewAction =
  | 'submit'
  | 'resubmit'
  | 'return'
  | 'verify'
  | 'advance'
  | 'enact'
  | 'amend'
  | 'verdict'
  | 'addFinding'
  | 'meeting';

/**
 * The actions the user may take on a plan in this state: those the server would accept from
 * their roles. Buttons for anything else are hidden; the server decides anyway.
 */
export const allowedActions = (
  user: User | null | undefined,
  scope: PlanScope,
  review: { readonly state: ReviewState; readonly stage: string | null; readonly round: number },
): ReadonlySet<ReviewAction> => {
  const out = new Set<ReviewAction>();
  const { state, stage } = review;
  const may = (roles: readonly Role[]) => hasRole(user, scope, roles);
  if (state === 'draft' && may(['agency_head'])) out.add('submit');
  if (state === 'returned' && may(['agency_head'])) out.add('resubmit');
  if ((UNDER_REVIEW.has(state) || state === 'verified') && may(['bappeda_reviewer', 'bappeda_verifier']))
    out.add('return');
  if (UNDER_REVIEW.has(state) && may(['bappeda_verifier'])) out.add('verify');
  if (state === 'verified' && stage !== LAST_STAGE && may(['agency_head', 'bappeda_verifier']))
    out.add('advance');
  if (state === 'verified' && stage === LAST_STAGE && may(['admin', 'bappeda_verifier'])) out.add('enact');
  if (state === 'ditetapkan' && may(['admin', 'agency_editor', 'agency_head'])) out.add('amend');
  if (UNDER_REVIEW.has(state) && may(REVIEWERS)) {
    out.add('verdict');
    out.add('addFinding');
  }
  if (review.round > 0 && may(['bappeda_reviewer', 'bappeda_verifier'])) out.add('meeting');
  return out;
};

const REVIEWER_FROM: Record<ReviewerAction, readonly FindingStatus[]> = {
  accept: ['answered'],
  resolve: ['open', 'answered', 'accepted'],
  reopen: ['answered', 'accepted', 'resolved'],
};

/** What the user may do with one finding: answer it (the agency) or accept, resolve, reopen it. */
export const findingActions = (
  user: User | null | undefined,
  scope: PlanScope,
  state: ReviewState,
  f: Pick<ReviewFinding, 'status'>,
): { readonly answer: boolean; readonly reviewer: readonly ReviewerAction[] } => {
  const closed = state === 'verified' || state === 'ditetapkan';
  if (closed) return { answer: false, reviewer: [] };
  const answer =
    hasRole(user, scope, ['agency_editor', 'agency_head']) &&
    (f.status === 'open' || f.status === 'answered');
  const reviewer = hasRole(user, scope, REVIEWERS)
    ? (['accept', 'resolve', 'reopen'] as const).filter((a) => REVIEWER_FROM[a].includes(f.status))
    : [];
  return { answer, reviewer };
};

/** Whether the user may propose or decide crosscutting links for the plan's agency. */
export const mayCrosscut = (user: User | null | undefined, scope: PlanScope): boolean =>
  hasRole(user, scope, ['admin', 'agency_editor', 'agency_head']);

/** Whether the user may change Bappeda's windows (jadwal) of a region. */
export const maySchedule = (user: User | null | undefined, regionId: string): boolean =>
  hasRole(user, { regionId, agencyId: null }, ['admin', 'bappeda_verifier']);

/** Whether agencies may change the plan's content in this state (the server's lock, as the UI reads it). */
export const editableInState = (state: ReviewState | undefined): boolean =>
  state === undefined || state === 'draft' || state === 'returned';
