import type { Severity } from '../../api/types.ts';

/** A plan as the region overview lists it (GET /api/regions/:id/overview). */
export interface OverviewPlan {
  readonly planId: string;
  readonly key: string;
  readonly title: string;
  readonly kind: 'regional' | 'renstra';
  readonly stage: string | null;
  readonly etag: string;
  readonly updatedAt: string;
  readonly findings: Readonly<Record<Severity, number>>;
  /** A Renstra's place in review (draft, submitted, in-review, …); null for a regional plan. */
  readonly reviewState: string | null;
  /** The submission round (0 before the first submission). */
  readonly round?: number;
  /** Review findings still open or answered. */
  readonly openFindings?: number;
  /** Bappeda's window for its stage closed before it was submitted, with the closing date. */
  readonly late?: { readonly closedOn: string } | null;
}

/** One agency of the region with its Renstra (none yet: an empty list). */
export interface OverviewAgency {
  readonly agencyId: string;
  readonly code: string;
  readonly name: string;
  readonly shortName: string | null;
  /** dinas, bappeda, inspektorat or other. */
  readonly kind: string;
  readonly plans: readonly OverviewPlan[];
}

export interface RegionOverview {
  readonly regionId: string;
  readonly regionalPlans: readonly OverviewPlan[];
  readonly agencies: readonly OverviewAgency[];
}
