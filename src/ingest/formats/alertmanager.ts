// Prometheus Alertmanager webhook bodies (webhook_config, body version "4"). Grafana's unified
// alerting sends the same shape with extra fields, so the group walk lives here as
// mapAlertGroup and grafana.ts plugs its extras in through AlertGroupHooks.

import { createHash } from 'node:crypto';
import { DEDUP_KEY_MAX_LENGTH, SEVERITIES, SUMMARY_MAX_LENGTH, fail, ok } from './types.js';
import type {
  EventImage,
  EventLink,
  FieldError,
  MapResult,
  NormalizedEvent,
  Severity,
} from './types.js';
import {
  childPath,
  isRecord,
  own,
  readArray,
  readBody,
  readEnum,
  readObject,
  readString,
  readStringMap,
  readTimestamp,
  typeError,
  type JsonObject,
} from './json-fields.js';
import { GO_ZERO_TIME_MS } from './timestamp.js';
import { truncate } from './text.js';
import { isHttpUrl } from './urls.js';

export interface AlertmanagerOptions {
  /** Lower-case label value -> severity. Replaces the default table when given. */
  severityMap?: Readonly<Record<string, Severity>>;
  /** Severity for a missing or unlisted severity label. */
  unknownSeverity?: Severity;
}

/**
 * The conventional `severity` label values. Anything else, or no label at all, becomes
 * 'warning': loud enough to be seen, not loud enough to wake someone at night on a guess.
 */
export const DEFAULT_SEVERITY_MAP: Readonly<Record<string, Severity>> = Object.freeze({
  critical: 'critical',
  error: 'error',
  high: 'error',
  warning: 'warning',
  warn: 'warning',
  info: 'info',
  none: 'info',
  low: 'info',
});
export const DEFAULT_UNKNOWN_SEVERITY: Severity = 'warning';

export const ALERT_STATUSES = ['firing', 'resolved'] as const;

/** What a variant of the format (Grafana) adds on top of the Alertmanager shape. */
export interface AlertGroupHooks {
  /** Source when an alert has neither an instance nor a job label and the body no receiver. */
  defaultSource: string;
  client: string;
  /** Extra group-level custom details, read from the body. */
  groupDetails?(body: JsonObject, errors: FieldError[]): Record<string, unknown>;
  /** Extra per-alert custom details, links and images. */
  alertExtras?(alert: JsonObject, path: string, body: JsonObject, errors: FieldError[]): AlertExtras;
}

export interface AlertExtras {
  details: Record<string, unknown>;
  links: EventLink[];
  images: EventImage[];
}

export const ALERTMANAGER_HOOKS: AlertGroupHooks = {
  defaultSource: 'alertmanager',
  client: 'Alertmanager',
};

export function severityFromLabel(value: string | undefined, options: AlertmanagerOptions): Severity {
  const map = options.severityMap ?? DEFAULT_SEVERITY_MAP;
  const fallback = options.unknownSeverity ?? DEFAULT_UNKNOWN_SEVERITY;
  if (value === undefined) return fallback;
  const key = value.trim().toLowerCase();
  return Object.hasOwn(map, key) ? (map[key] as Severity) : fallback;
}

/**
 * A dedup key for an alert that came without a fingerprint (Alertmanager before 0.19 sent
 * none). Alertmanager's own fingerprint is a hash of the label set, so a hash of the labels
 * names the same alert in its firing and its resolved notification. SHA-256 over the JSON of
 * the sorted pairs: JSON keeps "a=b,c" and "a" + "b,c=" apart, and a cryptographic hash makes a
 * collision between two live alerts practically impossible. The prefix keeps these keys apart
 * from real fingerprints.
 */
export function labelsFingerprint(labels: Readonly<Record<string, string>>): string {
  const pairs = Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const digest = createHash('sha256').update(JSON.stringify(pairs)).digest('hex');
  return `labels-sha256:${digest}`;
}

/** A non-blank label or annotation value. */
function label(m: Record<string, string>, k: string): string | undefined {
  const v = Object.hasOwn(m, k) ? m[k] : undefined;
  return v !== undefined && v.trim() !== '' ? v : undefined;
}

function summaryFor(labels: Record<string, string>, annotations: Record<string, string>): string {
  const given = label(annotations, 'summary') ?? label(annotations, 'description');
  if (given !== undefined) return given;
  const name = label(labels, 'alertname');
  const instance = label(labels, 'instance');
  if (name !== undefined && instance !== undefined) return `${name} on ${instance}`;
  if (name !== undefined) return name;
  if (instance !== undefined) return `Alert on ${instance}`;
  return '(unnamed alert)';
}

