import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock, systemClock } from '../../src/platform/clock.js';
import { openPostgres, transact } from '../../src/platform/db/index.js';
import { cancel, enqueue, JobRegistry, listJobs, retryDeadJob, Worker, type JobHandler } from '../../src/platform/jobs/index.js';
import { silentLogger } from '../../src/platform/log.js';
import { createTestDatabase, testDialect, type TestDatabase } from '../support/database.js';
import { until as waitUntil } from '../support/wait.js';

const until = (cond: () => boolean | Promise<boolean>, ms?: number) => waitUntil('the condition', cond, ms);

let tdb: TestDatabase;
const workers: Worker[] = [];
const extraHandles: { close(): Promise<void> }[] = [];

beforeEach(async () => {
  tdb = await createTestDatabase();
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop(2000)));
  await Promise.all(extraHandles.splice(0).map((h) => h.close()));
  await tdb.drop();
});

function startWorker(registry: JobRegistry, opts: Partial<ConstructorParameters<typeof Worker>[0]> = {}): Worker {
  const w = new Worker({
    db: tdb.db,
    dialect: tdb.dialect,
    databaseUrl: tdb.dialect === 'postgres' ? tdb.url : null,
    registry,
    clock: systemClock,
    log: silentLogger,
    ...opts,
  });
  workers.push(w);
  return w;
}

const child = path.resolve('test/support/job-child.ts');

function runChild(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', child, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('error', reject);
    p.on('exit', (code, signal) => resolve({ code, signal, out }));
  });
}

