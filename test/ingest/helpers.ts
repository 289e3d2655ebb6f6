import { expect } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { buildJobRegistry } from '../../src/jobs.js';
import { Worker } from '../../src/platform/jobs/index.js';

export interface Setup {
  t: TestApp;
  serviceId: string;
  integrationId: string;
  routingKey: string;
}

export async function createService(t: TestApp, body: Record<string, unknown> = {}): Promise<string> {
  const res = await t.request('manager', 'POST', '/api/v1/services', { name: `svc ${Math.random().toString(36).slice(2, 8)}`, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

export async function createIntegration(t: TestApp, serviceId: string, body: Record<string, unknown> = { type: 'events_v2' }): Promise<{ id: string; key: string; url: string | null }> {
  const res = await t.request('manager', 'POST', `/api/v1/services/${serviceId}/integrations`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; key: string; url: string | null }>();
}

export async function setup(service: Record<string, unknown> = {}, env: Record<string, string> = {}): Promise<Setup> {
  const t = await createTestApp({ env });
  const serviceId = await createService(t, service);
  const integration = await createIntegration(t, serviceId);
  return { t, serviceId, integrationId: integration.id, routingKey: integration.key };
}

export function event(routingKey: string, action: 'trigger' | 'acknowledge' | 'resolve', dedupKey?: string, payload: Record<string, unknown> = {}) {
  return {
    routing_key: routingKey,
    event_action: action,
    ...(dedupKey !== undefined ? { dedup_key: dedupKey } : {}),
    ...(action === 'trigger' ? { payload: { summary: `problem ${dedupKey ?? ''}`, source: 'host-1', severity: 'critical', ...payload } } : {}),
  };
}

export async function send(t: TestApp, body: unknown, path = '/v2/enqueue') {
  return t.app.inject({ method: 'POST', url: path, payload: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } });
}

export async function get<T>(t: TestApp, url: string): Promise<T> {
  const res = await t.request('observer', 'GET', url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
}

export interface IncidentJson {
  id: string;
  number: number;
  status: string;
  alert_count: number;
  urgency: string;
  title: string;
  resolve_reason: string | null;
  acknowledgers: Array<{ name: string }>;
  recent_changes?: Array<{ summary: string }>;
}

export interface AlertJson {
  id: string;
  dedup_key: string;
  status: string;
  event_count: number;
  incident_id: string | null;
  group_reason: string | null;
  transient: boolean;
  held_until: string | null;
}

export async function incidents(t: TestApp, query = ''): Promise<IncidentJson[]> {
  return (await get<{ data: IncidentJson[] }>(t, `/api/v1/incidents?limit=500${query}`)).data;
}

export async function alerts(t: TestApp, query = ''): Promise<AlertJson[]> {
  return (await get<{ data: AlertJson[] }>(t, `/api/v1/alerts?limit=500${query}`)).data;
}

export async function timeline(t: TestApp, incidentId: string): Promise<Array<{ type: string; message: string }>> {
  return (await get<{ data: Array<{ type: string; message: string }> }>(t, `/api/v1/incidents/${incidentId}/timeline?limit=500`)).data;
}

export async function jobKeys(t: TestApp, kind?: string): Promise<string[]> {
  let q = t.deps.db.selectFrom('jobs').select('key').where('state', '=', 'queued');
  if (kind) q = q.where('kind', '=', kind);
  return (await q.execute()).map((r) => r.key ?? '').sort();
}

/** Keys of jobs that were enqueued, whether still queued or already run. */
export async function enqueuedKeys(t: TestApp, kind: string): Promise<string[]> {
  const rows = await t.deps.db.selectFrom('jobs').select('key').where('state', 'in', ['queued', 'done']).where('kind', '=', kind).execute();
  return rows.map((r) => r.key ?? '').sort();
}

/** A worker on the test's manual clock, running every registered handler. */
export function startWorker(t: TestApp): Worker {
  const w = new Worker({
    db: t.deps.db,
    dialect: t.tdb.dialect,
    databaseUrl: t.tdb.dialect === 'postgres' ? t.tdb.url : null,
    registry: buildJobRegistry(t.deps),
    clock: t.clock,
    log: t.deps.log,
    pollMs: 50,
  });
  return w;
}

/** Moves the manual clock and waits until the worker has run everything now due. */
export async function advance(t: TestApp, w: Worker, ms: number): Promise<void> {
  t.clock.advance(ms);
  await new Promise((r) => setTimeout(r, 20));
  await w.idle();
}
