import type { CompiledRestriction } from './compile.js';
import { unionSpans } from './intervals.js';
import type { Span } from './types.js';
import { DAY_MS, MINUTE_MS, isoWeekdayOfDay, mod, type WallClock } from './wallclock.js';

// Restriction windows open and close at wall-clock times in the schedule's zone; each end is
// turned into an instant on its own (compatible rule), so a 22:00 + 600 min window closes at
// 08:00 local whatever the clocks did overnight. A window whose ends meet or cross after that
// (only possible when a skipped stretch swallows it) is empty.

// A daily window is at most a day long and a weekly one a week; starting this many days early
// catches every window still open at `from`, with a day to spare for skipped wall time.
const DAILY_LOOKBACK_DAYS = 2;
const WEEKLY_LOOKBACK_DAYS = 8;

/** The union of the windows, clipped to [from, to), sorted. */
export function restrictionWindows(
  clock: WallClock,
  restrictions: readonly CompiledRestriction[],
  from: number,
  to: number,
): Span[] {
  const firstDay = clock.localDay(from);
  const lastDay = clock.localDay(to);
  const windows: Span[] = [];
  for (const restriction of restrictions) {
    const step = restriction.day === null ? 1 : 7;
    let day = firstDay - (restriction.day === null ? DAILY_LOOKBACK_DAYS : WEEKLY_LOOKBACK_DAYS);
    if (restriction.day !== null) day += mod(restriction.day - isoWeekdayOfDay(day), 7);
    for (; day <= lastDay; day += step) {
      const opens = day * DAY_MS + restriction.startMinute * MINUTE_MS;
      const start = clock.toInstant(opens);
      const end = clock.toInstant(opens + restriction.durationMinutes * MINUTE_MS);
      if (end > start && end > from && start < to) {
        windows.push({ start: Math.max(start, from), end: Math.min(end, to) });
      }
    }
  }
  return unionSpans(windows);
}
