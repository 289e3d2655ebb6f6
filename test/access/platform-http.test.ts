import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('HTTP platform', () => {
  it('answers health, readiness and Prometheus metrics', async () => {
    t = await createTestApp();
    expect((await t.app.inject('/healthz')).json()).toMatchObject({ status: 'ok' });
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json().checks).toEqual({ database: 'ok', migrations: 'ok' });
    await t.request('observer', 'GET', '/api/v1/users');
    const metrics = (await t.app.inject('/metrics')).body;
    expect(metrics).toMatch(/tocsin_http_request_duration_seconds_bucket\{[^}]*route="\/api\/v1\/users"/);
    expect(metrics).toContain('tocsin_process_cpu_user_seconds_total');
    expect(metrics).toContain('# TYPE tocsin_jobs gauge');
  });

  it('serves an OpenAPI 3.1 document with every API route, and browsable docs', async () => {
    t = await createTestApp();
    const doc = (await t.app.inject('/api/v1/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of ['/api/v1/users', '/api/v1/users/{id}', '/api/v1/teams', '/api/v1/tokens', '/api/v1/audit']) expect(doc.paths[path]).toBeDefined();
    expect(doc.paths['/api/v1/users'].post.requestBody).toBeDefined();
    const ui = await t.app.inject('/api/docs/');
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });

  it('sends security headers and a request id', async () => {
    t = await createTestApp();
    const res = await t.request('observer', 'GET', '/api/v1/users');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBeDefined();
    expect(res.headers['x-request-id']).toMatch(/.+/);
    const traced = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'trace-123' } });
    expect(traced.headers['x-request-id']).toBe('trace-123');
  });

  it('answers unknown routes and oversized bodies with problem+json, never 500', async () => {
    t = await createTestApp({ env: { TOCSIN_BODY_LIMIT: '2048' } });
    const missing = await t.request('observer', 'GET', '/api/v1/nothing-here');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    const big = await t.request('admin', 'POST', '/api/v1/teams', { name: 'x', description: 'y'.repeat(5000) });
    expect(big.statusCode).toBe(413);
    expect(big.json().errors[0].field).toBe('body');
  });

  it('rate-limits per token and per address', async () => {
    t = await createTestApp({ env: { TOCSIN_RATE_LIMIT: '3', TOCSIN_RATE_LIMIT_ANONYMOUS: '2' } });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await t.request('observer', 'GET', '/api/v1/users')).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    // Another token has its own allowance.
    expect((await t.request('responder', 'GET', '/api/v1/users')).statusCode).toBe(200);
    const anon = [];
    for (let i = 0; i < 3; i++) anon.push((await t.app.inject({ method: 'DELETE', url: '/api/v1/session' })).statusCode);
    expect(anon).toEqual([204, 204, 429]);
  });
});
