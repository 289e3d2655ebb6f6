import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/access/actor.js';
import type { Role } from '../../src/access/roles.js';
import { createService } from '../../src/incidents/services/commands.js';
import { createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function service(name = 'svc'): Promise<string> {
  const row = await createService({ db: t.deps.db, clock: t.clock, actor: systemActor }, { name: `${name}-${Math.random().toString(36).slice(2, 8)}` });
  return row.id;
}

function put(role: Role, url: string, body: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'PUT', url, headers: { authorization: `Bearer ${t.tokens[role]}`, ...headers }, payload: body as object });
}

function fieldsOf(res: LightMyRequestResponse): string[] {
  expect(res.statusCode, res.body).toBe(400);
  return (res.json().errors as Array<{ field: string }>).map((e) => e.field);
}

const critical = { condition: "event.severity == 'critical'", actions: { urgency: 'high', priority: 'P1' } };

describe('service event rules', () => {
  it('starts empty at version 0', async () => {
    const id = await service();
    const res = await t.request('observer', 'GET', `/api/v1/services/${id}/rules`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).toBe('"0"');
    expect(res.json()).toEqual({ scope: 'service', service_id: id, version: 0, rules: [], updated_at: null, updated_by: null });
  });

  it('404s for a service that does not exist', async () => {
    expect((await t.request('admin', 'GET', '/api/v1/services/00000000-0000-7000-8000-000000000000/rules')).statusCode).toBe(404);
    expect((await put('admin', '/api/v1/services/00000000-0000-7000-8000-000000000000/rules', { rules: [] })).statusCode).toBe(404);
  });

  it('replaces the whole list, assigning ids and positions, and audits it', async () => {
    const id = await service();
    const res = await put('manager', `/api/v1/services/${id}/rules`, {
      version: 0,
      rules: [critical, { id: 'noise', description: 'drop test pings', condition: "event.summary.startsWith('TEST')", actions: { drop: true }, disabled: true }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    const body = res.json();
    expect(body.version).toBe(1);
    expect(body.updated_by).not.toBeNull();
    expect(body.updated_at).toBe(new Date(t.clock.now()).toISOString());
    expect(body.rules).toEqual([
      { id: expect.any(String), position: 0, condition: critical.condition, actions: critical.actions, disabled: false },
      { id: 'noise', position: 1, description: 'drop test pings', condition: "event.summary.startsWith('TEST')", actions: { drop: true }, disabled: true },
    ]);
    const again = await t.request('responder', 'GET', `/api/v1/services/${id}/rules`);
    expect(again.json()).toEqual(body);
    const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'event_rules.replaced').where('object_id', '=', id).execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details)).toEqual({ version: 1, rules: 2 });
  });

  it('takes back what it gives out (GET, edit, PUT)', async () => {
    const id = await service();
    await put('manager', `/api/v1/services/${id}/rules`, { rules: [critical] });
    const got = (await t.request('manager', 'GET', `/api/v1/services/${id}/rules`)).json();
    const res = await put('manager', `/api/v1/services/${id}/rules`, { version: got.version, rules: [...got.rules, { condition: 'true', actions: { severity: 'info' } }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().rules.map((r: { id: string }) => r.id)[0]).toBe(got.rules[0].id);
    expect(res.json().version).toBe(2);
  });

  it('refuses a stale version with 409, by body or If-Match', async () => {
    const id = await service();
    expect((await put('manager', `/api/v1/services/${id}/rules`, { rules: [critical] })).statusCode).toBe(200);
    const stale = await put('manager', `/api/v1/services/${id}/rules`, { version: 0, rules: [] });
    expect(stale.statusCode, stale.body).toBe(409);
    expect(stale.json().detail).toMatch(/changed since version 0 \(they are now at version 1\)/);
    expect((await put('manager', `/api/v1/services/${id}/rules`, { rules: [] }, { 'if-match': '"0"' })).statusCode).toBe(409);
    const fresh = await put('manager', `/api/v1/services/${id}/rules`, { rules: [] }, { 'if-match': '"1"' });
    expect(fresh.statusCode, fresh.body).toBe(200);
    expect(fresh.json().version).toBe(2);
    expect((await put('manager', `/api/v1/services/${id}/rules`, { rules: [] }, { 'if-match': 'W/"2"' })).statusCode).toBe(200);
    expect(fieldsOf(await put('manager', `/api/v1/services/${id}/rules`, { version: 3, rules: [] }, { 'if-match': '"2"' }))).toEqual(['version']);
    expect(fieldsOf(await put('manager', `/api/v1/services/${id}/rules`, { rules: [] }, { 'if-match': 'yesterday' }))).toEqual(['If-Match']);
  });

  it('lets exactly one of two concurrent saves of the same version win', async () => {
    const id = await service();
    const [a, b] = await Promise.all([
      put('manager', `/api/v1/services/${id}/rules`, { version: 0, rules: [critical] }),
      put('admin', `/api/v1/services/${id}/rules`, { version: 0, rules: [] }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const now = (await t.request('admin', 'GET', `/api/v1/services/${id}/rules`)).json();
    expect(now.version).toBe(1);
  });

  it('names the broken field, with its position', async () => {
    const id = await service();
    const res = await put('manager', `/api/v1/services/${id}/rules`, {
      rules: [critical, critical, critical, { condition: "event.severity == 'critical' &&\n  event.custom_details.env ==", actions: {} }],
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'rules/3/condition', message: 'syntax error: Unexpected token: EOF at line 2, column 30 (offset 61)' }]);
    const typo = await put('manager', `/api/v1/services/${id}/rules`, { rules: [{ condition: "event.sevrity == 'critical'", actions: {} }] });
    expect(typo.json().errors).toEqual([{ field: 'rules/0/condition', message: 'type error: No such key: sevrity at line 1, column 7 (offset 6)' }]);
    expect(fieldsOf(await put('manager', `/api/v1/services/${id}/rules`, { rules: [{ condition: 'true', actions: { dedup_key: '{{ oops' } }] }))).toEqual([
      'rules/0/actions/dedup_key',
    ]);
    expect(fieldsOf(await put('manager', `/api/v1/services/${id}/rules`, { rules: [{ condition: 'true', actions: { bogus: 1 } }] }))).toEqual(['rules/0/actions/bogus']);
    expect(fieldsOf(await put('manager', `/api/v1/services/${id}/rules`, { rules: [{ condition: 'true', actions: { route_to_service_id: id } }] }))).toEqual([
      'rules/0/actions/route_to_service_id',
    ]);
    expect(
      fieldsOf(await put('manager', `/api/v1/services/${id}/rules`, { rules: [{ condition: 'true', actions: { extract: [{ field: 'summary', regex: '(a+)+', target: 'x' }] } }] })),
    ).toEqual(['rules/0/actions/extract/0/regex']);
    // Nothing was saved.
    expect((await t.request('manager', 'GET', `/api/v1/services/${id}/rules`)).json().version).toBe(0);
  });

  it('lets only managers and admins change rules', async () => {
    const id = await service();
    expect((await put('responder', `/api/v1/services/${id}/rules`, { rules: [] })).statusCode).toBe(403);
    expect((await put('observer', `/api/v1/services/${id}/rules`, { rules: [] })).statusCode).toBe(403);
    expect((await put('admin', `/api/v1/services/${id}/rules`, { rules: [] })).statusCode).toBe(200);
  });
});

describe('router rules', () => {
  it('routes only to services that exist', async () => {
    const target = await service('target');
    const before = (await t.request('observer', 'GET', '/api/v1/event-rules/router')).json();
    expect(before.scope).toBe('router');
    expect(before.service_id).toBeNull();
    const missing = await put('manager', '/api/v1/event-rules/router', {
      rules: [{ condition: 'true', actions: { route_to_service_id: '00000000-0000-7000-8000-000000000000' } }],
    });
    expect(missing.statusCode, missing.body).toBe(400);
    expect(missing.json().errors).toEqual([{ field: 'rules/0/actions/route_to_service_id', message: 'service 00000000-0000-7000-8000-000000000000 does not exist' }]);
    const res = await put(
      'manager',
      '/api/v1/event-rules/router',
      { rules: [{ condition: "event.custom_details.team == 'db'", actions: { route_to_service_id: target } }] },
      { 'if-match': `"${before.version}"` },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().version).toBe(before.version + 1);
    expect(res.headers.etag).toBe(`"${before.version + 1}"`);
    expect(res.json().rules[0].actions).toEqual({ route_to_service_id: target });
  });
});

describe('dry run', () => {
  it('says which rule matched and what it would do', async () => {
    const res = await t.request('observer', 'POST', '/api/v1/event-rules/test', {
      rules: [
        { id: 'crit', condition: "event.severity == 'critical'", actions: { priority: 'P1' } },
        { id: 'prod-db', condition: "event.custom_details.env == 'prod' && event.source.startsWith('db-')", actions: {
          severity: 'error',
          dedup_key: '{{event.source}}:{{extracted.mount}}',
          extract: [{ field: 'summary', regex: 'on (?<mount>/\\S*)', target: 'mount' }],
          annotate: { runbook: 'https://wiki.example.org/disk' },
        } },
      ],
      event: { summary: 'disk full on /var', source: 'db-01', severity: 'warning', custom_details: { env: 'prod' }, timestamp: '2026-01-05T11:00:00Z' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      matched_rule: { id: 'prod-db', position: 1 },
      outcome: {
        matched_rule_id: 'prod-db',
        severity: 'error',
        dedup_key: 'db-01:/var',
        extracted: { mount: '/var' },
        annotations: { runbook: 'https://wiki.example.org/disk' },
      },
      errors: [],
    });
  });

  it('reports rules that failed at run time and treats them as no match', async () => {
    const res = await t.request('responder', 'POST', '/api/v1/event-rules/test', {
      rules: [{ condition: "event.custom_details.env == 'prod'", actions: { drop: true } }],
      event: { summary: 's' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.matched_rule).toBeNull();
    expect(body.outcome).toEqual({});
    expect(body.errors).toEqual([{ rule_id: expect.any(String), position: 0, phase: 'condition', message: expect.stringMatching(/^evaluation error: /) }]);
  });

  it('validates the rules like a save', async () => {
    const res = await t.request('observer', 'POST', '/api/v1/event-rules/test', { rules: [{ condition: 'event.', actions: {} }], event: {} });
    expect(fieldsOf(res)).toEqual(['rules/0/condition']);
    const svc = await t.request('observer', 'POST', '/api/v1/event-rules/test', {
      scope: 'service',
      rules: [{ condition: 'true', actions: { route_to_service_id: 'x' } }],
      event: {},
    });
    expect(fieldsOf(svc)).toEqual(['rules/0/actions/route_to_service_id']);
  });
});
