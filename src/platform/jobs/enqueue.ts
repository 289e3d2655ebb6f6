import { EventEmitter } from 'node:events';
import { sql, type Compilable } from 'kysely';
import { newId } from '../ids.js';
import { afterCommit, dialectOf, notify, type Executor } from '../db/transaction.js';

export const NOTIFY_CHANNEL = 'tocsin_jobs';

/**
 * In-process wake-up: workers in this process hear about a committed job at once.
 * Other processes hear it through PostgreSQL's NOTIFY, which is delivered on commit.
 */
export const jobSignals = new EventEmitter();
jobSignals.setMaxListeners(0);

export interface EnqueueOptions {
  /** When the job becomes due (epoch ms); defaults to now. */
  runAt?: number;
  /** Unique key: a second enqueue with the same key is ignored (or replaces, see `replace`). */
  key?: string;
  /** With a key: move an existing queued or finished job to this payload and time instead of ignoring. */
  replace?: boolean;
  maxAttempts?: number;
}

export const DEFAULT_MAX_ATTEMPTS = 10;

/**
 * Adds a job inside the caller's transaction (transactional outbox): if the transaction rolls
 * back, the job never existed. Returns the job id, or null when a job with that key already
 * exists and `replace` was not asked for.
 */
export async function enqueue(
  ex: Executor,
  now: number,
  kind: string,
  payload: unknown,
  opts: EnqueueOptions = {},
): Promise<string | null> {
  const id = newId();
  const runAt = opts.runAt ?? now;
  const row = {
    id,
    kind,
    key: opts.key ?? null,
    payload: JSON.stringify(payload ?? null),
    state: 'queued' as const,
    run_at: runAt,
    attempts: 0,
    max_attempts: opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    locked_by: null,
    locked_until: null,
    last_error: null,
    created_at: now,
    updated_at: now,
  };
  let insertedId: string | null;
  if (opts.key && opts.replace) {
    // A running job (locked) keeps running; its successor is this new payload and time.
    const result = await ex
      .insertInto('jobs')
      .values(row)
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          payload: row.payload,
          run_at: runAt,
          state: 'queued',
          attempts: 0,
          max_attempts: row.max_attempts,
          last_error: null,
          updated_at: now,
        }),
      )
      .returning('id')
      .executeTakeFirst();
    insertedId = result?.id ?? null;
  } else {
    const result = await ex
      .insertInto('jobs')
      .values(row)
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('id')
      .executeTakeFirst();
    insertedId = result?.id ?? null;
  }
  if (insertedId) await announce(ex, runAt, [kind]);
  return insertedId;
}

/**
 * Wakes workers once the transaction commits: jobs due at `runAt` were added. With `kinds`, a
 * worker in this process that handles none of them stays asleep (no claim transaction for work
 * it would not take).
 */
export async function announce(ex: Executor, runAt: number, kinds?: readonly string[]): Promise<void> {
  if (dialectOf(ex) === 'postgres') {
    // Identical payloads within one transaction are folded into one notification by PostgreSQL.
    await notify(ex, NOTIFY_CHANNEL, notifyPayload(runAt, kinds));
  }
  afterCommit(ex, () => jobSignals.emit('enqueued', runAt, kinds));
}

/** "<runAt>" or "<runAt> <kind>,<kind>": what a NOTIFY on NOTIFY_CHANNEL carries. */
export function notifyPayload(runAt: number, kinds?: readonly string[]): string {
  const list = kinds && kinds.length > 0 ? ` ${kinds.join(',')}` : '';
  // NOTIFY payloads must stay under 8000 bytes; a long list just wakes every worker.
  return list.length > 1000 ? String(runAt) : `${runAt}${list}`;
}

