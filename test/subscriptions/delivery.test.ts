import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Worker } from '../../src/platform/jobs/index.js';
import { testDialect } from '../support/database.js';
import { until as waitUntil } from '../support/wait.js';
import { advance, createIntegration, createService, event, incidents, send, setup, startWorker, type Setup } from '../ingest/helpers.js';
import { deliveries, expectSigned, receiver, subscribe, withPrivateWebhooks, type DeliveryJson, type Receiver } from './helpers.js';

// Events from incident commands to a real receiver on loopback, through the fanout and deliver
// jobs run by a worker on the test's manual clock.

const ALL = [
  'incident.triggered',
  'incident.acknowledged',
  'incident.resolved',
  'incident.escalated',
  'incident.reassigned',
  'incident.annotated',
  'incident.status_update',
  'incident.priority_changed',
];
const BASE = '/api/v1/webhook-subscriptions';
const HOUR = 3_600_000;

let s: Setup;
let w: Worker;
let hook: Receiver;

beforeEach(async () => {
  // The receiver listens on loopback.
  s = await setup({ name: 'checkout' }, { TOCSIN_ALLOW_PRIVATE_WEBHOOKS: 'true' });
  hook = await receiver();
  w = startWorker(s.t);
  await w.start();
});
afterEach(async () => {
  await w.stop(2000);
  await hook.close();
  await s.t.close();
});

const act = (id: string, verb: string, body?: unknown) => s.t.request('responder', 'POST', `/api/v1/incidents/${id}/${verb}`, body);

/**
 * Runs due jobs until `cond` holds. Worker.idle() alone can return while a job it has just
 * claimed is not running yet, so the test waits for what it expects to see.
 */
async function until(what: string, cond: () => boolean | Promise<boolean>): Promise<void> {
  await waitUntil(what, async () => {
    await w.idle();
    return cond();
  });
}

async function trigger(dedup: string): Promise<string> {
  const res = await send(s.t, event(s.routingKey, 'trigger', dedup));
  expect(res.statusCode, res.body).toBe(202);
  // A 202 means the incident is stored; its events go out afterwards.
  const inc = (await incidents(s.t)).find((i) => i.title === `problem ${dedup}`);
  return inc!.id;
}

/** The subscription's one delivery, once `cond` holds for it. */
async function onlyDelivery(subscriptionId: string, cond: (d: DeliveryJson) => boolean = () => true): Promise<DeliveryJson> {
  let d: DeliveryJson | undefined;
  await until('the delivery', async () => {
    const ds = await deliveries(s.t, subscriptionId);
    expect(ds.length).toBeLessThanOrEqual(1);
    d = ds[0];
    return d !== undefined && cond(d);
  });
  return d!;
}

