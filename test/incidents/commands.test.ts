import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Worker } from '../../src/platform/jobs/index.js';
import { testDialect } from '../support/database.js';
import { IngestPipeline } from '../../src/ingest/pipeline.js';
import { applyContextFor } from '../../src/ingest/jobs.js';
import { ingestDirectory } from '../../src/ingest/integrations/cache.js';
import { advance, alerts, event, get, incidents, jobKeys, send, setup, startWorker, timeline, type IncidentJson, type Setup } from '../ingest/helpers.js';

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

const act = (id: string, verb: string, body?: unknown, role: 'responder' | 'observer' | 'manager' = 'responder') => s.t.request(role, 'POST', `/api/v1/incidents/${id}/${verb}`, body);

async function manual(title = 'Checkout is down'): Promise<IncidentJson> {
  const res = await s.t.request('responder', 'POST', '/api/v1/incidents', { service_id: s.serviceId, title, urgency: 'high', priority: 'P1' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<IncidentJson>();
}

describe(`incident commands on ${testDialect()}`, () => {
  it('creates a manual incident that escalates, and observers cannot act', async () => {
    const inc = await manual();
    expect(inc).toMatchObject({ status: 'triggered', alert_count: 0, title: 'Checkout is down' });
    expect(await jobKeys(s.t, 'incident.escalate')).toEqual([`escalate:${inc.id}:0:0:1`]);
    expect((await act(inc.id, 'acknowledge', undefined, 'observer')).statusCode).toBe(403);
    const missing = await s.t.request('responder', 'POST', '/api/v1/incidents', { service_id: 'nope', title: 'x' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<{ errors: Array<{ field: string }> }>().errors[0]!.field).toBe('service_id');
  });

  it('acknowledges, un-acknowledges and resolves, cancelling escalation, with a timeline entry each', async () => {
    await send(s.t, event(s.routingKey, 'trigger', 'k'));
    const [inc] = await incidents(s.t);
    const acked = await act(inc!.id, 'acknowledge');
    expect(acked.json()).toMatchObject({ status: 'acknowledged', acknowledgers: [{ name: 'responder token' }] });
    expect(await jobKeys(s.t, 'incident.escalate')).toEqual([]);
    expect((await act(inc!.id, 'unacknowledge')).json()).toMatchObject({ status: 'triggered' });
    expect(await jobKeys(s.t, 'incident.escalate')).toEqual([`escalate:${inc!.id}:1:0:1`]);
    expect((await act(inc!.id, 'resolve', { message: 'rolled back' })).json()).toMatchObject({ status: 'resolved', resolve_reason: 'manual' });
    expect(await jobKeys(s.t, 'incident.escalate')).toEqual([]);
    expect(await alerts(s.t)).toMatchObject([{ status: 'resolved' }]);
    expect((await act(inc!.id, 'acknowledge')).statusCode).toBe(409);
    const tl = await timeline(s.t, inc!.id);
    expect(tl.map((e) => e.type)).toEqual(['incident.triggered', 'incident.acknowledged', 'incident.unacknowledged', 'incident.resolved']);
    expect(tl[3]!.message).toContain('rolled back');
    // The same key opens a new alert after a manual resolve.
    await send(s.t, event(s.routingKey, 'trigger', 'k'));
    expect(await alerts(s.t, '&status=triggered')).toHaveLength(1);
    const audit = await s.t.deps.db.selectFrom('audit_log').select('action').where('object_id', '=', inc!.id).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['incident.acknowledged', 'incident.resolved', 'incident.unacknowledged']);
  });

  it('reassigns, escalates, sets urgency and priority, takes notes and status updates', async () => {
    const inc = await manual();
    const re = await act(inc.id, 'reassign', { assignees: [s.t.users.responder.id] });
    expect(re.json()).toMatchObject({ assignees: [s.t.users.responder.id] });
    expect((await act(inc.id, 'reassign', { assignees: ['ghost'] })).statusCode).toBe(400);
    expect((await act(inc.id, 'escalate', { level: 2 })).json()).toMatchObject({ escalation_level: 2 });
    expect(await jobKeys(s.t, 'incident.escalate')).toEqual([`escalate:${inc.id}:2:0:2`]);
    expect((await act(inc.id, 'urgency', { urgency: 'low' })).json()).toMatchObject({ urgency: 'low' });
    expect((await act(inc.id, 'priority', { priority: 'P3' })).json()).toMatchObject({ priority: 'P3' });
    expect((await act(inc.id, 'notes', { content: 'looking at the db' })).statusCode).toBe(201);
    expect((await act(inc.id, 'status-updates', { message: 'mitigated' })).statusCode).toBe(201);
    const tl = await timeline(s.t, inc.id);
    expect(tl.map((e) => e.type)).toEqual(['incident.triggered', 'incident.reassigned', 'incident.escalated', 'incident.urgency_changed', 'incident.priority_changed', 'note', 'status_update']);
  });

  it('snoozes an acknowledged incident and triggers it again when the snooze ends', async () => {
    worker = startWorker(s.t);
    await worker.start();
    const inc = await manual();
    // Its first escalation step has run before anyone acts on it.
    await advance(s.t, worker, 0);
    expect((await act(inc.id, 'snooze', { duration_seconds: 3600 })).statusCode).toBe(409);
    const acked = await act(inc.id, 'acknowledge');
    expect(acked.json(), acked.body).toMatchObject({ status: 'acknowledged' });
    const snoozed = await act(inc.id, 'snooze', { duration_seconds: 3600 });
    expect(snoozed.json(), snoozed.body).toMatchObject({ status: 'acknowledged' });
    await advance(s.t, worker, 3599_000);
    expect((await incidents(s.t))[0]!.status).toBe('acknowledged');
    await advance(s.t, worker, 2_000);
    expect((await incidents(s.t))[0]!.status).toBe('triggered');
    expect((await timeline(s.t, inc.id)).map((e) => e.type)).toContain('incident.unsnoozed');
  });

  it('merges incidents: alerts move, sources resolve as merged', async () => {
    await send(s.t, event(s.routingKey, 'trigger', 'a'));
    await send(s.t, event(s.routingKey, 'trigger', 'b'));
    const [newer, older] = await incidents(s.t);
    const merged = await act(older!.id, 'merge', { source_incident_ids: [newer!.id] });
    expect(merged.json()).toMatchObject({ alert_count: 2, status: 'triggered' });
    const list = await incidents(s.t);
    expect(list.find((i) => i.id === newer!.id)).toMatchObject({ status: 'resolved', resolve_reason: 'merged' });
    const members = await get<{ data: unknown[] }>(s.t, `/api/v1/incidents/${older!.id}/alerts`);
    expect(members.data).toHaveLength(2);
    // The moved alert still resolves its new incident.
    await send(s.t, event(s.routingKey, 'resolve', 'a'));
    await send(s.t, event(s.routingKey, 'resolve', 'b'));
    expect((await incidents(s.t)).find((i) => i.id === older!.id)).toMatchObject({ status: 'resolved', resolve_reason: 'all_alerts_resolved' });
  });

  it('lists incidents newest first with filters and cursor pagination', async () => {
    for (let i = 0; i < 5; i++) {
      await send(s.t, event(s.routingKey, 'trigger', `p${i}`, { severity: i % 2 ? 'info' : 'critical' }));
      s.t.clock.advance(1000);
    }
    const page1 = await get<{ data: IncidentJson[]; next_cursor: string }>(s.t, '/api/v1/incidents?limit=2');
    expect(page1.data.map((i) => i.title)).toEqual(['problem p4', 'problem p3']);
    const page2 = await get<{ data: IncidentJson[]; next_cursor: string | null }>(s.t, `/api/v1/incidents?limit=2&cursor=${page1.next_cursor}`);
    expect(page2.data.map((i) => i.title)).toEqual(['problem p2', 'problem p1']);
    const low = await incidents(s.t, `&urgency=high&service_id=${s.serviceId}`);
    expect(low).toHaveLength(5);
    await act(page1.data[0]!.id, 'acknowledge');
    expect(await incidents(s.t, '&status=acknowledged&status=resolved')).toHaveLength(1);
    const since = new Date(s.t.clock.now() - 2500).toISOString();
    expect(await incidents(s.t, `&since=${since}`)).toHaveLength(2);
    expect((await s.t.request('observer', 'GET', '/api/v1/incidents?since=yesterday')).statusCode).toBe(400);
  });

  it('numbers incidents uniquely and without gaps under many concurrent triggers', async () => {
    const sends = [];
    for (let i = 0; i < 200; i++) sends.push(send(s.t, event(s.routingKey, 'trigger', `n${i}`)));
    // A second committer on the same database, as a second api process would have: its
    // transactions run concurrently with the first one's.
    const other = new IngestPipeline({ db: s.t.deps.db, clock: s.t.clock, log: s.t.deps.log, batchSize: 7, ...applyContextFor(s.t.deps) });
    const integration = (await ingestDirectory(s.t.deps.db).integration(s.routingKey))!;
    const direct = [];
    for (let i = 0; i < 60; i++) {
      const e = { action: 'trigger' as const, dedupKey: `o${i}`, summary: `other ${i}`, source: 'x', severity: 'info' as const, timestamp: null, component: null, group: null, class: null, customDetails: null, images: [], links: [], client: null, clientUrl: null };
      direct.push(other.submit([{ kind: 'alert', integration, service: integration.service, event: e, receivedAt: s.t.clock.now() }]));
    }
    const manualOnes = [];
    for (let i = 0; i < 20; i++) manualOnes.push(s.t.request('responder', 'POST', '/api/v1/incidents', { service_id: s.serviceId, title: `m${i}` }));
    expect((await Promise.all(sends)).every((r) => r.statusCode === 202)).toBe(true);
    expect((await Promise.all(manualOnes)).every((r) => r.statusCode === 201)).toBe(true);
    expect((await Promise.all(direct)).flat().every((r) => r.outcome === 'created')).toBe(true);
    await other.close();
    const numbers = (await incidents(s.t)).map((i) => i.number).sort((a, b) => a - b);
    expect(numbers).toHaveLength(280);
    expect(numbers).toEqual(Array.from({ length: 280 }, (_, i) => i + 1));
  });
});
