import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NormalizedEvent } from '../ingest/formats/types.js';
import { chooseIncident, groupingValue, groupingValues, isGroupingField, type GroupCandidate } from './grouping.js';
import type { AlertGrouping } from './settings.js';

const MIN = 60_000;
const NOW = Date.UTC(2026, 0, 5, 12);

function ev(over: Partial<NormalizedEvent> = {}): NormalizedEvent {
  return { action: 'trigger', dedupKey: 'k', summary: 's', source: 'db1', severity: 'error', timestamp: null, component: 'disk', group: null, class: 'io', customDetails: { region: 'eu', n: 3, nested: { a: true } }, images: [], links: [], client: null, clientUrl: null, ...over };
}

const cand = (id: string, ageMin: number, groupValues: Record<string, string | null> | null = null): GroupCandidate => ({ id, label: `#${id}`, createdAt: NOW - ageMin * MIN, groupValues });

describe('grouping values', () => {
  it('reads event fields, custom details paths and rule output', () => {
    const input = { event: ev(), dedupKey: 'dk', extracted: { team: 'storage' }, annotations: { runbook: 'r1' } };
    expect(groupingValue(input, 'source')).toBe('db1');
    expect(groupingValue(input, 'dedup_key')).toBe('dk');
    expect(groupingValue(input, 'custom_details.region')).toBe('eu');
    expect(groupingValue(input, 'custom_details.n')).toBe('3');
    expect(groupingValue(input, 'custom_details.nested')).toBe('{"a":true}');
    expect(groupingValue(input, 'custom_details.missing')).toBeNull();
    expect(groupingValue(input, 'custom_details.constructor')).toBeNull();
    expect(groupingValue(input, 'extracted.team')).toBe('storage');
    expect(groupingValue(input, 'annotations.runbook')).toBe('r1');
    expect(groupingValue(input, 'group')).toBeNull();
  });

  it('knows which fields exist', () => {
    expect(isGroupingField('source')).toBe(true);
    expect(isGroupingField('custom_details.a.b')).toBe(true);
    expect(isGroupingField('custom_details.')).toBe(false);
    expect(isGroupingField('payload')).toBe(false);
  });
});

describe('chooseIncident', () => {
  const time: AlertGrouping = { type: 'time', window_minutes: 10, fields: [], match: 'all' };
  const content = (match: 'all' | 'any', window: number | null = null): AlertGrouping => ({ type: 'content', window_minutes: window, fields: ['source', 'custom_details.region'], match });

  it('none never groups', () => {
    expect(chooseIncident({ type: 'none', window_minutes: null, fields: [], match: 'all' }, null, [cand('a', 1)], NOW)).toBeNull();
  });

  it('time joins the newest incident inside the window', () => {
    expect(chooseIncident(time, null, [cand('old', 9), cand('new', 2), cand('out', 11)], NOW)).toEqual({ incidentId: 'new', reason: 'time: incident #new was opened 2 minutes ago, within the 10-minute window' });
    expect(chooseIncident(time, null, [cand('out', 11)], NOW)).toBeNull();
  });

  it('content all needs every field equal; any needs one; absent values never match', () => {
    const values = groupingValues(content('all'), { event: ev(), dedupKey: 'k' });
    expect(values).toEqual({ source: 'db1', 'custom_details.region': 'eu' });
    const both = cand('both', 50, { source: 'db1', 'custom_details.region': 'eu' });
    const one = cand('one', 1, { source: 'db1', 'custom_details.region': 'us' });
    expect(chooseIncident(content('all'), values, [one, both], NOW)?.incidentId).toBe('both');
    expect(chooseIncident(content('any'), values, [one, both], NOW)?.incidentId).toBe('one');
    expect(chooseIncident(content('all', 30), values, [one, both], NOW)).toBeNull();
    const nulls = { source: null, 'custom_details.region': null };
    expect(chooseIncident(content('any'), nulls, [cand('n', 1, nulls)], NOW)).toBeNull();
  });

  it('properties: the choice is a qualifying candidate, the newest such, and order-independent', () => {
    const vals = fc.constantFrom('a', 'b', null);
    const candidate = fc.record({ id: fc.uuid(), age: fc.integer({ min: 0, max: 120 }), source: vals, region: vals });
    fc.assert(
      fc.property(
        fc.constantFrom<'time' | 'content'>('time', 'content'),
        fc.constantFrom<'all' | 'any'>('all', 'any'),
        fc.option(fc.integer({ min: 1, max: 90 }), { nil: null }),
        fc.record({ source: vals, region: vals }),
        fc.uniqueArray(candidate, { selector: (c) => c.id, maxLength: 8 }),
        (type, match, window, alert, raw) => {
          const g: AlertGrouping = { type, window_minutes: type === 'time' ? (window ?? 5) : window, fields: ['source', 'custom_details.region'], match };
          const values = { source: alert.source, 'custom_details.region': alert.region };
          const cands = raw.map((c) => cand(c.id, c.age, { source: c.source, 'custom_details.region': c.region }));
          const pick = chooseIncident(g, values, cands, NOW);
          const reversed = chooseIncident(g, values, [...cands].reverse(), NOW);
          expect(reversed?.incidentId ?? null).toBe(pick?.incidentId ?? null);
          const qualifies = (c: GroupCandidate) => {
            const age = NOW - c.createdAt;
            if (g.window_minutes !== null && age > g.window_minutes * MIN) return false;
            if (type === 'time') return true;
            const eq = g.fields.filter((f) => values[f as keyof typeof values] !== null && values[f as keyof typeof values] === c.groupValues![f]);
            return match === 'all' ? eq.length === g.fields.length : eq.length > 0;
          };
          const ok = cands.filter(qualifies);
          if (ok.length === 0) {
            expect(pick).toBeNull();
            return;
          }
          const chosen = cands.find((c) => c.id === pick?.incidentId);
          expect(chosen && qualifies(chosen)).toBe(true);
          expect(Math.max(...ok.map((c) => c.createdAt))).toBe(chosen!.createdAt);
        },
      ),
      { numRuns: 500 },
    );
  });
});
