// Benchmark of ingest through POST /v2/enqueue (PagerDuty Events API v2), end to end: HTTP,
// validation, integration lookup, group commit (rules hook, dedup, alerts, incidents, timeline,
// escalate jobs, event log) and the durable commit before each 202.
//
// Run: npx tsx bench/ingest-enqueue.ts [--db sqlite|postgres|both] [--seconds N] [--no-ceiling]
//        [--connections N] [--role all|api]
//
// For each database it starts Tocsin in-process (all roles, or --role api for ingest alone:
// every new incident otherwise also runs its escalation step; rate limits raised), creates a
// service and an events_v2 integration, and drives it from a worker thread with autocannon:
//   1. throughput: 64 connections (--connections) as fast as they go, for --seconds (default 8);
//   2. latency at a fixed 2,000 events/s (autocannon overallRate), for --seconds.
// The load is a realistic mix over 5,000 distinct dedup keys: 75% triggers (new alert and
// incident, or a dedup update of the open alert), 25% resolves (closing alert and incident, or
// dropped when nothing is open). A no-op Fastify handler answering 202 gives the ceiling of
// HTTP plus load generator on the same machine. `server_busy_us_per_event` is the server's
// event-loop busy time per event during the throughput run: the machine-independent-ish cost.
// PostgreSQL: TOCSIN_BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test); a
// database of its own is created and dropped.
//
// Results are printed as one JSON object per measurement. Last results: see docs/ingest.md
// ("Performance").

import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { loadConfig } from '../src/platform/config.js';
import { silentLogger } from '../src/platform/log.js';
import { startService } from '../src/service.js';
import { ingestPipelineFor } from '../src/ingest/ingest.js';
import { benchDatabase } from './support.js';

interface LoadSpec {
  url: string;
  routingKey: string;
  mode: 'max' | 'rate';
  seconds: number;
  /** Concurrent connections of a throughput run (64 unless given). */
  connections?: number;
  seed?: number;
}

interface LoadResult {
  requests_per_s: number;
  total: number;
  non_2xx: number;
  errors: number;
  latency_ms: { p50: number; p90: number; p99: number; max: number };
}

const KEYS = 5000;

/**
 * The load generator, as plain JavaScript for a worker thread (module loaders such as tsx do not
 * reach worker threads on Node 20). A deterministic mix: a key from 5,000, trigger three times in four.
 */
const LOAD_GENERATOR = `
const { parentPort, workerData: spec } = require('node:worker_threads');
const autocannon = require('autocannon');
const KEYS = ${KEYS};
// A small seeded PRNG (mulberry32): every run sends the same sequence.
let state = spec.seed >>> 0;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
let n = 0;
function body(i) {
  const key = 'bench-' + Math.floor(random() * KEYS);
  if (random() < 0.25) return JSON.stringify({ routing_key: spec.routingKey, event_action: 'resolve', dedup_key: key });
  return JSON.stringify({
    routing_key: spec.routingKey, event_action: 'trigger', dedup_key: key,
    payload: { summary: 'High latency on ' + key, source: 'host-' + (i % 50), severity: i % 3 ? 'error' : 'warning', component: 'api', custom_details: { p99_ms: 1200 + (i % 100), region: 'eu-west-1' } },
  });
}
autocannon({
  url: spec.url, method: 'POST', headers: { 'content-type': 'application/json' },
  connections: spec.mode === 'max' ? (spec.connections ?? 64) : 32,
  ...(spec.mode === 'rate' ? { overallRate: 2000 } : {}),
  duration: spec.seconds,
  requests: [{ setupRequest: (req) => ({ ...req, body: body(n++) }) }],
}).then((raw) => {
  // Inside a worker thread autocannon answers with encoded histograms; aggregateResult decodes them.
  const r = autocannon.aggregateResult([raw], { url: spec.url, connections: spec.mode === 'max' ? (spec.connections ?? 64) : 32 });
  const seconds = raw.duration || spec.seconds;
  parentPort.postMessage({
    requests_per_s: Math.round(raw.totalCompletedRequests / seconds), total: raw.totalCompletedRequests, non_2xx: raw.non2xx, errors: raw.errors + raw.timeouts,
    latency_ms: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
  });
}, (e) => parentPort.postMessage({ error: String(e) }));
`;

await main();

/** The load generator runs in its own thread so it does not share the server's event loop. */
function load(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const w = new Worker(LOAD_GENERATOR, { eval: true, workerData: { seed: 42, ...spec } });
    w.once('message', (m: LoadResult | { error: string }) => ('error' in m ? reject(new Error(m.error)) : resolve(m)));
    w.once('error', reject);
  });
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

