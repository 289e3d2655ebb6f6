import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planLayers, type LayerInput, type PlanOptions } from './layer-input.js';
import { resolve } from './resolve.js';
import type { Layer } from './types.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 2, 20, 12); // a week before the March change in Europe
const isoOf = (ms: number) => new Date(ms).toISOString();

let counter = 0;
const newId = () => `id-${++counter}`;

function plan(inputs: LayerInput[], over: Partial<PlanOptions> = {}) {
  return planLayers(inputs, { zone: 'Europe/London', now: NOW, existing: null, effectiveFrom: NOW, newId, ...over });
}

function created(inputs: LayerInput[], zone = 'Europe/London'): Layer[] {
  const result = plan(inputs, { zone });
  expect(result.issues).toEqual([]);
  return result.layers;
}

const daily = (users: string[], fields: Partial<LayerInput> = {}): LayerInput => ({
  name: 'L',
  start: '2026-03-01T09:00:00Z',
  users,
  rotation: { type: 'daily', handoff_time: '09:00' },
  ...fields,
});

function finalBefore(layers: Layer[], until: number, zone = 'Europe/London') {
  return resolve({ id: 's', timeZone: zone, layers, overrides: [] }, Date.UTC(2026, 1, 20), until).final;
}

describe('planLayers', () => {
  it('writes out defaults on creation', () => {
    const [layer] = created([{ ...daily(['A']), rotation: { type: 'weekly', handoff_time: '09:00' } }]);
    // 1 March 2026 is a Sunday.
    expect(layer).toMatchObject({ rotation: { type: 'weekly', length: 1, handoffTime: '09:00', handoffDay: 7 }, rotationStart: Date.parse('2026-03-01T09:00:00Z') });
    expect(layer!.effectiveFrom).toBeUndefined();
  });

  it('names request fields in its issues', () => {
    expect(plan([daily([]), daily(['A'], { end: '2026-02-01T00:00:00Z' })]).issues.map((i) => i.field)).toEqual(['layers/0/users', 'layers/1/end']);
    expect(plan([daily(['A'])], { zone: 'Nowhere' }).issues.map((i) => i.field)).toEqual(['time_zone']);
  });

  it('keeps a layer as it is when nothing but its name changes', () => {
    const existing = created([daily(['A', 'B'])]);
    const again = plan([{ ...daily(['A', 'B']), id: existing[0]!.id, name: 'Renamed' }], { existing });
    expect(again.issues).toEqual([]);
    expect(again.layers).toEqual([{ ...existing[0], name: 'Renamed' }]);
  });

  it('makes a new version from the edit, keeping the rotation in phase', () => {
    const existing = created([daily(['A', 'B'])]);
    const E = NOW + DAY;
    const edited = plan([{ ...daily(['A', 'B', 'C']), id: existing[0]!.id }], { existing, effectiveFrom: E });
    expect(edited.issues).toEqual([]);
    const [layer] = edited.layers;
    expect(layer!.history).toHaveLength(1);
    expect(layer!.effectiveFrom).toBe(E);
    expect(layer!.rotationStart).toBe(existing[0]!.rotationStart);
    expect(finalBefore(edited.layers, E)).toEqual(finalBefore(existing, E));
  });

  it('changes a layer not yet in force in every way, without history', () => {
    const existing = created([daily(['A'], { start: '2026-04-01T09:00:00Z' })]);
    const edited = plan([{ ...daily(['B'], { start: '2026-04-02T09:00:00Z' }), id: existing[0]!.id }], { existing });
    expect(edited.issues).toEqual([]);
    expect(edited.layers[0]).toMatchObject({ id: existing[0]!.id, start: Date.parse('2026-04-02T09:00:00Z'), users: ['B'] });
    expect(edited.layers[0]!.history).toBeUndefined();
    // Left out, such a layer simply goes.
    expect(plan([], { existing }).layers).toEqual([]);
  });

  it('refuses what would change the past', () => {
    const existing = created([daily(['A'], { name: 'one' }), daily(['B'], { name: 'two' })]);
    const [one, two] = existing.map((layer) => ({ ...daily(layer.users, { name: layer.name }), id: layer.id }));
    const fields = (inputs: LayerInput[], E = NOW) => plan(inputs, { existing, effectiveFrom: E }).issues.map((i) => i.field);
    expect(fields([{ ...one!, start: '2026-03-02T09:00:00Z' }, two!])).toEqual(['layers/0/start']);
    expect(fields([{ ...one!, end: '2026-03-10T00:00:00Z' }, two!])).toEqual(['layers/0/end']);
    expect(fields([two!, one!])).toEqual(['layers/1']);
    expect(fields([one!, two!, daily(['C'], { end: '2026-03-19T00:00:00Z' })])).toEqual(['layers/2/end']);
    expect(fields([one!, two!, { ...daily(['C']), id: 'unknown' }])).toEqual(['layers/2/id']);
    // Ending in the future is fine.
    expect(fields([{ ...one!, end: '2026-04-10T00:00:00Z' }, two!])).toEqual([]);
  });

  it('ends a removed layer at the edit and keeps it in its place', () => {
    const existing = created([daily(['A'], { name: 'one' }), daily(['B'], { name: 'two' }), daily(['C'], { name: 'three' })]);
    const [, two, three] = existing;
    const E = NOW + 2 * HOUR;
    const result = plan([{ ...daily(['A'], { name: 'one' }), id: existing[0]!.id }, { ...daily(['C'], { name: 'three' }), id: three!.id }], { existing, effectiveFrom: E });
    expect(result.issues).toEqual([]);
    expect(result.layers.map((l) => [l.name, l.end])).toEqual([
      ['one', null],
      ['two', E],
      ['three', null],
    ]);
    expect(finalBefore(result.layers, E)).toEqual(finalBefore(existing, E));
    void two;
  });
});

