import type { IsoWeekday } from './types.js';
import { clearZoneMemo, zoneOffsets, type ZoneOffsets } from './zones.js';

// Wall-clock <-> instant conversion with one fixed rule for times a zone skips or repeats.
//
// Luxon's own answer (DateTime.fromObject with a zone) moves a skipped wall time forward by the
// length of the gap, as wanted, but for a repeated wall time it picks whichever occurrence its
// offset guess lands on first: the earlier one in zones east of UTC (Pacific/Auckland,
// Australia/Lord_Howe) and the later one west of it or on it (America/Denver, Europe/London).
// Schedules need one rule everywhere, so this module applies the one RFC 5545 and Temporal's
// `disambiguation: 'compatible'` use:
//   - a wall time in a gap is read with the offset in force before the gap, which lands it
//     past the gap by the gap's length (02:30 on a 02:00->03:00 night becomes 03:30);
//   - a wall time that occurs twice means its earlier occurrence.
//
// A "wall" value is a local date and time written as milliseconds since 1970-01-01T00:00 of
// the local calendar, as if that calendar were UTC: plain calendar arithmetic, no zone in it.
// Offsets come from Luxon through the memo in zones.ts.

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export class WallClock {
  readonly zone: string;
  private readonly offsets: ZoneOffsets;

  constructor(zone: string) {
    this.zone = zone;
    this.offsets = zoneOffsets(zone);
  }

  /** The local wall time shown at `instant`. */
  toWall(instant: number): number {
    return instant + this.offsets.offsetAt(instant);
  }

  /** The instant a local wall time means, under the compatible rule above. */
  toInstant(wall: number): number {
    const offsets = this.offsets;
    // Transitions are far more than a day apart, so the offsets a day either side are the ones
    // in force just before and just after any change near this wall time.
    const before = offsets.offsetAt(wall - DAY_MS);
    const after = offsets.offsetAt(wall + DAY_MS);
    let best = Number.POSITIVE_INFINITY;
    let candidate = wall - before;
    if (offsets.offsetAt(candidate) === before) best = candidate;
    if (after !== before) {
      candidate = wall - after;
      if (candidate < best && offsets.offsetAt(candidate) === after) best = candidate;
    }
    if (best === Number.POSITIVE_INFINITY) {
      // Neither edge offset fits: either a gap, or more than one change near here. The offsets
      // in force at the two candidate instants cover the second case.
      for (const offset of [offsets.offsetAt(wall - before), offsets.offsetAt(wall - after)]) {
        candidate = wall - offset;
        if (candidate < best && offsets.offsetAt(candidate) === offset) best = candidate;
      }
    }
    return best === Number.POSITIVE_INFINITY ? wall - before : best;
  }

  /** The local calendar day of `instant`, as days since 1970-01-01. */
  localDay(instant: number): number {
    return Math.floor(this.toWall(instant) / DAY_MS);
  }

  /** The instant of a local day (days since 1970-01-01) at a minute of that day. */
  at(day: number, minuteOfDay: number): number {
    return this.toInstant(day * DAY_MS + minuteOfDay * MINUTE_MS);
  }
}

const clocks = new Map<string, WallClock>();

/** The wall clock of a zone; throws RangeError for a zone Luxon does not know. */
export function wallClock(zone: string): WallClock {
  let clock = clocks.get(zone);
  if (clock === undefined) {
    clock = new WallClock(zone);
    clocks.set(zone, clock);
  }
  return clock;
}

/** Forgets every wall clock and memoized offset (benchmarks use it to measure a cold start). */
export function clearTimeZoneMemos(): void {
  clocks.clear();
  clearZoneMemo();
}

/** The instant of a local date and time in `zone`, under the compatible rule. */
export function instantOfLocal(
  zone: string,
  local: { year: number; month: number; day: number; hour?: number; minute?: number },
): number {
  return wallClock(zone).toInstant(
    Date.UTC(local.year, local.month - 1, local.day, local.hour ?? 0, local.minute ?? 0),
  );
}

/** ISO weekday of a day counted from 1970-01-01 (a Thursday). */
export function isoWeekdayOfDay(day: number): IsoWeekday {
  return ((((day + 3) % 7) + 7) % 7 + 1) as IsoWeekday;
}

/** Minutes after midnight for a strict 'HH:MM' (00:00–23:59), or null. */
export function parseClockTime(text: unknown): number | null {
  if (typeof text !== 'string' || text.length !== 5 || text.charCodeAt(2) !== 58 /* : */) return null;
  const digits = [0, 1, 3, 4].map((i) => text.charCodeAt(i) - 48);
  if (digits.some((digit) => digit < 0 || digit > 9)) return null;
  const hours = digits[0] * 10 + digits[1];
  const minutes = digits[2] * 10 + digits[3];
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}

/** Floor modulo, so that negative rotation indices still pick a user. */
export function mod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}
