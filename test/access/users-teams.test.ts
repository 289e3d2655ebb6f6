import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

describe('users', () => {
  it('creates, reads, updates and deletes a user, writing the audit log in the same breath', async () => {
    const created = await t.request('admin', 'POST', '/api/v1/users', { email: 'Ana@Example.test', name: 'Ana', time_zone: 'Pacific/Auckland', role: 'responder' });
    expect(created.statusCode).toBe(201);
    const ana = created.json();
    expect(ana).toMatchObject({ email: 'ana@example.test', name: 'Ana', time_zone: 'Pacific/Auckland', role: 'responder' });
    expect(ana.password_hash).toBeUndefined();

    const got = await t.request('observer', 'GET', `/api/v1/users/${ana.id}`);
    expect(got.json()).toEqual(ana);

    const patched = await t.request('admin', 'PATCH', `/api/v1/users/${ana.id}`, { role: 'manager', time_zone: 'America/Denver' });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ role: 'manager', time_zone: 'America/Denver' });

    expect((await t.request('admin', 'DELETE', `/api/v1/users/${ana.id}`)).statusCode).toBe(204);
    expect((await t.request('admin', 'GET', `/api/v1/users/${ana.id}`)).statusCode).toBe(404);

    const audit = await t.request('admin', 'GET', `/api/v1/audit?object_type=user&object_id=${ana.id}`);
    expect(audit.json().data.map((e: { action: string }) => e.action)).toEqual(['user.deleted', 'user.updated', 'user.created']);
    expect(audit.json().data[1].details).toEqual({ changed: ['time_zone', 'role'] });
  });

  it('rejects bad input with a problem naming each field', async () => {
    const res = await t.request('admin', 'POST', '/api/v1/users', { email: 'not-an-email', name: '', extra: true });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const fields = res.json().errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['email', 'extra', 'name']);

    const zone = await t.request('admin', 'POST', '/api/v1/users', { email: 'z@example.test', name: 'Z', time_zone: 'Mars/Olympus_Mons' });
    expect(zone.statusCode).toBe(400);
    expect(zone.json().errors).toEqual([{ field: 'time_zone', message: expect.stringContaining('IANA') }]);

    const dup = await t.request('admin', 'POST', '/api/v1/users', { email: 'ADMIN@example.test', name: 'Again' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].field).toBe('email');

    const malformed = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: { authorization: `Bearer ${t.tokens.admin}`, 'content-type': 'application/json' }, payload: '{"email":' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].field).toBe('body');
  });

  it('pages through users with limit and cursor, visiting each exactly once', async () => {
    for (let i = 0; i < 7; i++) await t.request('admin', 'POST', '/api/v1/users', { email: `u${i}@example.test`, name: `User ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await t.request('observer', 'GET', `/api/v1/users?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      seen.push(...body.data.map((u: { email: string }) => u.email));
      cursor = body.next_cursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(4);
    expect(seen).toHaveLength(11);
    expect(new Set(seen).size).toBe(11);
    const bad = await t.request('observer', 'GET', '/api/v1/users?cursor=%%%');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('cursor');
  });

  it('keeps the last admin', async () => {
    const admins = (await t.request('admin', 'GET', '/api/v1/users?role=admin')).json().data;
    expect(admins).toHaveLength(1);
    const res = await t.request('admin', 'DELETE', `/api/v1/users/${admins[0].id}`);
    expect(res.statusCode).toBe(409);
  });

  it('does not let a user raise their own role', async () => {
    const res = await t.request('responder', 'PATCH', `/api/v1/users/${t.users.responder.id}`, { role: 'admin' });
    expect(res.statusCode).toBe(403);
  });
});

describe('teams', () => {
  it('manages a team and its members', async () => {
    const created = await t.request('manager', 'POST', '/api/v1/teams', { name: 'Payments', description: 'payments-api' });
    expect(created.statusCode).toBe(201);
    const team = created.json();
    const added = await t.request('manager', 'PUT', `/api/v1/teams/${team.id}/members/${t.users.responder.id}`, { role: 'member' });
    expect(added.statusCode).toBe(200);
    expect(added.json().members).toEqual([{ user_id: t.users.responder.id, name: 'Test responder', email: 'responder@example.test', role: 'member' }]);
    const promoted = await t.request('manager', 'PUT', `/api/v1/teams/${team.id}/members/${t.users.responder.id}`, { role: 'manager' });
    expect(promoted.json().members[0].role).toBe('manager');
    const list = await t.request('observer', 'GET', '/api/v1/teams');
    expect(list.json().data).toHaveLength(1);
    expect(list.json().data[0].members).toHaveLength(1);
    expect((await t.request('manager', 'POST', '/api/v1/teams', { name: 'Payments' })).statusCode).toBe(409);
    const removed = await t.request('manager', 'DELETE', `/api/v1/teams/${team.id}/members/${t.users.responder.id}`);
    expect(removed.json().members).toEqual([]);
    expect((await t.request('manager', 'PUT', `/api/v1/teams/${team.id}/members/nobody`, {})).statusCode).toBe(404);
    expect((await t.request('manager', 'DELETE', `/api/v1/teams/${team.id}`)).statusCode).toBe(204);
    expect((await t.request('observer', 'GET', `/api/v1/teams/${team.id}`)).statusCode).toBe(404);
  });
});
