import { describe, expect, it } from 'vitest';
import { InvalidScheduleError } from './errors.js';
import { HOURS, instant, iso, makeLayer, makeSchedule } from './fixtures.js';
import { findGaps, onCallAt, resolve } from './resolve.js';
import type { Layer, Restriction, Rotation, Schedule, Shift } from './types.js';

// Every expectation here was worked out by hand from the zone's rules (offsets noted beside
// them), not produced by the code under test.

type Row = [user: string, start: string, end: string];

function rows(shifts: readonly Shift[]): Row[] {
  return shifts.map((shift) => [shift.userId, iso(shift.start), iso(shift.end)]);
}

function expectRows(shifts: readonly Shift[], expected: Row[]): void {
  expect(rows(shifts)).toEqual(expected.map(([user, start, end]) => [user, iso(instant(start)), iso(instant(end))]));
}

function hoursOf(shifts: readonly Shift[]): number[] {
  return shifts.map((shift) => (shift.end - shift.start) / HOURS);
}

function oneLayer(zone: string, start: string, rotation: Rotation, users = ['A', 'B', 'C'], more: Partial<Layer> = {}): Schedule {
  return makeSchedule(zone, [makeLayer({ start: instant(start), users, rotation, ...more })]);
}

function render(schedule: Schedule, since: string, until: string) {
  return resolve(schedule, instant(since), instant(until));
}

