import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { newId } from '../../src/platform/ids.js';
import { migrateToLatest, openPostgres, openSqlite, type DatabaseHandle } from '../../src/platform/db/index.js';

export type TestDialect = 'sqlite' | 'postgres';

/** Which database this test project runs on (set per Vitest project). */
export function testDialect(): TestDialect {
  return process.env.TOCSIN_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
}

export interface TestDatabase extends DatabaseHandle {
  /** Connection string (postgres) or file (sqlite) a child process can open too. */
  url: string;
  /** The value for TOCSIN_DATABASE_URL / TOCSIN_DATA_DIR when starting a real process on it. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh, migrated database of its own for one test: nothing is shared between tests. */
export async function createTestDatabase(opts: { migrate?: boolean; poolSize?: number } = {}): Promise<TestDatabase> {
  let handle: TestDatabase;
  if (testDialect() === 'postgres') {
    const server = inject('postgresUrl');
    const name = `tocsin_t_${newId().replace(/-/g, '').slice(-20)}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = withDatabase(server, name);
    const h = openPostgres(url, opts.poolSize ?? 10);
    handle = {
      ...h,
      url,
      env: { TOCSIN_DATABASE_URL: url },
      async drop() {
        await h.close().catch(() => undefined);
        const c = new pg.Client({ connectionString: server });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tocsin-test-'));
    const file = path.join(dir, 'tocsin.sqlite');
    const h = openSqlite(file);
    handle = {
      ...h,
      url: file,
      env: { TOCSIN_DATA_DIR: dir },
      async drop() {
        await h.close().catch(() => undefined);
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (opts.migrate !== false) await migrateToLatest(handle.db);
  return handle;
}
