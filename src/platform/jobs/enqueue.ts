import { EventEmitter } from 'node:events';
import { sql } from 'kysely';
import { newId } from '../ids.js';
import { afterCommit, dialectOf, type Executor } from '../db/transaction.js';

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
  if (insertedId) await announce(ex, runAt);
  return insertedId;
}

export async function announce(ex: Executor, runAt: number): Promise<void> {
  if (dialectOf(ex) === 'postgres') {
    // Identical payloads within one transaction are folded into one notification by PostgreSQL.
    await sql`select pg_notify(${NOTIFY_CHANNEL}, ${String(runAt)})`.execute(ex);
  }
  afterCommit(ex, () => jobSignals.emit('enqueued', runAt));
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Cancels every queued job whose key starts with `keyPrefix` (e.g. all escalation steps of an
 * incident). A job that is running right now finds its row gone when it tries to complete,
 * and its database effects roll back.
 */
export async function cancel(ex: Executor, keyPrefix: string): Promise<number> {
  if (!keyPrefix) throw new Error('cancel needs a non-empty key prefix');
  const result = await ex
    .deleteFrom('jobs')
    .where('key', 'like', sql<string>`${escapeLike(keyPrefix) + '%'} escape '\\'`)
    .where('state', '=', 'queued')
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
