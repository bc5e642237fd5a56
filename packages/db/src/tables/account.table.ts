import type { Generated } from 'kysely';

/** A person who signs in. Accounts are global; roles tie them to regions and agencies. */
export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  /** Where notifications are e-mailed, when the server has a mail server; null for none. */
  email: string | null;
  disabled: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** A role of a user in a region, or in one agency of it. */
export interface RoleAssignmentTable {
  id: string;
  region_id: string;
  user_id: string;
  agency_id: string | null;
  role: string;
  created_at: string;
}

/** A signed-in session; the id is the SHA-256 of the cookie token. */
export interface SessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

/** A personal API token for scripts; only its SHA-256 is stored. */
export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** Failed sign-ins per key (username or address), for backoff. */
export interface LoginAttemptTable {
  key: string;
  failures: number;
  last_failure_at: string;
  locked_until: string | null;
}

/** The append-only audit trail: who did what to which entity, before and after. */
export interface AuditLogTable {
  id: string;
  region_id: string;
  /** ISO timestamp; with the time-ordered id it orders the log. */
  at: string;
  actor_user_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  /** JSON. */
  before: string | null;
  /** JSON. */
  after: string | null;
  request_id: string | null;
}
