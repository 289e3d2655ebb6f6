// PagerDuty change events (POST /v2/change/enqueue): deploys, config pushes and the like, shown
// to responders as context. Same routing keys as alert events.

import { SUMMARY_MAX_LENGTH, fail, ok } from './types.js';
import type { ChangeEvent, FieldError, MapResult } from './types.js';
import { readBody, readObject, readString, readTimestamp } from './json-fields.js';
import { readAnyJson, readLinks, readRoutingKey } from './pagerduty-common.js';

export interface ChangeEventRequest {
  routingKey: string;
  event: ChangeEvent;
}

export function mapChangeEventV2(body: unknown): MapResult<ChangeEventRequest> {
  const errors: FieldError[] = [];
  const obj = readBody(body, errors);
  if (obj === null) return fail(errors);

  const routingKey = readRoutingKey(obj, errors);
  const payload = readObject(obj, 'payload', 'payload', errors, true);
  let summary: string | null = null;
  let source: string | null = null;
  let timestamp: number | null = null;
  let customDetails: unknown = null;
  if (payload !== null) {
    summary = readString(payload, 'summary', 'payload.summary', errors, {
      required: true,
      maxLength: SUMMARY_MAX_LENGTH,
    });
    source = readString(payload, 'source', 'payload.source', errors);
    timestamp = readTimestamp(payload, 'timestamp', 'payload.timestamp', errors);
    customDetails = readAnyJson(payload, 'custom_details');
  }
  const links = readLinks(obj, errors);

  if (errors.length > 0 || routingKey === null || summary === null) return fail(errors);
  return ok({ routingKey, event: { summary, timestamp, source, customDetails, links } });
}
