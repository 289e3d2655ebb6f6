import type http from 'node:http';
import { expect } from 'vitest';
import { verifyWebhookSignature } from '../../src/notify/channels/webhook.js';
import { standIn } from '../../src/notify/channels/test-support.js';
import type { TestApp } from '../support/app.js';

// A real HTTP receiver on 127.0.0.1 that checks every request the way docs/webhooks.md tells
// receivers to: signature over the exact raw body, Idempotency-Key, event header, JSON shape.

export interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  /** The raw body, byte for byte as it arrived. */
  raw: string;
  body: {
    version: number;
    event_type: string;
    occurred_at: string;
    delivery_id: string;
    subscription_id: string;
    incident: null | {
      id: string;
      number: number;
      title: string;
      status: string;
      urgency: string;
      priority: string | null;
      service: { id: string; name: string | null };
      team_id: string | null;
      assignees: string[];
      acknowledgers: Array<{ name: string }>;
      alert_count: number;
      created_at: string;
      acknowledged_at: string | null;
      resolved_at: string | null;
      resolve_reason: string | null;
      html_url: string;
    };
  };
}

export interface Receiver {
  url: string;
  got: Received[];
  /** What to answer next (status, headers); defaults to 200. */
  respond: (r: Received) => { status: number; headers?: Record<string, string>; body?: string };
  close(): Promise<void>;
}

export async function receiver(): Promise<Receiver> {
  const got: Received[] = [];
  const state: Receiver = {
    url: '',
    got,
    respond: () => ({ status: 200 }),
    close: async () => undefined,
  };
  const server = await standIn((req, res) => {
    let body: Received['body'];
    try {
      body = JSON.parse(req.body) as Received['body'];
    } catch {
      res.writeHead(400).end('not JSON');
      return;
    }
    const r: Received = { path: req.path, headers: req.headers, raw: req.body, body };
    got.push(r);
    const answer = state.respond(r);
    res.writeHead(answer.status, { 'content-type': 'text/plain', ...answer.headers });
    res.end(answer.body ?? 'ok');
  });
  state.url = server.url;
  state.close = server.close;
  return state;
}

/** What every request must carry, checked as a receiver would. */
export function expectSigned(r: Received, secret: string, now: number): void {
  expect(r.headers['content-type']).toBe('application/json');
  expect(r.headers['user-agent']).toMatch(/^Tocsin-Webhook\//);
  expect(verifyWebhookSignature(secret, r.headers['x-tocsin-signature'] as string, r.raw, now), 'signature').toBe(true);
  expect(r.headers['idempotency-key']).toBe(r.body.delivery_id);
  expect(r.headers['x-tocsin-event']).toBe(r.body.event_type);
}

export interface SubscriptionJson {
  id: string;
  url: string;
  description: string;
  event_types: string[];
  service_ids: string[];
  team_ids: string[];
  enabled: boolean;
  signing_secret?: string;
}

export interface DeliveryJson {
  id: string;
  subscription_id: string;
  event_type: string;
  incident_id: string | null;
  status: 'queued' | 'delivered' | 'failed';
  attempts: number;
  last_status_code: number | null;
  last_response: string | null;
  next_attempt_at: string | null;
  retry_until: string;
  created_at: string;
  delivered_at: string | null;
  payload: Received['body'];
}

export async function subscribe(t: TestApp, body: Record<string, unknown>): Promise<SubscriptionJson & { signing_secret: string }> {
  const res = await t.request('manager', 'POST', '/api/v1/webhook-subscriptions', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

export async function deliveries(t: TestApp, subscriptionId: string): Promise<DeliveryJson[]> {
  const res = await t.request('manager', 'GET', `/api/v1/webhook-subscriptions/${subscriptionId}/deliveries?limit=500`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ data: DeliveryJson[] }>().data;
}

/** Runs `fn` with TOCSIN_ALLOW_PRIVATE_WEBHOOKS set as given, restoring it afterwards. */
/** Runs `fn` as if the operator had set TOCSIN_ALLOW_PRIVATE_WEBHOOKS to `allowed` (the app reads it from its configuration). */
export async function withPrivateWebhooks<T>(t: TestApp, allowed: boolean, fn: () => Promise<T>): Promise<T> {
  const before = t.deps.config.allowPrivateWebhooks;
  t.deps.config.allowPrivateWebhooks = allowed;
  try {
    return await fn();
  } finally {
    t.deps.config.allowPrivateWebhooks = before;
  }
}
