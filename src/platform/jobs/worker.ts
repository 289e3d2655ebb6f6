import pg from 'pg';
import type { Clock } from '../clock.js';
import type { Logger } from '../log.js';
import { newId } from '../ids.js';
import { sql } from 'kysely';
import { dialectOf, transact, type Db, type DialectName, type Tx } from '../db/transaction.js';
import { jobSignals, NOTIFY_CHANNEL, parseNotifyPayload } from './enqueue.js';
import { backoffDelay, type JobRegistry } from './registry.js';
import { claimJobs, failJob, finishJob, finishJobs, nextDueAt, type JobRow } from './store.js';
import { JobCancelled, PermanentJobError, type BatchContext, type Job, type JobContext } from './types.js';

export interface WorkerOptions {
  db: Db;
  dialect: DialectName;
  /** PostgreSQL connection string, for the LISTEN connection. */
  databaseUrl?: string | null;
  registry: JobRegistry;
  clock: Clock;
  log: Logger;
  concurrency?: number;
  /** Safety-net poll when no wake-up arrives (ms on `clock`). */
  pollMs?: number;
  leaseMs?: number;
  workerId?: string;
  onJobDone?: (kind: string, outcome: 'completed' | 'failed' | 'dead' | 'cancelled', ms: number) => void;
}

/**
 * A job's claim and its completion (with the handler's writes) need not wait for the WAL flush
 * on PostgreSQL: if the server loses the last commits, claim, writes and completion are lost
 * together and the job simply runs again, which at-least-once already allows. Commands that
 * answer a person (and enqueue jobs) keep full durability.
 */
async function relaxDurability(tx: Tx): Promise<void> {
  if (dialectOf(tx) === 'postgres') await sql`set local synchronous_commit to off`.execute(tx);
}

/**
 * Claims due jobs and runs their handlers, `concurrency` at a time. It sleeps until the next
 * job is due and wakes at once when one is committed, here (in-process signal) or in another
 * process (LISTEN/NOTIFY), so that start latency is milliseconds rather than a poll period.
 */
export class Worker {
  readonly id: string;
  private readonly concurrency: number;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly active = new Set<Promise<void>>();
  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  private signalled = false;
  private wake: (() => void) | null = null;
  private listener: pg.Client | null = null;
  private readonly onEnqueued = (runAt: number, kinds?: readonly string[]) => {
    if (kinds && !kinds.some((k) => this.opts.registry.get(k))) return;
    this.hear(runAt);
  };

  constructor(private readonly opts: WorkerOptions) {
    this.id = opts.workerId ?? `worker-${newId()}`;
    this.concurrency = opts.concurrency ?? 8;
    this.pollMs = opts.pollMs ?? 5000;
    this.leaseMs = opts.leaseMs ?? 60_000;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    jobSignals.on('enqueued', this.onEnqueued);
    if (this.opts.dialect === 'postgres' && this.opts.databaseUrl) await this.listen(this.opts.databaseUrl);
    this.loopDone = this.loop();
  }

