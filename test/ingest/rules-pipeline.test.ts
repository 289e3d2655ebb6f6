// Event rules, the router and maintenance windows, proven end to end through POST /v2/enqueue:
// each rule action, saved through the API, changes what the pipeline stores.

import { afterEach, describe, expect, it } from 'vitest';
import type { Worker } from '../../src/platform/jobs/index.js';
import { testDialect } from '../support/database.js';
import { advance, alerts, createIntegration, createService, event, get, enqueuedKeys, incidents, jobKeys, send, setup, startWorker, timeline, type Setup } from './helpers.js';

let s: Setup;
let worker: Worker | null = null;
afterEach(async () => {
  await worker?.stop(2000);
  worker = null;
  await s.t.close();
});

const MIN = 60_000;

interface AlertDetailJson {
  id: string;
  dedup_key: string;
  status: string;
  severity: string;
  urgency: string;
  priority: string | null;
  incident_id: string | null;
  event_count: number;
  suppressed_by: string | null;
  maintenance_window_id: string | null;
  rule_id: string | null;
  annotations: Record<string, string>;
  extracted: Record<string, string>;
  held_until: string | null;
}

interface EventLogJson {
  dedup_key: string | null;
  outcome: string;
  action: string;
  alert_id: string | null;
}

async function putRules(path: string, rules: unknown[]): Promise<Array<{ id: string }>> {
  const res = await s.t.request('manager', 'PUT', path, { rules });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ rules: Array<{ id: string }> }>().rules;
}

const serviceRules = (rules: unknown[], serviceId = s.serviceId) => putRules(`/api/v1/services/${serviceId}/rules`, rules);

async function accepted(body: unknown): Promise<{ dedup_key: string }> {
  const res = await send(s.t, body);
  expect(res.statusCode, res.body).toBe(202);
  return res.json<{ dedup_key: string }>();
}

async function eventLog(query = ''): Promise<EventLogJson[]> {
  return (await get<{ data: EventLogJson[] }>(s.t, `/api/v1/events?limit=200${query}`)).data;
}

async function alertDetail(id: string): Promise<AlertDetailJson> {
  return get<AlertDetailJson>(s.t, `/api/v1/alerts/${id}`);
}