describe('daily rotations hand off at local wall-clock time', () => {
  it('Europe/London spring forward: the 30 March shift lasts 23 hours', () => {
    // 09:00 GMT = 09:00Z until 31 March 01:00Z; 09:00 BST = 08:00Z after.
    const schedule = oneLayer('Europe/London', '2024-03-29T09:00:00Z', { type: 'daily', handoffTime: '09:00' });
    const { final } = render(schedule, '2024-03-29T09:00:00Z', '2024-04-01T08:00:00Z');
    expectRows(final, [
      ['A', '2024-03-29T09:00:00Z', '2024-03-30T09:00:00Z'],
      ['B', '2024-03-30T09:00:00Z', '2024-03-31T08:00:00Z'],
      ['C', '2024-03-31T08:00:00Z', '2024-04-01T08:00:00Z'],
    ]);
    expect(hoursOf(final)).toEqual([24, 23, 24]);
  });

  it('Europe/London fall back: the 26 October shift lasts 25 hours', () => {
    const schedule = oneLayer('Europe/London', '2024-10-25T08:00:00Z', { type: 'daily', handoffTime: '09:00' });
    const { final } = render(schedule, '2024-10-25T08:00:00Z', '2024-10-28T09:00:00Z');
    expectRows(final, [
      ['A', '2024-10-25T08:00:00Z', '2024-10-26T08:00:00Z'],
      ['B', '2024-10-26T08:00:00Z', '2024-10-27T09:00:00Z'],
      ['C', '2024-10-27T09:00:00Z', '2024-10-28T09:00:00Z'],
    ]);
    expect(hoursOf(final)).toEqual([24, 25, 24]);
  });

  it('Europe/London 01:30 handoff on the fall-back night means the first 01:30 (BST)', () => {
    // 27 October: 01:30 BST = 00:30Z comes first, 01:30 GMT = 01:30Z an hour later.
    const schedule = oneLayer('Europe/London', '2024-10-26T00:30:00Z', { type: 'daily', handoffTime: '01:30' });
    const { final } = render(schedule, '2024-10-26T00:30:00Z', '2024-10-28T01:30:00Z');
    expectRows(final, [
      ['A', '2024-10-26T00:30:00Z', '2024-10-27T00:30:00Z'],
      ['B', '2024-10-27T00:30:00Z', '2024-10-28T01:30:00Z'],
    ]);
    expect(hoursOf(final)).toEqual([24, 25]);
  });

  it('Europe/London 01:30 handoff on the spring-forward night moves to 02:30 BST', () => {
    const schedule = oneLayer('Europe/London', '2024-03-30T01:30:00Z', { type: 'daily', handoffTime: '01:30' });
    const { final } = render(schedule, '2024-03-30T01:30:00Z', '2024-04-01T00:30:00Z');
    expectRows(final, [
      ['A', '2024-03-30T01:30:00Z', '2024-03-31T01:30:00Z'],
      ['B', '2024-03-31T01:30:00Z', '2024-04-01T00:30:00Z'],
    ]);
  });

  it('America/Denver 02:30 handoff on the spring-forward night becomes 03:30 MDT', () => {
    // 9 March 02:30 MST = 09:30Z; 10 March 02:30 does not exist -> 03:30 MDT = 09:30Z;
    // 11 March 02:30 MDT = 08:30Z.
    const schedule = oneLayer('America/Denver', '2024-03-09T09:30:00Z', { type: 'daily', handoffTime: '02:30' });
    const { final } = render(schedule, '2024-03-09T09:30:00Z', '2024-03-11T08:30:00Z');
    expectRows(final, [
      ['A', '2024-03-09T09:30:00Z', '2024-03-10T09:30:00Z'],
      ['B', '2024-03-10T09:30:00Z', '2024-03-11T08:30:00Z'],
    ]);
    expect(hoursOf(final)).toEqual([24, 23]);
  });

  it('Pacific/Auckland: 23 hours in September, 25 in April', () => {
    // 28 Sep 09:00 NZST (+12) = 27 Sep 21:00Z; 29 Sep 09:00 NZDT (+13) = 28 Sep 20:00Z.
    const spring = oneLayer('Pacific/Auckland', '2024-09-27T21:00:00Z', { type: 'daily', handoffTime: '09:00' });
    expect(hoursOf(render(spring, '2024-09-27T21:00:00Z', '2024-09-29T20:00:00Z').final)).toEqual([23, 24]);
    // 6 Apr 09:00 NZDT = 5 Apr 20:00Z; 7 Apr 09:00 NZST = 6 Apr 21:00Z.
    const autumn = oneLayer('Pacific/Auckland', '2024-04-05T20:00:00Z', { type: 'daily', handoffTime: '09:00' });
    const { final } = render(autumn, '2024-04-05T20:00:00Z', '2024-04-07T21:00:00Z');
    expectRows(final, [
      ['A', '2024-04-05T20:00:00Z', '2024-04-06T21:00:00Z'],
      ['B', '2024-04-06T21:00:00Z', '2024-04-07T21:00:00Z'],
    ]);
  });

  it('Australia/Lord_Howe: the 30-minute change makes 23.5- and 24.5-hour shifts', () => {
    // 5 Oct 09:00 +10:30 = 4 Oct 22:30Z; 6 Oct 09:00 +11 = 5 Oct 22:00Z.
    const october = oneLayer('Australia/Lord_Howe', '2024-10-04T22:30:00Z', { type: 'daily', handoffTime: '09:00' });
    expect(hoursOf(render(october, '2024-10-04T22:30:00Z', '2024-10-06T22:00:00Z').final)).toEqual([23.5, 24]);
    // 02:15 on 6 Oct is skipped -> 02:45 +11 = 5 Oct 15:45Z.
    const skipped = oneLayer('Australia/Lord_Howe', '2024-10-04T15:45:00Z', { type: 'daily', handoffTime: '02:15' });
    expectRows(render(skipped, '2024-10-04T15:45:00Z', '2024-10-06T15:15:00Z').final, [
      ['A', '2024-10-04T15:45:00Z', '2024-10-05T15:45:00Z'],
      ['B', '2024-10-05T15:45:00Z', '2024-10-06T15:15:00Z'],
    ]);
    // 01:45 on 7 Apr happens twice: first at +11 (6 Apr 14:45Z); 8 Apr 01:45 +10:30 = 7 Apr 15:15Z.
    const april = oneLayer('Australia/Lord_Howe', '2024-04-05T14:45:00Z', { type: 'daily', handoffTime: '01:45' });
    const { final } = render(april, '2024-04-05T14:45:00Z', '2024-04-07T15:15:00Z');
    expectRows(final, [
      ['A', '2024-04-05T14:45:00Z', '2024-04-06T14:45:00Z'],
      ['B', '2024-04-06T14:45:00Z', '2024-04-07T15:15:00Z'],
    ]);
    expect(hoursOf(final)).toEqual([24, 24.5]);
  });

  it('Asia/Kolkata: +05:30 all year, every shift 24 hours', () => {
    const schedule = oneLayer('Asia/Kolkata', '2024-03-29T03:30:00Z', { type: 'daily', handoffTime: '09:00' });
    const { final } = render(schedule, '2024-03-29T03:30:00Z', '2024-04-01T03:30:00Z');
    expectRows(final, [
      ['A', '2024-03-29T03:30:00Z', '2024-03-30T03:30:00Z'],
      ['B', '2024-03-30T03:30:00Z', '2024-03-31T03:30:00Z'],
      ['C', '2024-03-31T03:30:00Z', '2024-04-01T03:30:00Z'],
    ]);
  });

  it('daily length 2 hands off every second local day', () => {
    const schedule = oneLayer('Europe/London', '2024-03-29T09:00:00Z', { type: 'daily', length: 2, handoffTime: '09:00' }, ['A', 'B']);
    expect(hoursOf(render(schedule, '2024-03-29T09:00:00Z', '2024-04-04T08:00:00Z').final)).toEqual([47, 48, 48]);
  });
});

