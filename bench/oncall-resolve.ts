// Benchmark of the pure on-call core (src/oncall). Run: npx tsx bench/oncall-resolve.ts
//
// (a) resolve one year of a four-layer schedule (weekly base layer with time off skipped,
//     daily layer restricted to weekday business hours, 12-hour custom layer restricted to
//     weekends, 8-hour hourly layer active for three months) with 50 overrides;
//     goal: median under 5 ms.
// (b) onCallAt at one instant across 1,000 such schedules in six zones; goal: under 20 ms.
//
// Prints one JSON line per measurement: the first (cold) run, with an empty zone-offset memo and
// unoptimised code, then median and p99 of warm runs. Each part stops after a fixed number of
// runs or a time budget, whichever comes first, so the whole run takes ten seconds at most.
//
// Last results (Node 20.20, tsx, 2-vCPU container shared with other work; three runs):
//   (a) median 0.39-0.40 ms, p99 1.8-3.4 ms, cold first run 24-25 ms (835 final shifts)
//   (b) median 11.1-11.6 ms per 1,000 schedules, p99 20-26 ms, cold first pass 85-110 ms

import { onCallAt, resolve } from '../src/oncall/resolve.js';
import type { Override, Restriction, Schedule, TimeOff } from '../src/oncall/types.js';
import { clearTimeZoneMemos } from '../src/oncall/wallclock.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const YEAR_START = Date.UTC(2025, 0, 1);
const YEAR_END = Date.UTC(2026, 0, 1);
const ZONES = [
  'Europe/London',
  'America/Denver',
  'Pacific/Auckland',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'America/Sao_Paulo',
];
const TIME_BUDGET_MS = 4000;
// Runs before measuring, so that the figures are for code the JIT has optimised.
const WARM_UP_RUNS = 50;

/** Small deterministic PRNG (mulberry32), so every run measures the same schedules. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function users(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${i}`);
}

function buildSchedule(seed: number, timeZone: string): Schedule {
  const next = random(seed);
  const businessHours: Restriction[] = [1, 2, 3, 4, 5].map((day) => ({
    type: 'weekly',
    startDay: day as 1 | 2 | 3 | 4 | 5,
    startTime: '09:00',
    durationMinutes: 8 * 60,
  }));
  const overrides: Override[] = Array.from({ length: 50 }, (_, i) => {
    const start = YEAR_START + Math.floor(next() * 360 * DAY);
    return {
      id: `o${i}`,
      userId: `sub${i % 7}`,
      start,
      end: start + HOUR + Math.floor(next() * 72 * HOUR),
      source: i % 5 === 0 ? 'swap' : 'override',
    };
  });
  const timeOff: TimeOff[] = Array.from({ length: 12 }, (_, i) => {
    const start = YEAR_START + Math.floor(next() * 360 * DAY);
    return { userId: `base${i % 6}`, start, end: start + DAY + Math.floor(next() * 7 * DAY) };
  });
  return {
    id: `s${seed}`,
    timeZone,
    layers: [
      {
        id: 'base',
        name: 'Weekly base',
        start: YEAR_START - 30 * DAY,
        end: null,
        users: users('base', 6),
        rotation: { type: 'weekly', handoffTime: '09:00', handoffDay: 1 },
        restrictions: [],
        skipUnavailable: true,
      },
      {
        id: 'business',
        name: 'Business hours',
        start: YEAR_START - 10 * DAY,
        end: null,
        users: users('biz', 5),
        rotation: { type: 'daily', handoffTime: '09:00' },
        restrictions: businessHours,
        skipUnavailable: false,
      },
      {
        id: 'weekend',
        name: 'Weekend halves',
        start: YEAR_START,
        end: null,
        users: users('wknd', 4),
        rotation: { type: 'custom', length: 12, handoffTime: '07:00' },
        restrictions: [{ type: 'weekly', startDay: 6, startTime: '00:00', durationMinutes: 2 * 1440 }],
        skipUnavailable: false,
      },
      {
        id: 'cover',
        name: 'Quarter cover',
        start: YEAR_START + 150 * DAY,
        end: YEAR_START + 240 * DAY,
        users: users('cover', 3),
        rotation: { type: 'hourly', length: 8, handoffTime: '06:00' },
        restrictions: [],
        skipUnavailable: false,
      },
    ],
    overrides,
    timeOff,
  };
}

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function emit(record: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(record)}\n`);
}

function benchYear(): void {
  const schedule = buildSchedule(1, 'Europe/London');
  clearTimeZoneMemos();
  const coldStart = performance.now();
  const first = resolve(schedule, YEAR_START, YEAR_END);
  const coldMs = performance.now() - coldStart;
  for (let i = 0; i < WARM_UP_RUNS; i++) resolve(schedule, YEAR_START, YEAR_END);
  const samples: number[] = [];
  const deadline = performance.now() + TIME_BUDGET_MS;
  while (samples.length < 500 && performance.now() < deadline) {
    const started = performance.now();
    resolve(schedule, YEAR_START, YEAR_END);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  emit({
    bench: 'oncall.resolve.one_year_4_layers_50_overrides',
    zone: schedule.timeZone,
    runs: samples.length,
    cold_ms: round(coldMs),
    median_ms: round(percentile(samples, 50)),
    p99_ms: round(percentile(samples, 99)),
    final_shifts: first.final.length,
    layer_shifts: first.layers.map((layer) => layer.shifts.length),
    goal_median_ms: 5,
  });
}

function benchOnCallNow(): void {
  const schedules = Array.from({ length: 1000 }, (_, i) => buildSchedule(1000 + i, ZONES[i % ZONES.length]));
  const now = Date.UTC(2025, 6, 16, 13, 37);
  clearTimeZoneMemos();
  const pass = (): { ms: number; covered: number } => {
    let covered = 0;
    const started = performance.now();
    for (const schedule of schedules) if (onCallAt(schedule, now).current !== null) covered++;
    return { ms: performance.now() - started, covered };
  };
  const cold = pass();
  for (let i = 0; i < 3; i++) pass();
  const totals: number[] = [];
  const deadline = performance.now() + TIME_BUDGET_MS;
  while (totals.length < 50 && performance.now() < deadline) totals.push(pass().ms);
  totals.sort((a, b) => a - b);
  emit({
    bench: 'oncall.on_call_at.1000_schedules',
    zones: ZONES.length,
    passes: totals.length,
    cold_total_ms: round(cold.ms),
    median_total_ms: round(percentile(totals, 50)),
    p99_total_ms: round(percentile(totals, 99)),
    schedules_with_someone_on_call: cold.covered,
    goal_total_ms: 20,
  });
}

benchYear();
benchOnCallNow();
