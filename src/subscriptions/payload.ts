import type { Acknowledger } from '../incidents/lifecycle.js';

// The documented body of an outbound event (docs/webhooks.md). It is a public contract read by
// ticketing, CMDB and billing systems: fields are only ever added, never renamed or removed.
// Built from plain values so that it stays a pure function of (incident, event, time).

export const PAYLOAD_VERSION = 1;

/** What the payload needs of an incident (an incidents row joined with its service's name). */
export interface IncidentFacts {
  id: string;
  number: number;
  title: string;
  status: string;
  urgency: string;
  priority: string | null;
  service_id: string;
  service_name: string | null;
  team_id: string | null;
  /** JSON array of user ids, as stored. */
  assignees: string;
  /** JSON array of acknowledgers, as stored. */
  acknowledgers: string;
  alert_count: number;
  created_at: number;
  acknowledged_at: number | null;
  resolved_at: number | null;
  resolve_reason: string | null;
}

export interface PayloadIncident {
  id: string;
  number: number;
  title: string;
  status: string;
  urgency: string;
  priority: string | null;
  service: { id: string; name: string | null };
  team_id: string | null;
  assignees: string[];
  acknowledgers: Acknowledger[];
  alert_count: number;
  created_at: string;
  acknowledged_at: string | null;
  resolved_at: string | null;
  resolve_reason: string | null;
  html_url: string;
}

export interface EventPayload {
  version: number;
  event_type: string;
  occurred_at: string;
  delivery_id: string;
  subscription_id: string;
  incident: PayloadIncident | null;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

function jsonArray<T>(text: string): T[] {
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
}

/** Where a person reads the incident in the console (web/src/routes.tsx: /incidents/:id). */
export function incidentUrl(publicUrl: string, incidentId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/incidents/${encodeURIComponent(incidentId)}`;
}

export function payloadIncident(inc: IncidentFacts, publicUrl: string): PayloadIncident {
  return {
    id: inc.id,
    number: inc.number,
    title: inc.title,
    status: inc.status,
    urgency: inc.urgency,
    priority: inc.priority,
    service: { id: inc.service_id, name: inc.service_name },
    team_id: inc.team_id,
    assignees: jsonArray<string>(inc.assignees),
    acknowledgers: jsonArray<Acknowledger>(inc.acknowledgers),
    alert_count: inc.alert_count,
    created_at: iso(inc.created_at)!,
    acknowledged_at: iso(inc.acknowledged_at),
    resolved_at: iso(inc.resolved_at),
    resolve_reason: inc.resolve_reason,
    html_url: incidentUrl(publicUrl, inc.id),
  };
}

export function buildPayload(input: {
  eventType: string;
  occurredAt: number;
  deliveryId: string;
  subscriptionId: string;
  incident: IncidentFacts | null;
  publicUrl: string;
}): EventPayload {
  return {
    version: PAYLOAD_VERSION,
    event_type: input.eventType,
    occurred_at: new Date(input.occurredAt).toISOString(),
    delivery_id: input.deliveryId,
    subscription_id: input.subscriptionId,
    incident: input.incident ? payloadIncident(input.incident, input.publicUrl) : null,
  };
}
