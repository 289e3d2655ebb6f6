import { afterEach, describe, expect, it } from 'vitest';
import { instant, makeLayer, makeSchedule } from './fixtures.js';
import { loadReport } from './load.js';
import { onCallAt, resolve } from './resolve.js';
import type { Schedule } from './types.js';

// The folder's tests also run whole under several TZ values (see vitest.config.ts); this test
// changes the zone inside one process as well, which Node applies at once.

const originalTz = process.env.TZ;

afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

const schedules: Schedule[] = [
  makeSchedule('Europe/London', [
    makeLayer({
      id: 'a',
      start: instant('2024-03-01T09:00:00Z'),
      users: ['A', 'B', 'C'],
      rotation: { type: 'daily', handoffTime: '01:30' },
    }),
    makeLayer({
      id: 'b',
      start: instant('2024-03-01T09:00:00Z'),
      users: ['D'],
      rotation: { type: 'weekly', handoffTime: '02:30' },
      restrictions: [{ type: 'daily', startTime: '22:00', durationMinutes: 600 }],
    }),
  ]),
  makeSchedule('Australia/Lord_Howe', [
    makeLayer({ start: instant('2024-09-20T00:00:00Z'), users: ['E', 'F'], rotation: { type: 'hourly', length: 7, handoffTime: '02:15' } }),
  ]),
];

function fingerprint(): string {
  return JSON.stringify(
    schedules.map((schedule) => {
      const since = instant('2024-03-25T00:00:00Z');
      const until = instant('2024-11-05T00:00:00Z');
      const { final } = resolve(schedule, since, until);
      return {
        final,
        now: onCallAt(schedule, instant('2024-10-27T01:15:00Z')),
        load: loadReport(final, { A: 'America/Denver', E: 'Asia/Kolkata' }, since, until),
      };
    }),
  );
}

describe('independence from the process time zone', () => {
  it('gives the same answers whatever TZ says', () => {
    process.env.TZ = 'UTC';
    const reference = fingerprint();
    for (const zone of ['Pacific/Auckland', 'America/Denver', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/St_Johns']) {
      process.env.TZ = zone;
      expect(new Date(Date.UTC(2024, 0, 1)).getTimezoneOffset()).not.toBe(Number.NaN);
      expect(fingerprint()).toBe(reference);
    }
  });
});
