import { sql, type Kysely } from 'kysely';

// Paging: one delivery record per message sent to a contact method (notifications), the
// throttle's memory of recent sends per contact method, and an index for the job queue's
// wake-up. Row types: src/notify/tables.ts.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.references('incidents.id').onDelete('set null'))
    .addColumn('bundle_id', 'text')
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('contact_method_id', 'text', (c) => c.references('contact_methods.id').onDelete('set null'))
    .addColumn('contact_type', 'text', (c) => c.notNull())
    .addColumn('contact_label', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('escalation_round', 'integer')
    .addColumn('loop', 'integer')
    .addColumn('level', 'integer')
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('provider_id', 'text')
    .addColumn('provider_response', 'text')
    .addColumn('failed_over', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('sent_at', 'bigint')
    .addColumn('delivered_at', 'bigint')
    .addColumn('failed_at', 'bigint')
    .execute();
  await db.schema.createIndex('notifications_incident').on('notifications').columns(['incident_id', 'created_at']).execute();
  await db.schema.createIndex('notifications_method').on('notifications').columns(['contact_method_id', 'created_at']).execute();
  await db.schema.createIndex('notifications_bundle').on('notifications').column('bundle_id').execute();
  // The throttle's held items: few rows, read by contact method in arrival order. It covers
  // what notifications_method does, so SQLite's planner prefers it for status = 'held'.
  await sql`create index notifications_held on notifications (contact_method_id, created_at) where status = 'held'`.execute(db);
  // The job queue's next wake-up: the running job whose lease expires first (platform/jobs/store.ts nextDueAt).
  await sql`create index jobs_leased on jobs (locked_until) where state = 'queued' and locked_until is not null`.execute(db);

  await db.schema
    .createTable('throttle_state')
    .addColumn('contact_method_id', 'text', (c) => c.primaryKey().references('contact_methods.id').onDelete('cascade'))
    .addColumn('sent', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists jobs_leased`.execute(db);
  await db.schema.dropTable('throttle_state').execute();
  await db.schema.dropTable('notifications').execute();
}