describe('the anchor: the last handoff at or before the rotation starts', () => {
  it('gives the first user the partial turn up to the first handoff', () => {
    // Starts 05:30 IST; the handoff at 09:00 IST = 03:30Z is the first one after it.
    const schedule = oneLayer('Asia/Kolkata', '2024-06-03T00:00:00Z', { type: 'daily', handoffTime: '09:00' });
    expectRows(render(schedule, '2024-06-02T00:00:00Z', '2024-06-05T03:30:00Z').final, [
      ['A', '2024-06-03T00:00:00Z', '2024-06-03T03:30:00Z'],
      ['B', '2024-06-03T03:30:00Z', '2024-06-04T03:30:00Z'],
      ['C', '2024-06-04T03:30:00Z', '2024-06-05T03:30:00Z'],
    ]);
  });

  it('is the same whatever range is rendered (turns count from the anchor, not from since)', () => {
    const schedule = oneLayer('Asia/Kolkata', '2024-06-03T03:30:00Z', { type: 'daily', handoffTime: '09:00' });
    // 2025-06-03 is 365 days later: turn 365, and 365 mod 3 = 2 -> C.
    expect(rows(render(schedule, '2025-06-03T04:00:00Z', '2025-06-03T05:00:00Z').final)).toEqual([
      ['C', '2025-06-03T04:00:00.000Z', '2025-06-03T05:00:00.000Z'],
    ]);
  });

  it('rotationStart can put the anchor before the layer starts', () => {
    const schedule = oneLayer('Asia/Kolkata', '2024-06-05T03:30:00Z', { type: 'daily', handoffTime: '09:00' }, ['A', 'B', 'C'], {
      rotationStart: instant('2024-06-03T03:30:00Z'),
    });
    expect(render(schedule, '2024-06-05T03:30:00Z', '2024-06-05T04:00:00Z').final[0].userId).toBe('C');
  });
});

describe('weekly rotations', () => {
  it('Europe/London, Monday 09:00: the week across the change lasts 167 hours', () => {
    const schedule = oneLayer('Europe/London', '2024-03-25T09:00:00Z', { type: 'weekly', handoffTime: '09:00', handoffDay: 1 }, ['A', 'B']);
    const { final } = render(schedule, '2024-03-25T09:00:00Z', '2024-04-08T08:00:00Z');
    expectRows(final, [
      ['A', '2024-03-25T09:00:00Z', '2024-04-01T08:00:00Z'],
      ['B', '2024-04-01T08:00:00Z', '2024-04-08T08:00:00Z'],
    ]);
    expect(hoursOf(final)).toEqual([167, 168]);
  });

  it('without handoffDay, hands off on the weekday the rotation starts', () => {
    // Wednesday 23 Oct 2024, 10:00 BST; handoff 09:00: first turn until Wednesday 30 Oct 09:00 GMT.
    const schedule = oneLayer('Europe/London', '2024-10-23T09:00:00Z', { type: 'weekly', handoffTime: '09:00' }, ['A', 'B']);
    expectRows(render(schedule, '2024-10-23T09:00:00Z', '2024-10-31T00:00:00Z').final, [
      ['A', '2024-10-23T09:00:00Z', '2024-10-30T09:00:00Z'],
      ['B', '2024-10-30T09:00:00Z', '2024-10-31T00:00:00Z'],
    ]);
  });
});

