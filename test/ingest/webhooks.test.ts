import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Worker } from '../../src/platform/jobs/index.js';
import { testDialect } from '../support/database.js';
import { advance, alerts, createIntegration, get, incidents, setup, startWorker, type Setup } from './helpers.js';

let s: Setup;
let worker: Worker | null = null;
beforeEach(async () => {
  s = await setup();
});
afterEach(async () => {
  await worker?.stop(2000);
  worker = null;
  await s.t.close();
});

const post = (url: string, body: unknown, contentType = 'application/json') =>
  s.t.app.inject({ method: 'POST', url, payload: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': contentType } });

const amBody = (status: 'firing' | 'resolved', fingerprint: string) => ({
  version: '4',
  status,
  receiver: 'tocsin',
  groupKey: '{}:{alertname="HighLatency"}',
  groupLabels: { alertname: 'HighLatency' },
  commonLabels: {},
  commonAnnotations: {},
  externalURL: 'http://alertmanager.example:9093',
  alerts: [{ status, labels: { alertname: 'HighLatency', instance: 'api-1', severity: 'warning' }, annotations: { summary: 'p99 latency above 1s' }, startsAt: '2026-01-05T11:59:00Z', endsAt: '0001-01-01T00:00:00Z', generatorURL: 'http://prometheus.example/graph', fingerprint }],
});

describe(`integrations and webhooks on ${testDialect()}`, () => {
  it('creates integrations of every type with the URL or address to paste', async () => {
    const am = await createIntegration(s.t, s.serviceId, { type: 'alertmanager' });
    expect(am.key).toMatch(/^[a-z0-9]{32}$/);
    expect(am.url).toBe(`${s.t.deps.config.publicUrl}/integrations/alertmanager/${am.key}`);
    const v2 = await get<{ url: string; key: string | null; key_hint: string }>(s.t, `/api/v1/services/${s.serviceId}/integrations/${s.integrationId}`);
    expect(v2.url).toBe(`${s.t.deps.config.publicUrl}/v2/enqueue`);
    expect(v2.key).toBeNull();
    expect(s.routingKey.endsWith(v2.key_hint)).toBe(true);
    const mail = await s.t.request('manager', 'POST', `/api/v1/services/${s.serviceId}/integrations`, { type: 'email' });
    expect(mail.json<{ email: string; key: string }>().email).toBe(`${mail.json<{ key: string }>().key}@localhost`);
    const list = await get<{ data: unknown[] }>(s.t, `/api/v1/services/${s.serviceId}/integrations`);
    expect(list.data).toHaveLength(3);
  });

  it('refuses bad settings naming the field, and integrations from observers', async () => {
    const bad = await s.t.request('manager', 'POST', `/api/v1/services/${s.serviceId}/integrations`, { type: 'generic', config: { summary: '{{ body.x ', sumary: 'typo' } });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json<{ errors: Array<{ field: string }> }>().errors.map((e) => e.field);
    expect(fields).toContain('config/summary');
    expect(fields).toContain('config/sumary');
    const hb = await s.t.request('manager', 'POST', `/api/v1/services/${s.serviceId}/integrations`, { type: 'heartbeat' });
    expect(hb.statusCode).toBe(400);
    expect(hb.json<{ errors: Array<{ field: string }> }>().errors[0]!.field).toBe('interval_seconds');
    const grouping = await s.t.request('manager', 'PATCH', `/api/v1/services/${s.serviceId}`, { alert_grouping: { type: 'content', fields: ['nope'] } });
    expect(grouping.statusCode).toBe(400);
    expect(grouping.json<{ errors: Array<{ field: string }> }>().errors[0]!.field).toBe('alert_grouping/fields/0');
    expect((await s.t.request('observer', 'POST', `/api/v1/services/${s.serviceId}/integrations`, { type: 'grafana' })).statusCode).toBe(403);
    expect((await s.t.request('responder', 'POST', '/api/v1/services', { name: 'x' })).statusCode).toBe(403);
  });

  it('takes Alertmanager notifications: firing opens, resolved closes', async () => {
    const am = await createIntegration(s.t, s.serviceId, { type: 'alertmanager' });
    const res = await post(`/integrations/alertmanager/${am.key}`, amBody('firing', 'fp1'));
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'accepted', events: 1, dedup_keys: ['fp1'] });
    await post(`/integrations/alertmanager/${am.key}`, amBody('firing', 'fp1'));
    expect(await alerts(s.t)).toMatchObject([{ dedup_key: 'fp1', status: 'triggered', event_count: 2 }]);
    await post(`/integrations/alertmanager/${am.key}`, amBody('resolved', 'fp1'));
    expect(await incidents(s.t)).toMatchObject([{ status: 'resolved', title: 'p99 latency above 1s', urgency: 'high' }]);
  });

  it('takes Grafana notifications', async () => {
    const g = await createIntegration(s.t, s.serviceId, { type: 'grafana' });
    const body = { ...amBody('firing', 'g1'), orgId: 1, state: 'alerting', title: '[FIRING:1] HighLatency', message: 'm' };
    expect((await post(`/integrations/grafana/${g.key}`, body)).statusCode).toBe(202);
    expect(await alerts(s.t)).toMatchObject([{ dedup_key: 'g1' }]);
  });

  it('answers webhook errors as problem+json naming the field', async () => {
    const am = await createIntegration(s.t, s.serviceId, { type: 'alertmanager' });
    const wrongKey = await post(`/integrations/alertmanager/${s.routingKey}`, amBody('firing', 'x'));
    expect(wrongKey.statusCode).toBe(404);
    expect(wrongKey.headers['content-type']).toContain('application/problem+json');
    expect(wrongKey.json<{ errors: Array<{ field: string }> }>().errors[0]!.field).toBe('key');
    const malformed = await post(`/integrations/alertmanager/${am.key}`, '{"alerts": [');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json<{ errors: Array<{ field: string }> }>().errors[0]!.field).toBe('body');
    const invalid = await post(`/integrations/alertmanager/${am.key}`, { alerts: [{ labels: 'nope' }] });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json<{ errors: Array<{ field: string }> }>().errors.map((e) => e.field)).toContain('alerts[0]/labels');
  });

  it('maps generic JSON with the integration\'s templates, and dry-runs templates', async () => {
    const config = { summary: '{{ body.check }} on {{ body.host }}', dedup_key: '{{ body.host }}-{{ body.check }}', action: '{{ body.state }}', severity: '{{ body.level }}' };
    const dry = await s.t.request('manager', 'POST', '/api/v1/integrations/generic/dry-run', { config, sample: { check: 'disk', host: 'db1', state: 'firing', level: 'high' } });
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ valid: true, rendered: { summary: 'disk on db1' }, event: { action: 'trigger', dedup_key: 'db1-disk', severity: 'error' } });
    const broken = await s.t.request('manager', 'POST', '/api/v1/integrations/generic/dry-run', { config: { summary: '{{ body.x | nofilter }}' }, sample: {} });
    expect(broken.json()).toMatchObject({ valid: false });
    const generic = await createIntegration(s.t, s.serviceId, { type: 'generic', config });
    expect((await post(`/integrations/generic/${generic.key}`, { check: 'disk', host: 'db1', state: 'firing', level: 'warn' })).statusCode).toBe(202);
    expect(await alerts(s.t)).toMatchObject([{ dedup_key: 'db1-disk', status: 'triggered' }]);
    const bad = await post(`/integrations/generic/${generic.key}`, { check: 'disk', host: 'db1', state: 'exploded' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors: Array<{ field: string }> }>().errors[0]!.field).toBe('action');
    await post(`/integrations/generic/${generic.key}`, { check: 'disk', host: 'db1', state: 'resolved' });
    expect(await alerts(s.t)).toMatchObject([{ status: 'resolved' }]);
  });

  it('raises a missed heartbeat through the pipeline and resolves it on the next ping', async () => {
    const hb = await createIntegration(s.t, s.serviceId, { type: 'heartbeat', name: 'nightly backup', interval_seconds: 60 });
    worker = startWorker(s.t);
    await worker.start();
    const ping = await s.t.app.inject({ method: 'GET', url: `/integrations/heartbeat/${hb.key}` });
    expect(ping.statusCode).toBe(202);
    expect(ping.json()).toMatchObject({ status: 'ok', recovered: false });
    await advance(s.t, worker, 59_000);
    expect(await incidents(s.t)).toHaveLength(0);
    await advance(s.t, worker, 2_000);
    const [inc] = await incidents(s.t);
    expect(inc).toMatchObject({ status: 'triggered' });
    expect(inc!.title).toContain('nightly backup');
    await advance(s.t, worker, 120_000);
    expect(await alerts(s.t)).toHaveLength(1);
    const back = await s.t.app.inject({ method: 'POST', url: `/integrations/heartbeat/${hb.key}`, payload: 'ignored', headers: { 'content-type': 'text/plain' } });
    expect(back.json()).toMatchObject({ recovered: true });
    expect(await incidents(s.t)).toMatchObject([{ status: 'resolved', resolve_reason: 'source' }]);
    expect((await s.t.app.inject({ method: 'GET', url: `/integrations/heartbeat/${s.routingKey}` })).statusCode).toBe(404);
  });

  it('never answers 500 to malformed, oversized, wrongly typed or unicode bodies', async () => {
    const am = await createIntegration(s.t, s.serviceId, { type: 'alertmanager' });
    const generic = await createIntegration(s.t, s.serviceId, { type: 'generic' });
    const json = fc.jsonValue({ maxDepth: 3 });
    const v2ish = fc.record(
      {
        routing_key: fc.oneof(fc.constant(s.routingKey), fc.string(), fc.integer()),
        event_action: fc.oneof(fc.constantFrom('trigger', 'acknowledge', 'resolve'), json),
        dedup_key: fc.oneof(fc.string({ unit: 'grapheme' }), json),
        payload: fc.oneof(json, fc.record({ summary: fc.string({ unit: 'grapheme' }), source: fc.string(), severity: fc.oneof(fc.constantFrom('critical', 'info'), fc.string()), custom_details: json }, { requiredKeys: [] })),
      },
      { requiredKeys: [] },
    );
    const body = fc.oneof(
      v2ish.map((v) => JSON.stringify(v)),
      json.map((v) => JSON.stringify(v)),
      fc.string({ unit: 'binary' }),
      fc.string({ unit: 'grapheme' }).map((x) => `{"routing_key":"${x}`),
    );
    const paths = ['/v2/enqueue', '/v2/change/enqueue', `/integrations/alertmanager/${am.key}`, `/integrations/generic/${generic.key}`, `/integrations/grafana/${am.key}`];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), body, fc.constantFrom('application/json', 'text/plain', 'application/json; charset=utf-8'), async (path, payload, ct) => {
        const res = await post(path, payload, ct);
        expect(res.statusCode, `${path} ${payload.slice(0, 200)} -> ${res.body.slice(0, 300)}`).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });
});
