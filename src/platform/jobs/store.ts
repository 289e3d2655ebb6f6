import { sql, type Selectable } from 'kysely';
import type { Executor } from '../db/transaction.js';
import { dialectOf } from '../db/transaction.js';
import type { JobsTable } from '../db/tables.js';
import { announce } from './enqueue.js';

export type JobRow = Selectable<JobsTable>;

/**
 * Reserves up to `limit` due jobs for `workerId` until `now + leaseMs`. A job whose lease ran
 * out (its worker died) is due again. On PostgreSQL SKIP LOCKED lets several workers claim
 * side by side without waiting on each other; on SQLite the single UPDATE is atomic.
 */
export async function claimJobs(
  ex: Executor,
  opts: { workerId: string; kinds: string[]; limit: number; now: number; leaseMs: number },
): Promise<JobRow[]> {
  if (opts.kinds.length === 0 || opts.limit <= 0) return [];
  let due = ex
    .selectFrom('jobs')
    .select('id')
    .where('state', '=', sql.lit('queued'))
    .where('run_at', '<=', opts.now)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', opts.now)]))
    .where((eb) => eb(kindRef(ex), 'in', opts.kinds))
    .orderBy('run_at')
    .limit(opts.limit);
  if (dialectOf(ex) === 'postgres') due = due.forUpdate().skipLocked();
  return ex
    .updateTable('jobs')
    .set((eb) => ({
      locked_by: opts.workerId,
      locked_until: opts.now + opts.leaseMs,
      attempts: eb('attempts', '+', 1),
      updated_at: opts.now,
    }))
    .where('id', 'in', due)
    .returningAll()
    .execute();
}

/**
 * The jobs' kind column for a filter on due jobs. SQLite's planner, without statistics, prefers
 * the (kind, state) index for `kind IN (…) AND state = 'queued'` and then sorts every queued job
 * of those kinds, future escalation steps included (thousands with many open incidents); a
 * unary plus keeps `kind` out of index selection, so the partial jobs_due index walks the due
 * jobs in run_at order and stops at the limit. PostgreSQL plans with statistics.
 */
function kindRef(ex: Executor) {
  return dialectOf(ex) === 'sqlite' ? sql<string>`+${sql.ref('kind')}` : sql<string>`${sql.ref('kind')}`;
}

/** When the next job of these kinds can be claimed, or null when none is waiting. */
export async function nextDueAt(ex: Executor, kinds: string[], now: number): Promise<number | null> {
  if (kinds.length === 0) return null;
  // Two index walks instead of a scan of every queued job: the earliest claimable one by run_at
  // (jobs_due), and the earliest lease to expire among running ones (jobs_leased).
  const [free, leased] = await Promise.all([
    ex
      .selectFrom('jobs')
      .select('run_at')
      .where('state', '=', sql.lit('queued'))
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
      .where((eb) => eb(kindRef(ex), 'in', kinds))
      .orderBy('run_at')
      .limit(1)
      .executeTakeFirst(),
    ex
      .selectFrom('jobs')
      .select('locked_until')
      .where('state', '=', sql.lit('queued'))
      .where('locked_until', '>', now)
      .where((eb) => eb(kindRef(ex), 'in', kinds))
      .orderBy('locked_until')
      .limit(1)
      .executeTakeFirst(),
  ]);
  const times = [free?.run_at, leased?.locked_until].filter((t): t is number => t !== null && t !== undefined).map(Number);
  return times.length ? Math.min(...times) : null;
}

/**
 * Completes a claimed job if this worker still holds it. Keyed jobs are kept as `done` so that
 * their key keeps later duplicates out; unkeyed ones are deleted. Returns false when the job was
 * cancelled or re-claimed after a lost lease.
 */
