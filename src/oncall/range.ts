import { invalid } from '../platform/http/errors.js';
import { parseInstant } from './layer-input.js';
import { MAX_INSTANT, MIN_INSTANT } from './validate.js';
import { DAY_MS } from './wallclock.js';

// Reading instants and ranges out of requests, with errors that name the field.

/** Epoch ms of an ISO 8601 date-time with an offset; 400 naming `field` otherwise. */
export function instantParam(field: string, text: string): number {
  const at = parseInstant(text);
  if (!Number.isFinite(at)) throw invalid(field, 'must be an ISO 8601 date-time with an offset, e.g. 2026-03-01T09:00:00Z');
  if (at < MIN_INSTANT || at > MAX_INSTANT) throw invalid(field, 'must lie between 1900 and 2200');
  return at;
}

export interface Range {
  since: number;
  until: number;
}

/**
 * [since, until) from optional query parameters: since defaults to `now`, until to
 * since + `defaultDays`; until must follow since by at most `maxDays`.
 */
export function rangeParams(
  query: { since?: string; until?: string },
  now: number,
  opts: { defaultDays: number; maxDays: number },
): Range {
  const since = query.since === undefined ? now : instantParam('since', query.since);
  const until = query.until === undefined ? since + opts.defaultDays * DAY_MS : instantParam('until', query.until);
  if (until <= since) throw invalid('until', 'must be after since');
  if (until - since > opts.maxDays * DAY_MS) throw invalid('until', `must be at most ${opts.maxDays} days after since`);
  return { since, until };
}

/** Ids from comma-separated values, repeated parameters, or both. */
export function idList(value: string | string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(','));
  return [...new Set(parts.map((p) => p.trim()).filter((p) => p.length > 0))];
}
