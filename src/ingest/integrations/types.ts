import type { IntegrationType as FormatType } from '../formats/index.js';

/** Integration types as the API names them (snake_case) and the wire format each one uses. */
export const API_INTEGRATION_TYPES = ['events_v2', 'alertmanager', 'grafana', 'generic', 'email', 'heartbeat'] as const;
export type ApiIntegrationType = (typeof API_INTEGRATION_TYPES)[number];

export function formatOf(type: ApiIntegrationType): FormatType {
  return type === 'events_v2' ? 'events-v2' : type;
}

export function isApiIntegrationType(s: string): s is ApiIntegrationType {
  return (API_INTEGRATION_TYPES as readonly string[]).includes(s);
}
