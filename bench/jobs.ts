/**
 * Job queue benchmark: jobs completed per second with a no-op handler, and enqueue-to-start
 * latency when the worker is idle, on SQLite and PostgreSQL.
 *
 *   npx tsx bench/jobs.ts [--db sqlite|postgres|both] [--jobs 20000]
 *
 * PostgreSQL: TOCSIN_BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test); a
 * database of its own is created and dropped.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { systemClock } from '../src/platform/clock.js';
import { migrateToLatest, openPostgres, openSqlite, transact, type DatabaseHandle } from '../src/platform/db/index.js';
import { enqueue, JobRegistry, Worker } from '../src/platform/jobs/index.js';
import { silentLogger } from '../src/platform/log.js';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const which = arg('db', 'both');
const total = Number(arg('jobs', '20000'));
const latencySamples = Number(arg('samples', '500'));
const pgServer = process.env.TOCSIN_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function open(dialect: 'sqlite' | 'postgres'): Promise<{ handle: DatabaseHandle; url: string | null; drop(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tocsin-bench-'));
    const handle = openSqlite(path.join(dir, 'bench.sqlite'));
    await migrateToLatest(handle.db);
    return { handle, url: null, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `tocsin_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: pgServer });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(pgServer);
  u.pathname = `/${name}`;
  const handle = openPostgres(u.toString(), 12);
  await migrateToLatest(handle.db);
  return {
    handle,
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: pgServer });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function throughput(dialect: 'sqlite' | 'postgres') {
  const { handle, url, drop } = await open(dialect);
  const now = Date.now();
  for (let i = 0; i < total; i += 1000) {
    await transact(handle.db, async (tx) => {
      for (let j = i; j < Math.min(total, i + 1000); j++) await enqueue(tx, now, 'noop', { n: j });
    });
  }
  let done = 0;
  let finish!: () => void;
  const finished = new Promise<void>((r) => (finish = r));
  const registry = new JobRegistry().register('noop', async () => {
    if (++done === total) finish();
  });
  const worker = new Worker({ db: handle.db, dialect, databaseUrl: url, registry, clock: systemClock, log: silentLogger, concurrency: 64 });
  const t0 = process.hrtime.bigint();
  await worker.start();
  await finished;
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  await worker.stop();
  await handle.close();
  await drop();
  return { jobs: total, seconds: Number(seconds.toFixed(2)), jobs_per_second: Math.round(total / seconds) };
}

async function latency(dialect: 'sqlite' | 'postgres') {
  const { handle, url, drop } = await open(dialect);
  const started = new Map<number, number>();
  let waiter: (() => void) | null = null;
  const registry = new JobRegistry().register<{ n: number }>('ping', async (job) => {
    started.set(job.payload.n, performance.now());
    waiter?.();
  });
  const worker = new Worker({ db: handle.db, dialect, databaseUrl: url, registry, clock: systemClock, log: silentLogger });
  await worker.start();
  await new Promise((r) => setTimeout(r, 200));
  const samples: number[] = [];
  for (let n = 0; n < latencySamples; n++) {
    const ran = new Promise<void>((r) => (waiter = r));
    // Latency counts from the moment the enqueuing transaction has committed.
    let committed = 0;
    await transact(handle.db, async (tx) => {
      await enqueue(tx, Date.now(), 'ping', { n });
    }).then(() => (committed = performance.now()));
    await ran;
    samples.push(started.get(n)! - committed);
    await new Promise((r) => setTimeout(r, 5));
  }
  await worker.stop();
  await handle.close();
  await drop();
  samples.sort((a, b) => a - b);
  return { samples: samples.length, p50_ms: Number(percentile(samples, 50).toFixed(2)), p99_ms: Number(percentile(samples, 99).toFixed(2)) };
}

const dialects = which === 'both' ? (['sqlite', 'postgres'] as const) : ([which] as ['sqlite' | 'postgres']);
for (const d of dialects) {
  console.log(JSON.stringify({ bench: 'jobs.throughput', db: d, ...(await throughput(d)) }));
  console.log(JSON.stringify({ bench: 'jobs.start_latency_idle', db: d, ...(await latency(d)) }));
}
