import type { LightMyRequestResponse } from 'fastify';
import { systemActor } from '../../src/access/actor.js';
import type { Role } from '../../src/access/roles.js';
import { createToken } from '../../src/access/tokens/commands.js';
import { createUser } from '../../src/access/users/commands.js';
import type { App, AppDeps } from '../../src/app-context.js';
import { buildApp } from '../../src/app.js';
import { ManualClock } from '../../src/platform/clock.js';
import { loadConfig } from '../../src/platform/config.js';
import { silentLogger } from '../../src/platform/log.js';
import { createMetrics } from '../../src/platform/metrics.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface TestApp {
  app: App;
  deps: AppDeps;
  tdb: TestDatabase;
  clock: ManualClock;
  /** A bearer token per role, each tied to a user of that role. */
  tokens: Record<Role, string>;
  users: Record<Role, { id: string; email: string }>;
  /** app.inject with a role's token (or none) and a JSON body. */
  request(role: Role | null, method: string, url: string, body?: unknown): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** The real HTTP app on a fresh database of its own, driven by a manual clock. */
export async function createTestApp(opts: { env?: Record<string, string> } = {}): Promise<TestApp> {
  const tdb = await createTestDatabase();
  const clock = new ManualClock(Date.UTC(2026, 0, 5, 12, 0, 0));
  const config = loadConfig({ TOCSIN_PORT: '0', TOCSIN_RATE_LIMIT: '100000', TOCSIN_RATE_LIMIT_ANONYMOUS: '100000', ...opts.env });
  const deps: AppDeps = { db: tdb.db, handle: tdb, clock, config, log: silentLogger, metrics: createMetrics(), version: 'test' };
  const app = await buildApp(deps);
  await app.ready();
  const ctx = { db: tdb.db, clock, actor: systemActor };
  const tokens = {} as Record<Role, string>;
  const users = {} as Record<Role, { id: string; email: string }>;
  for (const role of ['admin', 'manager', 'responder', 'observer'] as const) {
    const user = await createUser(ctx, { email: `${role}@example.test`, name: `Test ${role}`, role, password: `${role}-password` });
    users[role] = { id: user.id, email: user.email };
    const actor = { type: 'user' as const, id: user.id, userId: user.id, role, name: user.name };
    tokens[role] = (await createToken({ ...ctx, actor }, { name: `${role} token`, role })).secret;
  }
  return {
    app,
    deps,
    tdb,
    clock,
    tokens,
    users,
    request(role, method, url, body) {
      return app.inject({
        method: method as 'GET',
        url,
        headers: role ? { authorization: `Bearer ${tokens[role]}` } : {},
        ...(body !== undefined ? { payload: body as object } : {}),
      });
    },
    async close() {
      await app.close();
      await tdb.drop();
    },
  };
}
