import type { Row } from '../platform/db/tables.js';

// Which subscriptions want an event: pure, so the fanout job and its tests share one rule.
//
// A subscription names the event types it wants, and optionally services and teams. With
// neither list it hears every incident; with one or both it hears an incident whose service is
// listed OR whose team is listed ("these services, and everything of these teams"): a service
// belongs to one team, so "and" would only ever narrow a team list to some of its services,
// which the service list already says.

export interface Filter {
  id: string;
  eventTypes: ReadonlySet<string>;
  serviceIds: ReadonlySet<string>;
  teamIds: ReadonlySet<string>;
}

export interface IncidentScope {
  serviceId: string;
  teamId: string | null;
}

export function filterOf(row: Pick<Row<'webhook_subscriptions'>, 'id' | 'event_types' | 'service_ids' | 'team_ids'>): Filter {
  const list = (text: string) => new Set(JSON.parse(text) as string[]);
  return { id: row.id, eventTypes: list(row.event_types), serviceIds: list(row.service_ids), teamIds: list(row.team_ids) };
}

export function wants(f: Filter, eventType: string, scope: IncidentScope): boolean {
  if (!f.eventTypes.has(eventType)) return false;
  if (f.serviceIds.size === 0 && f.teamIds.size === 0) return true;
  return f.serviceIds.has(scope.serviceId) || (scope.teamId !== null && f.teamIds.has(scope.teamId));
}

/** The subscriptions (in the order given) that want this event about this incident. */
export function matching(filters: readonly Filter[], eventType: string, scope: IncidentScope): Filter[] {
  return filters.filter((f) => wants(f, eventType, scope));
}
