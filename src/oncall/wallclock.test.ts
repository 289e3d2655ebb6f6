import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { instant, offsetChanges } from './fixtures.js';
import { DAY_MS, MINUTE_MS, instantOfLocal, isoWeekdayOfDay, parseClockTime, wallClock } from './wallclock.js';

const ZONES = [
  'Europe/London',
  'America/Denver',
  'Pacific/Auckland',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'America/Sao_Paulo',
  'America/St_Johns',
  'Asia/Tehran',
  'Europe/Dublin',
  'Pacific/Chatham',
  'UTC',
];

describe('instantOfLocal: the compatible rule', () => {
  const cases: Array<[string, string, [number, number, number, number, number], string]> = [
    ['Denver gap: 02:30 becomes 03:30 MDT', 'America/Denver', [2024, 3, 10, 2, 30], '2024-03-10T09:30:00Z'],
    ['Denver repeat: 01:30 means MDT', 'America/Denver', [2024, 11, 3, 1, 30], '2024-11-03T07:30:00Z'],
    ['London gap: 01:30 becomes 02:30 BST', 'Europe/London', [2024, 3, 31, 1, 30], '2024-03-31T01:30:00Z'],
    ['London repeat: 01:30 means BST', 'Europe/London', [2024, 10, 27, 1, 30], '2024-10-27T00:30:00Z'],
    ['Lord Howe 30-minute gap: 02:15 becomes 02:45', 'Australia/Lord_Howe', [2024, 10, 6, 2, 15], '2024-10-05T15:45:00Z'],
    ['Lord Howe 30-minute repeat: 01:45 means +11', 'Australia/Lord_Howe', [2024, 4, 7, 1, 45], '2024-04-06T14:45:00Z'],
    ['Auckland gap: 02:30 becomes 03:30 NZDT', 'Pacific/Auckland', [2024, 9, 29, 2, 30], '2024-09-28T14:30:00Z'],
    ['Auckland repeat: 02:30 means NZDT', 'Pacific/Auckland', [2024, 4, 7, 2, 30], '2024-04-06T13:30:00Z'],
    ['Kolkata: +05:30 all year', 'Asia/Kolkata', [2024, 6, 1, 9, 0], '2024-06-01T03:30:00Z'],
    ['St Johns: -02:30 in summer', 'America/St_Johns', [2024, 7, 1, 9, 0], '2024-07-01T11:30:00Z'],
    ['Tehran gap at midnight (2021): 00:30 becomes 01:30', 'Asia/Tehran', [2021, 3, 22, 0, 30], '2021-03-21T21:00:00Z'],
    ['Sao Paulo gap at midnight (2018): 00:00 becomes 01:00', 'America/Sao_Paulo', [2018, 11, 4, 0, 0], '2018-11-04T03:00:00Z'],
    ['Sao Paulo repeat (2019): 23:30 means -02:00', 'America/Sao_Paulo', [2019, 2, 16, 23, 30], '2019-02-17T01:30:00Z'],
    ['Dublin repeat: 01:30 means IST', 'Europe/Dublin', [2024, 10, 27, 1, 30], '2024-10-27T00:30:00Z'],
  ];
  it.each(cases)('%s', (_name, zone, [year, month, day, hour, minute], expected) => {
    expect(instantOfLocal(zone, { year, month, day, hour, minute })).toBe(instant(expected));
  });
});

describe('parseClockTime and weekdays', () => {
  it('accepts only HH:MM from 00:00 to 23:59', () => {
    expect(parseClockTime('00:00')).toBe(0);
    expect(parseClockTime('09:30')).toBe(570);
    expect(parseClockTime('23:59')).toBe(1439);
    for (const bad of ['24:00', '9:30', '09:60', '09-30', '0930', ' 09:30', '09:30 ', '', 'ab:cd', null, 930]) {
      expect(parseClockTime(bad)).toBeNull();
    }
  });
  it('numbers ISO weekdays from the epoch', () => {
    expect(isoWeekdayOfDay(0)).toBe(4); // 1970-01-01 was a Thursday
    expect(isoWeekdayOfDay(-1)).toBe(3);
    expect(isoWeekdayOfDay(Math.floor(instant('2024-10-27T12:00:00Z') / DAY_MS))).toBe(7);
  });
});

// Wall times within a few hours of a zone's offset changes, so that gaps and repeats come up
// often.
const nearTransitionWall = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    year: fc.integer({ min: 2016, max: 2026 }),
    pick: fc.nat(),
    minutes: fc.integer({ min: -180, max: 180 }),
  })
  .map(({ zone, year, pick, minutes }) => {
    const changes = offsetChanges(zone, year);
    const around = changes.length > 0 ? changes[pick % changes.length] : Date.UTC(year, 5, 1);
    const clock = wallClock(zone);
    return { zone, wall: clock.toWall(around) + minutes * MINUTE_MS };
  });

function luxonReading(zone: string, wall: number): number {
  const fields = new Date(wall);
  return DateTime.fromObject(
    {
      year: fields.getUTCFullYear(),
      month: fields.getUTCMonth() + 1,
      day: fields.getUTCDate(),
      hour: fields.getUTCHours(),
      minute: fields.getUTCMinutes(),
    },
    { zone },
  ).toMillis();
}

describe('wall clock against Luxon', () => {
  it('reads the wall time of an instant as Luxon does', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }),
        (zone, t) => {
          const offsetMinutes = DateTime.fromMillis(t, { zone }).offset;
          expect(wallClock(zone).toWall(t)).toBe(t + offsetMinutes * MINUTE_MS);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('picks the earliest instant showing a wall time, or moves it past a gap by the gap', () => {
    fc.assert(
      fc.property(nearTransitionWall, ({ zone, wall }) => {
        const clock = wallClock(zone);
        const result = clock.toInstant(wall);
        const shown = clock.toWall(result);
        const before = clock.toWall(result - DAY_MS) - (result - DAY_MS);
        const after = clock.toWall(result + DAY_MS) - (result + DAY_MS);
        if (shown === wall) {
          // No earlier instant shows the same wall time.
          for (const offset of [before, after]) {
            const other = wall - offset;
            if (clock.toWall(other) === wall) expect(result).toBeLessThanOrEqual(other);
          }
          const luxon = luxonReading(zone, wall);
          if (luxon !== result) {
            // Luxon chose the other occurrence of a repeated time.
            expect(clock.toWall(luxon)).toBe(wall);
            expect(luxon).toBeGreaterThan(result);
          }
        } else {
          // A skipped wall time: moved forward by exactly the gap, which is where Luxon puts it.
          expect(after).toBeGreaterThan(before);
          expect(shown - wall).toBe(after - before);
          expect(result).toBe(luxonReading(zone, wall));
        }
      }),
      { numRuns: 600 },
    );
  });
});
