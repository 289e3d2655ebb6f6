import type { Kysely } from 'kysely';

// Event rulesets and maintenance windows. Only types both SQLite and PostgreSQL share: text,
// integer, bigint (epoch ms), JSON as text, 0/1 for booleans.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('event_rulesets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // 'router' or 'service:<service id>': at most one ruleset each.
    .addColumn('scope', 'text', (c) => c.notNull().unique())
    .addColumn('service_id', 'text', (c) => c.references('services.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .createTable('maintenance_windows')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('start_at', 'bigint', (c) => c.notNull())
    .addColumn('end_at', 'bigint', (c) => c.notNull())
    .addColumn('condition', 'text')
    .addColumn('ended_early', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('maintenance_windows_end').on('maintenance_windows').column('end_at').execute();

  await db.schema
    .createTable('maintenance_window_services')
    .addColumn('window_id', 'text', (c) => c.notNull().references('maintenance_windows.id').onDelete('cascade'))
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('maintenance_window_services_pk', ['window_id', 'service_id'])
    .execute();
  // The ingest path asks "which windows cover this service now?" for every event.
  await db.schema.createIndex('maintenance_window_services_service').on('maintenance_window_services').columns(['service_id', 'window_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['maintenance_window_services', 'maintenance_windows', 'event_rulesets']) {
    await db.schema.dropTable(t).execute();
  }
}
