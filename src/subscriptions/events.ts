import type { IncidentEventType } from '../incidents/live.js';

// The incident events a subscription can ask for. `incident.updated` (urgency, snooze, merge)
// is a live-stream signal only: its meaning is too loose to be a stable contract.

export const SUBSCRIBABLE_EVENTS = [
  'incident.triggered',
  'incident.acknowledged',
  'incident.resolved',
  'incident.escalated',
  'incident.reassigned',
  'incident.annotated',
  'incident.status_update',
  'incident.priority_changed',
] as const satisfies readonly IncidentEventType[];

export type SubscribableEvent = (typeof SUBSCRIBABLE_EVENTS)[number];

const SET: ReadonlySet<string> = new Set(SUBSCRIBABLE_EVENTS);

export function isSubscribable(type: string): type is SubscribableEvent {
  return SET.has(type);
}

/** The test event of `POST …/ping`; never sent for an incident. */
export const PING_EVENT = 'ping';
