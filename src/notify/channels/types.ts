import type { ContactType, Urgency } from '../tables.js';

// The one interface every channel adapter implements (rule 7), and what it is given.

export interface IncidentSummary {
  id: string;
  number: number;
  title: string;
  service: { id: string; name: string };
  urgency: Urgency;
  status: string;
  /** Where a person reads the incident in the console. */
  url: string;
}

/** What to say. Adapters pick the parts their medium carries. */
export interface OutboundMessage {
  kind: 'incident' | 'bundle' | 'verification' | 'test';
  /** One line: an email subject, a Slack fallback text, the start of an SMS. */
  subject: string;
  /** Plain text for SMS, voice and the text part of an email. */
  text: string;
  /** The incident paged about (kind incident), or every incident of a bundle. */
  incidents: IncidentSummary[];
  /** Signed, single-use links (email); see notify/action-links.ts. */
  links?: { acknowledge?: string; resolve?: string };
  /** Stable per notification: a retry of the same notification carries the same key. */
  idempotencyKey: string;
}

/** The contact method a message goes to. */
export interface ContactTarget {
  id: string;
  type: ContactType;
  address: string;
  label: string;
  /** Webhooks: the method's signing secret (see notify/secrets.ts). */
  signingSecret?: string;
}

export interface DeliveryContext {
  now: number;
  /** Tocsin's public URL, for links and provider status callbacks. */
  publicUrl: string;
}

export interface DeliveryResult {
  /** sent: the provider took it; delivered: the receiver confirmed it (e.g. a webhook's 2xx); failed. */
  status: 'sent' | 'delivered' | 'failed';
  provider_id?: string;
  /** The provider's answer, short, for the delivery record (never secrets). */
  provider_response?: string;
  /** Whether trying again later may work (the job queue owns retries and backoff). */
  retryable: boolean;
  /** The provider asked us to wait this long (429 Retry-After). */
  retry_after_ms?: number;
}

export interface Channel {
  readonly type: ContactType;
  send(message: OutboundMessage, target: ContactTarget, ctx: DeliveryContext): Promise<DeliveryResult>;
}

/** A failed result that is not worth retrying. */
export function permanentFailure(response: string): DeliveryResult {
  return { status: 'failed', provider_response: response.slice(0, 2000), retryable: false };
}

export function retryableFailure(response: string, retryAfterMs?: number): DeliveryResult {
  return { status: 'failed', provider_response: response.slice(0, 2000), retryable: true, ...(retryAfterMs !== undefined ? { retry_after_ms: retryAfterMs } : {}) };
}

/** Seconds (or an HTTP date) of a Retry-After header, in milliseconds. */
export function retryAfterMs(header: string | null | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
