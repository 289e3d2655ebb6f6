import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { OncallTables } from '../../oncall/tables.js';
import type { IncidentTables } from '../../incidents/tables.js';
import type { MaintenanceTables } from '../../incidents/maintenance/tables.js';
import type { RuleTables } from '../../ingest/rules/tables.js';
import type { EscalationTables } from '../../escalation/tables.js';
import type { NotifyTables } from '../../notify/tables.js';
import type { SubscriptionTables } from '../../subscriptions/tables.js';
import type { CallRoutingTables } from '../../notify/twilio/tables.js';

/**
 * Row shapes of every table. Times are UTC epoch milliseconds; JSON columns hold text.
 * Booleans are stored as 0/1 integers so one migration serves SQLite and PostgreSQL.
 */
export interface JobsTable {
  id: string;
  kind: string;
  key: string | null;
  payload: string;
  state: 'queued' | 'done' | 'dead';
  run_at: number;
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  locked_until: number | null;
  last_error: string | null;
  created_at: number;
  updated_at: number;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  time_zone: string;
  role: 'admin' | 'manager' | 'responder' | 'observer';
  password_hash: string | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

export interface TeamsTable {
  id: string;
  name: string;
  description: string;
  created_at: number;
  updated_at: number;
}

export interface TeamMembersTable {
  team_id: string;
  user_id: string;
  role: 'member' | 'manager';
  created_at: number;
}

export interface ApiTokensTable {
  id: string;
  name: string;
  prefix: string;
  token_hash: string;
  role: 'admin' | 'manager' | 'responder' | 'observer';
  user_id: string | null;
  created_by: string | null;
  created_at: number;
  last_used_at: number | null;
  expires_at: number | null;
  revoked_at: number | null;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  created_at: number;
  expires_at: number;
  last_seen_at: number;
}

export interface AuditLogTable {
  id: string;
  at: number;
  actor_type: 'user' | 'token' | 'system';
  actor_id: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  details: string;
}

/** Every table; each domain declares its own in `<domain>/tables.ts`. */
export interface Database extends OncallTables, IncidentTables, RuleTables, MaintenanceTables, EscalationTables, NotifyTables, SubscriptionTables, CallRoutingTables {
  jobs: JobsTable;
  users: UsersTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  api_tokens: ApiTokensTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
}

export type Row<T extends keyof Database> = Selectable<Database[T]>;
export type NewRow<T extends keyof Database> = Insertable<Database[T]>;
export type RowUpdate<T extends keyof Database> = Updateable<Database[T]>;
export type { Generated };
