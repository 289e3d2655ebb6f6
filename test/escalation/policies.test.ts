import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { testDialect } from '../support/database.js';
import { expectFieldError, makeSchedule, makeUser, type Page } from '../oncall/helpers.js';
import { saveRoundRobinTurns } from '../../src/escalation/commands.js';
import { roundRobinTurns } from '../../src/escalation/queries.js';
import { transact } from '../../src/platform/db/transaction.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

interface PolicyJson {
  id: string;
  name: string;
  description: string;
  team_id: string | null;
  levels: Array<{ level: number; delay_minutes: number; targets: Array<{ type: string; id: string }>; round_robin: boolean }>;
  repeat: number;
  created_at: string;
  updated_at: string;
}

describe(`escalation policies on ${testDialect()}`, () => {
  it('creates, reads, lists, changes and deletes a policy', async () => {
    const alice = await makeUser(t, 'Alice');
    const bob = await makeUser(t, 'Bob');
    const schedule = await makeSchedule(t, { layers: [] });
    const team = (await t.request('manager', 'POST', '/api/v1/teams', { name: 'Payments' })).json().id as string;

    const created = await t.request('manager', 'POST', '/api/v1/escalation-policies', {
      name: 'Payments',
      description: 'Primary, then the lead',
      team_id: team,
      levels: [
        { delay_minutes: 15, targets: [{ type: 'schedule', id: schedule.id }] },
        { delay_minutes: 10, targets: [{ type: 'user', id: alice }, { type: 'user', id: bob }], round_robin: true },
      ],
      repeat: 2,
    });
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json<PolicyJson>();
    expect(p).toEqual({
      id: expect.any(String),
      name: 'Payments',
      description: 'Primary, then the lead',
      team_id: team,
      levels: [
        { level: 1, delay_minutes: 15, targets: [{ type: 'schedule', id: schedule.id }], round_robin: false },
        { level: 2, delay_minutes: 10, targets: [{ type: 'user', id: alice }, { type: 'user', id: bob }], round_robin: true },
      ],
      repeat: 2,
      created_at: '2026-01-05T12:00:00.000Z',
      updated_at: '2026-01-05T12:00:00.000Z',
    });

    // Everyone reads.
    const got = await t.request('observer', 'GET', `/api/v1/escalation-policies/${p.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual(p);
    const listed = await t.request('responder', 'GET', `/api/v1/escalation-policies?team_id=${team}`);
    expect(listed.json<Page<PolicyJson>>().data.map((x) => x.id)).toEqual([p.id]);
    expect((await t.request('responder', 'GET', '/api/v1/escalation-policies?q=nothing')).json<Page<PolicyJson>>().data).toEqual([]);

    // Only managers and admins edit.
    expect((await t.request('responder', 'PATCH', `/api/v1/escalation-policies/${p.id}`, { repeat: 1 })).statusCode).toBe(403);
    expect((await t.request('observer', 'POST', '/api/v1/escalation-policies', { name: 'x', levels: [] })).statusCode).toBe(403);

    t.clock.advance(60_000);
    const patched = await t.request('admin', 'PATCH', `/api/v1/escalation-policies/${p.id}`, { repeat: 0, description: '' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ repeat: 0, description: '', levels: p.levels, updated_at: '2026-01-05T12:01:00.000Z' });

    const replaced = await t.request('manager', 'PUT', `/api/v1/escalation-policies/${p.id}`, { name: 'Payments v2', levels: [{ delay_minutes: 5, targets: [{ type: 'user', id: bob }] }] });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json()).toMatchObject({ name: 'Payments v2', team_id: null, repeat: 0, levels: [{ level: 1, delay_minutes: 5, round_robin: false }] });

    const audit = await t.request('admin', 'GET', `/api/v1/audit?object_id=${p.id}`);
    expect(audit.json<Page<{ action: string }>>().data.map((a) => a.action)).toEqual(['escalation_policy.updated', 'escalation_policy.updated', 'escalation_policy.created']);

    const deleted = await t.request('manager', 'DELETE', `/api/v1/escalation-policies/${p.id}`);
    expect(deleted.statusCode).toBe(204);
    expect((await t.request('observer', 'GET', `/api/v1/escalation-policies/${p.id}`)).statusCode).toBe(404);
  });

  it('refuses targets that do not exist, naming the field', async () => {
    const alice = await makeUser(t, 'Alice');
    const res = await t.request('manager', 'POST', '/api/v1/escalation-policies', {
      name: 'Broken',
      levels: [
        { delay_minutes: 5, targets: [{ type: 'user', id: alice }] },
        { delay_minutes: 5, targets: [{ type: 'user', id: alice }] },
        { delay_minutes: 5, targets: [{ type: 'schedule', id: 'no-such-schedule' }, { type: 'user', id: 'nobody' }] },
      ],
    });
    expectFieldError(res, 'levels/2/targets/0/id');
    expectFieldError(res, 'levels/2/targets/1/id');
    expect(res.json().errors).toHaveLength(2);

    // A deleted user is no target either.
    expect((await t.request('admin', 'DELETE', `/api/v1/users/${alice}`)).statusCode).toBe(204);
    expectFieldError(await t.request('manager', 'POST', '/api/v1/escalation-policies', { name: 'Gone', levels: [{ delay_minutes: 5, targets: [{ type: 'user', id: alice }] }] }), 'levels/0/targets/0/id');
  });

  it('validates levels, delays, repeat, team and duplicate targets', async () => {
    const alice = await makeUser(t, 'Alice');
    const target = [{ type: 'user', id: alice }];
    const post = (body: Record<string, unknown>) => t.request('manager', 'POST', '/api/v1/escalation-policies', { name: 'P', levels: [{ delay_minutes: 5, targets: target }], ...body });
    expectFieldError(await post({ levels: [] }), 'levels');
    expectFieldError(await post({ levels: [{ delay_minutes: 0, targets: target }] }), 'levels/0/delay_minutes');
    expectFieldError(await post({ levels: [{ delay_minutes: 5, targets: [] }] }), 'levels/0/targets');
    expectFieldError(await post({ levels: [{ delay_minutes: 5, targets: [{ type: 'team', id: alice }] }] }), 'levels/0/targets/0/type');
    expectFieldError(await post({ repeat: 10 }), 'repeat');
    expectFieldError(await post({ repeat: -1 }), 'repeat');
    expectFieldError(await post({ team_id: 'no-such-team' }), 'team_id');
    expectFieldError(await post({ name: '   ' }), 'name');
    expectFieldError(await post({ levels: [{ delay_minutes: 5, targets: [...target, ...target] }] }), 'levels/0/targets/1');
    expectFieldError(await post({ extra: 1 }), 'extra');
    expect((await post({})).statusCode).toBe(201);
    const dup = await post({});
    expect(dup.statusCode).toBe(409);
  });

  it('will not delete a policy a service pages through', async () => {
    const alice = await makeUser(t, 'Alice');
    const p = (await t.request('manager', 'POST', '/api/v1/escalation-policies', { name: 'Web', levels: [{ delay_minutes: 5, targets: [{ type: 'user', id: alice }] }] })).json<PolicyJson>();
    const service = await t.request('admin', 'POST', '/api/v1/services', { name: 'web-frontend', escalation_policy_id: p.id });
    expect(service.statusCode, service.body).toBe(201);
    const res = await t.request('manager', 'DELETE', `/api/v1/escalation-policies/${p.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('web-frontend');
  });

  it('answers 404 for a policy that does not exist', async () => {
    expect((await t.request('observer', 'GET', '/api/v1/escalation-policies/nope')).statusCode).toBe(404);
    expect((await t.request('manager', 'PATCH', '/api/v1/escalation-policies/nope', { repeat: 1 })).statusCode).toBe(404);
    expect((await t.request('manager', 'DELETE', '/api/v1/escalation-policies/nope')).statusCode).toBe(404);
  });

  it('keeps round-robin turns per level, and forgets those of levels an edit removed', async () => {
    const [a, b] = [await makeUser(t, 'A'), await makeUser(t, 'B')];
    const level = { delay_minutes: 5, targets: [{ type: 'user', id: a }, { type: 'user', id: b }], round_robin: true };
    const p = (await t.request('manager', 'POST', '/api/v1/escalation-policies', { name: 'RR', levels: [level, level, level] })).json<PolicyJson>();
    expect(await roundRobinTurns(t.deps.db, p.id)).toEqual({});
    await transact(t.deps.db, (tx) => saveRoundRobinTurns(tx, p.id, { 1: 3, 3: 1 }, t.clock.now()));
    await transact(t.deps.db, (tx) => saveRoundRobinTurns(tx, p.id, { 1: 4 }, t.clock.now()));
    expect(await roundRobinTurns(t.deps.db, p.id)).toEqual({ 1: 4, 3: 1 });
    expect((await t.request('manager', 'PATCH', `/api/v1/escalation-policies/${p.id}`, { levels: [level, level] })).statusCode).toBe(200);
    expect(await roundRobinTurns(t.deps.db, p.id)).toEqual({ 1: 4 });
  });
});
