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

export interface NotifyTables {
  contact_methods: ContactMethodsTable;
  contact_verifications: ContactVerificationsTable;
  notification_rules: NotificationRulesTable;
  action_link_uses: ActionLinkUsesTable;
  notify_secrets: NotifySecretsTable;
}
