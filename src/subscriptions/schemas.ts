import { Type, type Static } from 'typebox';
import { iso, IsoTime, NullableIsoTime } from '../platform/http/pagination.js';
import type { Row } from '../platform/db/tables.js';
import { SUBSCRIBABLE_EVENTS } from './events.js';

// Wire shapes of /api/v1/webhook-subscriptions (snake_case, ISO 8601) and their serializers.

const Id = Type.String({ minLength: 1, maxLength: 64 });

export const EventTypeSchema = Type.Enum([...SUBSCRIBABLE_EVENTS], { description: SUBSCRIBABLE_EVENTS.join(' | ') });
const EventTypes = Type.Array(EventTypeSchema, { minItems: 1, maxItems: SUBSCRIBABLE_EVENTS.length, uniqueItems: true, description: 'the incident events to receive; at least one' });
const ServiceIds = Type.Array(Id, { maxItems: 200, uniqueItems: true, description: 'only incidents of these services (or of the teams in team_ids); empty: every service' });
const TeamIds = Type.Array(Id, { maxItems: 200, uniqueItems: true, description: 'only incidents of these teams (or of the services in service_ids); empty: every team' });
const Url = Type.String({ minLength: 1, maxLength: 2000, description: 'https:// URL the events are POSTed to' });
const Description = Type.String({ maxLength: 1000 });

export const CreateSubscriptionBody = Type.Object(
  {
    url: Url,
    event_types: EventTypes,
    service_ids: Type.Optional(ServiceIds),
    team_ids: Type.Optional(TeamIds),
    description: Type.Optional(Description),
    enabled: Type.Optional(Type.Boolean({ default: true })),
  },
  { additionalProperties: false },
);
export type CreateSubscriptionBody = Static<typeof CreateSubscriptionBody>;

export const UpdateSubscriptionBody = Type.Object(
  {
    url: Type.Optional(Url),
    event_types: Type.Optional(EventTypes),
    service_ids: Type.Optional(ServiceIds),
    team_ids: Type.Optional(TeamIds),
    description: Type.Optional(Description),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UpdateSubscriptionBody = Static<typeof UpdateSubscriptionBody>;

const subscriptionFields = {
  id: Type.String(),
  url: Type.String(),
  description: Type.String(),
  event_types: Type.Array(Type.String()),
  service_ids: Type.Array(Type.String()),
  team_ids: Type.Array(Type.String()),
  enabled: Type.Boolean(),
  created_at: IsoTime,
  updated_at: IsoTime,
};

export const SubscriptionOut = Type.Object(subscriptionFields, { $id: 'WebhookSubscription' });
export type SubscriptionOut = Static<typeof SubscriptionOut>;

export const SubscriptionWithSecretOut = Type.Object(
  {
    ...subscriptionFields,
    signing_secret: Type.String({ description: 'the key of X-Tocsin-Signature; shown only here (on creation and rotation)' }),
  },
  { $id: 'WebhookSubscriptionWithSecret' },
);
export type SubscriptionWithSecretOut = Static<typeof SubscriptionWithSecretOut>;

export const DeliveryOut = Type.Object(
  {
    id: Type.String({ description: 'also the Idempotency-Key header of every attempt' }),
    subscription_id: Type.String(),
    event_type: Type.String(),
    incident_id: Type.Union([Type.String(), Type.Null()]),
    status: Type.Enum(['queued', 'delivered', 'failed'], { description: 'queued (waiting for its next attempt) | delivered | failed (gave up)' }),
    attempts: Type.Integer(),
    last_status_code: Type.Union([Type.Integer(), Type.Null()], { description: "the receiver's last HTTP status; null when it could not be reached" }),
    last_response: Type.Union([Type.String(), Type.Null()], { description: "the start of the receiver's last answer, or why there was none" }),
    next_attempt_at: NullableIsoTime,
    retry_until: IsoTime,
    created_at: IsoTime,
    updated_at: IsoTime,
    delivered_at: NullableIsoTime,
    payload: Type.Unknown({ description: 'the body sent (byte for byte in every attempt)' }),
  },
  { $id: 'WebhookDelivery' },
);
export type DeliveryOut = Static<typeof DeliveryOut>;

export const PingOut = Type.Object({
  delivered: Type.Boolean({ description: 'the receiver answered 2xx' }),
  status_code: Type.Union([Type.Integer(), Type.Null()], { description: 'null when it could not be reached' }),
  response: Type.String({ description: "the start of the receiver's answer, or why there was none" }),
  duration_ms: Type.Integer(),
});
export type PingOut = Static<typeof PingOut>;

export const DeliveryParams = Type.Object({ id: Id, delivery_id: Id });

const list = (text: string): string[] => JSON.parse(text) as string[];

export function serializeSubscription(row: Row<'webhook_subscriptions'>): SubscriptionOut {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    event_types: list(row.event_types),
    service_ids: list(row.service_ids),
    team_ids: list(row.team_ids),
    enabled: row.enabled === 1,
    created_at: iso(row.created_at)!,
    updated_at: iso(row.updated_at)!,
  };
}

export function serializeDelivery(row: Row<'webhook_deliveries'>): DeliveryOut {
  return {
    id: row.id,
    subscription_id: row.subscription_id,
    event_type: row.event_type,
    incident_id: row.incident_id,
    status: row.status,
    attempts: row.attempts,
    last_status_code: row.last_status_code,
    last_response: row.last_response,
    next_attempt_at: iso(row.next_attempt_at),
    retry_until: iso(row.retry_until)!,
    created_at: iso(row.created_at)!,
    updated_at: iso(row.updated_at)!,
    delivered_at: iso(row.delivered_at),
    payload: JSON.parse(row.payload) as unknown,
  };
}
