/**
 * Row shapes of the notify domain's tables (platform/db/migrations/0006_escalation_notify.ts).
 * Times are UTC epoch milliseconds; booleans are 0/1 integers.
 */

export type ContactType = 'email' | 'sms' | 'voice' | 'slack' | 'webhook';
export type Urgency = 'high' | 'low';

export interface ContactMethodsTable {
  id: string;
  user_id: string;
  type: ContactType;
  /** Email address, E.164 number, Slack user/channel id, or https URL, per type. */
  address: string;
  label: string;
  /** 1 once usable: email, Slack and webhooks on creation; SMS and voice after a confirmed code. */
  verified: number;
  verified_at: number | null;
  /** Set when the method kept failing (or was disabled by hand); such a method is not paged. */
  disabled_reason: string | null;
  consecutive_failures: number;
  /** Webhooks: random value the signing secret is derived from (see notify/secrets.ts). */
  signing_nonce: string | null;
  created_at: number;
  updated_at: number;
}

/** One outstanding verification code per contact method (SMS and voice). */
export interface ContactVerificationsTable {
  contact_method_id: string;
  /** sha256 hex of `<salt>:<code>`; the code itself is never stored. */
  code_hash: string;
  salt: string;
  expires_at: number;
  /** Wrong guesses so far; the code is void after MAX_VERIFY_ATTEMPTS. */
  attempts: number;
  created_at: number;
}

export interface NotificationRulesTable {
  id: string;
  user_id: string;
  urgency: Urgency;
  start_delay_minutes: number;
  contact_method_id: string;
  created_at: number;
  updated_at: number;
}

/** Acknowledge/resolve links that have been used once (single use); kept until they expire. */
export interface ActionLinkUsesTable {
  token_id: string;
  used_at: number;
  expires_at: number;
}

/** Per-installation keys of the notify domain (action-link and webhook signing keys). */
export interface NotifySecretsTable {
  name: string;
  value: string;
  created_at: number;
}

export type NotificationKind = 'incident' | 'bundle' | 'test' | 'verification';
/**
 * queued: about to go out (or waiting for a retry); held: waiting for a throttle slot;
 * bundled: went out inside a bundle (bundle_id); sent: the provider took it; delivered: the
 * receiver confirmed it; failed: given up; cancelled: the incident was acknowledged or resolved
 * before it went out.
 */
export type NotificationStatus = 'queued' | 'held' | 'bundled' | 'sent' | 'delivered' | 'failed' | 'cancelled';

/** One message to one contact method: the delivery record (migration 0007_paging). */
export interface NotificationsTable {
  id: string;
  /** The incident paged about; for a bundle, the first of its incidents; null for tests and verifications. */
  incident_id: string | null;
  /** A held notification that went out inside a bundle: the bundle's notification id. */
  bundle_id: string | null;
  user_id: string | null;
  contact_method_id: string | null;
  contact_type: ContactType;
  /** The method's label and address as they were when sent (the method may change later). */
  contact_label: string;
  kind: NotificationKind;
  status: NotificationStatus;
  escalation_round: number | null;
  loop: number | null;
  /** The level that paged; null for an admin of last resort, 0 for the incident's assignees. */
  level: number | null;
  /** JSON: ThrottleItem[] (notify/throttle.ts), the incidents this message is about. */
  items: string;
  attempts: number;
  idempotency_key: string;
  provider_id: string | null;
  provider_response: string | null;
  /** 1 once the owner's next contact method has been tried because this one failed. */
  failed_over: number;
  created_at: number;
  updated_at: number;
  sent_at: number | null;
  delivered_at: number | null;
  failed_at: number | null;
}

/** The throttle's memory per contact method: JSON array of send times (epoch ms) still inside the window. */
export interface ThrottleStateTable {
  contact_method_id: string;
  sent: string;
  updated_at: number;
}

export interface NotifyTables {
  notifications: NotificationsTable;
  throttle_state: ThrottleStateTable;
  contact_methods: ContactMethodsTable;
  contact_verifications: ContactVerificationsTable;
  notification_rules: NotificationRulesTable;
  action_link_uses: ActionLinkUsesTable;
  notify_secrets: NotifySecretsTable;
}
