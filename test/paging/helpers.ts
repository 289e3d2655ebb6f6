import { expect } from 'vitest';
import type { TestApp } from '../support/app.js';
import { makeUser } from '../oncall/helpers.js';
import { verifyWebhookSignature } from '../../src/notify/channels/webhook.js';
import { standIn } from '../../src/notify/channels/test-support.js';

/** A webhook receiver on loopback that checks each page's signature like a real receiver would. */
export interface Receiver {
  url: string;
  pages: Array<{ path: string; body: PageBody; idempotencyKey: string | undefined }>;
  /** Answer this status for a path (default 200). */
  failing: Map<string, number>;
  secrets: Map<string, string>;
  close(): Promise<void>;
}

export interface PageBody {
  event_type: string;
  idempotency_key: string;
  summary: string;
  text: string;
  incidents: Array<{ id: string; number: number; title: string; status: string }>;
  actions: { acknowledge_url: string | null; resolve_url: string | null };
}

export async function startReceiver(now: () => number): Promise<Receiver> {
  const r: Receiver = { url: '', pages: [], failing: new Map(), secrets: new Map(), close: async () => {} };
  const server = await standIn((req, res) => {
    const secret = r.secrets.get(req.path);
    if (!secret || !verifyWebhookSignature(secret, req.headers['x-tocsin-signature'] as string | undefined, req.body, now())) {
      res.writeHead(401).end('bad signature');
      return;
    }
    const status = r.failing.get(req.path) ?? 200;
    if (status < 300) r.pages.push({ path: req.path, body: JSON.parse(req.body) as PageBody, idempotencyKey: req.headers['idempotency-key'] as string | undefined });
    res.writeHead(status).end(status < 300 ? 'ok' : 'nope');
  });
  r.url = server.url;
  r.close = server.close;
  return r;
}

/** Deletes a person's rules (the defaults page by their sign-in email, which tests do not configure). */
export async function clearRules(t: TestApp, userId: string): Promise<void> {
  const rules = (await t.request('admin', 'GET', `/api/v1/users/${userId}/notification-rules`)).json<{ data: Array<{ id: string }> }>().data;
  for (const rule of rules) expect((await t.request('admin', 'DELETE', `/api/v1/users/${userId}/notification-rules/${rule.id}`)).statusCode).toBe(204);
}

export async function addWebhook(t: TestApp, r: Receiver, userId: string, path: string, delays: Record<'high' | 'low', number[]> = { high: [0], low: [0] }): Promise<string> {
  const res = await t.request('admin', 'POST', `/api/v1/users/${userId}/contact-methods`, { type: 'webhook', address: `${r.url}${path}`, label: path.slice(1) });
  expect(res.statusCode, res.body).toBe(201);
  const method = res.json<{ id: string; signing_secret: string }>();
  r.secrets.set(path, method.signing_secret);
  for (const urgency of ['high', 'low'] as const) {
    for (const delay of delays[urgency]) {
      const rule = await t.request('admin', 'POST', `/api/v1/users/${userId}/notification-rules`, { urgency, start_delay_minutes: delay, contact_method_id: method.id });
      expect(rule.statusCode, rule.body).toBe(201);
    }
  }
  return method.id;
}

/** A person with no notification rules yet (the defaults page by an email that tests do not configure). */
export async function bareUser(t: TestApp, name: string, role = 'responder'): Promise<string> {
  const id = await makeUser(t, name, 'UTC', role);
  await clearRules(t, id);
  return id;
}

/** A person reachable only by a webhook at `/<name>`. */
export async function pager(t: TestApp, r: Receiver, name: string, role = 'responder'): Promise<string> {
  const id = await bareUser(t, name, role);
  await addWebhook(t, r, id, `/${name.toLowerCase()}`);
  return id;
}

export async function makePolicy(t: TestApp, levels: Array<{ delay_minutes: number; targets: Array<{ type: 'user' | 'schedule'; id: string }>; round_robin?: boolean }>, repeat = 0): Promise<string> {
  const res = await t.request('manager', 'POST', '/api/v1/escalation-policies', { name: `Policy ${Math.random().toString(36).slice(2, 8)}`, levels, repeat });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

export async function makeService(t: TestApp, policyId: string | null, extra: Record<string, unknown> = {}): Promise<{ id: string; key: string }> {
  const svc = await t.request('manager', 'POST', '/api/v1/services', { name: `svc-${Math.random().toString(36).slice(2, 8)}`, escalation_policy_id: policyId, ...extra });
  expect(svc.statusCode, svc.body).toBe(201);
  const integ = await t.request('manager', 'POST', `/api/v1/services/${svc.json().id}/integrations`, { type: 'events_v2', name: 'monitoring' });
  expect(integ.statusCode, integ.body).toBe(201);
  return { id: svc.json().id as string, key: integ.json().key as string };
}

export async function trigger(t: TestApp, key: string, dedup: string, extra: Record<string, unknown> = {}): Promise<void> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/v2/enqueue',
    payload: { routing_key: key, event_action: 'trigger', dedup_key: dedup, payload: { summary: `Problem ${dedup}`, source: 'test', severity: 'critical', ...extra } },
  });
  expect(res.statusCode, res.body).toBe(202);
}

/** Who received pages, in order, by receiver path. */
export const paged = (r: Receiver) => r.pages.map((p) => p.path);