describe(`job queue on ${testDialect()}`, () => {
  it('leaves no job behind when the enqueuing transaction rolls back', async () => {
    await expect(
      transact(tdb.db, async (tx) => {
        await enqueue(tx, Date.now(), 'noop', {});
        throw new Error('command failed');
      }),
    ).rejects.toThrow('command failed');
    expect(await listJobs(tdb.db, { limit: 10 })).toEqual([]);
  });

  it('runs a job enqueued in a committed transaction, with its payload', async () => {
    const seen: unknown[] = [];
    const w = startWorker(new JobRegistry().register('echo', async (job) => void seen.push(job.payload)));
    await w.start();
    await transact(tdb.db, (tx) => enqueue(tx, Date.now(), 'echo', { n: 1, s: 'ü' }));
    await until(() => seen.length === 1);
    expect(seen).toEqual([{ n: 1, s: 'ü' }]);
    await until(async () => (await listJobs(tdb.db, { limit: 10 })).length === 0);
  });

  it('ignores a second enqueue with the same key, and replaces when asked', async () => {
    const now = Date.now();
    const first = await enqueue(tdb.db, now, 'k', { v: 1 }, { key: 'inc:1:esc:0:1', runAt: now + 60_000 });
    const dup = await enqueue(tdb.db, now, 'k', { v: 2 }, { key: 'inc:1:esc:0:1' });
    expect(first).toBeTypeOf('string');
    expect(dup).toBeNull();
    let jobs = await listJobs(tdb.db, { limit: 10 });
    expect(jobs).toHaveLength(1);
    expect(JSON.parse(jobs[0]!.payload)).toEqual({ v: 1 });
    await enqueue(tdb.db, now, 'k', { v: 3 }, { key: 'inc:1:esc:0:1', replace: true, runAt: now + 5 });
    jobs = await listJobs(tdb.db, { limit: 10 });
    expect(jobs).toHaveLength(1);
    expect(JSON.parse(jobs[0]!.payload)).toEqual({ v: 3 });
    expect(jobs[0]!.run_at).toBe(now + 5);
  });

  it('never runs a job whose key prefix was cancelled, and leaves other keys alone', async () => {
    const clock = new ManualClock();
    const ran: string[] = [];
    const w = startWorker(new JobRegistry().register('step', async (job) => void ran.push(job.key!)), { clock });
    const t = clock.now();
    await transact(tdb.db, async (tx) => {
      await enqueue(tx, t, 'step', {}, { key: 'escalate:inc-1:0:1', runAt: t + 1000 });
      await enqueue(tx, t, 'step', {}, { key: 'escalate:inc-1:0:2', runAt: t + 2000 });
      await enqueue(tx, t, 'step', {}, { key: 'escalate:inc-10:0:1', runAt: t + 1000 });
      // LIKE wildcards in a prefix are literal, not patterns.
      await enqueue(tx, t, 'step', {}, { key: 'escalate:inc_2:0:1', runAt: t + 1000 });
    });
    expect(await cancel(tdb.db, 'escalate:inc-1:')).toBe(2);
    expect(await cancel(tdb.db, 'escalate:inc%')).toBe(0);
    await w.start();
    clock.advance(5000);
    await until(() => ran.length === 2);
    await w.idle();
    expect(ran.sort()).toEqual(['escalate:inc-10:0:1', 'escalate:inc_2:0:1']);
  });

  it('runs a future job only once the clock reaches it', async () => {
    const clock = new ManualClock();
    const ran: number[] = [];
    const w = startWorker(new JobRegistry().register('later', async () => void ran.push(clock.now())), { clock });
    await w.start();
    const due = clock.now() + 60_000;
    await transact(tdb.db, (tx) => enqueue(tx, clock.now(), 'later', {}, { runAt: due }));
    clock.advance(59_000);
    await new Promise((r) => setTimeout(r, 100));
    expect(ran).toEqual([]);
    clock.advance(1_000);
    await until(() => ran.length === 1);
    expect(ran[0]).toBe(due);
  });

  it('retries a failing job with exponential backoff, then keeps it as dead', async () => {
    const clock = new ManualClock();
    const attempts: { at: number; attempt: number }[] = [];
    const failing: JobHandler = async (job) => {
      attempts.push({ at: clock.now(), attempt: job.attempt });
      throw new Error(`boom ${job.attempt}`);
    };
    const registry = new JobRegistry().register('flaky', failing, { backoffBaseMs: 1000, backoffMaxMs: 60_000 });
    const w = startWorker(registry, { clock });
    await w.start();
    await enqueue(tdb.db, clock.now(), 'flaky', {}, { maxAttempts: 4 });
    await until(() => attempts.length === 1);
    const gaps: number[] = [];
    for (let n = 2; n <= 4; n++) {
      await until(async () => {
        const [job] = await listJobs(tdb.db, { limit: 1 });
        return job !== undefined && job.locked_by === null;
      });
      const [job] = await listJobs(tdb.db, { limit: 1 });
      gaps.push(job!.run_at - clock.now());
      clock.set(job!.run_at);
      await until(() => attempts.length === n);
    }
    // base * 2^(n-1) with ±20% jitter: ~1s, ~2s, ~4s
    expect(gaps[0]).toBeGreaterThanOrEqual(800);
    expect(gaps[0]).toBeLessThanOrEqual(1200);
    expect(gaps[1]).toBeGreaterThanOrEqual(1600);
    expect(gaps[1]).toBeLessThanOrEqual(2400);
    expect(gaps[2]).toBeGreaterThanOrEqual(3200);
    expect(gaps[2]).toBeLessThanOrEqual(4800);
    expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3, 4]);
    await until(async () => (await listJobs(tdb.db, { state: 'dead', limit: 5 })).length === 1);
    const [dead] = await listJobs(tdb.db, { state: 'dead', limit: 5 });
    expect(dead!.last_error).toContain('boom 4');
    clock.advance(3_600_000);
    await new Promise((r) => setTimeout(r, 50));
    expect(attempts).toHaveLength(4);
    // An operator can put it back.
    expect(await retryDeadJob(tdb.db, dead!.id, clock.now())).toBe(true);
    await until(() => attempts.length === 5);
  });

  it('rolls back a handler whose job was cancelled while it ran', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started = false;
    const w = startWorker(
      new JobRegistry().register('slow', async (_job, ctx) => {
        started = true;
        await gate;
        await ctx.complete((tx) => tx.insertInto('teams').values({ id: 'x', name: 'written by cancelled job', description: '', created_at: 0, updated_at: 0 }).execute());
      }),
    );
    await w.start();
    await enqueue(tdb.db, Date.now(), 'slow', {}, { key: 'slow:1' });
    await until(() => started);
    expect(await cancel(tdb.db, 'slow:')).toBe(1);
    release();
    await w.idle();
    expect(await tdb.db.selectFrom('teams').selectAll().execute()).toEqual([]);
  });

  it('re-runs the job of a worker process killed mid-job once its lease expires', async () => {
    const t0 = Date.now();
    await enqueue(tdb.db, t0, 'crash-test', { important: true }, { key: 'crash:1' });
    const result = await runChild(['crash', tdb.url, '400']);
    expect(result.signal).toBe('SIGKILL');
    expect(result.out).toContain('claimed');
    const [orphan] = await listJobs(tdb.db, { limit: 1 });
    expect(orphan!.locked_by).toBe('doomed-worker');
    expect(orphan!.attempts).toBe(1);
    const reran: unknown[] = [];
    const w = startWorker(new JobRegistry().register('crash-test', async (job) => void reran.push(job.payload)), { pollMs: 50 });
    await w.start();
    await until(() => reran.length === 1);
    expect(reran).toEqual([{ important: true }]);
    await until(async () => (await listJobs(tdb.db, { limit: 1 }))[0]?.state === 'done');
    const [done] = await listJobs(tdb.db, { limit: 1 });
    expect(done!.state).toBe('done');
    expect(done!.attempts).toBe(2);
  });

  it('wakes a sleeping worker at once when another process commits a job', async () => {
    const ran: unknown[] = [];
    // An hour-long poll: only a wake-up can make this job run within the test's time.
    const w = startWorker(new JobRegistry().register('from-child', async (job) => void ran.push(job.payload)), { pollMs: 3_600_000 });
    await w.start();
    await new Promise((r) => setTimeout(r, 50));
    if (tdb.dialect === 'postgres') {
      const r = await runChild(['enqueue', tdb.url]);
      expect(r.code).toBe(0);
    } else {
      // SQLite serves one process; the in-process signal is its wake-up.
      await transact(tdb.db, (tx) => enqueue(tx, Date.now(), 'from-child', { hello: 'world' }));
    }
    await until(() => ran.length === 1, 8000);
    expect(ran).toEqual([{ hello: 'world' }]);
  });

  for (const count of [2, 3]) {
    it(`drains 10,000 jobs with ${count} workers, each job exactly once`, async () => {
      const total = 10_000;
      const runs = new Map<number, number>();
      const handler: JobHandler<{ n: number }> = async (job, ctx) => {
        await ctx.complete(async () => {
          runs.set(job.payload.n, (runs.get(job.payload.n) ?? 0) + 1);
        });
      };
      const t = Date.now();
      for (let i = 0; i < total; i += 1000) {
        await transact(tdb.db, async (tx) => {
          const rows = Array.from({ length: 1000 }, (_, j) => i + j);
          for (const n of rows) await enqueue(tx, t, 'count', { n }, n % 2 === 0 ? { key: `count:${n}` } : {});
        });
      }
      // On PostgreSQL each worker gets its own pool, as separate processes would. SQLite serves
      // one process, whose workers share its single connection.
      for (let k = 0; k < count; k++) {
        let db = tdb.db;
        if (tdb.dialect === 'postgres') {
          const handle = openPostgres(tdb.url, 4);
          extraHandles.push(handle);
          db = handle.db;
        }
        const w = startWorker(new JobRegistry().register('count', handler), { db, concurrency: 4 });
        await w.start();
      }
      await until(() => runs.size === total, 120_000);
      await Promise.all(workers.map((w) => w.idle()));
      expect(runs.size).toBe(total);
      expect([...runs.values()].every((v) => v === 1)).toBe(true);
      const left = await tdb.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('c')).where('state', '=', 'queued').executeTakeFirstOrThrow();
      expect(Number(left.c)).toBe(0);
    }, 180_000);
  }
});
