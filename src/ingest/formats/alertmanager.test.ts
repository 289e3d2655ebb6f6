import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_SEVERITY_MAP,
  labelsFingerprint,
  mapAlertmanager,
  parseAlertmanagerOptions,
  severityFromLabel,
} from './alertmanager.js';
import type { MapResult, NormalizedEvent } from './types.js';
import { codePointLength } from './text.js';

function valueOf<T>(r: MapResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.errors)}`);
  return r.value;
}

function fieldsOf<T>(r: MapResult<T>): string[] {
  if (r.ok) throw new Error(`expected errors, got ${JSON.stringify(r.value)}`);
  return r.errors.map((e) => e.field);
}

function only(r: MapResult<NormalizedEvent[]>): NormalizedEvent {
  const events = valueOf(r);
  expect(events).toHaveLength(1);
  return events[0] as NormalizedEvent;
}

const firingGroup = {
  version: '4',
  groupKey: '{}/{severity="critical"}:{alertname="NodeFilesystemAlmostFull"}',
  truncatedAlerts: 0,
  status: 'firing',
  receiver: 'tocsin-ops',
  groupLabels: { alertname: 'NodeFilesystemAlmostFull' },
  commonLabels: { alertname: 'NodeFilesystemAlmostFull', job: 'node', severity: 'critical' },
  commonAnnotations: {},
  externalURL: 'http://alertmanager.monitoring.svc:9093',
  alerts: [
    {
      status: 'firing',
      labels: {
        alertname: 'NodeFilesystemAlmostFull',
        device: '/dev/nvme0n1p2',
        instance: 'db-3.prod:9100',
        job: 'node',
        mountpoint: '/var/lib/postgresql',
        severity: 'critical',
      },
      annotations: {
        summary: 'Filesystem /var/lib/postgresql on db-3.prod has 3% space left',
        runbook_url: 'https://runbooks.example.org/node/filesystem-full',
      },
      startsAt: '2024-06-11T03:14:07.52Z',
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus.monitoring.svc:9090/graph?g0.expr=node_filesystem_avail_bytes&g0.tab=1',
      fingerprint: '4f0c6b1f1d3e2a77',
    },
    {
      status: 'resolved',
      labels: {
        alertname: 'NodeFilesystemAlmostFull',
        instance: 'db-4.prod:9100',
        job: 'node',
        severity: 'critical',
      },
      annotations: { description: 'Space on db-4.prod recovered' },
      startsAt: '2024-06-11T02:50:00Z',
      endsAt: '2024-06-11T03:10:00Z',
      generatorURL: 'http://prometheus.monitoring.svc:9090/graph?g0.expr=x',
      fingerprint: '9a8b7c6d5e4f3a2b',
    },
  ],
};

describe('mapAlertmanager: realistic bodies', () => {
  it('maps each alert of a group to one event', () => {
    const [firing, resolved] = valueOf(mapAlertmanager(firingGroup));
    expect(firing).toEqual({
      action: 'trigger',
      dedupKey: '4f0c6b1f1d3e2a77',
      summary: 'Filesystem /var/lib/postgresql on db-3.prod has 3% space left',
      source: 'db-3.prod:9100',
      severity: 'critical',
      timestamp: Date.UTC(2024, 5, 11, 3, 14, 7, 520),
      component: null,
      group: null,
      class: 'NodeFilesystemAlmostFull',
      customDetails: {
        status: 'firing',
        labels: firingGroup.alerts[0]?.labels,
        annotations: firingGroup.alerts[0]?.annotations,
        startsAt: '2024-06-11T03:14:07.52Z',
        endsAt: '0001-01-01T00:00:00Z',
        fingerprint: '4f0c6b1f1d3e2a77',
        receiver: 'tocsin-ops',
        externalURL: 'http://alertmanager.monitoring.svc:9093',
        groupKey: firingGroup.groupKey,
        groupLabels: { alertname: 'NodeFilesystemAlmostFull' },
      },
      images: [],
      links: [{ href: firingGroup.alerts[0]?.generatorURL, text: 'Source' }],
      client: 'Alertmanager',
      clientUrl: 'http://alertmanager.monitoring.svc:9093',
    });
    expect(resolved).toMatchObject({
      action: 'resolve',
      dedupKey: '9a8b7c6d5e4f3a2b',
      summary: 'Space on db-4.prod recovered',
      source: 'db-4.prod:9100',
    });
  });

  it('maps an empty group to no events', () => {
    expect(valueOf(mapAlertmanager({ ...firingGroup, alerts: [] }))).toEqual([]);
  });

  it('accepts a body of another version if the fields are there', () => {
    expect(valueOf(mapAlertmanager({ ...firingGroup, version: '5' }))).toHaveLength(2);
  });
});

describe('mapAlertmanager: summary, source and timestamp', () => {
  const alert = (a: Record<string, unknown>) => ({ alerts: [{ status: 'firing', ...a }] });

  it('falls back from summary to description to alertname on instance', () => {
    const labels = { alertname: 'HighLoad', instance: 'web-1:9100' };
    expect(only(mapAlertmanager(alert({ labels, annotations: { description: 'Load is 40' } }))).summary).toBe('Load is 40');
    expect(only(mapAlertmanager(alert({ labels, annotations: { summary: ' ', description: 'd' } }))).summary).toBe('d');
    expect(only(mapAlertmanager(alert({ labels }))).summary).toBe('HighLoad on web-1:9100');
    expect(only(mapAlertmanager(alert({ labels: { alertname: 'HighLoad' } }))).summary).toBe('HighLoad');
    expect(only(mapAlertmanager(alert({ labels: { instance: 'web-1' } }))).summary).toBe('Alert on web-1');
    expect(only(mapAlertmanager(alert({}))).summary).toBe('(unnamed alert)');
  });

  it('truncates a summary over 1024 characters rather than dropping the alert', () => {
    const e = only(mapAlertmanager(alert({ annotations: { summary: '⚠'.repeat(5000) } })));
    expect(codePointLength(e.summary)).toBe(1024);
    expect(e.summary.endsWith('…')).toBe(true);
  });

  it('takes the source from instance, then job, then receiver', () => {
    expect(only(mapAlertmanager(alert({ labels: { instance: 'i', job: 'j' } }))).source).toBe('i');
    expect(only(mapAlertmanager(alert({ labels: { job: 'j' } }))).source).toBe('j');
    expect(only(mapAlertmanager({ receiver: 'r', ...alert({}) })).source).toBe('r');
    expect(only(mapAlertmanager(alert({}))).source).toBe('alertmanager');
  });

  it("treats Go's zero startsAt as no timestamp", () => {
    expect(only(mapAlertmanager(alert({ startsAt: '0001-01-01T00:00:00Z' }))).timestamp).toBeNull();
    expect(only(mapAlertmanager(alert({}))).timestamp).toBeNull();
  });

  it('uses the group status when an alert has none', () => {
    expect(only(mapAlertmanager({ status: 'resolved', alerts: [{ labels: {} }] })).action).toBe('resolve');
    expect(fieldsOf(mapAlertmanager({ alerts: [{ labels: {} }] }))).toEqual(['alerts[0].status']);
  });

  it('skips a generatorURL that is not an http(s) URL but keeps the alert', () => {
    expect(only(mapAlertmanager(alert({ generatorURL: 'javascript:alert(1)' }))).links).toEqual([]);
  });
});

describe('mapAlertmanager: severity', () => {
  it.each([
    ['critical', 'critical'],
    ['CRITICAL', 'critical'],
    ['error', 'error'],
    ['high', 'error'],
    ['warning', 'warning'],
    ['warn', 'warning'],
    ['info', 'info'],
    ['none', 'info'],
    ['low', 'info'],
    ['page', 'warning'],
    ['constructor', 'warning'],
    ['__proto__', 'warning'],
  ])('maps severity label %j to %s by default', (label, severity) => {
    const body = { alerts: [{ status: 'firing', labels: { severity: label } }] };
    expect(only(mapAlertmanager(body)).severity).toBe(severity);
  });

  it('uses warning when there is no severity label', () => {
    expect(only(mapAlertmanager({ alerts: [{ status: 'firing', labels: {} }] })).severity).toBe('warning');
  });

  it('follows a configured mapping', () => {
    const options = { severityMap: { page: 'critical', ticket: 'warning' } as const, unknownSeverity: 'info' as const };
    expect(severityFromLabel('page', options)).toBe('critical');
    expect(severityFromLabel('Ticket', options)).toBe('warning');
    expect(severityFromLabel('critical', options)).toBe('info');
    expect(severityFromLabel(undefined, options)).toBe('info');
    expect(severityFromLabel('critical', {})).toBe(DEFAULT_SEVERITY_MAP.critical);
  });

  it('parses stored settings and names bad ones', () => {
    expect(valueOf(parseAlertmanagerOptions({ severity_map: { P1: 'critical' }, unknown_severity: 'info' }))).toEqual({
      severityMap: { p1: 'critical' },
      unknownSeverity: 'info',
    });
    expect(valueOf(parseAlertmanagerOptions(null))).toEqual({});
    expect(fieldsOf(parseAlertmanagerOptions({ severity_map: { p1: 'urgent', p2: 3 }, unknown_severity: 'x', extra: 1 }))).toEqual([
      'unknown_severity',
      'severity_map.p1',
      'severity_map.p2',
      'extra',
    ]);
    expect(fieldsOf(parseAlertmanagerOptions('critical'))).toEqual(['config']);
  });
});

describe('mapAlertmanager: dedup key without a fingerprint', () => {
  it('derives the same key from the same labels in any order', () => {
    const a = only(mapAlertmanager({ alerts: [{ status: 'firing', labels: { alertname: 'X', instance: 'h1' } }] }));
    const b = only(mapAlertmanager({ alerts: [{ status: 'resolved', labels: { instance: 'h1', alertname: 'X' } }] }));
    expect(a.dedupKey).toBe(b.dedupKey);
    expect(a.dedupKey).toMatch(/^labels-sha256:[0-9a-f]{64}$/);
  });

  it('gives different label sets different keys, even when a naive join would collide', () => {
    expect(labelsFingerprint({ a: 'b,c=d' })).not.toBe(labelsFingerprint({ a: 'b', c: 'd' }));
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.string(), { maxKeys: 5 }),
        fc.dictionary(fc.string(), fc.string(), { maxKeys: 5 }),
        (x, y) => {
          const same = JSON.stringify(Object.entries(x).sort()) === JSON.stringify(Object.entries(y).sort());
          expect(labelsFingerprint(x) === labelsFingerprint(y)).toBe(same);
        },
      ),
    );
  });
});

describe('mapAlertmanager: invalid bodies', () => {
  it.each([null, [], 'x', 7])('rejects a %j body', (body) => {
    expect(fieldsOf(mapAlertmanager(body))).toEqual(['body']);
  });

  it('requires alerts to be an array', () => {
    expect(fieldsOf(mapAlertmanager({}))).toEqual(['alerts']);
    expect(fieldsOf(mapAlertmanager({ alerts: {} }))).toEqual(['alerts']);
  });

  it('names each broken alert field and fails the whole body', () => {
    const r = mapAlertmanager({
      alerts: [
        { status: 'firing', labels: { severity: 2 } },
        'not an alert',
        { status: 'pending', annotations: [], startsAt: 'soon', fingerprint: 5 },
        { status: 'firing', labels: { 'odd.key': null } },
      ],
    });
    expect(fieldsOf(r)).toEqual([
      'alerts[0].labels.severity',
      'alerts[1]',
      'alerts[2].annotations',
      'alerts[2].status',
      'alerts[2].fingerprint',
      'alerts[2].startsAt',
      'alerts[3].labels["odd.key"]',
    ]);
  });

  it('type-checks group fields', () => {
    const r = mapAlertmanager({ alerts: [], status: 'burning', receiver: 1, groupLabels: 'x', commonLabels: [] });
    expect(fieldsOf(r)).toEqual(['status', 'receiver', 'groupLabels', 'commonLabels']);
  });
});

describe('mapAlertmanager: properties', () => {
  const roots = ['body', 'alerts', 'status', 'receiver', 'externalURL', 'groupKey', 'groupLabels', 'commonLabels', 'commonAnnotations'];

  it('never throws, and errors name a known field', () => {
    const alertLike = fc.record(
      {
        status: fc.oneof(fc.constantFrom('firing', 'resolved'), fc.jsonValue()),
        labels: fc.oneof(fc.dictionary(fc.string(), fc.string()), fc.jsonValue()),
        annotations: fc.oneof(fc.dictionary(fc.string(), fc.string()), fc.jsonValue()),
        startsAt: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.jsonValue()),
        fingerprint: fc.jsonValue(),
        generatorURL: fc.jsonValue(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.anything({ maxDepth: 4 }),
          fc.record({ status: fc.jsonValue(), receiver: fc.jsonValue(), alerts: fc.array(fc.oneof(alertLike, fc.jsonValue())) }, { requiredKeys: [] }),
        ),
        (body) => {
          const r = mapAlertmanager(body);
          if (!r.ok) {
            expect(r.errors.length).toBeGreaterThan(0);
            for (const e of r.errors) {
              expect(roots).toContain(e.field.split(/[.[]/)[0]);
              expect(e.message).not.toBe('');
            }
          } else {
            for (const e of r.value) {
              expect(codePointLength(e.summary)).toBeLessThanOrEqual(1024);
              expect(e.dedupKey).not.toBeNull();
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps fingerprint and unicode labels exactly', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 64 }).filter((s) => s.trim() !== ''),
        fc.dictionary(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })),
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }).filter((s) => s.trim() !== ''),
        (fingerprint, labels, summary) => {
          const e = only(mapAlertmanager({ alerts: [{ status: 'firing', fingerprint, labels, annotations: { summary } }] }));
          expect(e.dedupKey).toBe(fingerprint);
          expect(e.summary).toBe(summary);
          expect((e.customDetails as { labels: unknown }).labels).toEqual(labels);
        },
      ),
    );
  });
});
