import type { Generated } from 'kysely';

/** A plan: a regional plan (RPD/RPJMD) or an agency's Renstra. */
export interface PlanTable {
  id: string;
  region_id: string;
  /** The plan's id in plan files, e.g. "kaltim-rpd-2024-2026". */
  plan_key: string;
  kind: 'regional' | 'renstra';
  title: string;
  period_id: string;
  agency_id: string | null;
  regional_plan_id: string | null;
  nomenclature_version: string;
  stage: string | null;
  revision: string | null;
  note: string | null;
  /** JSON: the plan's levels. */
  levels: string;
  /** JSON: PlanSettings (regional plans). */
  settings: string | null;
  version: Generated<number>;
  /** Bumped on every change to the plan's tree, indicators or chapters. */
  content_version: Generated<number>;
  /** Where the plan is in review (core ReviewState). */
  review_state: Generated<string>;
  /** The submission round: 0 before the first submission. */
  review_round: Generated<number>;
  /** JSON: the anchors a selective return unlocked, or null. */
  unlocked: string | null;
  /** JSON: the legal instrument that set the plan, or null. */
  enactment: string | null;
  /** The plan this version amends (perubahan), or null. */
  amends_plan_id: string | null;
  created_at: string;
  updated_at: string;
}

/** A node of the performance tree. */
export interface PlanNodeTable {
  id: string;
  region_id: string;
  plan_id: string;
  node_key: string;
  parent_id: string | null;
  level: string;
  statement: string;
  code: string | null;
  name: string | null;
  owner_unit_id: string | null;
  owner_position: string | null;
  cascading: string | null;
  inherits: string | null;
  priority: number;
  location: string | null;
  weight: number;
  /** JSON arrays of strings. */
  strategies: string;
  policies: string;
  sort_order: number;
  version: Generated<number>;
}

/** A node's alignment to a node of the regional plan (Tabel 4.2). */
export interface NodeAlignmentTable {
  region_id: string;
  node_id: string;
  /** The regional node's key (the regional plan may be loaded later). */
  target_key: string;
  sort_order: number;
}

/** A crosscutting partner of a node. */
export interface NodeCrosscuttingTable {
  id: string;
  region_id: string;
  node_id: string;
  agency: string | null;
  unit: string | null;
  indicator: string | null;
  contribution: string | null;
  sort_order: number;
}

/** An agency assigned to a regional program. */
export interface NodeAssignedAgencyTable {
  region_id: string;
  node_id: string;
  agency_code: string;
  sort_order: number;
}

/** Pagu indikatif of a node for one year (one row per node per year). */
export interface NodePaguTable {
  region_id: string;
  node_id: string;
  year: number;
  amount: number;
}
