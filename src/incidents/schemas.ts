import { Type, type Static } from 'typebox';
import { iso } from '../platform/http/pagination.js';
import type { Row } from '../platform/db/tables.js';
import { alertDetails } from '../ingest/apply.js';
import { acknowledgersOf, assigneesOf } from './lifecycle.js';
import type { IncidentWithService } from './queries.js';

const Time = Type.String({ format: 'date-time' });
const NullableTime = Type.Union([Time, Type.Null()]);
const NullableString = Type.Union([Type.String(), Type.Null()]);
export const UrgencySchema = Type.Union([Type.Literal('high'), Type.Literal('low')]);
export const IncidentStatus = Type.Union([Type.Literal('triggered'), Type.Literal('acknowledged'), Type.Literal('resolved')]);

export const Incident = Type.Object(
  {
    id: Type.String(),
    number: Type.Integer(),
    title: Type.String(),
    description: Type.String(),
    service: Type.Object({ id: Type.String(), name: NullableString }),
    team_id: NullableString,
    urgency: Type.String(),
    priority: NullableString,
    status: Type.String(),
    assignees: Type.Array(Type.String()),
    acknowledgers: Type.Array(Type.Object({ type: Type.String(), id: NullableString, name: Type.String(), at: Type.String() })),
    alert_count: Type.Integer(),
    escalation_level: Type.Integer(),
    created_at: Time,
    acknowledged_at: NullableTime,
    resolved_at: NullableTime,
    resolve_reason: NullableString,
    snoozed_until: NullableTime,
    merged_into_id: NullableString,
    updated_at: Time,
  },
  { $id: 'Incident' },
);

export const ChangeEventSchema = Type.Object({
  id: Type.String(),
  summary: Type.String(),
  source: NullableString,
  at: Time,
  custom_details: Type.Unknown(),
  links: Type.Unknown(),
});

export const IncidentDetail = Type.Intersect([Incident, Type.Object({ recent_changes: Type.Array(ChangeEventSchema) })]);

export const Alert = Type.Object(
  {
    id: Type.String(),
    incident_id: NullableString,
    service_id: Type.String(),
    integration_id: Type.String(),
    dedup_key: Type.String(),
    status: Type.String(),
    summary: Type.String(),
    source: Type.String(),
    severity: Type.String(),
    urgency: Type.String(),
    priority: NullableString,
    component: NullableString,
    group: NullableString,
    class: NullableString,
    custom_details: Type.Unknown(),
    links: Type.Unknown(),
    images: Type.Unknown(),
    annotations: Type.Unknown(),
    extracted: Type.Unknown(),
    client: NullableString,
    client_url: NullableString,
    event_count: Type.Integer(),
    group_reason: NullableString,
    suppressed_by: NullableString,
    maintenance_window_id: NullableString,
    rule_id: NullableString,
    held_until: NullableTime,
    transient: Type.Boolean(),
    created_at: Time,
    last_seen_at: Time,
    acknowledged_at: NullableTime,
    resolved_at: NullableTime,
    resolve_reason: NullableString,
  },
  { $id: 'Alert' },
);

export const TimelineEntry = Type.Object(
  {
    id: Type.String(),
    at: Time,
    type: Type.String(),
    actor: Type.Object({ type: Type.String(), id: NullableString, name: Type.String() }),
    alert_id: NullableString,
    message: Type.String(),
    details: Type.Unknown(),
  },
  { $id: 'TimelineEntry' },
);

export type IncidentJson = Static<typeof Incident>;

export function serializeIncident(row: IncidentWithService | (Row<'incidents'> & { service_name?: string | null })): IncidentJson {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    description: row.description,
    service: { id: row.service_id, name: row.service_name ?? null },
    team_id: row.team_id,
    urgency: row.urgency,
    priority: row.priority,
    status: row.status,
    assignees: assigneesOf(row),
    acknowledgers: acknowledgersOf(row),
    alert_count: row.alert_count,
    escalation_level: row.escalation_level,
    created_at: iso(row.created_at)!,
    acknowledged_at: iso(row.acknowledged_at),
    resolved_at: iso(row.resolved_at),
    resolve_reason: row.resolve_reason,
    snoozed_until: iso(row.snoozed_until),
    merged_into_id: row.merged_into_id,
    updated_at: iso(row.updated_at)!,
  };
}

export function serializeChange(row: Row<'change_events'>): Static<typeof ChangeEventSchema> {
  let d: { custom_details?: unknown; links?: unknown } = {};
  try {
    d = JSON.parse(row.details) as typeof d;
  } catch {
    d = {};
  }
  return { id: row.id, summary: row.summary, source: row.source, at: iso(row.at)!, custom_details: d.custom_details ?? null, links: d.links ?? [] };
}

export function serializeAlert(row: Row<'alerts'>): Static<typeof Alert> {
  const d = alertDetails(row);
  return {
    id: row.id,
    incident_id: row.incident_id,
    service_id: row.service_id,
    integration_id: row.integration_id,
    dedup_key: row.dedup_key,
    status: row.status,
    summary: row.summary,
    source: row.source,
    severity: row.severity,
    urgency: row.urgency,
    priority: row.priority,
    component: row.component,
    group: row.group_name,
    class: row.class,
    custom_details: d.custom_details ?? null,
    links: d.links ?? [],
    images: d.images ?? [],
    annotations: d.annotations ?? {},
    extracted: d.extracted ?? {},
    client: row.client,
    client_url: row.client_url,
    event_count: row.event_count,
    group_reason: row.group_reason,
    suppressed_by: row.suppressed_by,
    maintenance_window_id: row.maintenance_window_id,
    rule_id: row.rule_id,
    held_until: iso(row.held_until),
    transient: row.transient === 1,
    created_at: iso(row.created_at)!,
    last_seen_at: iso(row.last_seen_at)!,
    acknowledged_at: iso(row.acknowledged_at),
    resolved_at: iso(row.resolved_at),
    resolve_reason: row.resolve_reason,
  };
}

export function serializeTimeline(row: Row<'incident_timeline'>): Static<typeof TimelineEntry> {
  let details: unknown = {};
  try {
    details = JSON.parse(row.details);
  } catch {
    details = {};
  }
  return {
    id: row.id,
    at: iso(row.at)!,
    type: row.type,
    actor: { type: row.actor_type, id: row.actor_id, name: row.actor_name },
    alert_id: row.alert_id,
    message: row.message,
    details,
  };
}
