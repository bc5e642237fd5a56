import type {
  ApiTokenTable,
  AuditLogTable,
  LoginAttemptTable,
  RoleAssignmentTable,
  SessionTable,
  UserTable,
} from './account.table.ts';
import type { ChapterSectionTable, ChapterTable } from './chapter.table.ts';
import type {
  CompositeComponentTable,
  CompositeTable,
  CompositeVersionTable,
  IndicatorContributionTable,
  IndicatorRealisationTable,
  IndicatorTable,
  IndicatorTargetTable,
} from './indicator.table.ts';
import type {
  NodeAlignmentTable,
  NodeAssignedAgencyTable,
  NodeCrosscuttingTable,
  NodePaguTable,
  PlanNodeTable,
  PlanTable,
} from './plan.table.ts';
import type { AgencyTable, OrgUnitTable, PeriodTable, RegionTable } from './region.table.ts';
import type {
  CrosscuttingRequestTable,
  FindingReplyTable,
  NotificationTable,
  OfficialLetterTable,
  PlanEventTable,
  PlanSnapshotTable,
  ReviewFindingTable,
  ReviewMeetingTable,
  ReviewVerdictTable,
  ReviewWindowTable,
  VerificationTable,
} from './review.table.ts';

/** The whole schema, as Kysely sees it. Table and column names are snake_case. */
export interface Database {
  region: RegionTable;
  agency: AgencyTable;
  org_unit: OrgUnitTable;
  period: PeriodTable;
  plan: PlanTable;
  plan_node: PlanNodeTable;
  node_alignment: NodeAlignmentTable;
  node_crosscutting: NodeCrosscuttingTable;
  node_assigned_agency: NodeAssignedAgencyTable;
  node_pagu: NodePaguTable;
  indicator: IndicatorTable;
  indicator_target: IndicatorTargetTable;
  indicator_realisation: IndicatorRealisationTable;
  indicator_contribution: IndicatorContributionTable;
  composite: CompositeTable;
  composite_version: CompositeVersionTable;
  composite_component: CompositeComponentTable;
  chapter: ChapterTable;
  chapter_section: ChapterSectionTable;
  app_user: UserTable;
  role_assignment: RoleAssignmentTable;
  session: SessionTable;
  api_token: ApiTokenTable;
  login_attempt: LoginAttemptTable;
  audit_log: AuditLogTable;
  plan_snapshot: PlanSnapshotTable;
  official_letter: OfficialLetterTable;
  review_finding: ReviewFindingTable;
  finding_reply: FindingReplyTable;
  review_verdict: ReviewVerdictTable;
  review_meeting: ReviewMeetingTable;
  verification: VerificationTable;
  review_window: ReviewWindowTable;
  crosscutting_request: CrosscuttingRequestTable;
  notification: NotificationTable;
  plan_event: PlanEventTable;
}

/** Tables whose rows belong to one region: each carries `region_id` (distribution column). */
export const REGION_OWNED_TABLES = [
  'agency',
  'org_unit',
  'period',
  'plan',
  'plan_node',
  'node_alignment',
  'node_crosscutting',
  'node_assigned_agency',
  'node_pagu',
  'indicator',
  'indicator_target',
  'indicator_realisation',
  'indicator_contribution',
  'composite',
  'composite_version',
  'composite_component',
  'chapter',
  'chapter_section',
  'role_assignment',
  'audit_log',
  'plan_snapshot',
  'official_letter',
  'review_finding',
  'finding_reply',
  'review_verdict',
  'review_meeting',
  'verification',
  'review_window',
  'crosscutting_request',
  'notification',
  'plan_event',
] as const satisfies readonly (keyof Database)[];

/** Global tables: regions and accounts span the installation (reference tables on Citus). */
export const GLOBAL_TABLES = [
  'region',
  'app_user',
  'session',
  'api_token',
  'login_attempt',
] as const satisfies readonly (keyof Database)[];
