import { useOutletContext } from 'react-router';
import type { PlanTree } from '../../api/types.ts';

/** What every screen of the plan workspace shares: the plan's tree and whether the user may edit. */
export interface PlanContext {
  readonly planId: string;
  readonly tree: PlanTree & { readonly etag: string };
  readonly canEdit: boolean;
  /** The years of the plan's period, in order. */
  readonly years: readonly number[];
}

export const usePlan = () => useOutletContext<PlanContext>();

/** Every year of a period, e.g. 2024, 2025, 2026. */
export const periodYears = (p: { startYear: number; endYear: number }): number[] =>
  Array.from({ length: p.endYear - p.startYear + 1 }, (_, i) => p.startYear + i);
