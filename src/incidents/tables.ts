/** Row shapes of the services, integrations, alerts and incidents tables (migration 0003_incidents.ts). */

/** A service: what incidents are about, with its urgency, grouping, pause and timeout settings. */
export interface ServicesTable {
  id: string;
  name: string;
  description: string;
  team_id: string | null;
  escalation_policy_id: string | null;
  /** 'high' | 'low' | 'severity' (then `severity_urgency` maps an alert's severity). */
  urgency: string;
  /** JSON: { critical, error, warning, info } -> 'high' | 'low'. */
  severity_urgency: string;
  auto_resolve_timeout: number | null;
  acknowledgement_timeout: number | null;
  /** JSON: { type: none|time|content, window_minutes, fields, match }. */
  alert_grouping: string;
  /** JSON: { enabled, seconds }. */
  auto_pause: string;
  resolve_incident_with_alerts: number;
  status: string;
  created_at: number;
  updated_at: number;
}

/** An integration: how signals reach a service. Its key is stored only as a SHA-256 hash. */
export interface IntegrationsTable {
  id: string;
  service_id: string;
  /** events_v2 | alertmanager | grafana | generic | email | heartbeat */
  type: string;
  name: string;
  /** JSON: the format's settings (generic templates, severity maps). */
  config: string;
  key_hash: string;
  /** Last four characters of the key, so people can tell keys apart. */
  key_hint: string;
  interval_seconds: number | null;
  last_ping_at: number | null;
  /** Heartbeats: 'waiting' (no ping yet), 'up', 'down'; null for other types. */
  heartbeat_state: string | null;
  created_at: number;
  updated_at: number;
}

export interface AlertsTable {
  id: string;
  integration_id: string;
  service_id: string;
  incident_id: string | null;
  dedup_key: string;
  /** triggered | acknowledged | resolved */
  status: string;
  summary: string;
  source: string;
  severity: string;
  urgency: string;
  priority: string | null;
  component: string | null;
  group_name: string | null;
  class: string | null;
  /** JSON of the event's custom details, images, links, annotations and extracted fields. */
  details: string;
  client: string | null;
  client_url: string | null;
  event_count: number;
  /** The sender's timestamp of the first event, or when it was received. */
  event_at: number;
  last_seen_at: number;
  acknowledged_at: number | null;
  resolved_at: number | null;
  resolve_reason: string | null;
  /** Why the alert joined its incident (grouping), in words. */
  group_reason: string | null;
  /** Auto-pause: the alert pages only if still open at this time. */
  held_until: number | null;
  /** 1 when it resolved while paused and so never paged. */
  transient: number;
  /** 'maintenance' | 'rule' when the alert was suppressed and opened no incident. */
  suppressed_by: string | null;
  maintenance_window_id: string | null;
  rule_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface IncidentsTable {
  id: string;
  number: number;
  title: string;
  description: string;
  service_id: string;
  team_id: string | null;
  urgency: string;
  priority: string | null;
  /** triggered | acknowledged | resolved */
  status: string;
  /** JSON array of user ids. */
  assignees: string;
  /** JSON array of { type, id, name, at }. */
  acknowledgers: string;
  alert_count: number;
  /** Escalation round: bumped each time the incident (re)enters `triggered`; part of the escalate job key. */
  escalation_round: number;
  escalation_level: number;
  /** JSON of the content-grouping field values of its first alert. */
  group_values: string | null;
  snoozed_until: number | null;
  merged_into_id: string | null;
  created_at: number;
  acknowledged_at: number | null;
  resolved_at: number | null;
  resolve_reason: string | null;
  updated_at: number;
}

export interface IncidentTimelineTable {
  id: string;
  incident_id: string;
  at: number;
  type: string;
  actor_type: string;
  actor_id: string | null;
  actor_name: string;
  alert_id: string | null;
  message: string;
  details: string;
}

/** Every accepted event, kept raw (normalized) for a while: nothing accepted is lost. */
export interface EventsTable {
  id: string;
  integration_id: string;
  service_id: string;
  received_at: number;
  action: string;
  dedup_key: string | null;
  /** created | updated | acknowledged | resolved | ignored | dropped | suppressed | paused | change */
  outcome: string;
  alert_id: string | null;
  payload: string;
}

export interface ChangeEventsTable {
  id: string;
  service_id: string;
  integration_id: string;
  at: number;
  received_at: number;
  summary: string;
  source: string | null;
  details: string;
}

/** Named counters, incremented in the caller's transaction (incident numbers). */
export interface CountersTable {
  name: string;
  value: number;
}

export interface IncidentTables {
  services: ServicesTable;
  integrations: IntegrationsTable;
  alerts: AlertsTable;
  incidents: IncidentsTable;
  incident_timeline: IncidentTimelineTable;
  events: EventsTable;
  change_events: ChangeEventsTable;
  counters: CountersTable;
}