describe(`event rules through /v2/enqueue on ${testDialect()}`, () => {
  it('drop: the event is accepted and logged as dropped; no alert, no incident', async () => {
    s = await setup();
    const [rule] = await serviceRules([{ id: 'test-pings', condition: "event.summary.startsWith('TEST')", actions: { drop: true } }]);
    expect(rule!.id).toBe('test-pings');
    const res = await accepted(event(s.routingKey, 'trigger', 'ping-1', { summary: 'TEST ping from the monitor' }));
    expect(res.dedup_key).toBe('ping-1');
    expect(await alerts(s.t)).toEqual([]);
    expect(await incidents(s.t)).toEqual([]);
    expect(await jobKeys(s.t, 'incident.escalate')).toEqual([]);
    expect(await eventLog()).toMatchObject([{ dedup_key: 'ping-1', outcome: 'dropped', action: 'trigger', alert_id: null }]);
    // An event the rule does not match pages as usual.
    await accepted(event(s.routingKey, 'trigger', 'real-1', { summary: 'disk full' }));
    expect(await incidents(s.t)).toHaveLength(1);
  });

  it('suppress: the alert is kept, marked suppressed by the rule, and opens no incident', async () => {
    s = await setup();
    const [rule] = await serviceRules([{ condition: "event.severity == 'warning'", actions: { suppress: true } }]);
    await accepted(event(s.routingKey, 'trigger', 'warn-1', { severity: 'warning' }));
    const [alert] = await alerts(s.t);
    expect(alert).toMatchObject({ dedup_key: 'warn-1', status: 'triggered', incident_id: null });
    const detail = await alertDetail(alert!.id);
    expect(detail).toMatchObject({ suppressed_by: 'rule', rule_id: rule!.id, maintenance_window_id: null });
    expect(await incidents(s.t)).toEqual([]);
    expect(await jobKeys(s.t, 'incident.escalate')).toEqual([]);
    expect(await eventLog()).toMatchObject([{ outcome: 'suppressed', alert_id: alert!.id }]);
    // A repeat dedups into the suppressed alert (still no incident); a resolve closes it.
    await accepted(event(s.routingKey, 'trigger', 'warn-1', { severity: 'warning' }));
    expect((await alerts(s.t))[0]).toMatchObject({ event_count: 2, incident_id: null });
    await accepted(event(s.routingKey, 'resolve', 'warn-1'));
    expect((await alerts(s.t))[0]).toMatchObject({ status: 'resolved' });
    expect(await incidents(s.t)).toEqual([]);
  });

  it('suppress: a later trigger of the same alert that the rule no longer suppresses pages', async () => {
    s = await setup();
    await serviceRules([{ condition: "event.severity == 'warning'", actions: { suppress: true } }]);
    await accepted(event(s.routingKey, 'trigger', 'disk-db1', { severity: 'warning', summary: 'disk 85%' }));
    expect(await incidents(s.t)).toEqual([]);
    await accepted(event(s.routingKey, 'trigger', 'disk-db1', { severity: 'critical', summary: 'disk 99%' }));
    const [alert] = await alerts(s.t);
    const detail = await alertDetail(alert!.id);
    expect(detail).toMatchObject({ event_count: 2, suppressed_by: null });
    const [inc] = await incidents(s.t);
    expect(inc).toMatchObject({ id: detail.incident_id, status: 'triggered', alert_count: 1, title: 'disk 85%' });
    const tl = await timeline(s.t, inc!.id);
    expect(tl[0]!.message).toMatch(/suppressed \(event rule\) until now/);
    expect(await jobKeys(s.t, 'incident.escalate')).toEqual([`escalate:${inc!.id}:0:0:1`]);
    // From now on it is an ordinary paging alert: more warnings only count.
    await accepted(event(s.routingKey, 'trigger', 'disk-db1', { severity: 'warning' }));
    expect(await incidents(s.t)).toHaveLength(1);
    expect((await alertDetail(alert!.id)).event_count).toBe(3);
  });

  it('severity, urgency and priority: the alert and its incident carry what the rule set', async () => {
    s = await setup({ urgency: 'severity' });
    await serviceRules([
      { condition: "event.custom_details.env == 'prod'", actions: { severity: 'critical', urgency: 'high', priority: 'P1' } },
      { condition: 'true', actions: { urgency: 'low', priority: 'P4' } },
    ]);
    await accepted(event(s.routingKey, 'trigger', 'prod-1', { severity: 'warning', custom_details: { env: 'prod' } }));
    await accepted(event(s.routingKey, 'trigger', 'dev-1', { severity: 'critical', custom_details: { env: 'dev' } }));
    const list = await alerts(s.t);
    const prod = await alertDetail(list.find((a) => a.dedup_key === 'prod-1')!.id);
    const dev = await alertDetail(list.find((a) => a.dedup_key === 'dev-1')!.id);
    expect(prod).toMatchObject({ severity: 'critical', urgency: 'high', priority: 'P1' });
    expect(dev).toMatchObject({ severity: 'critical', urgency: 'low', priority: 'P4' });
    const byId = new Map((await get<{ data: Array<{ id: string; urgency: string; priority: string | null }> }>(s.t, '/api/v1/incidents?limit=10')).data.map((i) => [i.id, i]));
    expect(byId.get(prod.incident_id!)).toMatchObject({ urgency: 'high', priority: 'P1' });
    expect(byId.get(dev.incident_id!)).toMatchObject({ urgency: 'low', priority: 'P4' });
  });

  it('dedup_key template: different sender keys with the same rendered key are one alert; a resolve with that key resolves it', async () => {
    s = await setup();
    await serviceRules([{ condition: "event.action == 'trigger' && event.class == 'disk'", actions: { dedup_key: '{{ event.source }}/{{ event.class }}' } }]);
    const first = await accepted(event(s.routingKey, 'trigger', 'nagios-1', { source: 'db1', class: 'disk' }));
    const second = await accepted(event(s.routingKey, 'trigger', 'nagios-2', { source: 'db1', class: 'disk' }));
    // The answer names the key the sender sent, as PagerDuty does.
    expect([first.dedup_key, second.dedup_key]).toEqual(['nagios-1', 'nagios-2']);
    await accepted(event(s.routingKey, 'trigger', 'nagios-3', { source: 'db2', class: 'disk' }));
    const open = await alerts(s.t);
    expect(open.map((a) => [a.dedup_key, a.event_count]).sort()).toEqual([
      ['db1/disk', 2],
      ['db2/disk', 1],
    ]);
    expect(await incidents(s.t)).toHaveLength(2);
    expect((await eventLog()).map((e) => [e.dedup_key, e.outcome])).toEqual([
      ['db1/disk', 'created'],
      ['db1/disk', 'updated'],
      ['db2/disk', 'created'],
    ]);

    await accepted(event(s.routingKey, 'resolve', 'db1/disk'));
    const after = await alerts(s.t);
    expect(after.find((a) => a.dedup_key === 'db1/disk')).toMatchObject({ status: 'resolved' });
    expect(after.find((a) => a.dedup_key === 'db2/disk')).toMatchObject({ status: 'triggered' });
    const db1 = (await incidents(s.t)).find((i) => i.status === 'resolved');
    expect(db1).toMatchObject({ resolve_reason: 'source' });
  });

  it('extract and annotate: the alert details carry the extracted values and the notes', async () => {
    s = await setup();
    await serviceRules([
      {
        condition: "event.summary.contains('disk')",
        actions: {
          extract: [
            { field: 'summary', regex: 'on (?<mount>/\\S*)', target: 'mount' },
            { field: 'custom_details.host.name', regex: '^([a-z]+)', target: 'role', flags: 'i' },
            { field: 'custom_details.nothing', regex: '(x)', target: 'absent' },
          ],
          annotate: { runbook: 'https://wiki.example.org/runbooks/disk', team: 'dba' },
          dedup_key: '{{ event.source }}:{{ extracted.mount }}',
        },
      },
    ]);
    await accepted(event(s.routingKey, 'trigger', 'x1', { summary: 'disk full on /var/lib/postgresql', source: 'db1', custom_details: { host: { name: 'DB-eu-1' } } }));
    const [alert] = await alerts(s.t);
    expect(alert!.dedup_key).toBe('db1:/var/lib/postgresql');
    const detail = await alertDetail(alert!.id);
    expect(detail.extracted).toEqual({ mount: '/var/lib/postgresql', role: 'DB' });
    expect(detail.annotations).toEqual({ runbook: 'https://wiki.example.org/runbooks/disk', team: 'dba' });
    expect(detail.incident_id).not.toBeNull();
  });

  it('pause_notifications_seconds: no escalation until the pause ends, then the alert pages', async () => {
    s = await setup();
    worker = startWorker(s.t);
    await worker.start();
    await serviceRules([{ condition: "event.source == 'flappy'", actions: { pause_notifications_seconds: 300 } }]);
    await accepted(event(s.routingKey, 'trigger', 'flap-1', { source: 'flappy' }));
    const [held] = await alerts(s.t);
    expect(held).toMatchObject({ incident_id: null, held_until: new Date(s.t.clock.now() + 300_000).toISOString() });
    expect(await eventLog()).toMatchObject([{ outcome: 'paused' }]);
    expect(await incidents(s.t)).toEqual([]);
    expect(await enqueuedKeys(s.t, 'incident.escalate')).toEqual([]);
    expect(await jobKeys(s.t, 'alert.release')).toEqual([`alert.release:${held!.id}`]);

    await advance(s.t, worker, 299_000);
    expect(await incidents(s.t)).toEqual([]);
    expect(await enqueuedKeys(s.t, 'incident.escalate')).toEqual([]);

    await advance(s.t, worker, 2_000);
    const [inc] = await incidents(s.t);
    expect(inc).toMatchObject({ status: 'triggered', alert_count: 1 });
    expect((await alerts(s.t))[0]).toMatchObject({ id: held!.id, incident_id: inc!.id });
    expect(await enqueuedKeys(s.t, 'incident.escalate')).toEqual([`escalate:${inc!.id}:0:0:1`]);
    // Events the rule does not match page at once.
    await accepted(event(s.routingKey, 'trigger', 'steady-1', { source: 'steady' }));
    expect(await incidents(s.t)).toHaveLength(2);
  });

  it('the router sends an event to another service, whose own rules then apply', async () => {
    s = await setup();
    const target = await createService(s.t);
    await putRules('/api/v1/event-rules/router', [
      { condition: "event.source.startsWith('db')", actions: { route_to_service_id: target, annotate: { routed: 'yes' } } },
      { condition: "event.summary == 'noise'", actions: { drop: true } },
    ]);
    await serviceRules([{ condition: 'true', actions: { priority: 'P2' } }], target);
    await serviceRules([{ condition: 'true', actions: { priority: 'P5' } }]);

    await accepted(event(s.routingKey, 'trigger', 'db-1', { source: 'db1' }));
    await accepted(event(s.routingKey, 'trigger', 'web-1', { source: 'web1' }));
    await accepted(event(s.routingKey, 'trigger', 'noise-1', { source: 'web1', summary: 'noise' }));

    const onTarget = await incidents(s.t, `&service_id=${target}`);
    expect(onTarget).toHaveLength(1);
    const routed = await get<{ service: { id: string }; priority: string | null; title: string }>(s.t, `/api/v1/incidents/${onTarget[0]!.id}`);
    expect(routed).toMatchObject({ service: { id: target }, priority: 'P2', title: 'problem db-1' });
    const routedAlert = (await alerts(s.t)).find((a) => a.dedup_key === 'db-1')!;
    expect(await alertDetail(routedAlert.id)).toMatchObject({ annotations: { routed: 'yes' }, priority: 'P2' });

    const onSource = await incidents(s.t, `&service_id=${s.serviceId}`);
    expect(onSource).toHaveLength(1);
    expect(await get<{ priority: string | null }>(s.t, `/api/v1/incidents/${onSource[0]!.id}`)).toMatchObject({ priority: 'P5' });
    expect((await eventLog('&outcome=dropped')).map((e) => e.dedup_key)).toEqual(['noise-1']);

    // The routed alert is still the integration's: a resolve through the same key closes it.
    await accepted(event(s.routingKey, 'resolve', 'db-1'));
    expect((await incidents(s.t, `&service_id=${target}`))[0]).toMatchObject({ status: 'resolved' });
  });
});