export async function finishJob(ex: Executor, job: JobRow, workerId: string, now: number): Promise<boolean> {
  if (job.key === null) {
    const r = await ex.deleteFrom('jobs').where('id', '=', job.id).where('locked_by', '=', workerId).where('state', '=', sql.lit('queued')).executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }
  const r = await ex
    .updateTable('jobs')
    .set({ state: 'done', locked_by: null, locked_until: null, updated_at: now })
    .where('id', '=', job.id)
    .where('locked_by', '=', workerId)
    .where('state', '=', sql.lit('queued'))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Completes many claimed jobs whose handlers wrote nothing, in two statements. Jobs cancelled or
 * re-claimed meanwhile are simply not matched.
 */
export async function finishJobs(ex: Executor, jobs: JobRow[], workerId: string, now: number): Promise<void> {
  const unkeyed = jobs.filter((j) => j.key === null).map((j) => j.id);
  const keyed = jobs.filter((j) => j.key !== null).map((j) => j.id);
  if (unkeyed.length) await ex.deleteFrom('jobs').where('id', 'in', unkeyed).where('locked_by', '=', workerId).where('state', '=', sql.lit('queued')).execute();
  if (keyed.length) {
    await ex
      .updateTable('jobs')
      .set({ state: 'done', locked_by: null, locked_until: null, updated_at: now })
      .where('id', 'in', keyed)
      .where('locked_by', '=', workerId)
      .where('state', '=', sql.lit('queued'))
      .execute();
  }
}

export async function failJob(
  ex: Executor,
  job: JobRow,
  workerId: string,
  now: number,
  error: string,
  retryAt: number | null,
): Promise<void> {
  await ex
    .updateTable('jobs')
    .set(
      retryAt === null
        ? { state: 'dead', locked_by: null, locked_until: null, last_error: error, updated_at: now }
        : { run_at: retryAt, locked_by: null, locked_until: null, last_error: error, updated_at: now },
    )
    .where('id', '=', job.id)
    .where('locked_by', '=', workerId)
    .execute();
}

export interface JobListFilter {
  state?: JobsTable['state'];
  kind?: string;
  limit: number;
  after?: string;
}

export async function listJobs(ex: Executor, f: JobListFilter): Promise<JobRow[]> {
  let q = ex.selectFrom('jobs').selectAll().orderBy('id').limit(f.limit);
  if (f.state) q = q.where('state', '=', f.state);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.after) q = q.where('id', '>', f.after);
  return q.execute();
}

/** Puts a dead job back in the queue, due now, with a fresh attempt budget. */
export async function retryDeadJob(ex: Executor, id: string, now: number): Promise<boolean> {
  const r = await ex
    .updateTable('jobs')
    .set({ state: 'queued', attempts: 0, run_at: now, last_error: null, updated_at: now })
    .where('id', '=', id)
    .where('state', '=', 'dead')
    .executeTakeFirst();
  const retried = Number(r.numUpdatedRows) === 1;
  if (retried) await announce(ex, now);
  return retried;
}

/** Job counts by kind and state, with claimed queued jobs counted as `running`. */
export async function countJobs(ex: Executor, now: number): Promise<{ kind: string; state: string; count: number }[]> {
  const rows = await ex
    .selectFrom('jobs')
    .select((eb) => [
      'kind',
      'state',
      eb.fn.countAll<number>().as('total'),
      eb.fn.sum<number>(eb.case().when('locked_until', '>', now).then(1).else(0).end()).as('running'),
    ])
    .groupBy(['kind', 'state'])
    .execute();
  const out: { kind: string; state: string; count: number }[] = [];
  for (const r of rows) {
    const running = Number(r.running ?? 0);
    if (r.state === 'queued') {
      out.push({ kind: r.kind, state: 'queued', count: Number(r.total) - running });
      out.push({ kind: r.kind, state: 'running', count: running });
    } else {
      out.push({ kind: r.kind, state: r.state, count: Number(r.total) });
    }
  }
  return out;
}

/** Forgets finished keyed jobs older than `before`; their keys may then be used again. */
export async function purgeDoneJobs(ex: Executor, before: number): Promise<number> {
  const r = await ex.deleteFrom('jobs').where('state', '=', 'done').where('updated_at', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}
