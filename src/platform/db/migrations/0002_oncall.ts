import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

// On-call schedules, overrides, time off, shift swaps and calendar feeds. Only types both
// SQLite and PostgreSQL share: text, bigint (epoch ms), JSON as text. Row types live in
// src/oncall/tables.ts.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('schedules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.references('teams.id').onDelete('set null'))
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('layers', 'text', (c) => c.notNull())
    .addColumn('ical_nonce', 'text', (c) => c.notNull())
    .addColumn('ical_token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('schedules_team').on('schedules').column('team_id').execute();

  await db.schema
    .createTable('schedule_overrides')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('schedule_id', 'text', (c) => c.notNull().references('schedules.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('start_at', 'bigint', (c) => c.notNull())
    .addColumn('end_at', 'bigint', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('swap_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('schedule_overrides_range').on('schedule_overrides').columns(['schedule_id', 'end_at']).execute();
  await db.schema.createIndex('schedule_overrides_user').on('schedule_overrides').columns(['user_id', 'end_at']).execute();

  await db.schema
    .createTable('time_off')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('start_at', 'bigint', (c) => c.notNull())
    .addColumn('end_at', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('time_off_user_range').on('time_off').columns(['user_id', 'end_at']).execute();

  await db.schema
    .createTable('shift_swaps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('schedule_id', 'text', (c) => c.notNull().references('schedules.id').onDelete('cascade'))
    .addColumn('offered_by', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('start_at', 'bigint', (c) => c.notNull())
    .addColumn('end_at', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('taken_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('taken_at', 'bigint')
    .addColumn('override_id', 'text', (c) => c.references('schedule_overrides.id').onDelete('set null'))
    .addColumn('cancelled_by', 'text')
    .addColumn('cancelled_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('shift_swaps_schedule_status').on('shift_swaps').columns(['schedule_id', 'status']).execute();
  await db.schema.createIndex('shift_swaps_offered_by').on('shift_swaps').column('offered_by').execute();

  await db.schema
    .createTable('user_ical_feeds')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('ical_nonce', 'text', (c) => c.notNull())
    .addColumn('ical_token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('oncall_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  // Calendar-feed secrets are derived from this key and a per-feed nonce (oncall/feed-tokens.ts),
  // so the feed tables hold neither the secrets nor anything that yields them on its own.
  await sql`insert into oncall_secrets (name, value, created_at) values (${'calendar_feed_key'}, ${randomBytes(32).toString('base64url')}, ${Date.now()})`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['oncall_secrets', 'user_ical_feeds', 'shift_swaps', 'time_off', 'schedule_overrides', 'schedules']) {
    await db.schema.dropTable(t).execute();
  }
}