describe(`maintenance windows through /v2/enqueue on ${testDialect()}`, () => {
  it('suppresses the events its condition matches, pages the others, and pages again once ended early', async () => {
    s = await setup();
    const other = await createService(s.t);
    const res = await s.t.request('responder', 'POST', '/api/v1/maintenance-windows', {
      description: 'firewall firmware',
      end: new Date(s.t.clock.now() + 2 * 60 * MIN).toISOString(),
      service_ids: [s.serviceId],
      condition: "event.custom_details.device == 'fw-01'",
    });
    expect(res.statusCode, res.body).toBe(201);
    const windowId = res.json<{ id: string }>().id;

    await accepted(event(s.routingKey, 'trigger', 'fw-01/cpu', { custom_details: { device: 'fw-01' } }));
    await accepted(event(s.routingKey, 'trigger', 'fw-02/cpu', { custom_details: { device: 'fw-02' } }));
    // A failing condition (no device at all) does not match: that event pages.
    await accepted(event(s.routingKey, 'trigger', 'no-device', { custom_details: { other: 1 } }));
    // Another service's events are untouched by the window.
    const otherKey = (await createIntegration(s.t, other)).key;
    await accepted(event(otherKey, 'trigger', 'fw-01/other', { custom_details: { device: 'fw-01' } }));

    const list = await alerts(s.t);
    const suppressed = await alertDetail(list.find((a) => a.dedup_key === 'fw-01/cpu')!.id);
    expect(suppressed).toMatchObject({ status: 'triggered', incident_id: null, suppressed_by: 'maintenance', maintenance_window_id: windowId });
    for (const key of ['fw-02/cpu', 'no-device', 'fw-01/other']) {
      expect(list.find((a) => a.dedup_key === key)!.incident_id, key).not.toBeNull();
    }
    expect(await incidents(s.t)).toHaveLength(3);
    expect((await eventLog('&outcome=suppressed')).map((e) => e.dedup_key)).toEqual(['fw-01/cpu']);
    // Repeats while the window lasts stay suppressed.
    s.t.clock.advance(10 * MIN);
    await accepted(event(s.routingKey, 'trigger', 'fw-01/cpu', { custom_details: { device: 'fw-01' } }));
    await accepted(event(s.routingKey, 'trigger', 'fw-01/mem', { custom_details: { device: 'fw-01' } }));
    expect(await incidents(s.t)).toHaveLength(3);

    const ended = await s.t.request('responder', 'POST', `/api/v1/maintenance-windows/${windowId}/end`);
    expect(ended.statusCode, ended.body).toBe(200);
    s.t.clock.advance(1000);

    // A new problem on the device pages at once.
    await accepted(event(s.routingKey, 'trigger', 'fw-01/disk', { custom_details: { device: 'fw-01' } }));
    const disk = (await alerts(s.t)).find((a) => a.dedup_key === 'fw-01/disk')!;
    expect(await alertDetail(disk.id)).toMatchObject({ suppressed_by: null, maintenance_window_id: null });
    expect(disk.incident_id).not.toBeNull();
    expect(await incidents(s.t)).toHaveLength(4);

    // A problem that went on through the window pages on its next trigger.
    await accepted(event(s.routingKey, 'trigger', 'fw-01/cpu', { custom_details: { device: 'fw-01' } }));
    const cpu = await alertDetail(suppressed.id);
    expect(cpu).toMatchObject({ event_count: 3, suppressed_by: null, maintenance_window_id: windowId });
    expect(cpu.incident_id).not.toBeNull();
    expect(await incidents(s.t)).toHaveLength(5);
    expect(await jobKeys(s.t, 'incident.escalate')).toContain(`escalate:${cpu.incident_id}:0:0:1`);
    const tl = await timeline(s.t, cpu.incident_id!);
    expect(tl.map((e) => e.type)).toEqual(['incident.triggered']);
  });

  it('a window without a condition covers every event of its services', async () => {
    s = await setup();
    const res = await s.t.request('responder', 'POST', '/api/v1/maintenance-windows', { end: new Date(s.t.clock.now() + 60 * MIN).toISOString(), service_ids: [s.serviceId] });
    expect(res.statusCode, res.body).toBe(201);
    await accepted(event(s.routingKey, 'trigger', 'a'));
    await accepted(event(s.routingKey, 'trigger', 'b', { severity: 'info' }));
    expect(await incidents(s.t)).toEqual([]);
    expect((await alerts(s.t)).map((a) => a.incident_id)).toEqual([null, null]);
    // Past its end, events page again.
    s.t.clock.advance(60 * MIN);
    await accepted(event(s.routingKey, 'trigger', 'c'));
    expect(await incidents(s.t)).toHaveLength(1);
  });

  it('applies to the service the router chose', async () => {
    s = await setup();
    const target = await createService(s.t);
    await putRules('/api/v1/event-rules/router', [{ condition: 'true', actions: { route_to_service_id: target } }]);
    const res = await s.t.request('responder', 'POST', '/api/v1/maintenance-windows', { end: new Date(s.t.clock.now() + 60 * MIN).toISOString(), service_ids: [target] });
    expect(res.statusCode, res.body).toBe(201);
    await accepted(event(s.routingKey, 'trigger', 'a'));
    const [alert] = await alerts(s.t);
    expect(await alertDetail(alert!.id)).toMatchObject({ suppressed_by: 'maintenance', incident_id: null });
    expect(await incidents(s.t)).toEqual([]);
  });
});

