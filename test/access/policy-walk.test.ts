import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleFor } from '../../src/access/policies.js';
import { ROLES } from '../../src/access/roles.js';
import { createTestApp, type TestApp } from '../support/app.js';

/**
 * Walks every route with every role and with no credentials, and checks the answer against the
 * policy the route names: 401 without credentials, 403 for a role the rule leaves out, and
 * neither for a role it allows. Routes are discovered from the app, so a new route is walked
 * as soon as it exists (and one with no policy stops the app from starting at all).
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const NOWHERE = '00000000-0000-7000-8000-000000000000';

function fill(url: string): string {
  return url.replace(/:[a-z_]+(\.[a-z]+)?/gi, (_m, ext: string | undefined) => `${NOWHERE}${ext ?? ''}`).replace(/\*$/, 'anything');
}

/** Streaming routes never finish; reaching the handler at all means authorization passed. */
async function statusOf(role: (typeof ROLES)[number] | null, method: string, url: string): Promise<number | 'streaming'> {
  const body = ['POST', 'PUT', 'PATCH'].includes(method) ? {} : undefined;
  const res = await Promise.race([
    t.request(role, method, url, body),
    new Promise<'streaming'>((r) => setTimeout(() => r('streaming'), 3000)),
  ]);
  return res === 'streaming' ? res : res.statusCode;
}

describe('policy walk', () => {
  it('finds the routes it walks', () => {
    const protectedRoutes = t.app.routeList.filter((r) => r.policy !== 'public');
    expect(protectedRoutes.length).toBeGreaterThan(15);
    expect(t.app.routeList.every((r) => r.policy === 'public' || ruleFor(r.policy) !== undefined)).toBe(true);
  });

  it('answers every protected route by its policy, for every role and for nobody', async () => {
    const problems: string[] = [];
    for (const route of t.app.routeList) {
      if (route.policy === 'public' || route.method === 'HEAD' || route.method === 'OPTIONS') continue;
      const url = fill(route.url);
      const anonymous = await statusOf(null, route.method, url);
      if (anonymous !== 401) problems.push(`${route.method} ${route.url} without credentials: ${anonymous}, expected 401`);
      const rule = ruleFor(route.policy)!;
      for (const role of ROLES) {
        const status = await statusOf(role, route.method, url);
        // The path's user is nobody's own record, so `self` never applies here.
        const allowed = rule.roles.includes(role);
        if (allowed && (status === 401 || status === 403)) problems.push(`${route.method} ${route.url} as ${role}: ${status}, policy ${route.policy} allows it`);
        if (!allowed && status !== 403) problems.push(`${route.method} ${route.url} as ${role}: ${status}, policy ${route.policy} forbids it`);
        if (typeof status === 'number' && status >= 500) problems.push(`${route.method} ${route.url} as ${role}: ${status}`);
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('lets a user act on their own record where the policy says self', async () => {
    const own = await t.request('observer', 'PATCH', `/api/v1/users/${t.users.observer.id}`, { name: 'Renamed Observer' });
    expect(own.statusCode).toBe(200);
    expect(own.json().name).toBe('Renamed Observer');
    const other = await t.request('observer', 'PATCH', `/api/v1/users/${t.users.responder.id}`, { name: 'Nope' });
    expect(other.statusCode).toBe(403);
    expect(other.headers['content-type']).toContain('application/problem+json');
  });
});