/** The parts of a NOTIFY payload; kinds undefined when it names none (every worker wakes). */
export function parseNotifyPayload(payload: string): { runAt: number; kinds?: string[] } {
  const space = payload.indexOf(' ');
  const runAt = Number(space < 0 ? payload : payload.slice(0, space)) || 0;
  return space < 0 ? { runAt } : { runAt, kinds: payload.slice(space + 1).split(',') };
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The least string above every string that starts with `prefix`, in code point order (which is
 * SQLite's BINARY order of UTF-8 text); null when there is none. [prefix, end) holds exactly the
 * strings starting with `prefix`.
 */
export function prefixEnd(prefix: string): string | null {
  const cps = [...prefix];
  while (cps.length > 0) {
    let next = cps.pop()!.codePointAt(0)! + 1;
    if (next >= 0xd800 && next <= 0xdfff) next = 0xe000;
    if (next <= 0x10ffff) return cps.join('') + String.fromCodePoint(next);
  }
  return null;
}

/**
 * Cancels every queued job whose key starts with `keyPrefix` (e.g. all escalation steps of an
 * incident). A job that is running right now finds its row gone when it tries to complete,
 * and its database effects roll back.
 */
export async function cancel(ex: Executor, keyPrefix: string): Promise<number> {
  return cancelPrefixes(ex, [keyPrefix]);
}

/**
 * `cancel` for several prefixes in one statement. Each prefix is an index range: on SQLite a
 * key range on the unique index (exact: BINARY collation compares code points); on PostgreSQL
 * `LIKE 'prefix%'`, which the text_pattern_ops index of migration 0005 turns into a range
 * whatever the database's collation.
 */
export async function cancelPrefixes(ex: Executor, keyPrefixes: readonly string[]): Promise<number> {
  return cancelJobs(ex, { prefixes: keyPrefixes });
}

/** Cancels the queued jobs with any of these exact keys or key prefixes; returns how many. */
export async function cancelJobs(ex: Executor, what: { prefixes?: readonly string[]; keys?: readonly string[] }): Promise<number> {
  let n = 0;
  for (const statement of cancelStatements(ex, what)) {
    const r = await ex.executeQuery(statement.compile());
    n += Number(r.numAffectedRows ?? 0);
  }
  return n;
}

/**
 * The statements that cancel the queued jobs with any of these exact keys or key prefixes, for
 * callers that run them together with other writes (`executeAll`). They are independent of one
 * another; a row that more than one would delete is deleted once.
 *
 * SQLite: one delete; each prefix is a range on the unique index of jobs.key (exact: BINARY
 * collation compares code points). PostgreSQL: a delete by exact key through the unique index,
 * and one by prefix as a loop over the prefixes' ranges on the text_pattern_ops index of migration
 * 0005 (byte order, as LIKE 'prefix%' uses it; prefixEnd's code point order is the byte order of
 * UTF-8). Both take arrays as parameters, so their text, and their planning cost, do not grow
 * with the number of keys (an OR of many LIKEs took longer to plan than to run), and their
 * plans do not depend on table statistics.
 */
export function cancelStatements(ex: Executor, what: { prefixes?: readonly string[]; keys?: readonly string[] }): Compilable[] {
  const prefixes = what.prefixes ?? [];
  const keys = what.keys ?? [];
  if (prefixes.some((p) => !p)) throw new Error('cancel needs a non-empty key prefix');
  if (prefixes.length === 0 && keys.length === 0) return [];
  const ranges = prefixes.map((p) => [p, prefixEnd(p)] as const);
  if (dialectOf(ex) === 'postgres' && ranges.every(([, end]) => end !== null)) {
    const out: Compilable[] = [];
    if (keys.length > 0) {
      out.push(ex.deleteFrom('jobs').where('state', '=', sql.lit('queued')).where(sql<boolean>`key = any(${[...keys]}::text[])`));
    }
    if (ranges.length > 0) {
      const lo = ranges.map((r) => r[0]);
      const hi = ranges.map((r) => r[1]!);
      out.push(
        ex
          .deleteFrom('jobs')
          .using(sql<{ lo: string; hi: string }>`unnest(${lo}::text[], ${hi}::text[])`.as<'r'>(sql`r(lo, hi)`))
          .where('jobs.state', '=', sql.lit('queued'))
          .where(sql<boolean>`jobs.key ~>=~ r.lo and jobs.key ~<~ r.hi`),
      );
    }
    return out;
  }
  const sqlite = dialectOf(ex) === 'sqlite';
  return [
    ex
      .deleteFrom('jobs')
      .where('state', '=', sql.lit('queued'))
      .where((eb) =>
        eb.or([
          ...(keys.length > 0 ? [eb('key', 'in', [...keys])] : []),
          ...prefixes.map((p) => {
            const like = eb('key', 'like', sql<string>`${escapeLike(p) + '%'} escape '\\'`);
            const end = sqlite ? prefixEnd(p) : null;
            return end === null ? like : eb.and([eb('key', '>=', p), eb('key', '<', end)]);
          }),
        ]),
      ),
  ];
}

export interface EnqueueOp {
  kind: string;
  payload: unknown;
  opts: EnqueueOptions;
}

/**
 * `enqueue` for many jobs as one statement, for callers that run it together with other writes
 * (`executeAll`), then call `announce(ex, runAt, kinds)` with what this returns. Without
 * `replace` a key that exists is left alone; with it (every op keyed, keys distinct) the
 * existing job takes the new payload and time, as `enqueue(…, { replace: true })` does. The
 * wake-up covers every job asked for, inserted or not: a worker woken for nothing finds nothing.
 */
export function enqueueStatement(ex: Executor, now: number, ops: readonly EnqueueOp[], mode: { replace?: boolean } = {}): { statement: Compilable; runAt: number; kinds: string[] } {
  const rows = ops.map((op) => ({
    id: newId(),
    kind: op.kind,
    key: op.opts.key ?? null,
    payload: JSON.stringify(op.payload ?? null),
    state: 'queued' as const,
    run_at: op.opts.runAt ?? now,
    attempts: 0,
    max_attempts: op.opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    locked_by: null,
    locked_until: null,
    last_error: null,
    created_at: now,
    updated_at: now,
  }));
  const statement = ex
    .insertInto('jobs')
    .values(rows)
    .onConflict((oc) =>
      mode.replace
        ? oc.column('key').doUpdateSet((eb) => ({
            payload: eb.ref('excluded.payload'),
            run_at: eb.ref('excluded.run_at'),
            state: 'queued',
            attempts: 0,
            max_attempts: eb.ref('excluded.max_attempts'),
            last_error: null,
            updated_at: now,
          }))
        : oc.column('key').doNothing(),
    );
  return { statement, runAt: Math.min(...rows.map((r) => r.run_at)), kinds: [...new Set(rows.map((r) => r.kind))] };
}
