import type { Generated } from 'kysely';

/** An indicator of a node. */
export interface IndicatorTable {
  id: string;
  region_id: string;
  plan_id: string;
  node_id: string;
  indicator_key: string;
  code: string | null;
  name: string;
  unit: string | null;
  kind: string | null;
  definition: string | null;
  calculation: string | null;
  formula: string | null;
  polarity: string;
  cumulative: number;
  targets_are: string;
  data_source: string | null;
  frequency: string;
  baseline_year: number | null;
  baseline_value: number | null;
  location: string | null;
  responsible_unit_id: string | null;
  iku: number;
  weight: number;
  composite_key: string | null;
  sort_order: number;
  version: Generated<number>;
}

/** The target of an indicator for one year: a value, or a band for range indicators. */
export interface IndicatorTargetTable {
  region_id: string;
  indicator_id: string;
  year: number;
  value: number | null;
  min_value: number | null;
  max_value: number | null;
}

/** The realisation of an indicator for one year. */
export interface IndicatorRealisationTable {
  region_id: string;
  indicator_id: string;
  year: number;
  value: number;
}

/** A regional indicator this indicator contributes to. */
export interface IndicatorContributionTable {
  region_id: string;
  indicator_id: string;
  target_key: string;
  sort_order: number;
}

/** A composite index defined by a plan. */
export interface CompositeTable {
  id: string;
  region_id: string;
  plan_id: string;
  composite_key: string;
  name: string;
  unit: string | null;
  description: string | null;
  sort_order: number;
  version: Generated<number>;
}

/** One version of a composite index's definition. */
export interface CompositeVersionTable {
  id: string;
  region_id: string;
  composite_id: string;
  label: string;
  effective_from: number;
  scale_min: number;
  scale_max: number;
  missing_policy: string;
  decimals: number;
  note: string | null;
  sort_order: number;
}

/** A component of a composite version. */
export interface CompositeComponentTable {
  id: string;
  region_id: string;
  composite_version_id: string;
  indicator_key: string;
  weight: number;
  /** JSON: the normalisation. */
  normalisation: string;
  polarity: string | null;
  label: string | null;
  sort_order: number;
}
