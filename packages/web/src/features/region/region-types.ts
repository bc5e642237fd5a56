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
  /** The plan's place in review; always null until the review workflow arrives. */
  readonly reviewState: string | null;
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
