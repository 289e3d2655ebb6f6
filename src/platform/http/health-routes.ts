import { sql } from 'kysely';
import type { Db } from '../db/transaction.js';
import { pendingMigrations } from '../db/migrate.js';
import type { Metrics } from '../metrics.js';
import type { HttpServer } from './server.js';

/** Liveness, readiness and Prometheus metrics: open to probes and scrapers without credentials. */
export function registerHealthRoutes(app: HttpServer, deps: { db: Db; metrics: Metrics; version: string }): void {
  const hidden = { hide: true } as const;
  app.get('/healthz', { config: { policy: 'public' }, schema: hidden }, async () => ({ status: 'ok', version: deps.version }));

  app.get('/readyz', { config: { policy: 'public' }, schema: hidden }, async (_req, reply) => {
    const checks: Record<string, string> = {};
    try {
      await sql`select 1`.execute(deps.db);
      checks.database = 'ok';
      const pending = await pendingMigrations(deps.db);
      checks.migrations = pending.length === 0 ? 'ok' : `pending: ${pending.join(', ')}`;
    } catch (err) {
      checks.database = `unreachable: ${err instanceof Error ? err.message : String(err)}`;
    }
    const ready = Object.values(checks).every((v) => v === 'ok');
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready', checks });
  });

  app.get('/metrics', { config: { policy: 'public' }, schema: hidden }, async (_req, reply) => {
    const body = await deps.metrics.registry.metrics();
    return reply.type(deps.metrics.registry.contentType).send(body);
  });
}