describe('hourly and custom rotations count elapsed hours', () => {
  it('an 8-hour rotation keeps 8 real hours across the London change', () => {
    // Anchored at 00:00 GMT on 30 March: handoffs every 8 h at 00:00Z, 08:00Z, 16:00Z, which is
    // 01:00, 09:00 and 17:00 BST from 31 March.
    const schedule = oneLayer('Europe/London', '2024-03-30T00:00:00Z', { type: 'hourly', length: 8, handoffTime: '00:00' });
    const { final } = render(schedule, '2024-03-30T00:00:00Z', '2024-03-31T16:00:00Z');
    expectRows(final, [
      ['A', '2024-03-30T00:00:00Z', '2024-03-30T08:00:00Z'],
      ['B', '2024-03-30T08:00:00Z', '2024-03-30T16:00:00Z'],
      ['C', '2024-03-30T16:00:00Z', '2024-03-31T00:00:00Z'],
      ['A', '2024-03-31T00:00:00Z', '2024-03-31T08:00:00Z'],
      ['B', '2024-03-31T08:00:00Z', '2024-03-31T16:00:00Z'],
    ]);
  });

  it('a 36-hour custom rotation', () => {
    const schedule = oneLayer('Asia/Kolkata', '2024-06-03T03:30:00Z', { type: 'custom', length: 36, handoffTime: '09:00' }, ['A', 'B']);
    expectRows(render(schedule, '2024-06-03T03:30:00Z', '2024-06-06T03:30:00Z').final, [
      ['A', '2024-06-03T03:30:00Z', '2024-06-04T15:30:00Z'],
      ['B', '2024-06-04T15:30:00Z', '2024-06-06T03:30:00Z'],
    ]);
  });

  it('the handoff time sets the phase of the grid', () => {
    // 8-hour turns through 06:00 IST: 00:30Z, 08:30Z, 16:30Z. Starts at 02:00Z inside the 00:30Z turn.
    const schedule = oneLayer('Asia/Kolkata', '2024-06-03T02:00:00Z', { type: 'hourly', length: 8, handoffTime: '06:00' }, ['A', 'B']);
    expectRows(render(schedule, '2024-06-03T00:00:00Z', '2024-06-03T16:30:00Z').final, [
      ['A', '2024-06-03T02:00:00Z', '2024-06-03T08:30:00Z'],
      ['B', '2024-06-03T08:30:00Z', '2024-06-03T16:30:00Z'],
    ]);
  });
});

