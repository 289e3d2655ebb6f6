import { Type, type Static } from 'typebox';
import { iso } from '../../platform/http/pagination.js';
import type { Row } from '../../platform/db/tables.js';
import { API_INTEGRATION_TYPES, type ApiIntegrationType } from './types.js';

export const IntegrationTypeSchema = Type.Union(
  [Type.Literal('events_v2'), Type.Literal('alertmanager'), Type.Literal('grafana'), Type.Literal('generic'), Type.Literal('email'), Type.Literal('heartbeat')],
  { description: API_INTEGRATION_TYPES.join(', ') },
);

export const Integration = Type.Object(
  {
    id: Type.String(),
    service_id: Type.String(),
    type: IntegrationTypeSchema,
    name: Type.String(),
    config: Type.Unknown(),
    key: Type.Union([Type.String(), Type.Null()], { description: 'The secret key: shown only when the integration is created or its key rotated' }),
    key_hint: Type.String({ description: 'Last four characters of the key' }),
    url: Type.Union([Type.String(), Type.Null()], { description: 'The URL to paste into the sender (null for email, and when the key is not shown)' }),
    email: Type.Union([Type.String(), Type.Null()], { description: 'Email integrations: the address to send to (when the key is shown)' }),
    endpoint: Type.String({ description: 'The URL or address with {key} standing for the key' }),
    interval_seconds: Type.Union([Type.Integer(), Type.Null()]),
    last_ping_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    heartbeat_state: Type.Union([Type.String(), Type.Null()]),
    created_at: Type.String({ format: 'date-time' }),
    updated_at: Type.String({ format: 'date-time' }),
  },
  { $id: 'Integration' },
);

const Interval = Type.Integer({ minimum: 10, maximum: 30 * 86_400, description: 'Heartbeats: seconds between expected pings' });

export const CreateIntegrationBody = Type.Object(
  {
    type: IntegrationTypeSchema,
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    config: Type.Optional(Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()])),
    interval_seconds: Type.Optional(Interval),
  },
  { additionalProperties: false },
);
export type CreateIntegrationBody = Static<typeof CreateIntegrationBody>;

export const UpdateIntegrationBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    config: Type.Optional(Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()])),
    interval_seconds: Type.Optional(Interval),
  },
  { additionalProperties: false },
);
export type UpdateIntegrationBody = Static<typeof UpdateIntegrationBody>;

export interface Addresses {
  publicUrl: string;
  emailDomain: string;
}

const PATHS: Record<ApiIntegrationType, string> = {
  events_v2: '/v2/enqueue',
  alertmanager: '/integrations/alertmanager/{key}',
  grafana: '/integrations/grafana/{key}',
  generic: '/integrations/generic/{key}',
  heartbeat: '/integrations/heartbeat/{key}',
  email: '',
};

export function endpointOf(type: ApiIntegrationType, at: Addresses): string {
  return type === 'email' ? `{key}@${at.emailDomain}` : `${at.publicUrl}${PATHS[type]}`;
}

export function serializeIntegration(row: Row<'integrations'>, at: Addresses, key: string | null = null): Static<typeof Integration> {
  const type = row.type as ApiIntegrationType;
  const endpoint = endpointOf(type, at);
  let config: unknown = null;
  try {
    config = JSON.parse(row.config);
  } catch {
    config = null;
  }
  const url = type === 'email' ? null : type === 'events_v2' ? endpoint : key ? endpoint.replace('{key}', key) : null;
  return {
    id: row.id,
    service_id: row.service_id,
    type,
    name: row.name,
    config,
    key,
    key_hint: row.key_hint,
    url,
    email: type === 'email' && key ? endpoint.replace('{key}', key) : null,
    endpoint,
    interval_seconds: row.interval_seconds,
    last_ping_at: iso(row.last_ping_at),
    heartbeat_state: row.heartbeat_state,
    created_at: iso(row.created_at)!,
    updated_at: iso(row.updated_at)!,
  };
}
