import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/platform/crypto.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { bootstrap } from '../../src/bootstrap.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

describe('API tokens', () => {
  it('shows a token once, stores only its hash, records last use, and stops it on revoke', async () => {
    const created = await t.request('admin', 'POST', '/api/v1/tokens', { name: 'ci', role: 'responder' });
    expect(created.statusCode).toBe(201);
    const { token, id, prefix } = created.json();
    expect(token).toMatch(/^tcs_[A-Za-z0-9_-]{40}$/);
    expect(token.startsWith(prefix)).toBe(true);
    const row = await t.tdb.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(sha256Hex(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const fetched = await t.request('admin', 'GET', `/api/v1/tokens/${id}`);
    expect(fetched.json().token).toBeUndefined();
    expect(fetched.json().last_used_at).toBeNull();

    t.clock.advance(5_000);
    const used = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(used.statusCode).toBe(200);
    expect(used.json().actor).toMatchObject({ type: 'token', role: 'responder', name: 'ci' });
    expect((await t.request('admin', 'GET', `/api/v1/tokens/${id}`)).json().last_used_at).toBe(new Date(t.clock.now()).toISOString());

    expect((await t.request('admin', 'DELETE', `/api/v1/tokens/${id}`)).statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(after.statusCode).toBe(401);
  });

  it('never lets a token outrank its maker, and hides other people’s tokens', async () => {
    expect((await t.request('responder', 'POST', '/api/v1/tokens', { name: 'x', role: 'admin' })).statusCode).toBe(403);
    const mine = await t.request('responder', 'POST', '/api/v1/tokens', { name: 'mine', role: 'observer' });
    expect(mine.statusCode).toBe(201);
    const seenByObserver = await t.request('observer', 'GET', '/api/v1/tokens');
    expect(seenByObserver.json().data.map((x: { name: string }) => x.name)).toEqual(['observer token']);
    expect((await t.request('observer', 'DELETE', `/api/v1/tokens/${mine.json().id}`)).statusCode).toBe(404);
    expect((await t.request('admin', 'GET', '/api/v1/tokens')).json().data.length).toBe(5);
  });

  it('honours expiry', async () => {
    const exp = new Date(t.clock.now() + 60_000).toISOString();
    const { token } = (await t.request('admin', 'POST', '/api/v1/tokens', { name: 'short', expires_at: exp })).json();
    const me = () => t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect((await me()).statusCode).toBe(200);
    t.clock.advance(60_000);
    expect((await me()).statusCode).toBe(401);
  });

  it('makes TOCSIN_ADMIN_TOKEN exist exactly once, however often the service starts', async () => {
    const secret = 'tcs_automation-secret-for-tests';
    const deps = { ...t.deps, config: { ...t.deps.config, adminToken: secret } };
    expect((await bootstrap(deps)).adminTokenCreated).toBe(true);
    expect((await bootstrap(deps)).adminTokenCreated).toBe(false);
    const rows = await t.tdb.db.selectFrom('api_tokens').selectAll().where('token_hash', '=', sha256Hex(secret)).execute();
    expect(rows).toHaveLength(1);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: { authorization: `Bearer ${secret}` } });
    expect(res.statusCode).toBe(200);
  });
});

describe('console sessions', () => {
  it('signs in with a password into an httpOnly cookie, and signs out', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: 'manager@example.test', password: 'wrong' } });
    expect(bad.statusCode).toBe(401);
    expect(bad.headers['set-cookie']).toBeUndefined();

    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: 'Manager@example.test', password: 'manager-password' } });
    expect(ok.statusCode).toBe(200);
    const cookie = String(ok.headers['set-cookie']);
    expect(cookie).toMatch(/tocsin_session=[^;]+;/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const session = cookie.split(';')[0]!;

    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session } });
    expect(me.json()).toMatchObject({ actor: { type: 'user', role: 'manager' }, user: { email: 'manager@example.test' } });

    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie: session } })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session } })).statusCode).toBe(401);
  });

  it('ends every session of a user whose password changes', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: 'responder@example.test', password: 'responder-password' } });
    const session = String(login.headers['set-cookie']).split(';')[0]!;
    await t.request('admin', 'PATCH', `/api/v1/users/${t.users.responder.id}`, { password: 'a-brand-new-password' });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session } })).statusCode).toBe(401);
  });
});