describe('restrictions', () => {
  const night: Restriction = { type: 'daily', startTime: '22:00', durationMinutes: 600 };

  it('a 22:00-08:00 window is 9 hours on the spring-forward night and 11 on the fall-back night', () => {
    const layer = (start: string) =>
      oneLayer('Europe/London', start, { type: 'daily', handoffTime: '12:00' }, ['A'], { restrictions: [night] });
    // 30 Mar 22:00 GMT = 22:00Z to 31 Mar 08:00 BST = 07:00Z.
    expectRows(render(layer('2024-03-30T12:00:00Z'), '2024-03-30T12:00:00Z', '2024-03-31T11:00:00Z').final, [
      ['A', '2024-03-30T22:00:00Z', '2024-03-31T07:00:00Z'],
    ]);
    // 26 Oct 22:00 BST = 21:00Z to 27 Oct 08:00 GMT = 08:00Z.
    expectRows(render(layer('2024-10-26T11:00:00Z'), '2024-10-26T11:00:00Z', '2024-10-27T12:00:00Z').final, [
      ['A', '2024-10-26T21:00:00Z', '2024-10-27T08:00:00Z'],
    ]);
  });

  it('a weekend window across the October change lasts 49 hours', () => {
    // Sat 26 Oct 00:00 BST = 25 Oct 23:00Z to Mon 28 Oct 00:00 GMT = 28 Oct 00:00Z.
    const weekend: Restriction = { type: 'weekly', startDay: 6, startTime: '00:00', durationMinutes: 2880 };
    const schedule = oneLayer('Europe/London', '2024-10-01T00:00:00Z', { type: 'weekly', handoffTime: '09:00', handoffDay: 1 }, ['A', 'B'], {
      restrictions: [weekend],
    });
    const { layers } = render(schedule, '2024-10-24T00:00:00Z', '2024-10-29T00:00:00Z');
    // The Monday 09:00 handoff is outside the window, so one weekend is one shift.
    expectRows(layers[0].shifts, [['B', '2024-10-25T23:00:00Z', '2024-10-28T00:00:00Z']]);
    expect(layers[0].gaps.map((gap) => [iso(gap.start), iso(gap.end)])).toEqual([
      ['2024-10-24T00:00:00.000Z', '2024-10-25T23:00:00.000Z'],
      ['2024-10-28T00:00:00.000Z', '2024-10-29T00:00:00.000Z'],
    ]);
  });

  it('cuts shifts at window edges and keeps handoffs inside a window visible', () => {
    // Kolkata business hours 09:00-17:00 IST = 03:30Z-11:30Z; daily handoff at 12:00 IST = 06:30Z.
    const business: Restriction = { type: 'daily', startTime: '09:00', durationMinutes: 480 };
    const schedule = oneLayer('Asia/Kolkata', '2024-06-03T06:30:00Z', { type: 'daily', handoffTime: '12:00' }, ['A', 'B'], {
      restrictions: [business],
    });
    expectRows(render(schedule, '2024-06-04T00:00:00Z', '2024-06-05T00:00:00Z').layers[0].shifts, [
      ['A', '2024-06-04T03:30:00Z', '2024-06-04T06:30:00Z'],
      ['B', '2024-06-04T06:30:00Z', '2024-06-04T11:30:00Z'],
    ]);
  });

  it('a weekly window from Sunday evening wraps into Monday', () => {
    const sundayNight: Restriction = { type: 'weekly', startDay: 7, startTime: '20:00', durationMinutes: 720 };
    const schedule = oneLayer('Asia/Kolkata', '2024-06-01T00:00:00Z', { type: 'weekly', handoffTime: '09:00', handoffDay: 3 }, ['A'], {
      restrictions: [sundayNight],
    });
    // Sun 20:00 IST = 14:30Z to Mon 08:00 IST = 02:30Z; the window of Sunday 2 June is still
    // open when the range starts.
    expectRows(render(schedule, '2024-06-03T00:00:00Z', '2024-06-11T00:00:00Z').final, [
      ['A', '2024-06-03T00:00:00Z', '2024-06-03T02:30:00Z'],
      ['A', '2024-06-09T14:30:00Z', '2024-06-10T02:30:00Z'],
    ]);
  });
});

