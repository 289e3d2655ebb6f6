/** Row shapes of the event rules tables (migration 0004_rules_maintenance.ts). */

/**
 * One ordered ruleset: the global router (scope 'router') or one service's (scope
 * 'service:<service id>'). The whole list is one JSON document, replaced atomically; `version`
 * rises by one on every save and is what optimistic concurrency and the compiled-rules cache
 * key on.
 */
export interface EventRulesetsTable {
  id: string;
  scope: string;
  service_id: string | null;
  version: number;
  /** JSON: StoredRule[] (see ingest/rules/types.ts). */
  rules: string;
  created_at: number;
  updated_at: number;
  /** user or token id of whoever saved this version */
  updated_by: string | null;
}

export interface RuleTables {
  event_rulesets: EventRulesetsTable;
}
