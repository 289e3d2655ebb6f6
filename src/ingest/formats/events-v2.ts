// PagerDuty Events API v2 alert events (POST /v2/enqueue), validated by the rules PagerDuty
// documents so that any tool that speaks to PagerDuty can speak to Tocsin unchanged.

import {
  DEDUP_KEY_MAX_LENGTH,
  EVENT_ACTIONS,
  SEVERITIES,
  SUMMARY_MAX_LENGTH,
  fail,
  ok,
} from './types.js';
import type { EventAction, FieldError, MapResult, NormalizedEvent, Severity } from './types.js';
import {
  readBody,
  readEnum,
  readObject,
  readString,
  readTimestamp,
  readUrl,
  type JsonObject,
} from './json-fields.js';
import { readAnyJson, readImages, readLinks, readRoutingKey } from './pagerduty-common.js';

export {
  EVENTS_V2_MAX_BODY_BYTES,
  invalidEventResponse,
  pagerDutyErrorStrings,
  type InvalidEventResponse,
} from './pagerduty-common.js';

export interface EventsV2Request {
  routingKey: string;
  event: NormalizedEvent;
}

export interface AcceptedEventResponse {
  status: 'success';
  message: 'Event processed';
  dedup_key: string;
}

/** The body of PagerDuty's 202 answer, carrying the (possibly generated) dedup key. */
export function acceptedEventResponse(dedupKey: string): AcceptedEventResponse {
  return { status: 'success', message: 'Event processed', dedup_key: dedupKey };
}

interface TriggerFields {
  summary: string;
  source: string;
  severity: Severity;
  timestamp: number | null;
  component: string | null;
  group: string | null;
  class: string | null;
  customDetails: unknown;
}

function readPayload(body: JsonObject, errors: FieldError[]): TriggerFields | null {
  const payload = readObject(body, 'payload', 'payload', errors, true);
  if (payload === null) return null;
  const before = errors.length;
  const summary = readString(payload, 'summary', 'payload.summary', errors, {
    required: true,
    maxLength: SUMMARY_MAX_LENGTH,
  });
  const source = readString(payload, 'source', 'payload.source', errors, { required: true });
  const severity = readEnum(payload, 'severity', 'payload.severity', SEVERITIES, errors, true);
  const timestamp = readTimestamp(payload, 'timestamp', 'payload.timestamp', errors);
  const component = readString(payload, 'component', 'payload.component', errors);
  const group = readString(payload, 'group', 'payload.group', errors);
  const klass = readString(payload, 'class', 'payload.class', errors);
  const customDetails = readAnyJson(payload, 'custom_details');
  if (errors.length > before || summary === null || source === null || severity === null) {
    return null;
  }
  return { summary, source, severity, timestamp, component, group, class: klass, customDetails };
}

/**
 * Validates a parsed /v2/enqueue body. All broken rules are reported at once.
 *
 * For acknowledge and resolve, PagerDuty uses only routing_key and dedup_key, so the payload,
 * images, links and client fields of those actions are neither validated nor kept.
 */
export function mapEventsV2(body: unknown): MapResult<EventsV2Request> {
  const errors: FieldError[] = [];
  const obj = readBody(body, errors);
  if (obj === null) return fail(errors);

  const routingKey = readRoutingKey(obj, errors);
  const action: EventAction | null = readEnum(
    obj,
    'event_action',
    'event_action',
    EVENT_ACTIONS,
    errors,
    true,
  );
  const dedupKey = readString(obj, 'dedup_key', 'dedup_key', errors, {
    required: action === 'acknowledge' || action === 'resolve',
    maxLength: DEDUP_KEY_MAX_LENGTH,
  });

  let event: NormalizedEvent | null = null;
  if (action === 'trigger') {
    const fields = readPayload(obj, errors);
    const images = readImages(obj, errors);
    const links = readLinks(obj, errors);
    const client = readString(obj, 'client', 'client', errors);
    const clientUrl = readUrl(obj, 'client_url', 'client_url', errors);
    if (fields !== null) {
      event = { action, dedupKey, ...fields, images, links, client, clientUrl };
    }
  } else if (action !== null) {
    event = {
      action,
      dedupKey,
      summary: '',
      source: '',
      severity: 'info',
      timestamp: null,
      component: null,
      group: null,
      class: null,
      customDetails: null,
      images: [],
      links: [],
      client: null,
      clientUrl: null,
    };
  }

  if (errors.length > 0 || routingKey === null || event === null) return fail(errors);
  return ok({ routingKey, event });
}
