import type { Instant, Shift, UserLoad } from './types.js';
import { HOUR_MS, isoWeekdayOfDay, wallClock, type WallClock } from './wallclock.js';

// How heavy each person's on-call was, in hours of their own day: business hours, evenings and
// weekend days, and the night. Each local day is cut at 08:00, 18:00 and 22:00 (wall clock in
// the user's zone, compatible rule); consecutive cuts bound one category, so the categories
// tile time exactly and a night the clocks change counts its real 9 or 11 hours of sleep time.

const BUSINESS_START = 8 * 60;
const BUSINESS_END = 18 * 60;
const NIGHT_START = 22 * 60;

type Category = 'business' | 'off' | 'sleep';

interface Totals {
  shiftCount: number;
  business: number;
  off: number;
  sleep: number;
}

function addShift(totals: Totals, clock: WallClock, start: number, end: number): void {
  // Start a day early: the night that began the evening before is still running at `start`.
  let day = clock.localDay(start) - 1;
  let cut = Math.min(clock.at(day, NIGHT_START), start);
  let category: Category = 'sleep';
  while (cut < end) {
    const weekday = isoWeekdayOfDay(day + 1);
    const nextCuts: Array<[number, Category]> = [
      [clock.at(day + 1, BUSINESS_START), weekday <= 5 ? 'business' : 'off'],
      [clock.at(day + 1, BUSINESS_END), 'off'],
      [clock.at(day + 1, NIGHT_START), 'sleep'],
    ];
    for (const [at, nextCategory] of nextCuts) {
      // A skipped stretch of wall time can push a cut past the next one; never run backwards.
      const upTo = at > cut ? at : cut;
      const overlap = Math.min(upTo, end) - Math.max(cut, start);
      if (overlap > 0) totals[category] += overlap;
      cut = upTo;
      category = nextCategory;
    }
    day++;
  }
}

/**
 * On-call load per user over [since, until), from final shifts (as `resolve` returns them;
 * shiftCount counts those shifts that reach into the range). Hours are read in each user's own
 * zone from `userTimeZones`, falling back to `defaultTimeZone` (UTC unless given); an unknown
 * zone throws RangeError. Users come out sorted by id.
 */
export function loadReport(
  finalShifts: readonly Shift[],
  userTimeZones: Readonly<Record<string, string>>,
  since: Instant,
  until: Instant,
  defaultTimeZone = 'UTC',
): UserLoad[] {
  const byUser = new Map<string, Totals>();
  for (const shift of finalShifts) {
    const start = Math.max(shift.start, since);
    const end = Math.min(shift.end, until);
    if (!(start < end)) continue;
    let totals = byUser.get(shift.userId);
    if (totals === undefined) {
      totals = { shiftCount: 0, business: 0, off: 0, sleep: 0 };
      byUser.set(shift.userId, totals);
    }
    totals.shiftCount++;
    const zone = Object.hasOwn(userTimeZones, shift.userId) ? userTimeZones[shift.userId] : defaultTimeZone;
    addShift(totals, wallClock(zone), start, end);
  }
  return [...byUser.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([userId, totals]) => ({
      userId,
      shiftCount: totals.shiftCount,
      totalHours: (totals.business + totals.off + totals.sleep) / HOUR_MS,
      businessHours: totals.business / HOUR_MS,
      offHours: totals.off / HOUR_MS,
      sleepHours: totals.sleep / HOUR_MS,
    }));
}