describe('layers and precedence', () => {
  it('a restricted upper layer leaves gaps that the lower layer fills', () => {
    const base = makeLayer({
      id: 'base',
      start: instant('2024-06-03T03:30:00Z'),
      users: ['A', 'B'],
      rotation: { type: 'daily', handoffTime: '09:00' },
    });
    const business = makeLayer({
      id: 'business',
      start: instant('2024-06-03T03:30:00Z'),
      users: ['C'],
      rotation: { type: 'daily', handoffTime: '09:00' },
      restrictions: [1, 2, 3, 4, 5].map((day) => ({
        type: 'weekly' as const,
        startDay: day as 1 | 2 | 3 | 4 | 5,
        startTime: '10:00',
        durationMinutes: 420,
      })),
    });
    const schedule = makeSchedule('Asia/Kolkata', [base, business]);
    // Mon 3 June: C 10:00-17:00 IST = 04:30Z-11:30Z over A's turn (03:30Z to 4 June 03:30Z).
    const { final, layers, gaps } = render(schedule, '2024-06-03T03:30:00Z', '2024-06-04T05:00:00Z');
    expectRows(final, [
      ['A', '2024-06-03T03:30:00Z', '2024-06-03T04:30:00Z'],
      ['C', '2024-06-03T04:30:00Z', '2024-06-03T11:30:00Z'],
      ['A', '2024-06-03T11:30:00Z', '2024-06-04T03:30:00Z'],
      ['B', '2024-06-04T03:30:00Z', '2024-06-04T04:30:00Z'],
      ['C', '2024-06-04T04:30:00Z', '2024-06-04T05:00:00Z'],
    ]);
    expect(final.map((shift) => shift.layerId)).toEqual(['base', 'business', 'base', 'base', 'business']);
    expect(gaps).toEqual([]);
    expect(layers.map((layer) => layer.layerId)).toEqual(['base', 'business']);
    expect(layers[1].gaps).toHaveLength(2);
  });

  it('gaps where no layer has anyone, and layers that end', () => {
    const early = makeLayer({
      id: 'early',
      start: instant('2024-06-03T00:00:00Z'),
      end: instant('2024-06-03T06:00:00Z'),
      users: ['A'],
      rotation: { type: 'daily', handoffTime: '00:00' },
    });
    const late = makeLayer({
      id: 'late',
      start: instant('2024-06-03T08:00:00Z'),
      users: ['B'],
      rotation: { type: 'daily', handoffTime: '00:00' },
    });
    const schedule = makeSchedule('UTC', [early, late]);
    const since = instant('2024-06-02T22:00:00Z');
    const until = instant('2024-06-03T10:00:00Z');
    const { final, gaps, layers } = resolve(schedule, since, until);
    expectRows(final, [
      ['A', '2024-06-03T00:00:00Z', '2024-06-03T06:00:00Z'],
      ['B', '2024-06-03T08:00:00Z', '2024-06-03T10:00:00Z'],
    ]);
    const spans = gaps.map((gap) => [iso(gap.start), iso(gap.end)]);
    expect(spans).toEqual([
      ['2024-06-02T22:00:00.000Z', '2024-06-03T00:00:00.000Z'],
      ['2024-06-03T06:00:00.000Z', '2024-06-03T08:00:00.000Z'],
    ]);
    expect(findGaps(schedule, since, until)).toEqual(gaps);
    // A layer's own gaps only count while it exists.
    expect(layers[0].gaps).toEqual([]);
  });

  it('final merges a user who follows themself; the layer keeps the handoff', () => {
    const schedule = oneLayer('UTC', '2024-06-03T00:00:00Z', { type: 'daily', handoffTime: '00:00' }, ['A', 'A', 'B']);
    const { final, layers } = render(schedule, '2024-06-03T00:00:00Z', '2024-06-06T00:00:00Z');
    expectRows(final, [
      ['A', '2024-06-03T00:00:00Z', '2024-06-05T00:00:00Z'],
      ['B', '2024-06-05T00:00:00Z', '2024-06-06T00:00:00Z'],
    ]);
    expect(layers[0].shifts).toHaveLength(3);
  });
});

