import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { mapChangeEventV2 } from './change-events-v2.js';
import { pagerDutyErrorStrings } from './pagerduty-common.js';
import type { MapResult } from './types.js';

const KEY = 'b21d7fa3c0e94f1a8d3e55c6a9f0d417';

function fieldsOf<T>(r: MapResult<T>): string[] {
  if (r.ok) throw new Error(`expected errors, got ${JSON.stringify(r.value)}`);
  return r.errors.map((e) => e.field);
}

function valueOf<T>(r: MapResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.errors)}`);
  return r.value;
}

const change = (payload: Record<string, unknown> = {}, top: Record<string, unknown> = {}) => ({
  routing_key: KEY,
  payload: { summary: 'Deployed billing-api v2.14.0', ...payload },
  ...top,
});

describe('mapChangeEventV2', () => {
  it('maps a realistic change event', () => {
    const body = {
      routing_key: KEY,
      payload: {
        summary: 'Build passed: raise snapshot timeout to 30s (#4821)',
        timestamp: '2024-05-02T17:20:05.000+0000',
        source: 'ci-runner-12',
        custom_details: { build_number: '4821', duration_s: 1236, state: 'passed' },
      },
      links: [{ href: 'https://ci.example.org/builds/4821', text: 'Build log' }],
    };
    expect(valueOf(mapChangeEventV2(body))).toEqual({
      routingKey: KEY,
      event: {
        summary: 'Build passed: raise snapshot timeout to 30s (#4821)',
        timestamp: Date.UTC(2024, 4, 2, 17, 20, 5),
        source: 'ci-runner-12',
        customDetails: { build_number: '4821', duration_s: 1236, state: 'passed' },
        links: [{ href: 'https://ci.example.org/builds/4821', text: 'Build log' }],
      },
    });
  });

  it('needs only routing_key and payload.summary', () => {
    expect(valueOf(mapChangeEventV2(change())).event).toEqual({
      summary: 'Deployed billing-api v2.14.0',
      timestamp: null,
      source: null,
      customDetails: null,
      links: [],
    });
  });

  it('checks the routing key length', () => {
    expect(fieldsOf(mapChangeEventV2(change({}, { routing_key: 'k'.repeat(31) })))).toEqual(['routing_key']);
    expect(fieldsOf(mapChangeEventV2(change({}, { routing_key: 'k'.repeat(33) })))).toEqual(['routing_key']);
  });

  it('limits the summary to 1024 characters', () => {
    expect(mapChangeEventV2(change({ summary: 'x'.repeat(1024) })).ok).toBe(true);
    const r = mapChangeEventV2(change({ summary: 'x'.repeat(1025) }));
    expect(r.ok ? [] : pagerDutyErrorStrings(r.errors)).toEqual([
      "Length of 'payload.summary' is incorrect (should be at most 1024 characters)",
    ]);
  });

  it('requires payload and payload.summary', () => {
    expect(fieldsOf(mapChangeEventV2({ routing_key: KEY }))).toEqual(['payload']);
    expect(fieldsOf(mapChangeEventV2({ routing_key: KEY, payload: {} }))).toEqual(['payload.summary']);
    expect(fieldsOf(mapChangeEventV2({ routing_key: KEY, payload: [] }))).toEqual(['payload']);
  });

  it('rejects wrong types and bad timestamps, naming each field', () => {
    const r = mapChangeEventV2({
      routing_key: 7,
      payload: { summary: ['x'], source: 1, timestamp: 'last tuesday' },
      links: [{ href: 'not a url' }],
    });
    expect(fieldsOf(r)).toEqual([
      'routing_key',
      'payload.summary',
      'payload.source',
      'payload.timestamp',
      'links[0].href',
    ]);
  });

  it.each([null, 'x', 3, []])('rejects a %j body', (body) => {
    expect(fieldsOf(mapChangeEventV2(body))).toEqual(['body']);
  });

  it('never throws, and errors always name a known field', () => {
    const roots = ['body', 'routing_key', 'payload', 'links'];
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.record(
            { routing_key: fc.jsonValue(), payload: fc.jsonValue(), links: fc.jsonValue() },
            { requiredKeys: [] },
          ),
        ),
        (body) => {
          const r = mapChangeEventV2(body);
          if (!r.ok) {
            expect(r.errors.length).toBeGreaterThan(0);
            for (const e of r.errors) expect(roots).toContain(e.field.split(/[.[]/)[0]);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('preserves the summary exactly', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 300 }).filter((s) => s.trim() !== ''),
        (summary) => {
          expect(valueOf(mapChangeEventV2(change({ summary }))).event.summary).toBe(summary);
        },
      ),
    );
  });
});