  /** Stops claiming, then waits up to `graceMs` for running jobs to finish. */
  async stop(graceMs = 15_000): Promise<void> {
    if (!this.running) return;
    this.running = false;
    jobSignals.off('enqueued', this.onEnqueued);
    this.poke();
    await this.loopDone;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.active]),
      new Promise<void>((r) => {
        timer = setTimeout(r, graceMs);
      }),
    ]);
    clearTimeout(timer);
    if (this.active.size > 0) this.opts.log.warn({ jobs: this.active.size }, 'shutdown grace ran out; unfinished jobs will be re-run after their lease');
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
  }

  /** Resolves once no job is running and none is due now (for tests and benchmarks). */
  private claiming = false;

  async idle(): Promise<void> {
    for (;;) {
      // A claim in flight has locked its jobs but not started them yet.
      if (this.claiming) {
        await new Promise((r) => setTimeout(r, 2));
        continue;
      }
      if (this.active.size > 0) {
        await Promise.allSettled([...this.active]);
        continue;
      }
      const next = await nextDueAt(this.opts.db, this.opts.registry.kinds(), this.opts.clock.now());
      if (next === null || next > this.opts.clock.now()) return;
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  private hear(runAt: number): void {
    const delay = runAt - this.opts.clock.now();
    if (delay <= 0) this.poke();
    else this.opts.clock.setTimer(delay, () => this.poke());
  }

  private poke(): void {
    this.signalled = true;
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private async listen(url: string): Promise<void> {
    const client = new pg.Client({ connectionString: url });
    client.on('notification', (msg) => {
      const { runAt, kinds } = parseNotifyPayload(msg.payload ?? '');
      this.onEnqueued(runAt, kinds);
    });
    client.on('error', (err) => {
      this.opts.log.warn({ err }, 'job LISTEN connection lost; reconnecting');
      if (this.listener === client) {
        this.listener = null;
        setTimeout(() => {
          if (this.running) this.listen(url).catch((e: unknown) => this.opts.log.error({ err: e }, 'job LISTEN reconnect failed'));
        }, 1000).unref();
      }
    });
    await client.connect();
    await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
    this.listener = client;
    this.poke();
  }

  private async loop(): Promise<void> {
    const kinds = this.opts.registry.kinds();
    while (this.running) {
      this.signalled = false;
      const free = this.concurrency - this.active.size;
      let claimedAll = false;
      if (free > 0) {
        this.claiming = true;
        try {
          const rows = await transact(this.opts.db, async (tx) => {
            await relaxDurability(tx);
            return claimJobs(tx, { workerId: this.id, kinds, limit: free, now: this.opts.clock.now(), leaseMs: this.leaseMs });
          });
          this.dispatch(rows);
          claimedAll = rows.length === free;
        } catch (err) {
          this.opts.log.error({ err }, 'claiming jobs failed');
        } finally {
          this.claiming = false;
        }
      }
      if (!this.running) break;
      if (claimedAll || this.signalled) continue;
      await this.sleep(kinds);
    }
  }

  private async sleep(kinds: string[]): Promise<void> {
    const { clock } = this.opts;
    // Absolute deadlines: the clock may move while the next-due query runs.
    let wakeAt = clock.now() + this.pollMs;
    if (this.active.size < this.concurrency) {
      try {
        const next = await nextDueAt(this.opts.db, kinds, clock.now());
        if (next !== null) wakeAt = Math.min(wakeAt, next);
      } catch (err) {
        this.opts.log.error({ err }, 'reading the next due job failed');
      }
    }
    if (this.signalled || !this.running) return;
    const delay = wakeAt - clock.now();
    if (delay <= 0 && this.active.size < this.concurrency) return;
    await new Promise<void>((resolve) => {
      const cancelTimer = clock.setTimer(Math.max(delay, 1), () => this.poke());
      this.wake = () => {
        cancelTimer();
        resolve();
      };
    });
  }

  private completions: { row: JobRow; done: () => void; fail: (err: unknown) => void }[] = [];

  private completeLater(row: JobRow): Promise<void> {
    return new Promise<void>((done, fail) => {
      this.completions.push({ row, done, fail });
      if (this.completions.length === 1) setImmediate(() => void this.flushCompletions());
    });
  }

  private async flushCompletions(): Promise<void> {
    const batch = this.completions;
    this.completions = [];
    try {
      await transact(this.opts.db, async (tx) => {
        await relaxDurability(tx);
        await finishJobs(tx, batch.map((c) => c.row), this.id, this.opts.clock.now());
      });
      for (const c of batch) c.done();
    } catch (err) {
      for (const c of batch) c.fail(err);
    }
  }

  /** Starts the claimed jobs: those of a batch kind together, the others one by one. */
  private dispatch(rows: JobRow[]): void {
    const batches = new Map<string, JobRow[]>();
    for (const row of rows) {
      if (this.opts.registry.get(row.kind)?.batch && row.attempts <= row.max_attempts) {
        const list = batches.get(row.kind) ?? [];
        list.push(row);
        batches.set(row.kind, list);
      } else this.spawn(row);
    }
    for (const list of batches.values()) {
      if (list.length === 1) this.spawn(list[0]!);
      else this.track(this.runBatch(list));
    }
  }

  private track(run: Promise<void>): void {
    const p = run.finally(() => {
      this.active.delete(p);
      this.poke();
    });
    this.active.add(p);
  }

  private async runBatch(rows: JobRow[]): Promise<void> {
    const started = Date.now();
    const { clock, db } = this.opts;
    const registered = this.opts.registry.get(rows[0]!.kind)!;
    const log = this.opts.log.child({ kind: rows[0]!.kind, batch: rows.length });
    const jobs = new Map(rows.map((row) => [row.id, toJob(row)]));
    let completed = false;
    const ctx: BatchContext = {
      clock,
      log,
      complete: (fn) =>
        transact(db, async (tx) => {
          await relaxDurability(tx);
          const live: Job[] = [];
          for (const row of rows) if (await finishJob(tx, row, this.id, clock.now())) live.push(jobs.get(row.id)!);
          const result = await fn(tx, live);
          completed = true;
          return result;
        }),
    };
    try {
      await registered.batch!([...jobs.values()], ctx);
      if (!completed) await Promise.all(rows.map((row) => this.completeLater(row)));
      for (const row of rows) this.opts.onJobDone?.(row.kind, 'completed', Date.now() - started);
    } catch (err) {
      if (completed) {
        log.error({ err }, 'batch handler failed after completing');
        return;
      }
      // Each job on its own, with its own retries: one bad job does not hold the others back.
      log.warn({ err }, 'batch failed; running its jobs one by one');
      await Promise.all(rows.map((row) => this.run(row)));
    }
  }

  private spawn(row: JobRow): void {
    this.track(this.run(row));
  }

  private async run(row: JobRow): Promise<void> {
    const started = Date.now();
    const { clock, db } = this.opts;
    const registered = this.opts.registry.get(row.kind);
    const log = this.opts.log.child({ job: row.id, kind: row.kind, attempt: row.attempts });
    if (!registered) return;
    if (row.attempts > row.max_attempts) {
      await failJob(db, row, this.id, clock.now(), row.last_error ?? 'lease expired on every attempt', null);
      this.opts.onJobDone?.(row.kind, 'dead', Date.now() - started);
      return;
    }
    let completed = false;
    const ctx: JobContext = {
      clock,
      log,
      complete: (fn) =>
        transact(db, async (tx) => {
          await relaxDurability(tx);
          if (!(await finishJob(tx, row, this.id, clock.now()))) throw new JobCancelled(row.id);
          // Completed only once the handler's writes succeeded: a throwing `fn` rolls the
          // completion back too, and the job is failed (and retried with backoff) below.
          const result = await fn(tx);
          completed = true;
          return result;
        }),
    };
    const job = toJob(row);
    try {
      await registered.handle(job, ctx);
      // A handler that wrote nothing needs no transaction of its own: its completion joins
      // the others finishing now, in one statement.
      if (!completed) await this.completeLater(row);
      this.opts.onJobDone?.(row.kind, 'completed', Date.now() - started);
    } catch (err) {
      if (err instanceof JobCancelled) {
        log.info('job was cancelled while it ran; its effects were rolled back');
        this.opts.onJobDone?.(row.kind, 'cancelled', Date.now() - started);
        return;
      }
      if (completed) {
        log.error({ err }, 'job handler failed after completing');
        return;
      }
      const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      const dead = err instanceof PermanentJobError || row.attempts >= row.max_attempts;
      const retryAt = dead ? null : clock.now() + backoffDelay(row.attempts, registered.backoffBaseMs, registered.backoffMaxMs);
      log.warn({ err, retryAt }, dead ? 'job failed for good' : 'job failed; will retry');
      try {
        await failJob(db, row, this.id, clock.now(), message.slice(0, 4000), retryAt);
      } catch (e) {
        log.error({ err: e }, 'recording the job failure failed; the lease will expire and the job re-run');
      }
      this.opts.onJobDone?.(row.kind, dead ? 'dead' : 'failed', Date.now() - started);
    }
  }
}

function toJob(row: JobRow): Job {
  return {
    id: row.id,
    kind: row.kind,
    key: row.key,
    payload: JSON.parse(row.payload) as unknown,
    runAt: row.run_at,
    attempt: row.attempts,
    maxAttempts: row.max_attempts,
  };
}
