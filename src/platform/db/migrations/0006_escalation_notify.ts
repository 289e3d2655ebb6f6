import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';

// Escalation policies, contact methods, notification rules, verification codes, single-use
// action links and the notify domain's keys. Only types both SQLite and PostgreSQL share:
// text, integer, bigint (epoch ms), JSON as text, 0/1 for booleans. Row types live in
// src/escalation/tables.ts and src/notify/tables.ts.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('escalation_policies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.references('teams.id').onDelete('set null'))
    .addColumn('levels', 'text', (c) => c.notNull())
    .addColumn('repeat', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('escalation_policies_team').on('escalation_policies').column('team_id').execute();

  await db.schema
    .createTable('escalation_round_robin')
    .addColumn('policy_id', 'text', (c) => c.notNull().references('escalation_policies.id').onDelete('cascade'))
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('turns', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('escalation_round_robin_pk', ['policy_id', 'level'])
    .execute();

  await db.schema
    .createTable('contact_methods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('verified', 'integer', (c) => c.notNull())
    .addColumn('verified_at', 'bigint')
    .addColumn('disabled_reason', 'text')
    .addColumn('consecutive_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('signing_nonce', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('contact_methods_user_type_address', ['user_id', 'type', 'address'])
    .execute();

  await db.schema
    .createTable('contact_verifications')
    .addColumn('contact_method_id', 'text', (c) => c.primaryKey().references('contact_methods.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('salt', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('notification_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('start_delay_minutes', 'integer', (c) => c.notNull())
    .addColumn('contact_method_id', 'text', (c) => c.notNull().references('contact_methods.id').onDelete('cascade'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('notification_rules_unique', ['user_id', 'urgency', 'start_delay_minutes', 'contact_method_id'])
    .execute();
  await db.schema.createIndex('notification_rules_method').on('notification_rules').column('contact_method_id').execute();

  await db.schema
    .createTable('action_link_uses')
    .addColumn('token_id', 'text', (c) => c.primaryKey())
    .addColumn('used_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('action_link_uses_expiry').on('action_link_uses').column('expires_at').execute();

  await db.schema
    .createTable('notify_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  const now = Date.now();
  for (const name of ['action_link_key', 'webhook_signing_key']) {
    await sql`insert into notify_secrets (name, value, created_at) values (${name}, ${randomBytes(32).toString('base64url')}, ${now})`.execute(db);
  }

  // People who exist already get what new users get (notify/defaults.ts): their sign-in email
  // as a contact method, paged at once for both urgencies.
  const users = await sql<{ id: string; email: string }>`select id, email from users where deleted_at is null`.execute(db);
  for (const user of users.rows) {
    const methodId = uuidv7();
    await sql`insert into contact_methods (id, user_id, type, address, label, verified, verified_at, disabled_reason, consecutive_failures, signing_nonce, created_at, updated_at)
      values (${methodId}, ${user.id}, 'email', ${user.email}, 'Default', 1, ${now}, null, 0, null, ${now}, ${now})`.execute(db);
    for (const urgency of ['high', 'low']) {
      await sql`insert into notification_rules (id, user_id, urgency, start_delay_minutes, contact_method_id, created_at, updated_at)
        values (${uuidv7()}, ${user.id}, ${urgency}, 0, ${methodId}, ${now}, ${now})`.execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'notify_secrets',
    'action_link_uses',
    'notification_rules',
    'contact_verifications',
    'contact_methods',
    'escalation_round_robin',
    'escalation_policies',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