function mapAlert(
  alert: JsonObject,
  path: string,
  group: GroupContext,
  options: AlertmanagerOptions,
  hooks: AlertGroupHooks,
  errors: FieldError[],
): NormalizedEvent | null {
  const before = errors.length;
  const labels = readStringMap(alert, 'labels', childPath(path, 'labels'), errors) ?? {};
  const annotations =
    readStringMap(alert, 'annotations', childPath(path, 'annotations'), errors) ?? {};

  // Senders put the status on each alert; a group-level status is the fallback.
  const statusPath = childPath(path, 'status');
  const ownStatus = own(alert, 'status');
  const status =
    ownStatus === undefined || ownStatus === null
      ? group.status
      : readEnum(alert, 'status', statusPath, ALERT_STATUSES, errors, true);
  if (status === null && errors.length === before) {
    errors.push({ field: statusPath, message: 'is missing', code: 'missing' });
  }

  const fingerprint = readString(alert, 'fingerprint', childPath(path, 'fingerprint'), errors, {
    maxLength: DEDUP_KEY_MAX_LENGTH,
  });
  const startsAt = readTimestamp(alert, 'startsAt', childPath(path, 'startsAt'), errors);
  const endsAtRaw = readString(alert, 'endsAt', childPath(path, 'endsAt'), errors);
  const generatorUrl = readString(alert, 'generatorURL', childPath(path, 'generatorURL'), errors);
  const extras = hooks.alertExtras?.(alert, path, group.body, errors);
  if (errors.length > before || status === null) return null;

  const links: EventLink[] = [];
  if (generatorUrl !== null && isHttpUrl(generatorUrl)) {
    links.push({ href: generatorUrl, text: 'Source' });
  }
  if (extras) links.push(...extras.links);

  const alertname = label(labels, 'alertname') ?? null;
  return {
    action: status === 'firing' ? 'trigger' : 'resolve',
    dedupKey: fingerprint ?? labelsFingerprint(labels),
    summary: truncate(summaryFor(labels, annotations), SUMMARY_MAX_LENGTH),
    source: label(labels, 'instance') ?? label(labels, 'job') ?? group.receiver ?? hooks.defaultSource,
    severity: severityFromLabel(label(labels, 'severity'), options),
    timestamp: startsAt === null || startsAt <= GO_ZERO_TIME_MS ? null : startsAt,
    component: null,
    group: null,
    class: alertname,
    customDetails: {
      status,
      labels,
      annotations,
      startsAt: own(alert, 'startsAt') ?? null,
      endsAt: endsAtRaw,
      fingerprint,
      receiver: group.receiver,
      externalURL: group.externalUrl,
      groupKey: group.groupKey,
      groupLabels: group.groupLabels,
      ...group.extraDetails,
      ...extras?.details,
    },
    images: extras ? [...extras.images] : [],
    links,
    client: hooks.client,
    clientUrl: group.externalUrl !== null && isHttpUrl(group.externalUrl) ? group.externalUrl : null,
  };
}

interface GroupContext {
  body: JsonObject;
  status: 'firing' | 'resolved' | null;
  receiver: string | null;
  externalUrl: string | null;
  groupKey: string | null;
  groupLabels: Record<string, string>;
  extraDetails: Record<string, unknown>;
}

/**
 * One event per alert, in body order. The body is mapped all or nothing: one malformed alert
 * fails the request with errors naming it, so the sender sees the problem instead of a
 * silently partial notification.
 */
export function mapAlertGroup(
  body: unknown,
  options: AlertmanagerOptions,
  hooks: AlertGroupHooks,
): MapResult<NormalizedEvent[]> {
  const errors: FieldError[] = [];
  const obj = readBody(body, errors);
  if (obj === null) return fail(errors);

  const alerts = readArray(obj, 'alerts', 'alerts', errors, true);
  const group: GroupContext = {
    body: obj,
    status: readEnum(obj, 'status', 'status', ALERT_STATUSES, errors, false),
    receiver: readString(obj, 'receiver', 'receiver', errors),
    externalUrl: readString(obj, 'externalURL', 'externalURL', errors),
    groupKey: readString(obj, 'groupKey', 'groupKey', errors),
    groupLabels: readStringMap(obj, 'groupLabels', 'groupLabels', errors) ?? {},
    extraDetails: hooks.groupDetails?.(obj, errors) ?? {},
  };
  // Only type-checked: nothing is read from them, every alert carries its own labels.
  readStringMap(obj, 'commonLabels', 'commonLabels', errors);
  readStringMap(obj, 'commonAnnotations', 'commonAnnotations', errors);
  if (alerts === null) return fail(errors);

  const events: NormalizedEvent[] = [];
  alerts.forEach((alert, i) => {
    const path = childPath('alerts', i);
    if (!isRecord(alert)) {
      errors.push(typeError(path, 'an object', alert));
      return;
    }
    const event = mapAlert(alert, path, group, options, hooks, errors);
    if (event !== null) events.push(event);
  });
  return errors.length > 0 ? fail(errors) : ok(events);
}

/**
 * Maps an Alertmanager webhook body. The "version" field is not checked: a future version
 * that keeps these fields should still page, and one that drops them fails on the fields.
 */
export function mapAlertmanager(
  body: unknown,
  options: AlertmanagerOptions = {},
): MapResult<NormalizedEvent[]> {
  return mapAlertGroup(body, options, ALERTMANAGER_HOOKS);
}

/** Validates stored integration settings `{ severity_map?, unknown_severity? }`. */
export function parseAlertmanagerOptions(raw: unknown): MapResult<AlertmanagerOptions> {
  if (raw === undefined || raw === null) return ok({});
  const errors: FieldError[] = [];
  if (!isRecord(raw)) {
    return fail([typeError('config', 'an object', raw)]);
  }
  const options: AlertmanagerOptions = {};
  const unknown = readEnum(raw, 'unknown_severity', 'unknown_severity', SEVERITIES, errors, false);
  if (unknown !== null) options.unknownSeverity = unknown;
  const map = readObject(raw, 'severity_map', 'severity_map', errors);
  if (map !== null) {
    const severityMap: Record<string, Severity> = {};
    for (const [k, v] of Object.entries(map)) {
      if (typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v)) {
        Object.defineProperty(severityMap, k.trim().toLowerCase(), { value: v, enumerable: true });
      } else {
        errors.push({
          field: childPath('severity_map', k),
          message: `is invalid (must be one of: ${SEVERITIES.join(', ')})`,
          code: 'invalid',
        });
      }
    }
    options.severityMap = severityMap;
  }
  for (const key of Object.keys(raw)) {
    if (key !== 'severity_map' && key !== 'unknown_severity') {
      errors.push({ field: childPath('', key), message: 'is not a known setting', code: 'invalid' });
    }
  }
  return errors.length > 0 ? fail(errors) : ok(options);
}
