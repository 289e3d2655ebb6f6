/**
 * Row shapes of the escalation domain's tables (platform/db/migrations/0006_escalation_notify.ts).
 * Times are UTC epoch milliseconds; JSON columns hold text.
 */

export interface EscalationPoliciesTable {
  id: string;
  /** Unique among escalation policies. */
  name: string;
  description: string;
  team_id: string | null;
  /** JSON: `StoredLevel[]` (see escalation/types.ts), in paging order. */
  levels: string;
  /** How many more times the whole policy is run when nobody acknowledges (0–9). */
  repeat: number;
  created_at: number;
  updated_at: number;
}

/**
 * Round-robin turns per (policy, level): how many times the level has handed out a turn. The
 * escalate job reads it, passes it to decide() and writes back what decide() returns, in the
 * job's own transaction.
 */
export interface EscalationRoundRobinTable {
  policy_id: string;
  /** 1-based level number. */
  level: number;
  turns: number;
  updated_at: number;
}

export interface EscalationTables {
  escalation_policies: EscalationPoliciesTable;
  escalation_round_robin: EscalationRoundRobinTable;
}
