import { useOutletContext } from 'react-router';
import type { PlanReview, PlanTree } from '../../api/types.ts';

/**
 * What every screen of the plan workspace shares: the plan's tree, whether the user may edit it
 * now (their role, and the plan's review lock), and where the plan is in review.
 */
export interface PlanContext {
  readonly planId: string;
  readonly tree: PlanTree & { readonly etag: string };
  /** The user may edit and the plan is not locked by its review (a draft, or returned for revision). */
  readonly canEdit: boolean;
  /** The plan's review state, round and the items a return unlocked (none for a regional plan). */
  readonly review: PlanReview | undefined;
  /** The years of the plan's period, in order. */
  readonly years: readonly number[];
}

export const usePlan = () => useOutletContext<PlanContext>();

/** Every year of a period, e.g. 2024, 2025, 2026. */
export const periodYears = (p: { startYear: number; endYear: number }): number[] =>
  Array.from({ length: p.endYear - p.startYear + 1 }, (_, i) => p.startYear + i);