describe(`disabled services on ${testDialect()}`, () => {
  it('accepts and logs events for a disabled service but opens nothing; resolves still close what is open', async () => {
    s = await setup();
    await accepted(event(s.routingKey, 'trigger', 'before'));
    const [inc] = await incidents(s.t);
    const patch = await s.t.request('manager', 'PATCH', `/api/v1/services/${s.serviceId}`, { status: 'disabled' });
    expect(patch.statusCode, patch.body).toBe(200);

    await accepted(event(s.routingKey, 'trigger', 'during'));
    await accepted(event(s.routingKey, 'trigger', 'before'));
    expect((await alerts(s.t)).map((a) => a.dedup_key)).toEqual(['before']);
    expect((await alerts(s.t))[0]).toMatchObject({ event_count: 1 });
    expect(await incidents(s.t)).toHaveLength(1);
    expect((await eventLog()).map((e) => [e.dedup_key, e.outcome])).toEqual([
      ['before', 'created'],
      ['during', 'ignored'],
      ['before', 'ignored'],
    ]);

    // Disabling must not strand what was already open.
    await accepted(event(s.routingKey, 'resolve', 'before'));
    expect((await alerts(s.t))[0]).toMatchObject({ status: 'resolved' });
    expect((await incidents(s.t))[0]).toMatchObject({ id: inc!.id, status: 'resolved' });

    const enable = await s.t.request('manager', 'PATCH', `/api/v1/services/${s.serviceId}`, { status: 'active' });
    expect(enable.statusCode, enable.body).toBe(200);
    await accepted(event(s.routingKey, 'trigger', 'after'));
    expect(await incidents(s.t)).toHaveLength(2);
  });

  it('a router rule sending events to a disabled service opens nothing there', async () => {
    s = await setup();
    const target = await createService(s.t, { status: 'disabled' });
    await putRules('/api/v1/event-rules/router', [{ condition: 'true', actions: { route_to_service_id: target } }]);
    await accepted(event(s.routingKey, 'trigger', 'a'));
    expect(await alerts(s.t)).toEqual([]);
    expect(await incidents(s.t)).toEqual([]);
    expect((await eventLog()).map((e) => e.outcome)).toEqual(['ignored']);
  });
});