describe('overrides', () => {
  const schedule = (overrides: Schedule['overrides']): Schedule => ({
    ...oneLayer('Asia/Kolkata', '2024-06-03T03:30:00Z', { type: 'daily', handoffTime: '09:00' }, ['A', 'B']),
    overrides,
  });

  it('replace whoever is on call for their span', () => {
    const { final } = render(
      schedule([{ id: 'o1', userId: 'X', start: instant('2024-06-03T06:00:00Z'), end: instant('2024-06-03T09:00:00Z') }]),
      '2024-06-03T03:30:00Z',
      '2024-06-04T03:30:00Z',
    );
    expectRows(final, [
      ['A', '2024-06-03T03:30:00Z', '2024-06-03T06:00:00Z'],
      ['X', '2024-06-03T06:00:00Z', '2024-06-03T09:00:00Z'],
      ['A', '2024-06-03T09:00:00Z', '2024-06-04T03:30:00Z'],
    ]);
    expect(final[1]).toEqual({
      userId: 'X',
      start: instant('2024-06-03T06:00:00Z'),
      end: instant('2024-06-03T09:00:00Z'),
      source: 'override',
      overrideId: 'o1',
    });
  });

  it('the later override wins where two overlap; swaps say so; overrides fill gaps too', () => {
    const { final } = render(
      schedule([
        { id: 'o1', userId: 'X', start: instant('2024-06-03T01:00:00Z'), end: instant('2024-06-03T08:00:00Z') },
        { id: 'o2', userId: 'Y', start: instant('2024-06-03T05:00:00Z'), end: instant('2024-06-03T06:00:00Z'), source: 'swap' },
      ]),
      '2024-06-03T00:00:00Z',
      '2024-06-03T10:00:00Z',
    );
    expectRows(final, [
      ['X', '2024-06-03T01:00:00Z', '2024-06-03T05:00:00Z'],
      ['Y', '2024-06-03T05:00:00Z', '2024-06-03T06:00:00Z'],
      ['X', '2024-06-03T06:00:00Z', '2024-06-03T08:00:00Z'],
      ['A', '2024-06-03T08:00:00Z', '2024-06-03T10:00:00Z'],
    ]);
    expect(final.map((shift) => shift.source)).toEqual(['override', 'swap', 'override', 'layer']);
  });
});

describe('time off on a skip-unavailable layer', () => {
  const build = (timeOff: Schedule['timeOff'], skipUnavailable = true): Schedule => ({
    ...oneLayer('Asia/Kolkata', '2024-06-03T03:30:00Z', { type: 'daily', handoffTime: '09:00' }, ['A', 'B', 'C'], {
      skipUnavailable,
    }),
    timeOff,
  });
  const since = '2024-06-03T03:30:00Z';
  const until = '2024-06-06T03:30:00Z';

  it('hands the time off to the next user and leaves the rotation order alone', () => {
    const { final } = render(
      build([{ userId: 'B', start: instant('2024-06-04T06:00:00Z'), end: instant('2024-06-04T12:00:00Z') }]),
      since,
      until,
    );
    expectRows(final, [
      ['A', '2024-06-03T03:30:00Z', '2024-06-04T03:30:00Z'],
      ['B', '2024-06-04T03:30:00Z', '2024-06-04T06:00:00Z'],
      ['C', '2024-06-04T06:00:00Z', '2024-06-04T12:00:00Z'],
      ['B', '2024-06-04T12:00:00Z', '2024-06-05T03:30:00Z'],
      ['C', '2024-06-05T03:30:00Z', '2024-06-06T03:30:00Z'],
    ]);
    expect(final[2].coveringFor).toBe('B');
  });

  it('wraps round the list past others who are away, and leaves a gap if everyone is', () => {
    const { final, gaps } = render(
      build([
        { userId: 'C', start: instant('2024-06-05T00:00:00Z'), end: instant('2024-06-06T03:30:00Z') },
        { userId: 'A', start: instant('2024-06-05T06:00:00Z'), end: instant('2024-06-05T07:00:00Z') },
        { userId: 'B', start: instant('2024-06-05T06:00:00Z'), end: instant('2024-06-05T08:00:00Z') },
      ]),
      '2024-06-05T03:30:00Z',
      until,
    );
    // C's turn: C away all of it -> A covers, except 06:00-07:00 (all away) and 07:00-08:00 (A
    // is back, B still away -> A).
    expectRows(final, [
      ['A', '2024-06-05T03:30:00Z', '2024-06-05T06:00:00Z'],
      ['A', '2024-06-05T07:00:00Z', '2024-06-06T03:30:00Z'],
    ]);
    expect(final.every((shift) => shift.coveringFor === 'C')).toBe(true);
    expect(gaps.map((gap) => [iso(gap.start), iso(gap.end)])).toEqual([
      ['2024-06-05T06:00:00.000Z', '2024-06-05T07:00:00.000Z'],
    ]);
  });

  it('is ignored on a layer without skipUnavailable', () => {
    const { final } = render(
      build([{ userId: 'B', start: instant('2024-06-04T06:00:00Z'), end: instant('2024-06-04T12:00:00Z') }], false),
      since,
      until,
    );
    expect(final.map((shift) => shift.userId)).toEqual(['A', 'B', 'C']);
  });
});