async function ceiling(seconds: number): Promise<void> {
  const app = Fastify();
  app.post('/v2/enqueue', async (_req, reply) => reply.status(202).send({ status: 'success', message: 'Event processed', dedup_key: 'x' }));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const max = await load({ url: `${url}/v2/enqueue`, routingKey: 'x'.repeat(32), mode: 'max', seconds });
  const rate = await load({ url: `${url}/v2/enqueue`, routingKey: 'x'.repeat(32), mode: 'rate', seconds });
  await app.close();
  console.log(JSON.stringify({ target: 'fastify no-op (ceiling)', throughput: max, at_2000_per_s: rate }));
}

async function bench(db: 'sqlite' | 'postgres', seconds: number, connections: number, role: string): Promise<void> {
  const token = 'tcs_bench_admin_token_0123456789abcdef';
  const target = await benchDatabase(db);
  const { dataDir, databaseUrl } = target;
  const config = loadConfig(
    { TOCSIN_ADMIN_TOKEN: token, TOCSIN_ADMIN_PASSWORD: 'bench-password', TOCSIN_RATE_LIMIT: '10000000', TOCSIN_RATE_LIMIT_ANONYMOUS: '10000000', TOCSIN_INGEST_RATE_LIMIT: '100000000', TOCSIN_LOG_LEVEL: 'warn' },
    { port: 0, host: '127.0.0.1', role, ...(dataDir ? { dataDir } : {}), ...(databaseUrl ? { databaseUrl } : {}) },
  );
  const service = await startService(config, silentLogger, { announce: () => undefined });
  try {
    const api = async <T>(p: string, body: unknown): Promise<T> => {
      const r = await fetch(`${service.url}${p}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (r.status >= 300) throw new Error(`${p}: ${r.status} ${await r.text()}`);
      return (await r.json()) as T;
    };
    const svc = await api<{ id: string }>('/api/v1/services', { name: 'bench' });
    const integration = await api<{ key: string }>(`/api/v1/services/${svc.id}/integrations`, { type: 'events_v2' });
    const url = `${service.url}/v2/enqueue`;
    await load({ url, routingKey: integration.key, mode: 'max', seconds: 2 }); // warm-up
    // A running PostgreSQL has planner statistics (autovacuum analyzes a table once a tenth of it
    // changed, checking every minute); a database created seconds ago has none, and its plans
    // for the tables the warm-up just filled are those for empty tables. Measure the steady state.
    if (db === 'postgres') await sql`analyze`.execute(service.deps.db);
    const pipeline = ingestPipelineFor(service.deps);
    const before = { ...pipeline.stats };
    const elu0 = performance.eventLoopUtilization();
    const max = await load({ url, routingKey: integration.key, mode: 'max', seconds, connections });
    const elu = performance.eventLoopUtilization(elu0);
    const batches = pipeline.stats.batches - before.batches;
    const events = pipeline.stats.events - before.events;
    const rate = await load({ url, routingKey: integration.key, mode: 'rate', seconds });
    const counts = await Promise.all(
      (['alerts', 'incidents', 'events', 'jobs'] as const).map(async (t) => [t, Number((await service.deps.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)] as const),
    );
    console.log(
      JSON.stringify({
        target: `tocsin /v2/enqueue on ${db}`,
        connections,
        role,
        throughput: max,
        at_2000_per_s: rate,
        group_commit: { mean_batch: batches ? Math.round(events / batches) : 0, max_batch: pipeline.stats.maxBatch, retries: pipeline.stats.retries },
        // Busy time of the server's event loop per event at full throughput: the cost of one
        // event in this process, less sensitive than throughput to other load on the machine.
        server_busy_us_per_event: events ? Math.round((elu.active * 1000) / events) : 0,
        server_utilization: Math.round(elu.utilization * 100) / 100,
        rows: Object.fromEntries(counts),
        cpus: os.cpus().length,
        node: process.version,
      }),
    );
  } finally {
    await service.stop();
    await target.drop();
  }
}

async function main(): Promise<void> {
  const which = arg('db', 'both');
  const seconds = Number(arg('seconds', '8'));
  if (!process.argv.includes('--no-ceiling')) await ceiling(seconds);
  const connections = Number(arg('connections', '64'));
  const role = arg('role', 'all');
  if (which === 'sqlite' || which === 'both') await bench('sqlite', seconds, connections, role);
  if (which === 'postgres' || which === 'both') await bench('postgres', seconds, connections, role);
  process.exit(0);
}
