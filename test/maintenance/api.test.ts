import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/access/actor.js';
import { createService } from '../../src/incidents/services/commands.js';
import { createTestApp, type TestApp } from '../support/app.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
let t: TestApp;
let svcA: string;
let svcB: string;

beforeEach(async () => {
  t = await createTestApp();
  const ctx = { db: t.deps.db, clock: t.clock, actor: systemActor };
  svcA = (await createService(ctx, { name: 'edge' })).id;
  svcB = (await createService(ctx, { name: 'core' })).id;
});
afterEach(async () => t?.close());

const at = (offset: number) => new Date(t.clock.now() + offset).toISOString();

function fieldsOf(res: LightMyRequestResponse): string[] {
  expect(res.statusCode, res.body).toBe(400);
  return (res.json().errors as Array<{ field: string }>).map((e) => e.field);
}

async function create(body: Record<string, unknown>): Promise<{ id: string; [k: string]: unknown }> {
  const res = await t.request('responder', 'POST', '/api/v1/maintenance-windows', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('maintenance windows API', () => {
  it('creates a window starting now by default', async () => {
    const w = await create({ description: 'firewall swap', end: at(HOUR), service_ids: [svcA, svcB], condition: "event.custom_details.device == 'fw-01'" });
    expect(w).toEqual({
      id: expect.any(String),
      description: 'firewall swap',
      start: at(0),
      end: at(HOUR),
      service_ids: [svcA, svcB].sort(),
      condition: "event.custom_details.device == 'fw-01'",
      state: 'active',
      ended_early: false,
      created_by: t.users.responder.id,
      created_at: at(0),
      updated_at: at(0),
    });
    const got = await t.request('observer', 'GET', `/api/v1/maintenance-windows/${w.id}`);
    expect(got.json()).toEqual(w);
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('object_id', '=', w.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['maintenance_window.created']);
  });

  it('checks times, services and the condition', async () => {
    expect(fieldsOf(await t.request('responder', 'POST', '/api/v1/maintenance-windows', { start: at(2 * HOUR), end: at(HOUR), service_ids: [svcA] }))).toEqual(['end']);
    expect(fieldsOf(await t.request('responder', 'POST', '/api/v1/maintenance-windows', { start: at(HOUR), end: at(HOUR), service_ids: [svcA] }))).toEqual(['end']);
    expect(fieldsOf(await t.request('responder', 'POST', '/api/v1/maintenance-windows', { end: at(-MIN), service_ids: [svcA] }))).toEqual(['end']);
    expect(fieldsOf(await t.request('responder', 'POST', '/api/v1/maintenance-windows', { start: at(-HOUR), end: at(HOUR), service_ids: [svcA] }))).toEqual(['start']);
    const unknown = await t.request('responder', 'POST', '/api/v1/maintenance-windows', { end: at(HOUR), service_ids: [svcA, '00000000-0000-7000-8000-000000000000'] });
    expect(fieldsOf(unknown)).toEqual(['service_ids/1']);
    expect(fieldsOf(await t.request('responder', 'POST', '/api/v1/maintenance-windows', { end: at(HOUR), service_ids: [svcA, svcA] }))).toEqual(['service_ids/1']);
    expect(fieldsOf(await t.request('responder', 'POST', '/api/v1/maintenance-windows', { end: at(HOUR), service_ids: [] }))).toEqual(['service_ids']);
    const bad = await t.request('responder', 'POST', '/api/v1/maintenance-windows', { end: at(HOUR), service_ids: [svcA], condition: "event.source == 'fw-01' ||" });
    expect(bad.json().errors).toEqual([{ field: 'condition', message: 'syntax error: Unexpected token: EOF at line 1, column 27 (offset 26)' }]);
    expect(fieldsOf(await t.request('responder', 'POST', '/api/v1/maintenance-windows', { service_ids: [svcA] }))).toEqual(['end']);
  });

  it('takes a start a few seconds in the past as now', async () => {
    const w = await create({ start: at(-5000), end: at(HOUR), service_ids: [svcA] });
    expect(w.start).toBe(at(0));
    expect(w.state).toBe('active');
  });

  it('lets observers read and writers change', async () => {
    expect((await t.request('observer', 'POST', '/api/v1/maintenance-windows', { end: at(HOUR), service_ids: [svcA] })).statusCode).toBe(403);
    expect((await t.request('observer', 'GET', '/api/v1/maintenance-windows')).statusCode).toBe(200);
    expect((await t.request(null, 'GET', '/api/v1/maintenance-windows')).statusCode).toBe(401);
  });

  it('lists by state and service, a page at a time', async () => {
    const active = await create({ description: 'now', end: at(HOUR), service_ids: [svcA] });
    const future = await create({ description: 'later', start: at(2 * HOUR), end: at(3 * HOUR), service_ids: [svcB] });
    const shortOne = await create({ description: 'short', end: at(10 * MIN), service_ids: [svcA, svcB] });
    t.clock.advance(30 * MIN);
    const list = async (q: string) => {
      const res = await t.request('observer', 'GET', `/api/v1/maintenance-windows${q}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { data: Array<{ id: string; state: string }>; next_cursor: string | null };
    };
    expect((await list('?state=active')).data.map((w) => w.id)).toEqual([active.id]);
    expect((await list('?state=future')).data.map((w) => w.id)).toEqual([future.id]);
    expect((await list('?state=past')).data.map((w) => [w.id, w.state])).toEqual([[shortOne.id, 'past']]);
    expect((await list(`?service_id=${svcB}`)).data.map((w) => w.id)).toEqual([future.id, shortOne.id]);
    expect((await list(`?service_id=${svcA}&state=active`)).data.map((w) => w.id)).toEqual([active.id]);
    const first = await list('?limit=2');
    expect(first.data).toHaveLength(2);
    const second = await list(`?limit=2&cursor=${first.next_cursor}`);
    expect(second.data.map((w) => w.id)).toEqual([shortOne.id]);
    expect(second.next_cursor).toBeNull();
  });

  it('deletes a window that has not started, but not one that has', async () => {
    const future = await create({ start: at(HOUR), end: at(2 * HOUR), service_ids: [svcA] });
    const del = await t.request('responder', 'DELETE', `/api/v1/maintenance-windows/${future.id}`);
    expect(del.statusCode, del.body).toBe(204);
    expect((await t.request('observer', 'GET', `/api/v1/maintenance-windows/${future.id}`)).statusCode).toBe(404);

    const active = await create({ end: at(HOUR), service_ids: [svcA] });
    const refused = await t.request('responder', 'DELETE', `/api/v1/maintenance-windows/${active.id}`);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().detail).toMatch(/already started, so it cannot be deleted.*POST \/api\/v1\/maintenance-windows\/\{id\}\/end/);
    t.clock.advance(2 * HOUR);
    expect((await t.request('responder', 'DELETE', `/api/v1/maintenance-windows/${active.id}`)).statusCode).toBe(409);
    expect((await t.request('responder', 'DELETE', '/api/v1/maintenance-windows/00000000-0000-7000-8000-000000000000')).statusCode).toBe(404);
  });

  it('ends an active window early', async () => {
    const w = await create({ end: at(HOUR), service_ids: [svcA] });
    t.clock.advance(15 * MIN);
    const res = await t.request('responder', 'POST', `/api/v1/maintenance-windows/${w.id}/end`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'past', ended_early: true, end: at(0) });
    const again = await t.request('responder', 'POST', `/api/v1/maintenance-windows/${w.id}/end`);
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toMatch(/already ended/);
    const future = await create({ start: at(HOUR), end: at(2 * HOUR), service_ids: [svcA] });
    const early = await t.request('responder', 'POST', `/api/v1/maintenance-windows/${future.id}/end`);
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toMatch(/not started yet; delete it instead/);
  });

  it('changes a window within the rules of its state', async () => {
    const future = await create({ start: at(HOUR), end: at(2 * HOUR), service_ids: [svcA] });
    const moved = await t.request('responder', 'PATCH', `/api/v1/maintenance-windows/${future.id}`, { start: at(3 * HOUR), end: at(4 * HOUR), service_ids: [svcB], condition: "event.source == 'fw-01'" });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ start: at(3 * HOUR), end: at(4 * HOUR), service_ids: [svcB], condition: "event.source == 'fw-01'", state: 'future' });
    expect(fieldsOf(await t.request('responder', 'PATCH', `/api/v1/maintenance-windows/${future.id}`, { end: at(3 * HOUR) }))).toEqual(['end']);
    expect(fieldsOf(await t.request('responder', 'PATCH', `/api/v1/maintenance-windows/${future.id}`, { condition: 'event.nope' }))).toEqual(['condition']);
    const cleared = await t.request('responder', 'PATCH', `/api/v1/maintenance-windows/${future.id}`, { condition: null });
    expect(cleared.json().condition).toBeNull();

    const active = await create({ end: at(HOUR), service_ids: [svcA] });
    t.clock.advance(MIN);
    const restart = await t.request('responder', 'PATCH', `/api/v1/maintenance-windows/${active.id}`, { start: at(HOUR) });
    expect(restart.statusCode).toBe(409);
    const extended = await t.request('responder', 'PATCH', `/api/v1/maintenance-windows/${active.id}`, { end: at(2 * HOUR), description: 'taking longer' });
    expect(extended.statusCode, extended.body).toBe(200);
    expect(extended.json()).toMatchObject({ end: at(2 * HOUR), description: 'taking longer', state: 'active' });
    expect(fieldsOf(await t.request('responder', 'PATCH', `/api/v1/maintenance-windows/${active.id}`, { end: at(-1) }))).toEqual(['end']);
    t.clock.advance(3 * HOUR);
    const past = await t.request('responder', 'PATCH', `/api/v1/maintenance-windows/${active.id}`, { description: 'too late' });
    expect(past.statusCode).toBe(409);
  });
});
