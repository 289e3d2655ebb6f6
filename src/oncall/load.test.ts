import { describe, expect, it } from 'vitest';
import { instant } from './fixtures.js';
import { loadReport } from './load.js';
import type { Shift } from './types.js';

function shift(userId: string, start: string, end: string): Shift {
  return { userId, start: instant(start), end: instant(end), source: 'layer', layerId: 'l' };
}

const wide = [instant('2024-01-01T00:00:00Z'), instant('2025-01-01T00:00:00Z')] as const;

describe('loadReport', () => {
  it('splits a weekday into business, off and sleep hours in the user zone', () => {
    // Monday 3 June 07:00 BST to Tuesday 07:00 BST.
    const [load] = loadReport([shift('A', '2024-06-03T06:00:00Z', '2024-06-04T06:00:00Z')], { A: 'Europe/London' }, ...wide);
    expect(load).toEqual({ userId: 'A', shiftCount: 1, totalHours: 24, businessHours: 10, offHours: 4, sleepHours: 10 });
  });

  it('counts weekend daytime as off hours', () => {
    // Saturday 8 June, midnight to midnight BST.
    const [load] = loadReport([shift('A', '2024-06-07T23:00:00Z', '2024-06-08T23:00:00Z')], { A: 'Europe/London' }, ...wide);
    expect(load).toMatchObject({ businessHours: 0, offHours: 14, sleepHours: 10 });
  });

  it('counts the real length of a night the clocks change', () => {
    // 22:00 GMT Saturday 30 March to 08:00 BST Sunday: 9 hours.
    const spring = loadReport([shift('A', '2024-03-30T22:00:00Z', '2024-03-31T07:00:00Z')], { A: 'Europe/London' }, ...wide);
    expect(spring[0]).toMatchObject({ sleepHours: 9, offHours: 0, businessHours: 0 });
    // 22:00 BST Saturday 26 October to 08:00 GMT Sunday: 11 hours.
    const autumn = loadReport([shift('A', '2024-10-26T21:00:00Z', '2024-10-27T08:00:00Z')], { A: 'Europe/London' }, ...wide);
    expect(autumn[0]).toMatchObject({ sleepHours: 11, offHours: 0, businessHours: 0 });
  });

  it("reads each user's own zone, UTC when unknown", () => {
    const shifts = [shift('B', '2024-06-03T03:30:00Z', '2024-06-03T11:30:00Z'), shift('D', '2024-06-03T03:30:00Z', '2024-06-03T11:30:00Z')];
    const [b, d] = loadReport(shifts, { B: 'Asia/Kolkata' }, ...wide);
    // 09:00-17:00 IST on a Monday.
    expect(b).toMatchObject({ userId: 'B', businessHours: 8, offHours: 0, sleepHours: 0 });
    // 03:30-11:30 UTC.
    expect(d).toMatchObject({ userId: 'D', businessHours: 3.5, offHours: 0, sleepHours: 4.5 });
    const [denver] = loadReport(shifts.slice(1), {}, ...wide, 'America/Denver');
    // 21:30 MDT Sunday to 05:30 MDT Monday.
    expect(denver).toMatchObject({ offHours: 0.5, sleepHours: 7.5 });
  });

  it('clips to the range, counts shifts and sorts users', () => {
    const shifts = [
      shift('Z', '2024-06-03T00:00:00Z', '2024-06-03T12:00:00Z'),
      shift('A', '2024-06-03T12:00:00Z', '2024-06-03T13:00:00Z'),
      shift('Z', '2024-06-03T13:00:00Z', '2024-06-04T00:00:00Z'),
      shift('Q', '2024-06-05T00:00:00Z', '2024-06-06T00:00:00Z'),
    ];
    const report = loadReport(shifts, {}, instant('2024-06-03T06:00:00Z'), instant('2024-06-03T20:00:00Z'));
    expect(report.map((load) => [load.userId, load.shiftCount, load.totalHours])).toEqual([
      ['A', 1, 1],
      ['Z', 2, 13],
    ]);
  });
});
