import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/access/actor.js';
import { createToken } from '../../src/access/tokens/commands.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { testDialect } from '../support/database.js';
import { expectFieldError, layer, makeSchedule, makeUser, shifts, type OncallJson, type Page, type SwapJson } from './helpers.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

/** A bearer token for a responder of our own (the test app has one per role). */
async function responderToken(userId: string): Promise<string> {
  const actor = { type: 'user' as const, id: userId, userId, role: 'responder' as const, name: 'responder' };
  return (await createToken({ db: t.deps.db, clock: t.clock, actor: { ...systemActor, ...actor } }, { name: 'extra', role: 'responder' })).secret;
}

function as(token: string, method: string, url: string, body?: unknown) {
  return t.app.inject({ method: method as 'GET', url, headers: { authorization: `Bearer ${token}` }, ...(body !== undefined ? { payload: body as object } : {}) });
}

describe(`shift swaps on ${testDialect()}`, () => {
  it('offer, take (becomes an override, recorded with both people), and the rules around them', async () => {
    const me = t.users.responder.id;
    const alice = await makeUser(t, 'Alice');
    const aliceToken = await responderToken(alice);
    // Daily at 00:00 UTC: Jan 5 me, Jan 6 Alice, Jan 7 me, …
    const s = await makeSchedule(t, {
      layers: [layer({ start: '2026-01-05T00:00:00Z', users: [me, alice], rotation: { type: 'daily', handoff_time: '00:00' } })],
    });

    // Not my shift on Jan 6; partly not mine across midnight into Jan 8.
    expectFieldError(await t.request('responder', 'POST', '/api/v1/shift-swaps', { schedule_id: s.id, start: '2026-01-06T06:00:00Z', end: '2026-01-06T12:00:00Z' }), 'start');
    expectFieldError(await t.request('responder', 'POST', '/api/v1/shift-swaps', { schedule_id: s.id, start: '2026-01-07T18:00:00Z', end: '2026-01-08T06:00:00Z' }), 'start');
    expectFieldError(await t.request('responder', 'POST', '/api/v1/shift-swaps', { schedule_id: 'nope', start: '2026-01-07T06:00:00Z', end: '2026-01-07T12:00:00Z' }), 'schedule_id');
    expectFieldError(await t.request('responder', 'POST', '/api/v1/shift-swaps', { schedule_id: s.id, start: '2026-01-07T12:00:00Z', end: '2026-01-07T06:00:00Z' }), 'end');
    expectFieldError(await t.request('responder', 'POST', '/api/v1/shift-swaps', { schedule_id: s.id, start: '2026-01-05T00:00:00Z', end: '2026-01-05T06:00:00Z' }), 'end');
    expect((await t.request('observer', 'POST', '/api/v1/shift-swaps', { schedule_id: s.id, start: '2026-01-07T06:00:00Z', end: '2026-01-07T12:00:00Z' })).statusCode).toBe(403);
    // The admin's token here is a service token, tied to no person: it has no shift to offer.
    const service = await t.request('admin', 'POST', '/api/v1/shift-swaps', { schedule_id: s.id, start: '2026-01-07T06:00:00Z', end: '2026-01-07T12:00:00Z' });
    expect(service.statusCode).toBe(403);
    expect(service.json().detail).toContain('belongs to no user');

    const offered = await t.request('responder', 'POST', '/api/v1/shift-swaps', { schedule_id: s.id, start: '2026-01-07T06:00:00Z', end: '2026-01-07T12:00:00Z' });
    expect(offered.statusCode, offered.body).toBe(201);
    const swap = offered.json();
    expect(swap).toMatchObject({ schedule_id: s.id, offered_by: { id: me }, status: 'offered', taken_by: null, override_id: null });
    // The same span twice is a conflict.
    expect((await t.request('responder', 'POST', '/api/v1/shift-swaps', { schedule_id: s.id, start: '2026-01-07T08:00:00Z', end: '2026-01-07T10:00:00Z' })).statusCode).toBe(409);

    // Nobody takes their own offer.
    expect((await t.request('responder', 'POST', `/api/v1/shift-swaps/${swap.id}/take`)).statusCode).toBe(409);

    const taken = await as(aliceToken, 'POST', `/api/v1/shift-swaps/${swap.id}/take`);
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.json()).toMatchObject({ status: 'taken', offered_by: { id: me }, taken_by: { id: alice, name: 'Alice' }, taken_at: '2026-01-05T12:00:00.000Z' });
    const overrideId = taken.json().override_id;
    expect(overrideId).toEqual(expect.any(String));

    const body = await shifts(t, s.id, '2026-01-07T00:00:00Z', '2026-01-08T00:00:00Z');
    expect(body.final.map((x) => [x.user.id, x.start, x.end, x.source, x.override_id])).toEqual([
      [me, '2026-01-07T00:00:00.000Z', '2026-01-07T06:00:00.000Z', 'layer', null],
      [alice, '2026-01-07T06:00:00.000Z', '2026-01-07T12:00:00.000Z', 'swap', overrideId],
      [me, '2026-01-07T12:00:00.000Z', '2026-01-08T00:00:00.000Z', 'layer', null],
    ]);
    const overrides = await t.request('observer', 'GET', `/api/v1/schedules/${s.id}/overrides`);
    expect(overrides.json().data).toEqual([expect.objectContaining({ id: overrideId, source: 'swap', swap_id: swap.id, user: expect.objectContaining({ id: alice }), created_by: alice })]);
    const oncall = await t.request('observer', 'GET', `/api/v1/oncalls?at=2026-01-07T08:00:00Z&schedule_ids=${s.id}`);
    expect(oncall.json<Page<OncallJson>>().data.map((e) => [e.user.id, e.source])).toEqual([[alice, 'swap']]);

    const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('object_id', '=', swap.id).orderBy('at').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['shift_swap.offered', 'shift_swap.taken']);
    expect(JSON.parse(audit[1]!.details)).toMatchObject({ offered_by: me, taken_by: alice, override_id: overrideId });

    // Taken: neither taken again nor cancelled.
    expect((await t.request('manager', 'POST', `/api/v1/shift-swaps/${swap.id}/take`)).statusCode).toBe(409);
    expect((await t.request('responder', 'POST', `/api/v1/shift-swaps/${swap.id}/cancel`)).statusCode).toBe(409);

    const got = await t.request('observer', 'GET', `/api/v1/shift-swaps/${swap.id}`);
    expect(got.json().status).toBe('taken');
  });

  it('cancel: by the offerer or a manager, only while offered', async () => {
    const me = t.users.responder.id;
    const alice = await makeUser(t, 'Alice');
    const aliceToken = await responderToken(alice);
    const s = await makeSchedule(t, {
      layers: [layer({ start: '2026-01-05T00:00:00Z', users: [me], rotation: { type: 'weekly', handoff_time: '00:00' } })],
    });
    const offer = async (start: string, end: string) => {
      const res = await t.request('responder', 'POST', '/api/v1/shift-swaps', { schedule_id: s.id, start, end });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const first = await offer('2026-01-06T00:00:00Z', '2026-01-06T12:00:00Z');
    const second = await offer('2026-01-07T00:00:00Z', '2026-01-07T12:00:00Z');
    const third = await offer('2026-01-08T00:00:00Z', '2026-01-08T12:00:00Z');

    expect((await as(aliceToken, 'POST', `/api/v1/shift-swaps/${first}/cancel`)).statusCode).toBe(403);
    expect((await t.request('observer', 'POST', `/api/v1/shift-swaps/${first}/cancel`)).statusCode).toBe(403);
    const mine = await t.request('responder', 'POST', `/api/v1/shift-swaps/${first}/cancel`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({ status: 'cancelled', cancelled_by: me });
    const managers = await t.request('manager', 'POST', `/api/v1/shift-swaps/${second}/cancel`);
    expect(managers.statusCode).toBe(200);
    expect(managers.json().cancelled_by).toBe(t.users.manager.id);
    expect((await t.request('responder', 'POST', `/api/v1/shift-swaps/${first}/cancel`)).statusCode).toBe(409);
    // A cancelled offer cannot be taken.
    expect((await as(aliceToken, 'POST', `/api/v1/shift-swaps/${first}/take`)).statusCode).toBe(409);
    expect((await t.request('observer', 'POST', `/api/v1/shift-swaps/${third}/take`)).statusCode).toBe(403);

    const offeredOnly = await t.request('observer', 'GET', `/api/v1/shift-swaps?schedule_id=${s.id}&status=offered`);
    expect(offeredOnly.json<Page<SwapJson>>().data.map((x) => x.id)).toEqual([third]);
    const all = await t.request('observer', 'GET', `/api/v1/shift-swaps?schedule_id=${s.id}`);
    expect(all.json<Page<SwapJson>>().data.map((x) => x.status)).toEqual(['cancelled', 'cancelled', 'offered']);
    expectFieldError(await t.request('observer', 'GET', '/api/v1/shift-swaps?status=lost'), 'status');

    // An offer whose time has passed can no longer be taken.
    t.clock.set(Date.parse('2026-01-08T12:00:00Z'));
    expect((await as(aliceToken, 'POST', `/api/v1/shift-swaps/${third}/take`)).statusCode).toBe(409);
  });

  it('of two people taking one offer at once, exactly one gets it', async () => {
    const me = t.users.responder.id;
    const [alice, bob] = [await makeUser(t, 'Alice'), await makeUser(t, 'Bob')];
    const [aliceToken, bobToken] = [await responderToken(alice), await responderToken(bob)];
    const s = await makeSchedule(t, {
      layers: [layer({ start: '2026-01-05T00:00:00Z', users: [me], rotation: { type: 'weekly', handoff_time: '00:00' } })],
    });
    const id = (await t.request('responder', 'POST', '/api/v1/shift-swaps', { schedule_id: s.id, start: '2026-01-06T00:00:00Z', end: '2026-01-06T12:00:00Z' })).json<SwapJson>().id;
    const answers = await Promise.all([as(aliceToken, 'POST', `/api/v1/shift-swaps/${id}/take`), as(bobToken, 'POST', `/api/v1/shift-swaps/${id}/take`)]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const overrides = await t.request('observer', 'GET', `/api/v1/schedules/${s.id}/overrides`);
    expect(overrides.json<Page<SwapJson>>().data).toHaveLength(1);
  });

  it('taking a swap that has begun covers only the rest of it; a changed schedule makes it a conflict', async () => {
    const me = t.users.responder.id;
    const alice = await makeUser(t, 'Alice');
    const bob = await makeUser(t, 'Bob');
    const aliceToken = await responderToken(alice);
    const s = await makeSchedule(t, {
      layers: [layer({ start: '2026-01-05T00:00:00Z', users: [me], rotation: { type: 'weekly', handoff_time: '00:00' } })],
    });
    const a = (await t.request('responder', 'POST', '/api/v1/shift-swaps', { schedule_id: s.id, start: '2026-01-06T00:00:00Z', end: '2026-01-06T12:00:00Z' })).json().id;
    const b = (await t.request('responder', 'POST', '/api/v1/shift-swaps', { schedule_id: s.id, start: '2026-01-07T00:00:00Z', end: '2026-01-07T12:00:00Z' })).json().id;
    // A manager gives Bob part of the second span meanwhile.
    await t.request('manager', 'POST', `/api/v1/schedules/${s.id}/overrides`, { user_id: bob, start: '2026-01-07T06:00:00Z', end: '2026-01-07T08:00:00Z' });
    expect((await as(aliceToken, 'POST', `/api/v1/shift-swaps/${b}/take`)).statusCode).toBe(409);

    t.clock.set(Date.parse('2026-01-06T03:00:00Z'));
    const taken = await as(aliceToken, 'POST', `/api/v1/shift-swaps/${a}/take`);
    expect(taken.statusCode, taken.body).toBe(200);
    const body = await shifts(t, s.id, '2026-01-06T00:00:00Z', '2026-01-06T12:00:00Z');
    expect(body.final.map((x) => [x.user.id, x.start, x.end])).toEqual([
      [me, '2026-01-06T00:00:00.000Z', '2026-01-06T03:00:00.000Z'],
      [alice, '2026-01-06T03:00:00.000Z', '2026-01-06T12:00:00.000Z'],
    ]);
  });
});
