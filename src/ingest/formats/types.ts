// The one shape every wire format is mapped into. The pipeline (rules, dedup, alerts) only
// ever sees these types, never a sender's body.

export type Severity = 'critical' | 'error' | 'warning' | 'info';
export type EventAction = 'trigger' | 'acknowledge' | 'resolve';

export const SEVERITIES: readonly Severity[] = ['critical', 'error', 'warning', 'info'];
export const EVENT_ACTIONS: readonly EventAction[] = ['trigger', 'acknowledge', 'resolve'];

/** PagerDuty's limits, kept for every format so downstream code can rely on them. */
export const SUMMARY_MAX_LENGTH = 1024;
export const DEDUP_KEY_MAX_LENGTH = 255;

export interface EventImage {
  src: string;
  href?: string;
  alt?: string;
}

export interface EventLink {
  href: string;
  text?: string;
}

/**
 * An alert event after mapping.
 *
 * Invariants every mapper keeps:
 * - `summary` is at most 1024 characters (Unicode code points). Formats that cannot reject an
 *   over-long summary without losing a page (Alertmanager, Grafana, email) truncate it.
 * - `dedupKey` is at most 255 characters, and null only for a trigger (the pipeline then
 *   generates one, as PagerDuty does).
 * - For `acknowledge` and `resolve` only `dedupKey` carries meaning for Events API v2 input:
 *   PagerDuty ignores the payload of those actions, so `summary` and `source` are empty strings,
 *   `severity` is 'info' and the collections are empty. Other formats fill them in when they
 *   know them (an Alertmanager "resolved" alert still has its labels).
 */
export interface NormalizedEvent {
  action: EventAction;
  dedupKey: string | null;
  summary: string;
  source: string;
  severity: Severity;
  /** Epoch ms as given by the sender; null when absent (the pipeline then uses its clock). */
  timestamp: number | null;
  component: string | null;
  group: string | null;
  class: string | null;
  /** Any JSON value the sender gave; null when it gave none. */
  customDetails: unknown;
  images: EventImage[];
  links: EventLink[];
  client: string | null;
  clientUrl: string | null;
}

/** A PagerDuty change event: context for responders, never pages anyone. */
export interface ChangeEvent {
  summary: string;
  timestamp: number | null;
  source: string | null;
  customDetails: unknown;
  links: EventLink[];
}

/**
 * What kind of rule a field broke. Optional so callers can build errors by hand; the Events
 * API v2 error strings use it to phrase length errors the way PagerDuty does.
 */
export type FieldErrorCode = 'missing' | 'type' | 'length' | 'invalid' | 'template';

/**
 * `field` is a dotted path into the input ("payload.summary", "alerts[2].labels.severity");
 * "body" names the input as a whole; generic mappings name the template field ("summary").
 * `message` is a phrase meant to follow the quoted field name: "'payload.source' is missing or
 * blank". For code 'length' it is the expectation alone ("should be 32 characters").
 */
export interface FieldError {
  field: string;
  message: string;
  code?: FieldErrorCode;
}

export type MapResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** What one inbound request turns into, whatever its format. */
export interface MappedRequest {
  /** The routing key carried in the body (Events API v2); null when it comes from the URL. */
  routingKey: string | null;
  events: NormalizedEvent[];
}

export function ok<T>(value: T): MapResult<T> {
  return { ok: true, value };
}

export function fail<T>(errors: FieldError[]): MapResult<T> {
  return { ok: false, errors };
}
