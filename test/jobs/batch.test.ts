import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ManualClock } from '../../src/platform/clock.js';
import { transact } from '../../src/platform/db/index.js';
import { enqueue, JobRegistry, Worker, type Job } from '../../src/platform/jobs/index.js';
import { silentLogger } from '../../src/platform/log.js';
import { createTestDatabase, testDialect, type TestDatabase } from '../support/database.js';

let tdb: TestDatabase;
let worker: Worker | null = null;
const clock = new ManualClock(Date.UTC(2026, 0, 5, 12));

beforeEach(async () => {
  tdb = await createTestDatabase();
});
afterEach(async () => {
  await worker?.stop(2000);
  worker = null;
  await tdb.drop();
});

async function enqueueMany(n: number, kind = 'work'): Promise<void> {
  await transact(tdb.db, async (tx) => {
    for (let i = 0; i < n; i++) await enqueue(tx, clock.now(), kind, { i }, { key: `${kind}:${i}` });
  });
}

async function start(registry: JobRegistry, concurrency = 8): Promise<Worker> {
  worker = new Worker({ db: tdb.db, dialect: tdb.dialect, databaseUrl: tdb.dialect === 'postgres' ? tdb.url : null, registry, clock, log: silentLogger, concurrency, pollMs: 50 });
  await worker.start();
  return worker;
}

async function states(): Promise<Record<string, number>> {
  const rows = await tdb.db.selectFrom('jobs').select(['state']).execute();
  const out: Record<string, number> = {};
  for (const r of rows) out[r.state] = (out[r.state] ?? 0) + 1;
  return out;
}

describe(`batched job handlers on ${testDialect()}`, () => {
  it('runs due jobs of a batch kind together, writing and completing them in one transaction', async () => {
    const batches: number[] = [];
    const singles: number[] = [];
    const registry = new JobRegistry().registerBatch(
      'work',
      async (job: Job<{ i: number }>) => {
        singles.push(job.payload.i);
      },
      async (jobs, ctx) => {
        batches.push(jobs.length);
        await ctx.complete(async (tx, live) => {
          for (const job of live) await sql`insert into audit_log (id, at, actor_type, actor_id, action, object_type, object_id, details) values (${`a${(job.payload as { i: number }).i}`}, ${clock.now()}, 'system', null, 'work', 'job', ${job.id}, '{}')`.execute(tx);
        });
      },
    );
    await enqueueMany(20);
    const w = await start(registry);
    await w.idle();
    expect(batches.reduce((a, b) => a + b, 0) + singles.length).toBe(20);
    expect(Math.max(...batches)).toBeGreaterThan(1);
    expect(await states()).toEqual({ done: 20 });
    const written = await tdb.db.selectFrom('audit_log').select('id').where('action', '=', 'work').execute();
    expect(written).toHaveLength(20 - singles.length);
  });

  it('falls back to running each job alone when a batch fails, so one bad job does not hold the others', async () => {
    const singles: number[] = [];
    const registry = new JobRegistry().registerBatch(
      'work',
      async (job: Job<{ i: number }>, ctx) => {
        if (job.payload.i === 3) throw new Error('job 3 is bad');
        await ctx.complete(async () => {
          singles.push(job.payload.i);
        });
      },
      async () => {
        throw new Error('the batch failed');
      },
      { backoffBaseMs: 60_000 },
    );
    await enqueueMany(6);
    const w = await start(registry);
    await w.idle();
    expect(singles.sort()).toEqual([0, 1, 2, 4, 5]);
    const bad = await tdb.db.selectFrom('jobs').select(['state', 'attempts', 'last_error']).where('key', '=', 'work:3').executeTakeFirstOrThrow();
    expect(bad).toMatchObject({ state: 'queued', attempts: 1, last_error: 'Error: job 3 is bad' });
  });

  it('leaves out of the batch a job cancelled while the batch ran', async () => {
    let seen: string[] = [];
    const registry = new JobRegistry().registerBatch(
      'work',
      async () => {},
      async (jobs, ctx) => {
        // Cancel one job of the batch after it was claimed, before the batch completes.
        await tdb.db.deleteFrom('jobs').where('key', '=', 'work:1').execute();
        await ctx.complete(async (_tx, live) => {
          seen = live.map((j) => j.key ?? '');
        });
        expect(jobs.map((j) => j.key).sort()).toContain('work:1');
      },
    );
    await enqueueMany(3);
    const w = await start(registry);
    await w.idle();
    expect(seen.sort()).toEqual(['work:0', 'work:2']);
    expect(await states()).toEqual({ done: 2 });
  });
});
