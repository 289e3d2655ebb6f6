import { CompiledQuery, sql, type Compilable, type Kysely, type Transaction } from 'kysely';
import type { Database } from './tables.js';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the database or an open transaction: queries and commands accept both. */
export type Executor = Db | Tx;

export type DialectName = 'sqlite' | 'postgres';

const commitHooks = new WeakMap<object, Array<() => void>>();
const dialects = new WeakMap<object, DialectName>();

/** Records which database a Kysely instance speaks, for the few statements that differ. */
export function registerDialect(db: Db, dialect: DialectName): void {
  dialects.set(db, dialect);
}

/** The dialect of a database or of a transaction opened with `transact`. */
export function dialectOf(ex: Executor): DialectName {
  return dialects.get(ex) ?? 'sqlite';
}

/**
 * Runs `fn` in one transaction and, only once it has committed, the hooks registered with
 * `afterCommit`. Commands use this so that wake-ups and live events never announce work
 * that was rolled back.
 */
export async function transact<T>(db: Executor, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (db.isTransaction) {
    // Nested command: join the caller's transaction; its hooks run at the outer commit.
    return fn(db as Tx);
  }
  const hooks: Array<() => void> = [];
  const result = await (db as Db).transaction().execute(async (tx) => {
    commitHooks.set(tx, hooks);
    dialects.set(tx, dialectOf(db));
    const notices: Notice[] = [];
    if (dialectOf(db) === 'postgres') pendingNotices.set(tx, notices);
    const r = await fn(tx);
    await sendNotices(tx, notices);
    return r;
  });
  for (const hook of hooks) {
    try {
      hook();
    } catch {
      // A failing notification must not turn a committed command into an error.
    }
  }
  return result;
}

type Notice = [channel: string, payload: string];
const pendingNotices = new WeakMap<object, Notice[]>();

/**
 * PostgreSQL NOTIFY, delivered when the transaction commits (as NOTIFY always is). Inside
 * `transact` the notices are collected and sent in one statement just before the commit, so a
 * command that wakes workers and announces an incident change pays one round trip for both;
 * outside a transaction the notice is sent at once. Identical notices are sent once, as
 * PostgreSQL would fold them anyway. Not for SQLite (nothing listens there).
 */
export async function notify(ex: Executor, channel: string, payload: string): Promise<void> {
  const pending = pendingNotices.get(ex);
  if (pending) pending.push([channel, payload]);
  else await sql`select pg_notify(${channel}, ${payload})`.execute(ex);
}

async function sendNotices(tx: Tx, notices: Notice[]): Promise<void> {
  const unique = takeNotices(notices);
  for (let i = 0; i < unique.length; i += NOTICES_PER_SELECT) {
    const calls = unique.slice(i, i + NOTICES_PER_SELECT).map(([channel, payload]) => sql`pg_notify(${channel}, ${payload})`);
    await sql`select ${sql.join(calls)}`.execute(tx);
  }
}

const NOTICES_PER_SELECT = 100;

/** Empties the pending list and answers its notices, each distinct one once. */
function takeNotices(pending: Notice[]): Notice[] {
  const unique = [...new Map(pending.map((n) => [`${n[0]}\u0000${n[1]}`, n])).values()];
  pending.length = 0;
  return unique;
}

/** Runs `fn` after the surrounding `transact` commits, or at once outside a transaction. */
export function afterCommit(ex: Executor, fn: () => void): void {
  const hooks = commitHooks.get(ex);
  if (hooks) hooks.push(fn);
  else fn();
}

/** Most bind parameters in one combined statement (PostgreSQL allows 65,535). */
const COMBINED_PARAMETER_BUDGET = 30_000;

/**
 * Runs statements that do not depend on one another's effects (no statement reads or
 * conflicts with what another writes), in order on SQLite and, on PostgreSQL, as one statement
 * of data-modifying CTEs: one round trip instead of one per statement. In that form they all
 * see the same snapshot and run in no particular order, hence the rule above; a statement that
 * must see another's effect goes in a later call. Results are not returned.
 */
export async function executeAll(ex: Executor, statements: ReadonlyArray<Compilable>): Promise<void> {
  const compiled = statements.map((s) => s.compile());
  if (dialectOf(ex) !== 'postgres') {
    for (const c of compiled) await ex.executeQuery(c);
    return;
  }
  let group: CompiledQuery[] = [];
  let count = 0;
  const run = async (notices: Notice[]) => {
    if (group.length === 1 && notices.length === 0) await ex.executeQuery(group[0]!);
    else if (group.length > 0) await ex.executeQuery(combine(group, notices));
    group = [];
    count = 0;
  };
  for (const c of compiled) {
    if (group.length > 0 && count + c.parameters.length > COMBINED_PARAMETER_BUDGET) await run([]);
    group.push(c);
    count += c.parameters.length;
  }
  // The NOTIFYs collected so far for the commit ride along with the last statement: the commit
  // then needs no statement of its own for them (NOTIFY is delivered at commit either way).
  const pending = pendingNotices.get(ex);
  await run(pending && group.length > 0 ? takeNotices(pending) : []);
}

/**
 * `with s0 as (…), s1 as (…) select 1`, the parameters of each statement renumbered after the
 * previous ones; notices become `n0 as (select pg_notify(…), …)` CTEs, which the final select
 * reads (PostgreSQL skips a plain select CTE that nothing reads).
 */
function combine(queries: CompiledQuery[], notices: Notice[]): CompiledQuery {
  const parts: string[] = [];
  const parameters: unknown[] = [];
  queries.forEach((q, i) => {
    parts.push(`s${i} as (${renumber(q.sql, parameters.length)})`);
    parameters.push(...q.parameters);
  });
  const reads: string[] = [];
  for (let i = 0; i < notices.length; i += NOTICES_PER_SELECT) {
    const calls = notices.slice(i, i + NOTICES_PER_SELECT).map(([channel, payload]) => {
      parameters.push(channel, payload);
      return `pg_notify($${parameters.length - 1}, $${parameters.length})`;
    });
    reads.push(`n${reads.length}`);
    parts.push(`${reads[reads.length - 1]} as (select ${calls.join(', ')})`);
  }
  return CompiledQuery.raw(`with ${parts.join(', ')} select 1${reads.length ? ` from ${reads.join(', ')}` : ''}`, parameters);
}

/** A quoted string or identifier (a doubled quote escapes one), or a $n placeholder. */
const QUOTED_OR_PLACEHOLDER = /'(?:[^']|'')*'|"(?:[^"]|"")*"|\$(\d+)/g;

/** Shifts $n placeholders by `offset`, leaving quoted strings and identifiers alone. */
function renumber(text: string, offset: number): string {
  if (offset === 0) return text;
  return text.replace(QUOTED_OR_PLACEHOLDER, (match, n: string | undefined) => (n === undefined ? match : `$${Number(n) + offset}`));
}
