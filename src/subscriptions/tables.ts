/**
 * Row shapes of the outbound event subscriptions (platform/db/migrations/0008_webhook_subscriptions.ts).
 * Times are UTC epoch milliseconds; JSON columns hold text; booleans are 0/1 integers.
 */

export interface WebhookSubscriptionsTable {
  id: string;
  url: string;
  description: string;
  /** JSON: the subscribed event types (see events.ts), at least one. */
  event_types: string;
  /** JSON: service ids; empty means every service (unless team_ids narrows it). */
  service_ids: string;
  /** JSON: team ids; empty means every team (unless service_ids narrows it). */
  team_ids: string;
  enabled: number;
  /** Random value the signing secret is derived from (notify/secrets.ts); a new one rotates the secret. */
  signing_nonce: string;
  created_at: number;
  updated_at: number;
}

export type DeliveryStatus = 'queued' | 'delivered' | 'failed';

/** One event for one subscription: the exact body sent and how sending it went. */
export interface WebhookDeliveriesTable {
  id: string;
  subscription_id: string;
  event_type: string;
  incident_id: string | null;
  /** The exact request body: a redelivery sends the same bytes (and the same Idempotency-Key, the id). */
  payload: string;
  status: DeliveryStatus;
  attempts: number;
  last_status_code: number | null;
  /** The start of the receiver's last answer, or why no answer came. */
  last_response: string | null;
  /** When the next attempt is due; null once delivered or given up. */
  next_attempt_at: number | null;
  /** Failed attempts are retried until this time (24 h after creation, or after a redelivery). */
  retry_until: number;
  created_at: number;
  updated_at: number;
  delivered_at: number | null;
}

export interface SubscriptionTables {
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
}
