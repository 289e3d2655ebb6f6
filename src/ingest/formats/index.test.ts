import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { INTEGRATION_TYPES, formats, isIntegrationType, type FormatMapper } from './index.js';
import type { MapResult } from './types.js';

function valueOf<T>(r: MapResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.errors)}`);
  return r.value;
}

function fieldsOf<T>(r: MapResult<T>): string[] {
  if (r.ok) throw new Error('expected errors');
  return r.errors.map((e) => e.field);
}

describe('the format registry', () => {
  it('describes every integration type under its own name', () => {
    expect(Object.keys(formats).sort()).toEqual([...INTEGRATION_TYPES].sort());
    for (const type of INTEGRATION_TYPES) {
      const d = formats[type];
      expect(d.type).toBe(type);
      expect(d.title).not.toBe('');
      expect(d.maxBodyBytes).toBeGreaterThan(0);
      if (d.transport === 'http') expect(d.paths.length).toBeGreaterThan(0);
      if (d.keyIn === 'path') for (const p of d.paths) expect(p).toContain(':key');
    }
    expect(isIntegrationType('grafana')).toBe(true);
    expect(isIntegrationType('nagios')).toBe(false);
  });

  it('prepares every format with no settings', () => {
    for (const type of INTEGRATION_TYPES) expect(formats[type].prepare(undefined).ok).toBe(true);
  });

  it('names bad settings when preparing', () => {
    expect(fieldsOf(formats['events-v2'].prepare({ x: 1 }))).toEqual(['x']);
    expect(fieldsOf(formats.alertmanager.prepare({ unknown_severity: 'loud' }))).toEqual(['unknown_severity']);
    expect(fieldsOf(formats.generic.prepare({ summary: '{{' }))).toEqual(['summary']);
    expect(fieldsOf(formats.email.prepare({ dedup: 'thread' }))).toEqual(['dedup']);
    expect(fieldsOf(formats.heartbeat.prepare('x'))).toEqual(['config']);
  });

  it('maps Events API v2 with the routing key from the body', () => {
    const map = valueOf(formats['events-v2'].prepare(null));
    const r = valueOf(
      map({
        routing_key: 'a'.repeat(32),
        event_action: 'trigger',
        payload: { summary: 's', source: 'h', severity: 'info' },
      }),
    );
    expect(r.routingKey).toBe('a'.repeat(32));
    expect(r.events).toHaveLength(1);
  });

  it('maps path-keyed formats with no routing key', () => {
    const am = valueOf(formats.alertmanager.prepare({ severity_map: { p1: 'critical' } }));
    const r = valueOf(am({ alerts: [{ status: 'firing', labels: { severity: 'P1' } }] }));
    expect(r.routingKey).toBeNull();
    expect(r.events[0]?.severity).toBe('critical');

    const generic = valueOf(formats.generic.prepare({ summary: '{{ body.m }}' }));
    expect(valueOf(generic({ m: 'hello' })).events[0]?.summary).toBe('hello');

    const email = valueOf(formats.email.prepare({ resolve_pattern: '^OK\\b' }));
    expect(valueOf(email({ subject: 'OK disk', to: [] })).events[0]?.action).toBe('resolve');

    expect(valueOf(valueOf(formats.heartbeat.prepare(null))({ anything: true })).events).toEqual([]);
  });

  it('never throws for any format and any input', () => {
    const mappers: FormatMapper[] = INTEGRATION_TYPES.map((t) => valueOf(formats[t].prepare(null)));
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        for (const map of mappers) {
          const r = map(input);
          if (!r.ok) for (const e of r.errors) expect(e.field).not.toBe('');
        }
      }),
      { numRuns: 300 },
    );
  });
});
