// Readers over untrusted parsed JSON. Each one either returns a typed value or records a
// FieldError naming the path and returns null; none of them throws, whatever the input.

import type { FieldError } from './types.js';
import { codePointLength, isBlank } from './text.js';
import { parseIso8601 } from './timestamp.js';
import { isHttpUrl } from './urls.js';

export type JsonObject = Record<string, unknown>;

export function isRecord(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A JSON type name for error messages. */
export function jsonTypeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/**
 * Own properties only: a body key named "constructor" or "__proto__" must read as whatever the
 * sender put there (usually nothing), never as something inherited from Object.prototype.
 */
export function own(obj: JsonObject, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

export type JsonKind = 'a string' | 'an object' | 'an array';

export function typeError(field: string, expected: JsonKind, got: unknown): FieldError {
  return { field, message: `must be ${expected} (got ${jsonTypeOf(got)})`, code: 'type' };
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function childPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  const part = IDENTIFIER.test(key) ? key : `[${JSON.stringify(key)}]`;
  if (base === '') return part;
  return part.startsWith('[') ? `${base}${part}` : `${base}.${part}`;
}

export interface StringRule {
  /** Absent, null or blank is an error. Otherwise blank optional strings read as null. */
  required?: boolean;
  exactLength?: number;
  maxLength?: number;
}

/**
 * A string field. JSON null counts as absent: many client libraries serialize an unset
 * optional field as null, and PagerDuty-speaking senders must keep working.
 */
export function readString(
  obj: JsonObject,
  key: string,
  path: string,
  errors: FieldError[],
  rule: StringRule = {},
): string | null {
  const v = own(obj, key);
  if (v === undefined || v === null) {
    if (rule.required) errors.push({ field: path, message: 'is missing or blank', code: 'missing' });
    return null;
  }
  if (typeof v !== 'string') {
    errors.push(typeError(path, 'a string', v));
    return null;
  }
  if (isBlank(v)) {
    if (rule.required) errors.push({ field: path, message: 'is missing or blank', code: 'missing' });
    return null;
  }
  if (rule.exactLength !== undefined && codePointLength(v) !== rule.exactLength) {
    errors.push({ field: path, message: `should be ${rule.exactLength} characters`, code: 'length' });
    return null;
  }
  if (rule.maxLength !== undefined && codePointLength(v) > rule.maxLength) {
    errors.push({
      field: path,
      message: `should be at most ${rule.maxLength} characters`,
      code: 'length',
    });
    return null;
  }
  return v;
}

/** One of a fixed set of strings, matched exactly. */
export function readEnum<T extends string>(
  obj: JsonObject,
  key: string,
  path: string,
  allowed: readonly T[],
  errors: FieldError[],
  required: boolean,
): T | null {
  const before = errors.length;
  const s = readString(obj, key, path, errors, { required });
  if (s === null || errors.length > before) return null;
  if ((allowed as readonly string[]).includes(s)) return s as T;
  errors.push({
    field: path,
    message: `is invalid (must be one of: ${allowed.join(', ')})`,
    code: 'invalid',
  });
  return null;
}

/** An object field; absent or null reads as null. */
export function readObject(
  obj: JsonObject,
  key: string,
  path: string,
  errors: FieldError[],
  required = false,
): JsonObject | null {
  const v = own(obj, key);
  if (v === undefined || v === null) {
    if (required) errors.push({ field: path, message: 'is missing', code: 'missing' });
    return null;
  }
  if (!isRecord(v)) {
    errors.push(typeError(path, 'an object', v));
    return null;
  }
  return v;
}

/** An array field; absent or null reads as null. */
export function readArray(
  obj: JsonObject,
  key: string,
  path: string,
  errors: FieldError[],
  required = false,
): unknown[] | null {
  const v = own(obj, key);
  if (v === undefined || v === null) {
    if (required) errors.push({ field: path, message: 'is missing', code: 'missing' });
    return null;
  }
  if (!Array.isArray(v)) {
    errors.push(typeError(path, 'an array', v));
    return null;
  }
  return v;
}

/** A map of string to string (Prometheus labels and annotations). */
export function readStringMap(
  obj: JsonObject,
  key: string,
  path: string,
  errors: FieldError[],
): Record<string, string> | null {
  const m = readObject(obj, key, path, errors);
  if (m === null) return null;
  const out: Record<string, string> = {};
  let good = true;
  for (const [k, v] of Object.entries(m)) {
    if (typeof v !== 'string') {
      errors.push(typeError(childPath(path, k), 'a string', v));
      good = false;
      continue;
    }
    // defineProperty, because plain assignment to "__proto__" would set the prototype.
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return good ? out : null;
}

/** Reads the body itself, which must be a JSON object. */
export function readBody(body: unknown, errors: FieldError[]): JsonObject | null {
  if (isRecord(body)) return body;
  errors.push({
    field: 'body',
    message: `must be a JSON object (got ${jsonTypeOf(body)})`,
    code: 'type',
  });
  return null;
}

/** An ISO 8601 timestamp string, read as epoch ms. */
export function readTimestamp(
  obj: JsonObject,
  key: string,
  path: string,
  errors: FieldError[],
): number | null {
  const before = errors.length;
  const s = readString(obj, key, path, errors);
  if (s === null || errors.length > before) return null;
  const ms = parseIso8601(s.trim());
  if (ms === null) {
    errors.push({ field: path, message: 'is not a valid ISO 8601 timestamp', code: 'invalid' });
  }
  return ms;
}

/** A URL that must be absolute http(s) when present. */
export function readUrl(
  obj: JsonObject,
  key: string,
  path: string,
  errors: FieldError[],
  required = false,
): string | null {
  const before = errors.length;
  const s = readString(obj, key, path, errors, { required });
  if (s === null || errors.length > before) return null;
  if (!isHttpUrl(s)) {
    errors.push({ field: path, message: 'must be an absolute http(s) URL', code: 'invalid' });
    return null;
  }
  return s;
}
