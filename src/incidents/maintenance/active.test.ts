import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCondition, type CompiledCondition } from '../../ingest/rules/cel.js';
import { T0, testEvent } from '../../ingest/rules/fixtures.js';
import { activeWindowFor, windowState, type WindowError, type WindowForMatch } from './active.js';

const HOUR = 3_600_000;

function cond(source: string): CompiledCondition {
  const c = compileCondition(source);
  if (!c.ok) throw new Error(c.problem.message);
  return c.condition;
}

function win(id: string, overrides: Partial<WindowForMatch> = {}): WindowForMatch {
  return { id, start: T0 - HOUR, end: T0 + HOUR, serviceIds: ['svc-a'], condition: null, ...overrides };
}

describe('windowState', () => {
  it('is active from start (inclusive) to end (exclusive)', () => {
    expect(windowState(10, 20, 9)).toBe('future');
    expect(windowState(10, 20, 10)).toBe('active');
    expect(windowState(10, 20, 19)).toBe('active');
    expect(windowState(10, 20, 20)).toBe('past');
  });
});

describe('activeWindowFor', () => {
  const event = testEvent();

  it('finds a window active now on the service', () => {
    expect(activeWindowFor([win('w')], 'svc-a', event, T0)?.id).toBe('w');
  });

  it('ignores other services and windows not active now', () => {
    expect(activeWindowFor([win('w', { serviceIds: ['svc-b'] })], 'svc-a', event, T0)).toBeNull();
    expect(activeWindowFor([win('w', { start: T0 + 1 })], 'svc-a', event, T0)).toBeNull();
    expect(activeWindowFor([win('w', { end: T0 })], 'svc-a', event, T0)).toBeNull();
    expect(activeWindowFor([win('w', { start: T0 })], 'svc-a', event, T0)?.id).toBe('w');
    expect(activeWindowFor([], 'svc-a', event, T0)).toBeNull();
  });

  it('holds only events matching its condition', () => {
    const w = win('fw', { condition: cond("event.custom_details.device == 'fw-01' || event.source == 'fw-01'") });
    expect(activeWindowFor([w], 'svc-a', event, T0)?.id).toBe('fw');
    expect(activeWindowFor([w], 'svc-a', testEvent({ customDetails: { device: 'fw-02' } }), T0)).toBeNull();
    expect(activeWindowFor([w], 'svc-a', testEvent({ customDetails: {}, source: 'fw-01' }), T0)?.id).toBe('fw');
  });

  it('treats a condition failing at run time as no match and reports it', () => {
    const errors: WindowError[] = [];
    const w = win('w', { condition: cond("event.custom_details.device == 'fw-01'") });
    expect(activeWindowFor([w], 'svc-a', testEvent({ customDetails: null }), T0, errors)).toBeNull();
    expect(errors).toEqual([{ windowId: 'w', message: expect.stringMatching(/^evaluation error/) as unknown as string }]);
  });

  it('falls through to another window when the first one does not match', () => {
    const strict = win('a-strict', { start: T0 - 2 * HOUR, condition: cond("event.source == 'other'") });
    const broad = win('b-broad');
    expect(activeWindowFor([strict, broad], 'svc-a', event, T0)?.id).toBe('b-broad');
  });

  it('names the same window whatever the order of the list', () => {
    const windows = [
      win('w3', { start: T0 - 3 * HOUR }),
      win('w1', { start: T0 - 3 * HOUR }),
      win('w2', { start: T0 - 4 * HOUR, serviceIds: ['svc-b'] }),
      win('w4', { start: T0 - 5 * HOUR, end: T0 }),
      win('w5', { start: T0 - 6 * HOUR, condition: cond("event.severity == 'critical'") }),
    ];
    fc.assert(
      fc.property(fc.shuffledSubarray(windows, { minLength: windows.length, maxLength: windows.length }), (shuffled) => {
        expect(activeWindowFor(shuffled, 'svc-a', event, T0)?.id).toBe('w1');
      }),
    );
  });

  it('is active exactly when some window covers the service at now and accepts the event', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ start: fc.integer({ min: 0, max: 100 }), len: fc.integer({ min: 1, max: 50 }), svc: fc.constantFrom('svc-a', 'svc-b') }), { maxLength: 6 }),
        fc.integer({ min: 0, max: 160 }),
        (specs, now) => {
          const windows = specs.map((s, i) => win(`w${i}`, { start: s.start, end: s.start + s.len, serviceIds: [s.svc] }));
          const hit = activeWindowFor(windows, 'svc-a', event, now);
          const expected = windows.some((w) => w.serviceIds.includes('svc-a') && w.start <= now && now < w.end);
          expect(hit !== null).toBe(expected);
          if (hit) expect(hit.start <= now && now < hit.end && hit.serviceIds.includes('svc-a')).toBe(true);
        },
      ),
    );
  });
});
