import type { Kysely } from 'kysely';

// Services, integrations, alerts, incidents, their timeline, the raw event log and change events.
// Only types both SQLite and PostgreSQL share: text, integer, bigint (epoch ms), JSON as text.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('services')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text')
    .addColumn('escalation_policy_id', 'text')
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('severity_urgency', 'text', (c) => c.notNull())
    .addColumn('auto_resolve_timeout', 'integer')
    .addColumn('acknowledgement_timeout', 'integer')
    .addColumn('alert_grouping', 'text', (c) => c.notNull())
    .addColumn('auto_pause', 'text', (c) => c.notNull())
    .addColumn('resolve_incident_with_alerts', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('services_team').on('services').column('team_id').execute();

  await db.schema
    .createTable('integrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('config', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('key_hint', 'text', (c) => c.notNull())
    .addColumn('interval_seconds', 'integer')
    .addColumn('last_ping_at', 'bigint')
    .addColumn('heartbeat_state', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('integrations_service').on('integrations').column('service_id').execute();

  await db.schema
    .createTable('alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('integration_id', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'text')
    .addColumn('dedup_key', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('priority', 'text')
    .addColumn('component', 'text')
    .addColumn('group_name', 'text')
    .addColumn('class', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('client', 'text')
    .addColumn('client_url', 'text')
    .addColumn('event_count', 'integer', (c) => c.notNull())
    .addColumn('event_at', 'bigint', (c) => c.notNull())
    .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
    .addColumn('acknowledged_at', 'bigint')
    .addColumn('resolved_at', 'bigint')
    .addColumn('resolve_reason', 'text')
    .addColumn('group_reason', 'text')
    .addColumn('held_until', 'bigint')
    .addColumn('transient', 'integer', (c) => c.notNull())
    .addColumn('suppressed_by', 'text')
    .addColumn('maintenance_window_id', 'text')
    .addColumn('rule_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // The dedup invariant: one open alert per (integration, dedup_key).
  await db.schema
    .createIndex('alerts_open_dedup')
    .on('alerts')
    .columns(['integration_id', 'dedup_key'])
    .unique()
    .where('status' as never, '!=', 'resolved')
    .execute();
  await db.schema.createIndex('alerts_incident').on('alerts').column('incident_id').execute();
  await db.schema.createIndex('alerts_service_created').on('alerts').columns(['service_id', 'created_at']).execute();

  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'bigint', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text')
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('priority', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assignees', 'text', (c) => c.notNull())
    .addColumn('acknowledgers', 'text', (c) => c.notNull())
    .addColumn('alert_count', 'integer', (c) => c.notNull())
    .addColumn('escalation_round', 'integer', (c) => c.notNull())
    .addColumn('escalation_level', 'integer', (c) => c.notNull())
    .addColumn('group_values', 'text')
    .addColumn('snoozed_until', 'bigint')
    .addColumn('merged_into_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('acknowledged_at', 'bigint')
    .addColumn('resolved_at', 'bigint')
    .addColumn('resolve_reason', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // Grouping looks up a service's open incidents, newest first.
  await db.schema
    .createIndex('incidents_service_open')
    .on('incidents')
    .columns(['service_id', 'created_at'])
    .where('status' as never, '!=', 'resolved')
    .execute();
  await db.schema.createIndex('incidents_status').on('incidents').columns(['status', 'id']).execute();
  await db.schema.createIndex('incidents_team').on('incidents').columns(['team_id', 'id']).execute();
  await db.schema.createIndex('incidents_created').on('incidents').column('created_at').execute();

  await db.schema
    .createTable('incident_timeline')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('alert_id', 'text')
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incident_timeline_incident').on('incident_timeline').columns(['incident_id', 'id']).execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('integration_id', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('dedup_key', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('alert_id', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_received').on('events').column('received_at').execute();
  await db.schema.createIndex('events_alert').on('events').column('alert_id').execute();
  await db.schema.createIndex('events_integration').on('events').columns(['integration_id', 'id']).execute();

  await db.schema
    .createTable('change_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('integration_id', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('change_events_service').on('change_events').columns(['service_id', 'at']).execute();

  await db.schema
    .createTable('counters')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['counters', 'change_events', 'events', 'incident_timeline', 'incidents', 'alerts', 'integrations', 'services']) {
    await db.schema.dropTable(t).execute();
  }
}
