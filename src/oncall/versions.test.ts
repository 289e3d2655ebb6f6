import { describe, expect, it } from 'vitest';
import { instant, iso, makeLayer, makeSchedule } from './fixtures.js';
import { resolve } from './resolve.js';
import type { Layer, LayerConfig } from './types.js';
import { validateSchedule } from './validate.js';
import { editLayer, layerVersions } from './versions.js';

const ZONE = 'Asia/Kolkata'; // 09:00 IST = 03:30Z every day
const original = makeLayer({
  id: 'primary',
  start: instant('2024-06-03T03:30:00Z'),
  users: ['A', 'B', 'C'],
  rotation: { type: 'daily', handoffTime: '09:00' },
});
const editAt = instant('2024-06-05T12:00:00Z');
const since = instant('2024-06-03T03:30:00Z');
const until = instant('2024-06-08T03:30:00Z');

function finalRows(layer: Layer, from = since, to = until): string[][] {
  return resolve(makeSchedule(ZONE, [layer]), from, to).final.map((shift) => [
    shift.userId,
    iso(shift.start),
    iso(shift.end),
  ]);
}

function configOf(layer: Layer, changes: Partial<LayerConfig>): LayerConfig {
  const { users, rotation, restrictions, skipUnavailable } = layer;
  return { users, rotation, restrictions, skipUnavailable, ...changes };
}

describe('layer versions', () => {
  it('an edit takes effect from its instant and restarts the rotation there', () => {
    const edited = editLayer(original, configOf(original, { users: ['X', 'Y'] }), editAt);
    expect(edited.history).toHaveLength(1);
    expect(edited.effectiveFrom).toBe(editAt);
    expect(validateSchedule(makeSchedule(ZONE, [edited]), editAt)).toEqual([]);
    expect(finalRows(edited)).toEqual([
      ['A', '2024-06-03T03:30:00.000Z', '2024-06-04T03:30:00.000Z'],
      ['B', '2024-06-04T03:30:00.000Z', '2024-06-05T03:30:00.000Z'],
      ['C', '2024-06-05T03:30:00.000Z', '2024-06-05T12:00:00.000Z'],
      ['X', '2024-06-05T12:00:00.000Z', '2024-06-06T03:30:00.000Z'],
      ['Y', '2024-06-06T03:30:00.000Z', '2024-06-07T03:30:00.000Z'],
      ['X', '2024-06-07T03:30:00.000Z', '2024-06-08T03:30:00.000Z'],
    ]);
  });

  it('never rewrites what came before the edit', () => {
    const edited = editLayer(
      original,
      configOf(original, { users: ['Q'], rotation: { type: 'hourly', length: 4, handoffTime: '00:00' } }),
      editAt,
    );
    expect(finalRows(edited, since, editAt)).toEqual(finalRows(original, since, editAt));
  });

  it('keeps the rotation in phase when the edit passes the old reference instant', () => {
    const edited = editLayer(
      original,
      configOf(original, {
        restrictions: [{ type: 'daily', startTime: '09:00', durationMinutes: 600 }],
        rotationStart: original.start,
      }),
      editAt,
    );
    // After the edit C keeps the rest of the turn (inside the window); A's and B's turns follow.
    expect(finalRows(edited, editAt, until).map((row) => row[0])).toEqual(['C', 'A', 'B']);
  });

  it('a later edit replaces one that had not yet taken effect', () => {
    const first = editLayer(original, configOf(original, { users: ['X'] }), instant('2024-06-06T03:30:00Z'));
    const second = editLayer(first, configOf(original, { users: ['Y'] }), editAt);
    expect(layerVersions(second).map((version) => [version.users.join(), iso(version.effectiveFrom)])).toEqual([
      ['A,B,C', '2024-06-03T03:30:00.000Z'],
      ['Y', '2024-06-05T12:00:00.000Z'],
    ]);
  });

  it('before the earliest version takes effect the layer has nobody', () => {
    const layer: Layer = {
      ...original,
      effectiveFrom: instant('2024-06-05T03:30:00Z'),
      history: [{ ...configOf(original, { users: ['Z'] }), effectiveFrom: instant('2024-06-04T03:30:00Z') }],
    };
    const { layers } = resolve(makeSchedule(ZONE, [layer]), since, until);
    expect(layers[0].gaps.map((gap) => [iso(gap.start), iso(gap.end)])).toEqual([
      ['2024-06-03T03:30:00.000Z', '2024-06-04T03:30:00.000Z'],
    ]);
    expect(layers[0].shifts[0].userId).toBe('Z');
  });

  it('validation wants versions in order', () => {
    const layer: Layer = {
      ...original,
      effectiveFrom: instant('2024-06-04T00:00:00Z'),
      history: [
        { ...configOf(original, {}), effectiveFrom: instant('2024-06-03T03:30:00Z') },
        { ...configOf(original, {}), effectiveFrom: instant('2024-06-05T00:00:00Z') },
      ],
    };
    expect(validateSchedule(makeSchedule(ZONE, [layer]), since).map((issue) => issue.field)).toEqual([
      'layers/0/effective_from',
    ]);
  });
});