describe('onCallAt', () => {
  const schedule: Schedule = {
    ...oneLayer('Europe/London', '2024-03-29T09:00:00Z', { type: 'daily', handoffTime: '09:00' }, ['A', 'B', 'C'], {
      restrictions: [{ type: 'daily', startTime: '09:00', durationMinutes: 600 }],
    }),
    overrides: [{ id: 'o', userId: 'X', start: instant('2024-03-30T12:00:00Z'), end: instant('2024-03-30T13:00:00Z') }],
  };

  it('gives the current shift and the next one', () => {
    const now = onCallAt(schedule, instant('2024-03-30T10:00:00Z'));
    expect(now.current && [now.current.userId, iso(now.current.start), iso(now.current.end)]).toEqual([
      'B',
      '2024-03-30T09:00:00.000Z',
      '2024-03-30T12:00:00.000Z',
    ]);
    expect(now.next && [now.next.userId, now.next.source, iso(now.next.end)]).toEqual([
      'X',
      'override',
      '2024-03-30T13:00:00.000Z',
    ]);
  });

  it('in a gap gives no current shift and the next one after the gap', () => {
    // 31 March: window 09:00-19:00 BST = 08:00Z-18:00Z, C's turn.
    const now = onCallAt(schedule, instant('2024-03-30T22:00:00Z'));
    expect(now.current).toBeNull();
    expect(now.next && [now.next.userId, iso(now.next.start), iso(now.next.end)]).toEqual([
      'C',
      '2024-03-31T08:00:00.000Z',
      '2024-03-31T18:00:00.000Z',
    ]);
  });

  it('looks further ahead for long shifts and stops at the horizon', () => {
    const weekly = oneLayer('UTC', '2024-01-01T00:00:00Z', { type: 'weekly', length: 3, handoffTime: '00:00', handoffDay: 1 }, ['A', 'B']);
    const now = onCallAt(weekly, instant('2024-01-02T00:00:00Z'));
    expect(now.current?.end).toBe(instant('2024-01-22T00:00:00Z'));
    expect(now.next && [now.next.userId, iso(now.next.end)]).toEqual(['B', '2024-02-12T00:00:00.000Z']);
    const short = onCallAt(weekly, instant('2024-01-02T00:00:00Z'), { horizonMs: 2 * 24 * HOURS });
    expect(short.current?.end).toBe(instant('2024-01-04T00:00:00Z'));
    expect(short.next).toBeNull();
  });
});

describe('bad input', () => {
  it('throws InvalidScheduleError naming the field', () => {
    const schedule = oneLayer('Europe/Atlantis', '2024-06-03T00:00:00Z', { type: 'daily', handoffTime: '9am' });
    try {
      render(schedule, '2024-06-03T00:00:00Z', '2024-06-04T00:00:00Z');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidScheduleError);
      expect((error as InvalidScheduleError).issues.map((issue) => issue.field)).toEqual([
        'time_zone',
        'layers/0/rotation/handoff_time',
      ]);
    }
  });

  it('throws RangeError for a backwards range and returns nothing for an empty one', () => {
    const schedule = oneLayer('UTC', '2024-06-03T00:00:00Z', { type: 'daily', handoffTime: '09:00' });
    expect(() => render(schedule, '2024-06-04T00:00:00Z', '2024-06-03T00:00:00Z')).toThrow(RangeError);
    expect(render(schedule, '2024-06-04T00:00:00Z', '2024-06-04T00:00:00Z')).toEqual({
      final: [],
      layers: [{ layerId: 'layer', shifts: [], gaps: [] }],
      gaps: [],
    });
  });
});