// Any edit that planLayers accepts leaves every final shift before the edit as it was.
const ZONES = ['Europe/London', 'America/Denver', 'Pacific/Auckland', 'Asia/Kolkata', 'UTC'];
const clock = fc.constantFrom('00:00', '01:30', '02:30', '09:00', '22:00');
const layerInput: fc.Arbitrary<LayerInput> = fc
  .record({
    users: fc.subarray(['A', 'B', 'C', 'D'], { minLength: 1 }),
    type: fc.constantFrom('hourly', 'daily', 'weekly', 'custom'),
    length: fc.integer({ min: 1, max: 3 }),
    handoff: clock,
    startHours: fc.integer({ min: -40 * 24, max: 20 * 24 }),
    endHours: fc.option(fc.integer({ min: 1, max: 60 * 24 }), { nil: null }),
    restricted: fc.boolean(),
    restrictionStart: clock,
    skip: fc.boolean(),
  })
  .map((r) => {
    const start = NOW + r.startHours * HOUR;
    const input: LayerInput = {
      name: 'L',
      start: isoOf(start),
      end: r.endHours === null ? null : isoOf(start + r.endHours * HOUR),
      users: r.users,
      rotation: { type: r.type, length: r.length * (r.type === 'custom' ? 7 : 1), handoff_time: r.handoff },
      restrictions: r.restricted ? [{ type: 'daily', start_time: r.restrictionStart, duration_minutes: 600 }] : [],
      skip_unavailable: r.skip,
    };
    return input;
  });

describe('planLayers, property', () => {
  it('never changes a final shift before effective_from', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.array(layerInput, { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(fc.option(fc.nat(5), { nil: null }), layerInput), { maxLength: 4 }),
        fc.integer({ min: 0, max: 15 * 24 }),
        (zone, first, second, afterHours) => {
          const before = planLayers(first, { zone, now: NOW, existing: null, effectiveFrom: NOW, newId });
          fc.pre(before.issues.length === 0);
          const E = NOW + afterHours * HOUR;
          // Each new input either edits one of the layers (by position) or adds one.
          const inputs = second.map(([pick, input]) => {
            const target = pick === null ? undefined : before.layers[pick % before.layers.length];
            if (target === undefined) return input;
            // Often keep the start and end, so the edit is allowed.
            return pick! % 2 === 0 ? { ...input, id: target.id, start: isoOf(target.start), end: target.end === null ? null : isoOf(target.end) } : { ...input, id: target.id };
          });
          const ids = inputs.map((i) => i.id).filter((id) => id !== undefined);
          fc.pre(new Set(ids).size === ids.length);
          const after = planLayers(inputs, { zone, now: NOW, existing: before.layers, effectiveFrom: E, newId });
          if (after.issues.length > 0) return;
          expect(finalBefore(after.layers, E, zone)).toEqual(finalBefore(before.layers, E, zone));
        },
      ),
      { numRuns: Number(process.env.ONCALL_PROPERTY_RUNS ?? 150) },
    );
  });
});
