import { sql, type Kysely } from 'kysely';

// `cancel(tx, prefix)` deletes the queued jobs whose key starts with a prefix (every escalation
// step of an incident, on acknowledge or resolve). The unique index on jobs.key serves that on
// SQLite (a range on a BINARY-collated column), but on PostgreSQL a LIKE prefix can only use a
// btree index under the C collation, and databases are usually created with another one: every
// cancel scanned the whole jobs table. A text_pattern_ops index compares bytewise, so LIKE
// 'prefix%' becomes an index range. Partial on queued rows: the only ones cancel looks at.
//
// PostgreSQL only; SQLite needs nothing. The dialect is read from how this Kysely instance
// compiles a parameter ($1 on PostgreSQL, ? on SQLite): public API, no query sent, so nothing
// can abort the migration's transaction.

function isPostgres(db: Kysely<unknown>): boolean {
  return db.selectNoFrom(sql<number>`${1}`.as('x')).compile().sql.includes('$1');
}

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`create index if not exists jobs_queued_key_prefix on jobs (key text_pattern_ops) where state = 'queued'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`drop index if exists jobs_queued_key_prefix`.execute(db);
}
