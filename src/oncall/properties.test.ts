import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidScheduleError } from './errors.js';
import { mergeAdjacent, sameOrigin } from './intervals.js';
import { resolve } from './resolve.js';
import type { Layer, LayerConfig, Override, Resolution, Restriction, Rotation, Schedule, Shift, Span, TimeOff } from './types.js';
import { validateSchedule } from './validate.js';

// Random schedules in zones with every kind of offset change (60- and 30-minute, midnight
// changes, southern hemisphere, none at all), over ranges chosen to cross changes often.

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
  'UTC',
];
const USERS = ['A', 'B', 'C', 'D', 'E', 'F'];
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const RUNS = Number(process.env.ONCALL_PROPERTY_RUNS ?? 150);

const pad = (n: number): string => String(n).padStart(2, '0');

const clockTime = fc.oneof(
  fc.constantFrom('00:00', '00:30', '01:00', '01:30', '01:45', '02:00', '02:15', '02:30', '03:00', '09:00', '23:30'),
  fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${pad(h)}:${pad(m)}`),
);

const optionalLength = (max: number) => fc.option(fc.integer({ min: 1, max }), { nil: undefined });

const rotation: fc.Arbitrary<Rotation> = fc.oneof(
  fc.record({ type: fc.constant('hourly' as const), length: optionalLength(12), handoffTime: clockTime }),
  fc.record({ type: fc.constant('daily' as const), length: optionalLength(3), handoffTime: clockTime }),
  fc.record({
    type: fc.constant('weekly' as const),
    length: optionalLength(2),
    handoffTime: clockTime,
    handoffDay: fc.option(fc.constantFrom(1, 2, 3, 4, 5, 6, 7 as const), { nil: undefined }),
  }),
  fc.record({ type: fc.constant('custom' as const), length: fc.integer({ min: 1, max: 60 }), handoffTime: clockTime }),
);

const restriction: fc.Arbitrary<Restriction> = fc.oneof(
  fc.record({
    type: fc.constant('daily' as const),
    startTime: clockTime,
    durationMinutes: fc.integer({ min: 1, max: 1440 }),
  }),
  fc.record({
    type: fc.constant('weekly' as const),
    startDay: fc.constantFrom(1, 2, 3, 4, 5, 6, 7 as const),
    startTime: clockTime,
    durationMinutes: fc.integer({ min: 1, max: 4000 }),
  }),
);

/** Keeps the restrictions that do not overlap an earlier kept one. */
function compatible(restrictions: Restriction[]): Restriction[] {
  const kept: Restriction[] = [];
  for (const candidate of restrictions) {
    const probe: Schedule = {
      id: 'probe',
      timeZone: 'UTC',
      overrides: [],
      layers: [
        {
          id: 'probe',
          name: 'probe',
          start: 0,
          end: null,
          users: ['A'],
          rotation: { type: 'daily', handoffTime: '00:00' },
          restrictions: [...kept, candidate],
          skipUnavailable: false,
        },
      ],
    };
    if (validateSchedule(probe, 0).length === 0) kept.push(candidate);
  }
  return kept;
}

const config: fc.Arbitrary<LayerConfig> = fc
  .record({
    users: fc.array(fc.constantFrom(...USERS), { minLength: 1, maxLength: 4 }),
    rotation,
    restrictions: fc.oneof(fc.constant([]), fc.array(restriction, { minLength: 1, maxLength: 3 }).map(compatible)),
    skipUnavailable: fc.boolean(),
    rotationBackHours: fc.option(fc.integer({ min: 0, max: 24 * 60 }), { nil: undefined }),
  })
  .map(({ rotationBackHours, ...rest }) => ({ ...rest, rotationBackHours }) as LayerConfig & { rotationBackHours?: number });

interface Case {
  schedule: Schedule;
  since: number;
  until: number;
}

const scheduleCase: fc.Arbitrary<Case> = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    year: fc.integer({ min: 2015, max: 2028 }),
    month: fc.oneof(fc.constantFrom(3, 4, 9, 10, 11), fc.integer({ min: 1, max: 12 })),
    day: fc.integer({ min: 1, max: 28 }),
    minuteOfDay: fc.integer({ min: 0, max: 1439 }),
    spanMinutes: fc.integer({ min: 1, max: 40 * 1440 }),
    layers: fc.array(
      fc.record({
        startHours: fc.integer({ min: -60 * 24, max: 10 * 24 }),
        lengthHours: fc.option(fc.integer({ min: 1, max: 60 * 24 }), { nil: undefined }),
        versions: fc.array(config, { minLength: 1, maxLength: 3 }),
        editHours: fc.uniqueArray(fc.integer({ min: 1, max: 50 * 24 }), { minLength: 2, maxLength: 2 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    overrides: fc.array(
      fc.record({
        user: fc.constantFrom('X', 'Y', ...USERS),
        startMinutes: fc.integer({ min: -1440, max: 40 * 1440 }),
        lengthMinutes: fc.integer({ min: 1, max: 3 * 1440 }),
        swap: fc.boolean(),
      }),
      { maxLength: 5 },
    ),
    timeOff: fc.array(
      fc.record({
        user: fc.constantFrom(...USERS),
        startMinutes: fc.integer({ min: -3 * 1440, max: 40 * 1440 }),
        lengthMinutes: fc.integer({ min: 1, max: 5 * 1440 }),
      }),
      { maxLength: 4 },
    ),
  })
  .map((raw): Case => {
    const since = Date.UTC(raw.year, raw.month - 1, raw.day) + raw.minuteOfDay * MINUTE;
    const until = since + raw.spanMinutes * MINUTE;
    const layers = raw.layers.map((spec, index): Layer => {
      const start = since + spec.startHours * HOUR;
      const edits = [...spec.editHours].sort((a, b) => a - b).map((hours) => start + hours * HOUR);
      const froms = [start, ...edits].slice(0, spec.versions.length);
      const versions = spec.versions.map((version, v) => {
        const { rotationBackHours, ...plain } = version as LayerConfig & { rotationBackHours?: number };
        const from = froms[v];
        return rotationBackHours === undefined ? plain : { ...plain, rotationStart: from - rotationBackHours * HOUR };
      });
      const current = versions[versions.length - 1];
      const layer: Layer = {
        id: `L${index}`,
        name: `Layer ${index}`,
        start,
        end: spec.lengthHours === undefined ? null : start + spec.lengthHours * HOUR,
        ...current,
      };
      if (versions.length > 1) {
        layer.history = versions.slice(0, -1).map((version, v) => ({ ...version, effectiveFrom: froms[v] }));
        layer.effectiveFrom = froms[versions.length - 1];
      }
      return layer;
    });
    const overrides = raw.overrides.map(
      (spec, i): Override => ({
        id: `o${i}`,
        userId: spec.user,
        start: since + spec.startMinutes * MINUTE,
        end: since + (spec.startMinutes + spec.lengthMinutes) * MINUTE,
        source: spec.swap ? 'swap' : 'override',
      }),
    );
    const timeOff = raw.timeOff.map(
      (spec): TimeOff => ({
        userId: spec.user,
        start: since + spec.startMinutes * MINUTE,
        end: since + (spec.startMinutes + spec.lengthMinutes) * MINUTE,
      }),
    );
    return { schedule: { id: 's', timeZone: raw.zone, layers, overrides, timeOff }, since, until };
  });

function expectSortedDisjoint(spans: readonly Span[], since: number, until: number): void {
  let previous = since;
  for (const span of spans) {
    expect(span.start).toBeLessThan(span.end);
    expect(span.start).toBeGreaterThanOrEqual(previous);
    previous = span.end;
  }
  expect(previous).toBeLessThanOrEqual(until);
}

function at(shifts: readonly Shift[], t: number): Shift | undefined {
  return shifts.find((shift) => shift.start <= t && t < shift.end);
}

/** Joins neighbours that meet exactly at `seam` and share their origin. */
function joinAt<T extends Span>(items: readonly T[], seam: number, same: (a: T, b: T) => boolean): T[] {
  const out: T[] = [];
  for (const item of items) {
    const last = out[out.length - 1];
    if (last !== undefined && last.end === seam && item.start === seam && same(last, item)) {
      out[out.length - 1] = { ...last, end: item.end };
    } else {
      out.push(item);
    }
  }
  return out;
}

describe('resolve over random schedules', () => {
  it('generates valid schedules (so the properties below are about valid input)', () => {
    fc.assert(
      fc.property(scheduleCase, ({ schedule, since }) => {
        expect(validateSchedule(schedule, since)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('final shifts never overlap, have start < end and stay in range; gaps fill the rest', () => {
    fc.assert(
      fc.property(scheduleCase, ({ schedule, since, until }) => {
        const { final, gaps, layers } = resolve(schedule, since, until);
        expectSortedDisjoint(final, since, until);
        expectSortedDisjoint(gaps, since, until);
        const covered = [...final, ...gaps].sort((a, b) => a.start - b.start);
        let cursor = since;
        for (const span of covered) {
          expect(span.start).toBe(cursor);
          cursor = span.end;
        }
        expect(cursor).toBe(since === until ? since : until);
        for (const layer of layers) expectSortedDisjoint(layer.shifts, since, until);
      }),
      { numRuns: RUNS },
    );
  });

  it('a layer without restrictions tiles its active span', () => {
    fc.assert(
      fc.property(scheduleCase, ({ schedule, since, until }) => {
        const { layers } = resolve(schedule, since, until);
        schedule.layers.forEach((layer, i) => {
          const versions = [...(layer.history ?? []), layer];
          const unrestricted = versions.every((version) => version.restrictions.length === 0);
          const nobodyAway = versions.every((version) => !version.skipUnavailable) || (schedule.timeOff ?? []).length === 0;
          if (!unrestricted || !nobodyAway) return;
          const from = Math.max(since, layer.start);
          const to = Math.min(until, layer.end ?? Number.POSITIVE_INFINITY);
          const { shifts, gaps } = layers[i];
          expect(gaps).toEqual([]);
          if (from >= to) {
            expect(shifts).toEqual([]);
            return;
          }
          expect(shifts[0].start).toBe(from);
          expect(shifts[shifts.length - 1].end).toBe(to);
          for (let k = 1; k < shifts.length; k++) expect(shifts[k].start).toBe(shifts[k - 1].end);
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('resolving [a, c) equals resolving [a, b) and [b, c) joined at b', () => {
    fc.assert(
      fc.property(scheduleCase, fc.double({ min: 0, max: 1, noNaN: true }), ({ schedule, since, until }, split) => {
        const seam = since + Math.floor((until - since) * split);
        const whole = resolve(schedule, since, until);
        const left = resolve(schedule, since, seam);
        const right = resolve(schedule, seam, until);
        expect(mergeAdjacent([...left.final, ...right.final])).toEqual(whole.final);
        const anySpan = (): boolean => true;
        expect(joinAt([...left.gaps, ...right.gaps], seam, anySpan)).toEqual(whole.gaps);
        whole.layers.forEach((layer, i) => {
          expect(joinAt([...left.layers[i].shifts, ...right.layers[i].shifts], seam, sameOrigin)).toEqual(
            joinAt(layer.shifts, seam, sameOrigin),
          );
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('overrides always win, the later one first', () => {
    fc.assert(
      fc.property(scheduleCase, ({ schedule, since, until }) => {
        const { final } = resolve(schedule, since, until);
        for (const override of schedule.overrides) {
          const from = Math.max(override.start, since);
          const to = Math.min(override.end, until);
          if (from >= to) continue;
          for (const t of [from, Math.floor((from + to) / 2), to - 1]) {
            const winner = schedule.overrides.filter((o) => o.start <= t && t < o.end).pop();
            const shift = at(final, t);
            expect(shift?.userId).toBe(winner?.userId);
            expect(shift?.overrideId).toBe(winner?.id);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('below the overrides, the final schedule shows the highest layer that has someone', () => {
    fc.assert(
      fc.property(scheduleCase, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 10, maxLength: 10 }), (c, points) => {
        const { schedule, since, until } = c;
        const resolution: Resolution = resolve(schedule, since, until);
        const samples = points.map((p) => since + Math.floor((until - since) * p)).filter((t) => t < until);
        for (const layer of resolution.layers) for (const shift of layer.shifts) samples.push(shift.start);
        for (const t of samples) {
          if (schedule.overrides.some((o) => o.start <= t && t < o.end)) continue;
          let expected: Shift | undefined;
          for (const layer of resolution.layers) expected = at(layer.shifts, t) ?? expected;
          const shown = at(resolution.final, t);
          expect(shown?.userId).toBe(expected?.userId);
          expect(shown?.layerId).toBe(expected?.layerId);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('a schedule that passes validation always renders; one that does not fails with field errors', () => {
    const mangled = fc.tuple(scheduleCase, fc.integer({ min: 0, max: 7 })).map(([c, how]): Case => {
      const layers = c.schedule.layers.map((layer) => ({ ...layer, rotation: { ...layer.rotation } }));
      const first = layers[0];
      if (how === 0) first.rotation.length = 0;
      if (how === 1) first.rotation.handoffTime = '25:00';
      if (how === 2) first.users = [];
      if (how === 3) first.end = first.start;
      if (how === 4) first.start = Number.NaN;
      return { ...c, schedule: { ...c.schedule, layers, timeZone: how === 5 ? 'Nowhere/Special' : c.schedule.timeZone } };
    });
    fc.assert(
      fc.property(mangled, ({ schedule, since, until }) => {
        const issues = validateSchedule(schedule, since);
        let outcome: unknown;
        try {
          outcome = resolve(schedule, since, until);
        } catch (error) {
          outcome = error;
        }
        if (issues.length === 0) expect(outcome).not.toBeInstanceOf(Error);
        else if (outcome instanceof Error) expect(outcome).toBeInstanceOf(InvalidScheduleError);
      }),
      { numRuns: RUNS },
    );
  });
});
