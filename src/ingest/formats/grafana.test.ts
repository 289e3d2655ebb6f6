import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { mapGrafana } from './grafana.js';
import { mapAlertmanager } from './alertmanager.js';
import type { MapResult, NormalizedEvent } from './types.js';

function valueOf<T>(r: MapResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.errors)}`);
  return r.value;
}

function fieldsOf<T>(r: MapResult<T>): string[] {
  if (r.ok) throw new Error(`expected errors, got ${JSON.stringify(r.value)}`);
  return r.errors.map((e) => e.field);
}

const grafanaBody = {
  receiver: 'tocsin',
  status: 'firing',
  orgId: 1,
  alerts: [
    {
      status: 'firing',
      labels: { alertname: 'Checkout error rate', grafana_folder: 'Shop', team: 'payments', severity: 'high' },
      annotations: {
        summary: 'Checkout errors at 7.2% (threshold 5%)',
        runbook_url: 'https://wiki.example.com/runbooks/checkout',
      },
      startsAt: '2024-09-30T21:04:10+02:00',
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: 'https://grafana.example.com/alerting/grafana/cdx91/view?orgId=1',
      fingerprint: 'd3f1c4a5b6e70819',
      silenceURL: 'https://grafana.example.com/alerting/silence/new?alertmanager=grafana&matcher=team%3Dpayments',
      dashboardURL: 'https://grafana.example.com/d/shop-overview?orgId=1',
      panelURL: 'https://grafana.example.com/d/shop-overview?orgId=1&viewPanel=4',
      values: { A: 7.2, C: 1 },
      valueString: "[ var='A' labels={} value=7.2 ], [ var='C' labels={} value=1 ]",
      imageURL: 'https://grafana.example.com/public/img/attachments/abc123.png',
    },
    {
      status: 'resolved',
      labels: { alertname: 'Queue depth', instance: 'mq-2' },
      annotations: {},
      startsAt: '2024-09-30T19:00:00Z',
      endsAt: '2024-09-30T19:30:00Z',
      generatorURL: 'https://grafana.example.com/alerting/grafana/q1/view',
      fingerprint: '0011223344556677',
      silenceURL: 'https://grafana.example.com/alerting/silence/new',
      dashboardURL: '',
      panelURL: '',
      values: null,
      imageURL: 'http://grafana.internal/render/q1.png',
    },
  ],
  groupLabels: { alertname: 'Checkout error rate' },
  commonLabels: { grafana_folder: 'Shop' },
  commonAnnotations: {},
  externalURL: 'https://grafana.example.com/',
  version: '1',
  groupKey: '{}/{team="payments"}:{alertname="Checkout error rate"}',
  truncatedAlerts: 0,
  title: '[FIRING:1] Checkout error rate Shop (payments)',
  state: 'alerting',
  message: '**Firing**\n\nValue: A=7.2\nLabels:\n - alertname = Checkout error rate',
};

describe('mapGrafana', () => {
  it('maps a unified alerting body, keeping Grafana extras', () => {
    const [firing, resolved] = valueOf(mapGrafana(grafanaBody)) as [NormalizedEvent, NormalizedEvent];
    expect(firing).toMatchObject({
      action: 'trigger',
      dedupKey: 'd3f1c4a5b6e70819',
      summary: 'Checkout errors at 7.2% (threshold 5%)',
      source: 'tocsin',
      severity: 'error',
      timestamp: Date.UTC(2024, 8, 30, 19, 4, 10),
      class: 'Checkout error rate',
      client: 'Grafana',
      clientUrl: 'https://grafana.example.com/',
      images: [{ src: 'https://grafana.example.com/public/img/attachments/abc123.png', alt: 'Alert image' }],
      links: [
        { href: 'https://grafana.example.com/alerting/grafana/cdx91/view?orgId=1', text: 'Source' },
        {
          href: 'https://grafana.example.com/alerting/silence/new?alertmanager=grafana&matcher=team%3Dpayments',
          text: 'Silence',
        },
        { href: 'https://grafana.example.com/d/shop-overview?orgId=1', text: 'Dashboard' },
        { href: 'https://grafana.example.com/d/shop-overview?orgId=1&viewPanel=4', text: 'Panel' },
      ],
    });
    expect(firing.customDetails).toMatchObject({
      orgId: 1,
      state: 'alerting',
      title: '[FIRING:1] Checkout error rate Shop (payments)',
      message: grafanaBody.message,
      values: { A: 7.2, C: 1 },
      valueString: grafanaBody.alerts[0]?.valueString,
      labels: grafanaBody.alerts[0]?.labels,
      annotations: grafanaBody.alerts[0]?.annotations,
      receiver: 'tocsin',
    });

    expect(resolved).toMatchObject({
      action: 'resolve',
      dedupKey: '0011223344556677',
      summary: 'Queue depth on mq-2',
      source: 'mq-2',
      images: [],
      links: [
        { href: 'https://grafana.example.com/alerting/grafana/q1/view', text: 'Source' },
        { href: 'https://grafana.example.com/alerting/silence/new', text: 'Silence' },
        // An http image cannot be shown inline, so it becomes a link.
        { href: 'http://grafana.internal/render/q1.png', text: 'Image' },
      ],
    });
  });

  it('maps the shared fields exactly as the Alertmanager mapper does', () => {
    const grafana = valueOf(mapGrafana(grafanaBody));
    const alertmanager = valueOf(mapAlertmanager(grafanaBody));
    const shared = (e: NormalizedEvent) => ({ ...e, customDetails: null, links: null, images: null, client: null });
    expect(grafana.map(shared)).toEqual(alertmanager.map(shared));
  });

  it('keeps a legacy top-level ruleUrl as a link', () => {
    const body = { ...grafanaBody, ruleUrl: 'https://grafana.example.com/alerting/list', alerts: [grafanaBody.alerts[1]] };
    expect(valueOf(mapGrafana(body))[0]?.links).toContainEqual({
      href: 'https://grafana.example.com/alerting/list',
      text: 'Alert rule',
    });
  });

  it('names wrongly typed Grafana fields, once each', () => {
    const r = mapGrafana({
      ...grafanaBody,
      title: 5,
      ruleUrl: ['x'],
      alerts: [
        { ...grafanaBody.alerts[0], silenceURL: 1, imageURL: {}, valueString: 2 },
        { ...grafanaBody.alerts[1] },
      ],
    });
    expect(fieldsOf(r)).toEqual([
      'title',
      'ruleUrl',
      'alerts[0].silenceURL',
      'alerts[0].imageURL',
      'alerts[0].valueString',
    ]);
  });

  it('never throws, and errors name a field', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.record(
            {
              title: fc.jsonValue(),
              state: fc.jsonValue(),
              ruleUrl: fc.jsonValue(),
              alerts: fc.array(
                fc.record(
                  {
                    status: fc.constantFrom('firing', 'resolved'),
                    imageURL: fc.oneof(fc.webUrl(), fc.jsonValue()),
                    silenceURL: fc.oneof(fc.webUrl(), fc.jsonValue()),
                    values: fc.jsonValue(),
                  },
                  { requiredKeys: ['status'] },
                ),
              ),
            },
            { requiredKeys: ['alerts'] },
          ),
        ),
        (body) => {
          const r = mapGrafana(body);
          if (!r.ok) for (const e of r.errors) expect(e.field).not.toBe('');
        },
      ),
      { numRuns: 300 },
    );
  });
});
