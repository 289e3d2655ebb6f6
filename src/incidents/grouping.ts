// Alert grouping: which open incident, if any, a new alert joins, and why. Pure (rule 1): a
// function of the service's grouping setting, the alert's values, the open incidents and now.

import type { NormalizedEvent } from '../ingest/formats/types.js';
import type { AlertGrouping } from './settings.js';

export interface GroupCandidate {
  id: string;
  /** How reasons name the incident, e.g. "#12". */
  label: string;
  createdAt: number;
  /** Content-grouping values of the incident's first alert; null when it was not content-grouped. */
  groupValues: Record<string, string | null> | null;
}

export interface GroupDecision {
  incidentId: string;
  reason: string;
}

/** Fields content grouping can compare. Dotted paths reach into custom details and rule output. */
export const GROUPING_FIELDS_HELP =
  'summary, source, severity, component, group, class, dedup_key, custom_details.<path>, extracted.<name>, annotations.<name>';

export interface GroupingInput {
  event: NormalizedEvent;
  dedupKey: string;
  extracted?: Record<string, string>;
  annotations?: Record<string, string>;
}

function scalar(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

function walk(root: unknown, path: string[]): unknown {
  let cur = root;
  for (const part of path) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur) || !Object.hasOwn(cur, part)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

export function isGroupingField(field: string): boolean {
  if (['summary', 'source', 'severity', 'component', 'group', 'class', 'dedup_key'].includes(field)) return true;
  const m = /^(custom_details|extracted|annotations)\.(.+)$/.exec(field);
  return m !== null && m[2]!.split('.').every((p) => p.length > 0);
}

/** The value of one grouping field for an alert; null when the alert does not have it. */
export function groupingValue(input: GroupingInput, field: string): string | null {
  const e = input.event;
  switch (field) {
    case 'summary':
      return e.summary || null;
    case 'source':
      return e.source || null;
    case 'severity':
      return e.severity;
    case 'component':
      return e.component;
    case 'group':
      return e.group;
    case 'class':
      return e.class;
    case 'dedup_key':
      return input.dedupKey;
  }
  const dot = field.indexOf('.');
  const head = field.slice(0, dot);
  const path = field.slice(dot + 1).split('.');
  if (head === 'custom_details') return scalar(walk(e.customDetails, path));
  if (head === 'extracted') return scalar(walk(input.extracted ?? {}, path));
  if (head === 'annotations') return scalar(walk(input.annotations ?? {}, path));
  return null;
}

export function groupingValues(grouping: AlertGrouping, input: GroupingInput): Record<string, string | null> | null {
  if (grouping.type !== 'content') return null;
  const out: Record<string, string | null> = {};
  for (const f of grouping.fields) out[f] = groupingValue(input, f);
  return out;
}

function minutesAgo(ms: number): string {
  const m = Math.floor(ms / 60_000);
  if (m < 1) return 'less than a minute ago';
  return m === 1 ? '1 minute ago' : `${m} minutes ago`;
}

function quote(v: string): string {
  return JSON.stringify(v.length > 80 ? `${v.slice(0, 80)}…` : v);
}

/**
 * Picks the incident a new alert joins. `candidates` are the service's open incidents (any
 * order). Among those that qualify, the newest wins. Absent values never match: two alerts
 * that both lack a field are not "equal" on it.
 */
export function chooseIncident(
  grouping: AlertGrouping,
  values: Record<string, string | null> | null,
  candidates: readonly GroupCandidate[],
  now: number,
): GroupDecision | null {
  if (grouping.type === 'none') return null;
  const windowMs = grouping.window_minutes !== null && grouping.window_minutes > 0 ? grouping.window_minutes * 60_000 : null;
  const sorted = [...candidates].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
  if (grouping.type === 'time') {
    if (windowMs === null) return null;
    const hit = sorted.find((c) => c.createdAt <= now && now - c.createdAt <= windowMs);
    if (!hit) return null;
    return {
      incidentId: hit.id,
      reason: `time: incident ${hit.label} was opened ${minutesAgo(now - hit.createdAt)}, within the ${grouping.window_minutes}-minute window`,
    };
  }
  if (!values || grouping.fields.length === 0) return null;
  for (const c of sorted) {
    if (windowMs !== null && (c.createdAt > now || now - c.createdAt > windowMs)) continue;
    if (!c.groupValues) continue;
    const equal = grouping.fields.filter((f) => {
      const a = values[f];
      const b = c.groupValues![f];
      return a !== null && a !== undefined && b !== null && b !== undefined && a === b;
    });
    const matched = grouping.match === 'all' ? equal.length === grouping.fields.length : equal.length > 0;
    if (!matched) continue;
    const pairs = equal.map((f) => `${f}=${quote(values[f]!)}`).join(', ');
    const how = grouping.match === 'all' ? 'all of' : 'any of';
    return {
      incidentId: c.id,
      reason: `content: ${pairs} equal to incident ${c.label} (${how} ${grouping.fields.join(', ')}${windowMs !== null ? `, within ${grouping.window_minutes} minutes` : ''})`,
    };
  }
  return null;
}
