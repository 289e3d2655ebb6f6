import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actorFromToken } from '../../src/access/authenticate.js';
import { pendingMigrations } from '../../src/platform/db/index.js';
import { createTestDatabase, testDialect, type TestDatabase } from '../support/database.js';

let tdb: TestDatabase;
beforeEach(async () => {
  tdb = await createTestDatabase({ migrate: false });
});
afterEach(async () => tdb.drop());

function tocsin(args: string[]) {
  const env = { ...process.env, ...tdb.env };
  if (tdb.dialect === 'sqlite') delete env.TOCSIN_DATABASE_URL;
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], { env, encoding: 'utf8', timeout: 60_000 });
}

describe(`CLI on ${testDialect()}`, () => {
  it('migrates, then says the database is up to date', async () => {
    const first = tocsin(['migrate']);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('applied: 0001_foundation');
    expect(await pendingMigrations(tdb.db)).toEqual([]);
    const again = tocsin(['migrate']);
    expect(again.stdout.trim()).toBe('database is up to date');
  });

  it('creates a token, prints it once, and it authenticates with that role', async () => {
    const out = tocsin(['token', 'create', '--role', 'manager', '--name', 'ci']);
    expect(out.status).toBe(0);
    const secret = out.stdout.trim();
    expect(secret).toMatch(/^tcs_\S{40}$/);
    const actor = await actorFromToken(tdb.db, secret, Date.now());
    expect(actor).toMatchObject({ type: 'token', role: 'manager', name: 'ci' });
  });

  it('refuses a bad role with a clear message', () => {
    const out = tocsin(['token', 'create', '--role', 'root', '--name', 'x']);
    expect(out.status).not.toBe(0);
    expect(out.stderr).toContain("argument 'root' is invalid");
  });
});
