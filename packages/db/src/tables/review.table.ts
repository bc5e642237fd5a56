import type { Generated } from 'kysely';

/** An immutable copy of a plan as submitted in one round, with its findings and content hash. */
export interface PlanSnapshotTable {
  id: string;
  region_id: string;
  plan_id: string;
  round: number;
  stage: string;
  /** Canonical JSON of the plan file. */
  content: string;
  /** JSON: the validation findings at submission. */
  findings: string;
  /** SHA-256 (hex) of `content`. */
  content_hash: string;
  created_by: string | null;
  created_at: string;
}

/** An official letter (surat dinas) of the review: submission, resubmission, return, verification outcome. */
export interface OfficialLetterTable {
  id: string;
  region_id: string;
  plan_id: string;
  round: number;
  kind: string;
  /** Canonical JSON of the letter (core OfficialLetter). */
  content: string;
  /** The hash of the snapshot the letter carries. */
  snapshot_hash: string | null;
  created_by: string | null;
  created_at: string;
}

/** A finding of Bappeda or the Inspektorat, anchored to part of the plan. */
export interface ReviewFindingTable {
  id: string;
  region_id: string;
  plan_id: string;
  round: number;
  institution: string;
  /** JSON: core Anchor. */
  anchor: string;
  category: string;
  severity: string;
  text: string;
  recommendation: string | null;
  status: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

/** A reply on a finding (the agency's answer, a reviewer's acceptance, …); immutable. */
export interface FindingReplyTable {
  id: string;
  region_id: string;
  finding_id: string;
  author_user_id: string | null;
  side: string;
  action: string;
  text: string;
  created_at: string;
}

/** An institution's verdict on a round (Bappeda, Inspektorat). */
export interface ReviewVerdictTable {
  id: string;
  region_id: string;
  plan_id: string;
  round: number;
  institution: string;
  verdict: string;
  note: string | null;
  created_by: string | null;
  created_at: string;
}

/** The record of a review meeting (notulen and berita acara). */
export interface ReviewMeetingTable {
  id: string;
  region_id: string;
  plan_id: string;
  round: number;
  /** JSON: core MeetingRecord. */
  content: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

/** Bappeda's verification of a round: the checklist and its outcome; immutable. */
export interface VerificationTable {
  id: string;
  region_id: string;
  plan_id: string;
  round: number;
  /** JSON: core CriterionResult[]. */
  checklist: string;
  outcome: string;
  note: string | null;
  created_by: string | null;
  created_at: string;
}

/** A window Bappeda opens for a stage (jadwal), with its deadline. */
export interface ReviewWindowTable {
  id: string;
  region_id: string;
  stage: string;
  opens_on: string;
  closes_on: string;
  note: string | null;
  created_by: string | null;
  created_at: string;
  version: Generated<number>;
}

/** An agency's request that another agency's node contribute to one of its nodes. */
export interface CrosscuttingRequestTable {
  id: string;
  region_id: string;
  from_plan_id: string;
  from_node_key: string;
  to_plan_id: string;
  to_node_key: string;
  contribution: string;
  state: string;
  reason: string | null;
  created_by: string | null;
  created_at: string;
  decided_by: string | null;
  decided_at: string | null;
  version: Generated<number>;
}

/** An in-app notification for one user. */
export interface NotificationTable {
  id: string;
  region_id: string;
  user_id: string;
  plan_id: string | null;
  kind: string;
  /** JSON: what the event was about. */
  payload: string;
  created_at: string;
  read_at: string | null;
  /** When the outbox handed it to the mail server (or found no address): null while pending. */
  emailed_at: string | null;
}

/** An event on a plan's timeline (submitted, finding recorded, returned, …); immutable. */
export interface PlanEventTable {
  id: string;
  region_id: string;
  plan_id: string;
  round: number;
  kind: string;
  actor_user_id: string | null;
  at: string;
  payload: string;
}
