import type { Executor } from '../platform/db/transaction.js';
import type { Row } from '../platform/db/tables.js';
import { feedKey, feedSecret, scheduleFeedUrl } from './feed-tokens.js';
import { loadReport } from './load.js';
import { loadSchedule, loadSchedules, userInfo, type LoadedSchedule } from './queries.js';
import { findGaps, onCallAt, resolve } from './resolve.js';
import { serializeLoad, serializeSchedule, serializeShift, serializeSpan, userRef, type ScheduleOut } from './schemas.js';
import type { Resolution, Shift, Span } from './types.js';
import { DAY_MS } from './wallclock.js';

// The read side of the API: rows in, wire shapes out, with the pure core in between.

/** How far ahead the schedule listing looks for a time nobody is on call. */
export const GAP_LOOKAHEAD_DAYS = 7;
/** How far back /oncalls and the CLI look for the start of the current shift. */
export const ONCALL_LOOKBACK_MS = 35 * DAY_MS;
/** How far ahead they look for its end and for the next shift. */
export const ONCALL_HORIZON_MS = 90 * DAY_MS;

function nextGap(loaded: LoadedSchedule, now: number): Span | null {
  return findGaps(loaded.schedule, now, now + GAP_LOOKAHEAD_DAYS * DAY_MS)[0] ?? null;
}

/** Schedules as the API shows them: layers, secret feed URL, and the next gap within 7 days. */
export async function schedulesOut(ex: Executor, rows: Row<'schedules'>[], now: number, publicUrl: string): Promise<ScheduleOut[]> {
  if (rows.length === 0) return [];
  const key = await feedKey(ex);
  const loaded = await loadSchedules(ex, rows, now, now + GAP_LOOKAHEAD_DAYS * DAY_MS);
  return loaded.map((entry) =>
    serializeSchedule(
      entry.row,
      entry.layers,
      scheduleFeedUrl(publicUrl, feedSecret(key, 'schedule', entry.row.id, entry.row.ical_nonce)),
      nextGap(entry, now),
    ),
  );
}

export async function scheduleOut(ex: Executor, row: Row<'schedules'>, now: number, publicUrl: string): Promise<ScheduleOut> {
  return (await schedulesOut(ex, [row], now, publicUrl))[0]!;
}

function shiftUsers(resolution: Resolution): Set<string> {
  const ids = new Set<string>();
  const add = (shift: Shift) => {
    ids.add(shift.userId);
    if (shift.coveringFor !== undefined) ids.add(shift.coveringFor);
  };
  resolution.final.forEach(add);
  for (const layer of resolution.layers) layer.shifts.forEach(add);
  return ids;
}

/** GET /schedules/{id}/shifts: the final schedule, each layer's own shifts, and the gaps. */
export async function shiftsOut(ex: Executor, row: Row<'schedules'>, since: number, until: number) {
  const loaded = await loadSchedule(ex, row, since, until);
  const resolution = resolve(loaded.schedule, since, until);
  const names = await userInfo(ex, shiftUsers(resolution));
  const layerNames = new Map(loaded.layers.map((layer) => [layer.id, layer.name]));
  return {
    schedule_id: row.id,
    time_zone: row.time_zone,
    since: new Date(since).toISOString(),
    until: new Date(until).toISOString(),
    final: resolution.final.map((shift) => serializeShift(shift, names)),
    layers: resolution.layers.map((layer) => ({
      id: layer.layerId,
      name: layerNames.get(layer.layerId) ?? layer.layerId,
      shifts: layer.shifts.map((shift) => serializeShift(shift, names)),
      gaps: layer.gaps.map(serializeSpan),
    })),
    gaps: resolution.gaps.map(serializeSpan),
  };
}

export async function gapsOut(ex: Executor, row: Row<'schedules'>, since: number, until: number) {
  const loaded = await loadSchedule(ex, row, since, until);
  return {
    schedule_id: row.id,
    since: new Date(since).toISOString(),
    until: new Date(until).toISOString(),
    gaps: findGaps(loaded.schedule, since, until).map(serializeSpan),
  };
}

/** The fairness report: each user's hours on call by kind of hour, in the user's own zone. */
export async function loadOut(ex: Executor, row: Row<'schedules'>, since: number, until: number) {
  const loaded = await loadSchedule(ex, row, since, until);
  const final = resolve(loaded.schedule, since, until).final;
  const info = await userInfo(ex, final.map((shift) => shift.userId));
  const zones: Record<string, string> = {};
  for (const [id, user] of info) zones[id] = user.time_zone;
  return {
    schedule_id: row.id,
    since: new Date(since).toISOString(),
    until: new Date(until).toISOString(),
    users: loadReport(final, zones, since, until).map((load) => serializeLoad(load, info, zones)),
  };
}

export interface OncallEntry {
  schedule: Row<'schedules'>;
  shift: Shift;
}

export interface OncallNowEntry {
  schedule: Row<'schedules'>;
  current: Shift | null;
  next: Shift | null;
}

/** Who is on call at `at` in each schedule, and who is next (the CLI and /oncalls). */
export async function oncallNow(ex: Executor, rows: Row<'schedules'>[], at: number): Promise<OncallNowEntry[]> {
  const loaded = await loadSchedules(ex, rows, at - ONCALL_LOOKBACK_MS, at + ONCALL_HORIZON_MS);
  return loaded.map((entry) => {
    const now = onCallAt(entry.schedule, at, { lookbackMs: ONCALL_LOOKBACK_MS, horizonMs: ONCALL_HORIZON_MS });
    return { schedule: entry.row, current: now.current, next: now.next };
  });
}

/** Every final shift of each schedule within [since, until), clipped to it. */
export async function oncallBetween(ex: Executor, rows: Row<'schedules'>[], since: number, until: number): Promise<OncallEntry[]> {
  const loaded = await loadSchedules(ex, rows, since, until);
  return loaded.flatMap((entry) => resolve(entry.schedule, since, until).final.map((shift) => ({ schedule: entry.row, shift })));
}

export async function oncallEntriesOut(ex: Executor, entries: OncallEntry[]) {
  const names = await userInfo(ex, entries.map((entry) => entry.shift.userId));
  return entries.map(({ schedule, shift }) => ({
    schedule: { id: schedule.id, name: schedule.name },
    user: userRef(names, shift.userId),
    start: new Date(shift.start).toISOString(),
    end: new Date(shift.end).toISOString(),
    source: shift.source,
  }));
}
