// Pieces shared by the two PagerDuty endpoints (/v2/enqueue and /v2/change/enqueue): the
// routing key, links, timestamps and PagerDuty's way of reporting an invalid event.

import type { EventImage, EventLink, FieldError } from './types.js';
import {
  childPath,
  isRecord,
  own,
  readArray,
  readString,
  readUrl,
  typeError,
  type JsonObject,
} from './json-fields.js';
import { isHttpsUrl } from './urls.js';

export const ROUTING_KEY_LENGTH = 32;
/** PagerDuty's documented size limit for an Events API payload. */
export const EVENTS_V2_MAX_BODY_BYTES = 512 * 1024;

export function readRoutingKey(body: JsonObject, errors: FieldError[]): string | null {
  return readString(body, 'routing_key', 'routing_key', errors, {
    required: true,
    exactLength: ROUTING_KEY_LENGTH,
  });
}

function readItems(
  body: JsonObject,
  key: string,
  errors: FieldError[],
  each: (item: JsonObject, path: string) => void,
): void {
  const list = readArray(body, key, key, errors);
  if (list === null) return;
  list.forEach((item, i) => {
    const path = childPath(key, i);
    if (!isRecord(item)) {
      errors.push(typeError(path, 'an object', item));
      return;
    }
    each(item, path);
  });
}

export function readLinks(body: JsonObject, errors: FieldError[]): EventLink[] {
  const links: EventLink[] = [];
  readItems(body, 'links', errors, (item, path) => {
    const href = readUrl(item, 'href', childPath(path, 'href'), errors, true);
    const text = readString(item, 'text', childPath(path, 'text'), errors);
    if (href !== null) links.push(text === null ? { href } : { href, text });
  });
  return links;
}

export function readImages(body: JsonObject, errors: FieldError[]): EventImage[] {
  const images: EventImage[] = [];
  readItems(body, 'images', errors, (item, path) => {
    const srcPath = childPath(path, 'src');
    const before = errors.length;
    const src = readString(item, 'src', srcPath, errors, { required: true });
    if (src !== null && errors.length === before && !isHttpsUrl(src)) {
      errors.push({ field: srcPath, message: 'must be an https URL', code: 'invalid' });
    }
    const href = readUrl(item, 'href', childPath(path, 'href'), errors);
    const alt = readString(item, 'alt', childPath(path, 'alt'), errors);
    if (src !== null && errors.length === before) {
      const image: EventImage = { src };
      if (href !== null) image.href = href;
      if (alt !== null) image.alt = alt;
      images.push(image);
    }
  });
  return images;
}

/** A JSON value the sender may omit; absent reads as null. */
export function readAnyJson(obj: JsonObject, key: string): unknown {
  const v = own(obj, key);
  return v === undefined ? null : v;
}

/**
 * The strings PagerDuty puts in the "errors" array of a 400, one per broken rule, each naming
 * the field in single quotes, e.g.
 *   "Length of 'routing_key' is incorrect (should be 32 characters)"
 *   "'payload.severity' is invalid (must be one of: critical, error, warning, info)"
 */
export function pagerDutyErrorStrings(errors: readonly FieldError[]): string[] {
  return errors.map((e) =>
    e.code === 'length'
      ? `Length of '${e.field}' is incorrect (${e.message})`
      : `'${e.field}' ${e.message}`,
  );
}

export interface InvalidEventResponse {
  status: 'invalid event';
  message: 'Event object is invalid';
  errors: string[];
}

/** The body of PagerDuty's 400 answer to an invalid event. */
export function invalidEventResponse(errors: readonly FieldError[]): InvalidEventResponse {
  return {
    status: 'invalid event',
    message: 'Event object is invalid',
    errors: pagerDutyErrorStrings(errors),
  };
}
