import type { Generated } from 'kysely';

/**
 * A region (daerah). A small reference table: on a distributed PostgreSQL it is replicated to
 * every node, while the tables it owns are distributed by `region_id`.
 */
export interface RegionTable {
  id: string;
  code: string;
  name: string;
  kind: string;
  capital: string | null;
  /** JSON: the region's rules (PlanSettings) when no regional plan carries them. */
  settings: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** A perangkat daerah of a region. */
export interface AgencyTable {
  id: string;
  region_id: string;
  code: string;
  name: string;
  short_name: string | null;
  /** JSON array of bidang urusan codes, e.g. ["1.03","1.04"]. */
  bidang_urusan: string;
  head_position: string | null;
  head_name: string | null;
  head_nip: string | null;
  address: string | null;
  /** What the agency is to planning: `dinas` (a line agency), `bappeda`, `inspektorat` or `other`. */
  kind: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** A unit (bidang, seksi, UPTD, …) of an agency; units form a tree. */
export interface OrgUnitTable {
  id: string;
  region_id: string;
  agency_id: string;
  unit_key: string;
  parent_id: string | null;
  name: string;
  kind: string;
  head_position: string | null;
  head_name: string | null;
  head_nip: string | null;
  sort_order: number;
  version: Generated<number>;
}

/** A planning period of a region (RPD 2024–2026, RPJMD 2025–2029, …). */
export interface PeriodTable {
  id: string;
  region_id: string;
  kind: string;
  start_year: number;
  end_year: number;
  baseline_year: number;
  /** JSON array of strings. */
  legal_basis: string;
  version: Generated<number>;
}
