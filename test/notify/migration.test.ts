import { Migrator } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../src/platform/db/migrations/index.js';
import { migrateToLatest } from '../../src/platform/db/index.js';
import { createTestDatabase, testDialect, type TestDatabase } from '../support/database.js';

let tdb: TestDatabase | undefined;
afterEach(async () => {
  await tdb?.drop();
  tdb = undefined;
});

describe(`migration 0006 on ${testDialect()}`, () => {
  it('gives people who existed before it their email contact method and default rules', async () => {
    tdb = await createTestDatabase({ migrate: false });
    const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0006'));
    const migrator = new Migrator({ db: tdb.db, provider: { getMigrations: async () => before }, migrationTableName: 'tocsin_migrations', migrationLockTableName: 'tocsin_migrations_lock' });
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const user = { email: 'old@example.test', name: 'Old', time_zone: 'UTC', role: 'responder' as const, password_hash: null, created_at: 1, updated_at: 1 };
    await tdb.db.insertInto('users').values([{ id: 'u-old', ...user, deleted_at: null }, { id: 'u-gone', ...user, email: 'gone@example.test', deleted_at: 2 }]).execute();

    await migrateToLatest(tdb.db);
    const methods = await tdb.db.selectFrom('contact_methods').selectAll().execute();
    expect(methods.map((m) => [m.user_id, m.type, m.address, m.verified])).toEqual([['u-old', 'email', 'old@example.test', 1]]);
    const rules = await tdb.db.selectFrom('notification_rules').selectAll().orderBy('urgency').execute();
    expect(rules.map((r) => [r.user_id, r.urgency, Number(r.start_delay_minutes), r.contact_method_id])).toEqual([
      ['u-old', 'high', 0, methods[0]!.id],
      ['u-old', 'low', 0, methods[0]!.id],
    ]);
    const keys = await tdb.db.selectFrom('notify_secrets').select('name').orderBy('name').execute();
    expect(keys.map((k) => k.name)).toEqual(['action_link_key', 'webhook_signing_key']);
  });
});
