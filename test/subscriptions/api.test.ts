import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../../src/notify/channels/webhook.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { testDialect } from '../support/database.js';
import { receiver, subscribe, withPrivateWebhooks, type Receiver, type SubscriptionJson } from './helpers.js';

// The subscription API itself: input checks, private URLs, secrets, ping, who may use it.

let t: TestApp;
let hook: Receiver;

beforeEach(async () => {
  // The receiver listens on loopback.
  t = await createTestApp({ env: { TOCSIN_ALLOW_PRIVATE_WEBHOOKS: 'true' } });
  hook = await receiver();
});
afterEach(async () => {
  await hook.close();
  await t.close();
});

const BASE = '/api/v1/webhook-subscriptions';

async function fieldsOf(body: unknown, method = 'POST', url = BASE): Promise<string[]> {
  const res = await t.request('manager', method, url, body);
  expect(res.statusCode, res.body).toBe(400);
  expect(res.headers['content-type']).toContain('application/problem+json');
  return res.json<{ errors: Array<{ field: string }> }>().errors.map((e) => e.field);
}

describe(`webhook subscription API on ${testDialect()}`, () => {
  it('creates, reads, lists, changes and deletes a subscription; the secret is shown once', async () => {
    const team = (await t.request('manager', 'POST', '/api/v1/teams', { name: 'Payments' })).json<{ id: string }>();
    const svc = (await t.request('manager', 'POST', '/api/v1/services', { name: 'checkout', team_id: team.id })).json<{ id: string }>();
    const created = await subscribe(t, {
      url: `${hook.url}/tickets`,
      event_types: ['incident.triggered', 'incident.resolved'],
      service_ids: [svc.id],
      team_ids: [team.id],
      description: 'ServiceNow',
    });
    expect(created).toMatchObject({ url: `${hook.url}/tickets`, event_types: ['incident.triggered', 'incident.resolved'], service_ids: [svc.id], team_ids: [team.id], enabled: true, description: 'ServiceNow' });
    expect(created.signing_secret).toMatch(/^whsec_/);

    const got = await t.request('admin', 'GET', `${BASE}/${created.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json()).not.toHaveProperty('signing_secret');

    const patched = await t.request('manager', 'PATCH', `${BASE}/${created.id}`, { enabled: false, event_types: ['incident.acknowledged'], service_ids: [] });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ enabled: false, event_types: ['incident.acknowledged'], service_ids: [], team_ids: [team.id] });

    const second = await subscribe(t, { url: `${hook.url}/cmdb`, event_types: ['incident.triggered'] });
    const page1 = await t.request('manager', 'GET', `${BASE}?limit=1`);
    const p1 = page1.json<{ data: SubscriptionJson[]; next_cursor: string }>();
    expect(p1.data.map((s) => s.id)).toEqual([created.id]);
    const p2 = (await t.request('manager', 'GET', `${BASE}?limit=1&cursor=${p1.next_cursor}`)).json<{ data: SubscriptionJson[]; next_cursor: string | null }>();
    expect(p2).toMatchObject({ data: [{ id: second.id }], next_cursor: null });
    expect((await t.request('manager', 'GET', `${BASE}?enabled=true`)).json<{ data: SubscriptionJson[] }>().data.map((s) => s.id)).toEqual([second.id]);

    expect((await t.request('manager', 'DELETE', `${BASE}/${created.id}`)).statusCode).toBe(204);
    expect((await t.request('manager', 'GET', `${BASE}/${created.id}`)).statusCode).toBe(404);
    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'details']).where('object_type', '=', 'webhook_subscription').orderBy('at').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['webhook_subscription.created', 'webhook_subscription.updated', 'webhook_subscription.created', 'webhook_subscription.deleted']);
    // The URL's path and query may hold a receiver's token: the audit log keeps the host only.
    expect(audit.some((a) => a.details.includes('/tickets'))).toBe(false);
  });

  it('names every bad field with a 400', async () => {
    expect(await fieldsOf({})).toEqual(expect.arrayContaining(['url', 'event_types']));
    expect(await fieldsOf({ url: `${hook.url}/x`, event_types: [] })).toEqual(['event_types']);
    expect(await fieldsOf({ url: `${hook.url}/x`, event_types: ['incident.triggered', 'incident.exploded'] })).toContain('event_types/1');
    expect(await fieldsOf({ url: `${hook.url}/x`, event_types: ['incident.updated'] })).toContain('event_types/0');
    expect(await fieldsOf({ url: `${hook.url}/x`, event_types: ['incident.triggered', 'incident.triggered'] })).toEqual(['event_types']);
    expect(await fieldsOf({ url: 'ftp://example.com/x', event_types: ['incident.triggered'] })).toEqual(['url']);
    expect(await fieldsOf({ url: 'not a url', event_types: ['incident.triggered'] })).toEqual(['url']);
    expect(await fieldsOf({ url: 'https://user:pw@example.com/x', event_types: ['incident.triggered'] })).toEqual(['url']);
    expect(await fieldsOf({ url: `${hook.url}/x`, event_types: ['incident.triggered'], service_ids: ['nope'], team_ids: ['ok-no', 'nope'] })).toEqual([
      'service_ids/0',
      'team_ids/0',
      'team_ids/1',
    ]);
    expect(await fieldsOf({ url: `${hook.url}/x`, event_types: ['incident.triggered'], description: 'x'.repeat(1001) })).toEqual(['description']);
    expect(await fieldsOf({ url: `${hook.url}/x`, event_types: ['incident.triggered'], enabled: 'yes' })).toEqual(['enabled']);
    expect(await fieldsOf({ url: `${hook.url}/x`, event_types: ['incident.triggered'], secret: 'mine' })).toEqual(['secret']);
    const sub = await subscribe(t, { url: `${hook.url}/x`, event_types: ['incident.triggered'] });
    expect(await fieldsOf({ url: 'http//nope' }, 'PATCH', `${BASE}/${sub.id}`)).toEqual(['url']);
    expect(await fieldsOf({ service_ids: ['nope'] }, 'PATCH', `${BASE}/${sub.id}`)).toEqual(['service_ids/0']);
    expect((await t.request('manager', 'PATCH', `${BASE}/nope`, { enabled: true })).statusCode).toBe(404);
    expect((await t.request('manager', 'GET', `${BASE}?cursor=%%%`)).statusCode).toBe(400);
  });

  it('refuses private, loopback and plain-http URLs unless the operator allows them', async () => {
    await withPrivateWebhooks(t, false, async () => {
      for (const url of [`${hook.url}/x`, 'https://127.0.0.1/x', 'https://10.1.2.3/x', 'https://[::1]/x', 'https://169.254.169.254/latest', 'https://localhost/x', 'http://example.com/x']) {
        expect(await fieldsOf({ url, event_types: ['incident.triggered'] }), url).toEqual(['url']);
      }
      const ok = await t.request('manager', 'POST', BASE, { url: 'https://hooks.example.com/tocsin', event_types: ['incident.triggered'] });
      expect(ok.statusCode, ok.body).toBe(201);
      expect(await fieldsOf({ url: 'https://192.168.1.1/x' }, 'PATCH', `${BASE}/${ok.json<{ id: string }>().id}`)).toEqual(['url']);
    });
    const allowed = await t.request('manager', 'POST', BASE, { url: `${hook.url}/x`, event_types: ['incident.triggered'] });
    expect(allowed.statusCode).toBe(201);
  });

  it('pings the receiver, signed, and answers with its status', async () => {
    const sub = await subscribe(t, { url: `${hook.url}/ping-me`, event_types: ['incident.triggered'] });
    const ok = await t.request('manager', 'POST', `${BASE}/${sub.id}/ping`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ delivered: true, status_code: 200, response: 'HTTP 200: ok' });
    expect(hook.got).toHaveLength(1);
    const r = hook.got[0]!;
    expect(r.path).toBe('/ping-me');
    expect(r.body).toMatchObject({ version: 1, event_type: 'ping', subscription_id: sub.id, incident: null, occurred_at: new Date(t.clock.now()).toISOString() });
    expect(r.headers['x-tocsin-event']).toBe('ping');
    expect(verifyWebhookSignature(sub.signing_secret, r.headers['x-tocsin-signature'] as string, r.raw, t.clock.now())).toBe(true);

    hook.respond = () => ({ status: 500, body: 'database on fire' });
    expect((await t.request('manager', 'POST', `${BASE}/${sub.id}/ping`)).json()).toMatchObject({ delivered: false, status_code: 500, response: 'HTTP 500: database on fire' });

    const closed = await receiver();
    await closed.close();
    await t.request('manager', 'PATCH', `${BASE}/${sub.id}`, { url: `${closed.url}/gone` });
    const unreachable = (await t.request('manager', 'POST', `${BASE}/${sub.id}/ping`)).json<{ delivered: boolean; status_code: number | null; response: string }>();
    expect(unreachable).toMatchObject({ delivered: false, status_code: null });
    expect(unreachable.response).toMatch(/^unreachable: /);
    expect((await t.request('manager', 'POST', `${BASE}/nope/ping`)).statusCode).toBe(404);
  });

  it('rotates the signing secret: the old one stops verifying', async () => {
    const sub = await subscribe(t, { url: `${hook.url}/x`, event_types: ['incident.triggered'] });
    const rotated = await t.request('admin', 'POST', `${BASE}/${sub.id}/rotate-secret`);
    expect(rotated.statusCode, rotated.body).toBe(200);
    const secret = rotated.json<{ signing_secret: string }>().signing_secret;
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(sub.signing_secret);
    await t.request('manager', 'POST', `${BASE}/${sub.id}/ping`);
    const r = hook.got[0]!;
    expect(verifyWebhookSignature(secret, r.headers['x-tocsin-signature'] as string, r.raw, t.clock.now())).toBe(true);
    expect(verifyWebhookSignature(sub.signing_secret, r.headers['x-tocsin-signature'] as string, r.raw, t.clock.now())).toBe(false);
  });

  it('is for managers and admins only', async () => {
    const sub = await subscribe(t, { url: `${hook.url}/x`, event_types: ['incident.triggered'] });
    for (const role of ['responder', 'observer'] as const) {
      expect((await t.request(role, 'GET', BASE)).statusCode).toBe(403);
      expect((await t.request(role, 'GET', `${BASE}/${sub.id}/deliveries`)).statusCode).toBe(403);
      expect((await t.request(role, 'POST', `${BASE}/${sub.id}/rotate-secret`)).statusCode).toBe(403);
    }
    expect((await t.request(null, 'GET', BASE)).statusCode).toBe(401);
    expect(hook.got).toHaveLength(0);
  });
});