describe(`webhook deliveries on ${testDialect()}`, () => {
  it('sends every subscribed event type for the command that causes it, signed, with the incident', async () => {
    const sub = await subscribe(s.t, { url: `${hook.url}/events`, event_types: ALL });
    const seen = () => hook.got.length;
    const expectNext = async (from: number, type: string) => {
      const fresh = () => hook.got.slice(from).filter((r) => r.body.event_type === type);
      await until(type, () => fresh().length > 0);
      const r = fresh()[0]!;
      expectSigned(r, sub.signing_secret, s.t.clock.now());
      expect(r.path).toBe('/events');
      expect(r.body.subscription_id).toBe(sub.id);
      return r.body;
    };

    let from = seen();
    const id = await trigger('every');
    const triggered = await expectNext(from, 'incident.triggered');
    expect(triggered).toMatchObject({
      version: 1,
      occurred_at: new Date(s.t.clock.now()).toISOString(),
      incident: { id, status: 'triggered', title: 'problem every', urgency: 'high', service: { id: s.serviceId, name: 'checkout' }, alert_count: 1, resolved_at: null },
    });
    expect(triggered.incident!.html_url).toBe(`${s.t.deps.config.publicUrl}/incidents/${id}`);
    expect(triggered.incident!.number).toBeGreaterThan(0);

    from = seen();
    // The command says so; the step it starts is not announced again.
    expect((await act(id, 'escalate', { level: 2 })).statusCode).toBe(200);
    await expectNext(from, 'incident.escalated');

    from = seen();
    expect((await act(id, 'reassign', { assignees: [s.t.users.responder.id] })).statusCode).toBe(200);
    expect((await expectNext(from, 'incident.reassigned')).incident!.assignees).toEqual([s.t.users.responder.id]);

    from = seen();
    expect((await act(id, 'notes', { content: 'looking at the db' })).statusCode).toBe(201);
    await expectNext(from, 'incident.annotated');

    from = seen();
    expect((await act(id, 'status-updates', { message: 'mitigated' })).statusCode).toBe(201);
    await expectNext(from, 'incident.status_update');

    from = seen();
    expect((await act(id, 'priority', { priority: 'P2' })).statusCode).toBe(200);
    expect((await expectNext(from, 'incident.priority_changed')).incident!.priority).toBe('P2');

    from = seen();
    s.t.clock.advance(60_000);
    expect((await act(id, 'acknowledge')).statusCode).toBe(200);
    const acked = await expectNext(from, 'incident.acknowledged');
    expect(acked.incident).toMatchObject({ status: 'acknowledged', acknowledged_at: new Date(s.t.clock.now()).toISOString(), acknowledgers: [{ name: 'responder token' }] });

    from = seen();
    expect((await act(id, 'resolve', { message: 'rolled back' })).statusCode).toBe(200);
    const resolved = await expectNext(from, 'incident.resolved');
    expect(resolved.incident).toMatchObject({ status: 'resolved', resolve_reason: 'manual' });
    expect(resolved.incident!.resolved_at).not.toBeNull();

    // Every delivery is logged as delivered, with its exact body, and each went out once.
    await until('every delivery', async () => (await deliveries(s.t, sub.id)).every((d) => d.status === 'delivered'));
    const ds = await deliveries(s.t, sub.id);
    expect(ds.every((d) => d.attempts === 1 && d.last_status_code === 200 && d.delivered_at !== null)).toBe(true);
    expect(new Set(hook.got.map((r) => r.body.delivery_id)).size).toBe(hook.got.length);
    for (const type of ALL) expect(ds.filter((d) => d.event_type === type), type).toHaveLength(1);
    expect(new Set(ds.map((d) => d.event_type))).toEqual(new Set(ALL));
    for (const d of ds) expect(hook.got.find((r) => r.body.delivery_id === d.id)!.body).toEqual(d.payload);
  });

  it('fans out by event type and by service or team, and not to disabled subscriptions', async () => {
    const team = (await s.t.request('manager', 'POST', '/api/v1/teams', { name: 'Payments' })).json<{ id: string }>();
    const teamService = await createService(s.t, { team_id: team.id });
    const teamKey = (await createIntegration(s.t, teamService)).key;
    const byService = await subscribe(s.t, { url: `${hook.url}/svc`, event_types: ['incident.triggered'], service_ids: [s.serviceId] });
    const byTeam = await subscribe(s.t, { url: `${hook.url}/team`, event_types: ['incident.triggered'], team_ids: [team.id] });
    const both = await subscribe(s.t, { url: `${hook.url}/both`, event_types: ['incident.triggered'], service_ids: [s.serviceId], team_ids: [team.id] });
    const resolvesOnly = await subscribe(s.t, { url: `${hook.url}/resolves`, event_types: ['incident.resolved'] });
    const off = await subscribe(s.t, { url: `${hook.url}/off`, event_types: ['incident.triggered'], enabled: false });

    await send(s.t, event(s.routingKey, 'trigger', 'plain'));
    await send(s.t, event(teamKey, 'trigger', 'team'));
    await until('four events', () => hook.got.length >= 4);
    await w.idle();

    const titles = async (subId: string) => (await deliveries(s.t, subId)).map((d) => d.payload.incident!.title).sort();
    expect(await titles(byService.id)).toEqual(['problem plain']);
    expect(await titles(byTeam.id)).toEqual(['problem team']);
    expect(await titles(both.id)).toEqual(['problem plain', 'problem team']);
    expect(await titles(resolvesOnly.id)).toEqual([]);
    expect(await titles(off.id)).toEqual([]);
    expect(hook.got.map((r) => r.path).sort()).toEqual(['/both', '/both', '/svc', '/team']);
    expect(hook.got.find((r) => r.path === '/team')!.body.incident!.team_id).toBe(team.id);
  });

  it('adds nothing to the write path while no enabled subscription wants the event', async () => {
    // No worker: the fanout jobs stay in the queue to be counted (run, they are deleted).
    await w.stop(2000);
    const fanouts = async () =>
      Number((await s.t.deps.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', '=', 'subscriptions.fanout').executeTakeFirstOrThrow()).n);
    await trigger('nobody');
    expect(await fanouts()).toBe(0);
    await subscribe(s.t, { url: `${hook.url}/x`, event_types: ['incident.resolved'] });
    await subscribe(s.t, { url: `${hook.url}/y`, event_types: ['incident.triggered'], enabled: false });
    await trigger('still-nobody');
    expect(await fanouts()).toBe(0);
    await subscribe(s.t, { url: `${hook.url}/z`, event_types: ['incident.triggered'] });
    await trigger('one');
    expect(await fanouts()).toBe(1);
    // Concurrent events share ingest batches: never more than one fanout job per batch.
    await Promise.all(Array.from({ length: 20 }, (_, i) => send(s.t, event(s.routingKey, 'trigger', `burst-${i}`))));
    const n = await fanouts();
    expect(n).toBeGreaterThan(1);
    expect(n).toBeLessThanOrEqual(21);
    w = startWorker(s.t);
    await w.start();
    await until('21 events', () => hook.got.filter((r) => r.path === '/z').length >= 21);
    expect(hook.got.map((r) => r.path).every((p) => p === '/z')).toBe(true);
  });

  it('retries a failing receiver with backoff until it answers, with the same body and key', async () => {
    const sub = await subscribe(s.t, { url: `${hook.url}/flaky`, event_types: ['incident.triggered'] });
    let calls = 0;
    hook.respond = () => (++calls <= 2 ? { status: 500, body: 'try later' } : { status: 204 });
    const created = s.t.clock.now();
    await trigger('flaky');
    let d = await onlyDelivery(sub.id, (x) => x.attempts === 1);
    expect(d).toMatchObject({ status: 'queued', attempts: 1, last_status_code: 500, last_response: 'HTTP 500: try later', delivered_at: null });
    const first = Date.parse(d.next_attempt_at!) - created;
    // 30 s with ±20% jitter.
    expect(first).toBeGreaterThanOrEqual(24_000);
    expect(first).toBeLessThanOrEqual(36_000);

    await advance(s.t, w, first - 1_000);
    expect(hook.got).toHaveLength(1);
    await advance(s.t, w, 1_000);
    d = await onlyDelivery(sub.id, (x) => x.attempts === 2);
    expect(hook.got).toHaveLength(2);
    expect(d).toMatchObject({ status: 'queued', attempts: 2 });
    const second = Date.parse(d.next_attempt_at!) - s.t.clock.now();
    expect(second).toBeGreaterThanOrEqual(48_000);
    expect(second).toBeLessThanOrEqual(72_000);

    await advance(s.t, w, second);
    d = await onlyDelivery(sub.id, (x) => x.attempts === 3);
    expect(d).toMatchObject({ status: 'delivered', attempts: 3, last_status_code: 204, next_attempt_at: null, delivered_at: new Date(s.t.clock.now()).toISOString() });
    expect(hook.got).toHaveLength(3);
    expect(new Set(hook.got.map((r) => r.raw)).size).toBe(1);
    expect(new Set(hook.got.map((r) => r.headers['idempotency-key'])).size).toBe(1);
    expect(new Set(hook.got.map((r) => r.headers['x-tocsin-signature'])).size).toBe(3);
    for (const r of hook.got) expect(r.headers['idempotency-key']).toBe(d.id);
    // Nothing else is pending for it.
    await advance(s.t, w, 2 * HOUR);
    expect(hook.got).toHaveLength(3);
  });

  it('honours Retry-After on 429', async () => {
    const sub = await subscribe(s.t, { url: `${hook.url}/busy`, event_types: ['incident.triggered'] });
    hook.respond = () => ({ status: 429, headers: { 'retry-after': '600' } });
    await trigger('busy');
    const d = await onlyDelivery(sub.id, (x) => x.attempts === 1);
    expect(Date.parse(d.next_attempt_at!)).toBe(s.t.clock.now() + 600_000);
  });

  it('gives up 24 hours after the delivery was created, then redelivers through the API', async () => {
    const sub = await subscribe(s.t, { url: `${hook.url}/down`, event_types: ['incident.triggered'] });
    hook.respond = () => ({ status: 404, body: 'no such route' });
    const created = s.t.clock.now();
    await trigger('down');
    let d = await onlyDelivery(sub.id, (x) => x.attempts === 1);
    expect(Date.parse(d.retry_until)).toBe(created + 24 * HOUR);
    while (d.status === 'queued') {
      const due = Date.parse(d.next_attempt_at!);
      expect(due - s.t.clock.now()).toBeLessThanOrEqual(HOUR * 1.2);
      const made = d.attempts;
      await advance(s.t, w, due - s.t.clock.now());
      d = await onlyDelivery(sub.id, (x) => x.attempts === made + 1);
    }
    expect(d).toMatchObject({ status: 'failed', last_status_code: 404, next_attempt_at: null, delivered_at: null });
    // The last attempt fell at the end of the window.
    expect(s.t.clock.now()).toBe(created + 24 * HOUR);
    expect(d.attempts).toBe(hook.got.length);
    expect(d.attempts).toBeGreaterThan(20);
    await advance(s.t, w, 2 * HOUR);
    expect(hook.got).toHaveLength(d.attempts);

    // Fixed: a redelivery sends the same bytes with the same key, with a fresh window.
    hook.respond = () => ({ status: 200 });
    const re = await s.t.request('manager', 'POST', `${BASE}/${sub.id}/deliveries/${d.id}/redeliver`);
    expect(re.statusCode, re.body).toBe(202);
    expect(re.json()).toMatchObject({ id: d.id, status: 'queued', retry_until: new Date(s.t.clock.now() + 24 * HOUR).toISOString() });
    await onlyDelivery(sub.id, (x) => x.status === 'delivered');
    const last = hook.got[hook.got.length - 1]!;
    expect(last.raw).toBe(hook.got[0]!.raw);
    expect(last.headers['idempotency-key']).toBe(d.id);
    expectSigned(last, sub.signing_secret, s.t.clock.now());
    expect(await onlyDelivery(sub.id)).toMatchObject({ status: 'delivered', attempts: d.attempts + 1, last_status_code: 200 });
  });

  it('redelivers a delivered event on request, lists deliveries newest first, and 404s what is not there', async () => {
    const sub = await subscribe(s.t, { url: `${hook.url}/log`, event_types: ['incident.triggered', 'incident.acknowledged'] });
    const id = await trigger('log');
    await until('triggered', () => hook.got.length === 1);
    s.t.clock.advance(1000);
    await act(id, 'acknowledge');
    await until('acknowledged', () => hook.got.length === 2);
    const ds = await deliveries(s.t, sub.id);
    expect(ds.map((d) => d.event_type)).toEqual(['incident.acknowledged', 'incident.triggered']);

    const page1 = (await s.t.request('manager', 'GET', `${BASE}/${sub.id}/deliveries?limit=1`)).json<{ data: DeliveryJson[]; next_cursor: string }>();
    expect(page1.data.map((d) => d.id)).toEqual([ds[0]!.id]);
    const page2 = (await s.t.request('manager', 'GET', `${BASE}/${sub.id}/deliveries?limit=1&cursor=${page1.next_cursor}`)).json<{ data: DeliveryJson[]; next_cursor: string | null }>();
    expect(page2).toMatchObject({ data: [{ id: ds[1]!.id }], next_cursor: null });
    expect((await s.t.request('manager', 'GET', `${BASE}/${sub.id}/deliveries?status=failed`)).json<{ data: unknown[] }>().data).toEqual([]);

    const triggered = ds[1]!;
    const before = hook.got.length;
    expect((await s.t.request('admin', 'POST', `${BASE}/${sub.id}/deliveries/${triggered.id}/redeliver`)).statusCode).toBe(202);
    await until('the redelivery', () => hook.got.length === before + 1);
    expect(hook.got[before]!.raw).toBe(hook.got.find((r) => r.body.delivery_id === triggered.id)!.raw);
    expect((await deliveries(s.t, sub.id)).find((d) => d.id === triggered.id)).toMatchObject({ status: 'delivered', attempts: 2 });

    expect((await s.t.request('manager', 'POST', `${BASE}/${sub.id}/deliveries/nope/redeliver`)).statusCode).toBe(404);
    expect((await s.t.request('manager', 'GET', `${BASE}/nope/deliveries`)).statusCode).toBe(404);
    const other = await subscribe(s.t, { url: `${hook.url}/other`, event_types: ['incident.resolved'] });
    expect((await s.t.request('manager', 'POST', `${BASE}/${other.id}/deliveries/${triggered.id}/redeliver`)).statusCode).toBe(404);
    // A disabled subscription sends nothing, redeliveries included.
    await s.t.request('manager', 'PATCH', `${BASE}/${sub.id}`, { enabled: false });
    expect((await s.t.request('manager', 'POST', `${BASE}/${sub.id}/deliveries/${triggered.id}/redeliver`)).statusCode).toBe(409);
  });

  it('refuses to send to a private address once the operator stops allowing it', async () => {
    const sub = await subscribe(s.t, { url: `${hook.url}/private`, event_types: ['incident.triggered'] });
    const d = await withPrivateWebhooks(s.t, false, async () => {
      await trigger('private');
      return onlyDelivery(sub.id, (x) => x.attempts === 1);
    });
    expect(d).toMatchObject({ status: 'failed', attempts: 1, last_status_code: null, next_attempt_at: null });
    expect(d.last_response).toMatch(/^refused: /);
    expect(hook.got).toHaveLength(0);
  });

  it('holds deliveries of a subscription disabled before they went out, and deletes them with it', async () => {
    const sub = await subscribe(s.t, { url: `${hook.url}/later`, event_types: ['incident.triggered'] });
    hook.respond = () => ({ status: 503 });
    await trigger('later');
    await onlyDelivery(sub.id, (x) => x.attempts === 1);
    await s.t.request('manager', 'PATCH', `${BASE}/${sub.id}`, { enabled: false });
    await advance(s.t, w, HOUR);
    const d = await onlyDelivery(sub.id, (x) => x.status === 'failed');
    expect(d).toMatchObject({ status: 'failed', attempts: 1, last_response: 'not sent: the subscription is disabled' });
    expect(hook.got).toHaveLength(1);
    expect((await s.t.request('manager', 'DELETE', `${BASE}/${sub.id}`)).statusCode).toBe(204);
    expect(await s.t.deps.db.selectFrom('webhook_deliveries').select('id').execute()).toEqual([]);
  });
});
