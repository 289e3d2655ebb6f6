import { describe, expect, it } from 'vitest';
import { instant, makeLayer, makeSchedule } from './fixtures.js';
import type { Layer, Restriction, Schedule } from './types.js';
import { validateSchedule } from './validate.js';

const now = instant('2024-06-01T00:00:00Z');
const DAY = 86_400_000;

function layer(changes: Partial<Layer> = {}): Layer {
  return makeLayer({
    start: instant('2024-06-03T00:00:00Z'),
    users: ['A', 'B'],
    rotation: { type: 'daily', handoffTime: '09:00' },
    ...changes,
  });
}

function fields(schedule: Schedule): string[] {
  return validateSchedule(schedule, now).map((issue) => issue.field);
}

function layerFields(changes: Partial<Layer>): string[] {
  return fields(makeSchedule('Europe/London', [layer(changes)]));
}

describe('validateSchedule', () => {
  it('accepts a sound schedule', () => {
    const restricted = layer({ restrictions: [{ type: 'daily', startTime: '09:00', durationMinutes: 480 }] });
    const schedule = makeSchedule('Europe/London', [restricted], {
      overrides: [{ id: 'o', userId: 'X', start: now, end: now + DAY }],
      timeOff: [{ userId: 'A', start: now, end: now + DAY }],
    });
    expect(validateSchedule(schedule, now)).toEqual([]);
  });

  it('refuses an unknown time zone', () => {
    expect(fields(makeSchedule('Europe/Londres', [layer()]))).toEqual(['time_zone']);
  });

  it('refuses a layer ending before it starts', () => {
    expect(layerFields({ end: instant('2024-06-02T00:00:00Z') })).toEqual(['layers/0/end']);
    expect(layerFields({ end: instant('2024-06-03T00:00:00Z') })).toEqual(['layers/0/end']);
  });

  it('refuses a rotation without users, and users that are not ids', () => {
    expect(layerFields({ users: [] })).toEqual(['layers/0/users']);
    expect(layerFields({ users: ['A', ''] })).toEqual(['layers/0/users/1']);
  });

  it('checks handoff time, length, type and handoff day', () => {
    for (const handoffTime of ['9:00', '24:00', '09:60', 'noon']) {
      expect(layerFields({ rotation: { type: 'daily', handoffTime } })).toEqual(['layers/0/rotation/handoff_time']);
    }
    for (const length of [0, -1, 1.5, Number.NaN, 400]) {
      expect(layerFields({ rotation: { type: 'daily', length, handoffTime: '09:00' } })).toEqual(['layers/0/rotation/length']);
    }
    expect(layerFields({ rotation: { type: 'custom', handoffTime: '09:00' } })).toEqual(['layers/0/rotation/length']);
    expect(layerFields({ rotation: { type: 'custom', length: 36, handoffTime: '09:00' } })).toEqual([]);
    expect(layerFields({ rotation: { type: 'fortnightly' as 'weekly', handoffTime: '09:00' } })).toEqual(['layers/0/rotation/type']);
    expect(layerFields({ rotation: { type: 'weekly', handoffTime: '09:00', handoffDay: 8 as 7 } })).toEqual([
      'layers/0/rotation/handoff_day',
    ]);
    // Without a handoff day a weekly rotation hands off on the weekday it starts: not an error.
    expect(layerFields({ rotation: { type: 'weekly', handoffTime: '09:00' } })).toEqual([]);
  });

  it('refuses zero-length, malformed and overlapping restrictions', () => {
    const daily = (startTime: string, durationMinutes: number): Restriction => ({ type: 'daily', startTime, durationMinutes });
    const weekly = (startDay: number, startTime: string, durationMinutes: number): Restriction => ({
      type: 'weekly',
      startDay: startDay as 1,
      startTime,
      durationMinutes,
    });
    expect(layerFields({ restrictions: [daily('09:00', 0)] })).toEqual(['layers/0/restrictions/0/duration_minutes']);
    expect(layerFields({ restrictions: [daily('09:00', 1441)] })).toEqual(['layers/0/restrictions/0/duration_minutes']);
    expect(layerFields({ restrictions: [daily('9', 60)] })).toEqual(['layers/0/restrictions/0/start_time']);
    expect(layerFields({ restrictions: [weekly(0, '09:00', 60)] })).toEqual(['layers/0/restrictions/0/start_day']);
    expect(layerFields({ restrictions: [daily('09:00', 480), daily('16:00', 120)] })).toEqual(['layers/0/restrictions/1']);
    // Touching is not overlapping.
    expect(layerFields({ restrictions: [daily('09:00', 480), daily('17:00', 120)] })).toEqual([]);
    // A Sunday-night weekly window reaches into Monday morning's daily one.
    expect(layerFields({ restrictions: [daily('07:00', 60), weekly(7, '22:00', 600)] })).toEqual(['layers/0/restrictions/1']);
    expect(layerFields({ restrictions: [weekly(1, '09:00', 480), weekly(2, '09:00', 480)] })).toEqual([]);
  });

  it('checks every version in history too', () => {
    expect(
      layerFields({
        effectiveFrom: instant('2024-06-05T00:00:00Z'),
        history: [
          {
            effectiveFrom: instant('2024-06-03T00:00:00Z'),
            users: [],
            rotation: { type: 'daily', handoffTime: '09:00' },
            restrictions: [],
            skipUnavailable: false,
          },
        ],
      }),
    ).toEqual(['layers/0/history/0/users']);
  });

  it('refuses duplicate layer ids and instants out of range', () => {
    expect(fields(makeSchedule('UTC', [layer(), layer()]))).toEqual(['layers/1/id']);
    expect(layerFields({ start: Number.NaN })).toEqual(['layers/0/start']);
    expect(layerFields({ start: Date.UTC(2500, 0, 1) })).toEqual(['layers/0/start']);
  });

  it('checks overrides: order, length, and how far ahead', () => {
    const withOverride = (start: number, end: number) =>
      fields(makeSchedule('UTC', [layer()], { overrides: [{ id: 'o', userId: 'X', start, end }] }));
    expect(withOverride(now + DAY, now + DAY)).toEqual(['overrides/0/end']);
    expect(withOverride(now + DAY, now)).toEqual(['overrides/0/end']);
    expect(withOverride(now - 800 * DAY, now)).toEqual(['overrides/0/end']);
    expect(withOverride(now + 700 * DAY, now + 740 * DAY)).toEqual(['overrides/0/end']);
    expect(withOverride(now + 700 * DAY, now + 720 * DAY)).toEqual([]);
    expect(
      fields(makeSchedule('UTC', [layer()], { overrides: [{ id: 'o', userId: '', start: now, end: now + DAY }] })),
    ).toEqual(['overrides/0/user_id']);
  });

  it('checks time off', () => {
    expect(fields(makeSchedule('UTC', [layer()], { timeOff: [{ userId: 'A', start: now, end: now }] }))).toEqual([
      'time_off/0/end',
    ]);
  });

  it('gives messages a person can act on', () => {
    const [issue] = validateSchedule(makeSchedule('UTC', [layer({ rotation: { type: 'custom', handoffTime: '09:00' } })]), now);
    expect(issue).toEqual({ field: 'layers/0/rotation/length', message: 'custom rotations need a length in hours' });
  });
});
