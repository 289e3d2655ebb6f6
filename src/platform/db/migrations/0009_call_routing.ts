import type { Kysely } from 'kysely';

// Live call routing: the phone menu of the Twilio number (one entry per digit, each a service)
// and its greeting. The greeting is one singleton row (id 'default') rather than a column on
// every entry, so an empty menu can still have one and an edit touches one row. Row types:
// src/notify/twilio/tables.ts.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('call_routes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('digit', 'integer', (c) => c.notNull().unique())
    // A deleted service leaves the menu with it: a caller is never offered a dead end.
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('call_routing_settings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('greeting', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('call_routing_settings').execute();
  await db.schema.dropTable('call_routes').execute();
}
