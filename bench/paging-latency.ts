// Benchmark of the paging path, end to end through a running Tocsin (all roles in one process):
//   1. first-page latency: from sending POST /v2/enqueue to the first webhook notification
//      arriving at a local receiver, p50/p99, at a fixed 100 and 1,000 events/s, for two loads on
//      a service whose level 1 pages one person by webhook at once: a mix (of every 10 events, 2
//      open a new incident, 6 repeat an open alert, 2 resolve one; latency of the new ones) and
//      the worst case where every event opens a new incident;
//   2. escalation lateness: with 10,000 other incidents open (20,000 future jobs queued), a
//      trickle of incidents whose level 2 is due a minute after level 1; lateness is the time
//      from that due moment to the level-2 webhook arriving, p50/p99/max.
//
// Run: npx tsx bench/paging-latency.ts [--db sqlite|postgres|both] [--seconds N] [--incidents N] [--skip-lateness]
// PostgreSQL: TOCSIN_BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test).
// Prints one JSON object per measurement. Last results: docs/benchmarks.md.

import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { loadConfig } from '../src/platform/config.js';
import { silentLogger } from '../src/platform/log.js';
import { startService } from '../src/service.js';
import type { Db } from '../src/platform/db/transaction.js';
import { sql } from 'kysely';
import { arg, benchDatabase, percentile } from './support.js';

const TOKEN = 'tcs_bench_admin_token_0123456789abcdef';

/**
 * The load driver, plain JavaScript in its own thread (tsx does not reach worker threads on
 * Node 20) so neither sending nor receiving shares the server's event loop: a paced sender of
 * triggers and the webhook receiver, which notes when each incident's page arrives per path.
 */
const DRIVER = `
const { parentPort } = require('node:worker_threads');
const http = require('node:http');
const arrivals = new Map();
const waiters = new Set();
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const at = Date.now();
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    for (const inc of body.incidents) {
      const key = req.url + '|' + inc.title;
      if (!arrivals.has(key)) arrivals.set(key, at);
    }
    res.writeHead(200).end();
    for (const w of waiters) w();
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ url: 'http://127.0.0.1:' + server.address().port }));

async function run(m) {
  const sent = new Map();
  const start = Date.now();
  const inflight = [];
  let failures = 0;
  // Mixed load: of every 10 events, 2 open new incidents, 6 repeat an open alert (dedup, no
  // page) and 2 resolve the oldest open one once 1,000 are open (seconds old, long paged).
  // Otherwise every event opens a new incident.
  const open = [];
  let fresh = 0;
  for (let i = 0; i < m.count; i++) {
    const wait = start + (i * 1000) / m.rate - Date.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const slot = i % 10;
    let body;
    if (!m.mix || slot < 2 || open.length < 4) {
      const n = fresh++;
      const title = m.prefix + ' ' + n;
      sent.set(title, Date.now());
      open.push(m.prefix + '-' + n);
      body = { routing_key: m.routingKey, event_action: 'trigger', dedup_key: m.prefix + '-' + n, payload: { summary: title, source: 'bench', severity: 'critical' } };
    } else if (slot < 8 || open.length < 1000) {
      // A repeat says what the first one said (a changed summary would retitle the incident).
      const key = open[open.length - 1 - (i % Math.min(open.length, 50))];
      body = { routing_key: m.routingKey, event_action: 'trigger', dedup_key: key, payload: { summary: m.prefix + ' ' + key.slice(m.prefix.length + 1), source: 'bench', severity: 'critical' } };
    } else {
      body = { routing_key: m.routingKey, event_action: 'resolve', dedup_key: open.shift() };
    }
    inflight.push(fetch(m.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(async (r) => { await r.arrayBuffer(); if (r.status !== 202) failures++; }, () => { failures++; }));
  }
  await Promise.all(inflight);
  if (failures) throw new Error(failures + ' of ' + m.count + ' events were not accepted');
  if (!m.waitPath) return [];
  const done = () => [...sent.keys()].every((t) => arrivals.has(m.waitPath + '|' + t));
  const deadline = Date.now() + m.timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) {
      const missing = [...sent.keys()].filter((t) => !arrivals.has(m.waitPath + '|' + t));
      throw new Error('timed out waiting for ' + missing.length + ' of ' + sent.size + ' pages at ' + m.waitPath + ', e.g. ' + missing.slice(0, 3).join(', '));
    }
    await new Promise((r) => { waiters.add(r); setTimeout(r, 50); }).then(() => waiters.clear());
  }
  return [...sent].map(([t, at]) => arrivals.get(m.waitPath + '|' + t) - (at + m.offsetMs));
}
parentPort.on('message', (m) => run(m).then((latencies) => parentPort.postMessage({ id: m.id, latencies }), (e) => parentPort.postMessage({ id: m.id, error: String(e) })));
`;

interface Driver {
  url: string;
  /** Sends `count` triggers at `rate`/s, waits for each incident's page at `waitPath`; latencies in ms from send + offset. */
  run(spec: { url: string; routingKey: string; prefix: string; rate: number; count: number; waitPath: string | null; offsetMs: number; timeoutMs: number; mix?: boolean }): Promise<number[]>;
  close(): Promise<void>;
}

async function driver(): Promise<Driver> {
  const w = new Worker(DRIVER, { eval: true });
  const url = await new Promise<string>((resolve, reject) => {
    w.once('message', (m: { url: string }) => resolve(m.url));
    w.once('error', reject);
  });
  let next = 0;
  return {
    url,
    run(spec) {
      const id = next++;
      return new Promise((resolve, reject) => {
        const onMessage = (m: { id: number; latencies?: number[]; error?: string }) => {
          if (m.id !== id) return;
          w.off('message', onMessage);
          if (m.error) reject(new Error(m.error));
          else resolve(m.latencies!);
        };
        w.on('message', onMessage);
        w.postMessage({ id, ...spec });
      });
    },
    close: async () => {
      await w.terminate();
    },
  };
}

/** Waits until no job is due: the quiet incidents' escalation steps have all run. */
async function drained(db: Db, deadline: number): Promise<void> {
  for (;;) {
    const due = await db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).where('state', '=', 'queued').where('run_at', '<=', Date.now()).executeTakeFirstOrThrow();
    if (Number(due.n) === 0) return;
    if (Date.now() > deadline) throw new Error(`${due.n} jobs still due`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const r = (v: number) => Math.round(v * 10) / 10;
  return { n: sorted.length, p50: r(percentile(sorted, 50)), p99: r(percentile(sorted, 99)), max: r(sorted.at(-1) ?? NaN) };
}

async function bench(db: 'sqlite' | 'postgres', seconds: number, incidents: number, lateness: boolean): Promise<void> {
  const target = await benchDatabase(db);
  const rx = await driver();
  const config = loadConfig(
    {
      TOCSIN_ADMIN_TOKEN: TOKEN,
      TOCSIN_ADMIN_PASSWORD: 'bench-password',
      TOCSIN_RATE_LIMIT: '10000000',
      TOCSIN_RATE_LIMIT_ANONYMOUS: '10000000',
      TOCSIN_INGEST_RATE_LIMIT: '100000000',
      TOCSIN_ALLOW_PRIVATE_WEBHOOKS: 'true',
      TOCSIN_LOG_LEVEL: 'warn',
      ...(process.env.TOCSIN_JOB_CONCURRENCY ? { TOCSIN_JOB_CONCURRENCY: process.env.TOCSIN_JOB_CONCURRENCY } : {}),
    },
    { port: 0, host: '127.0.0.1', ...(target.dataDir ? { dataDir: target.dataDir } : {}), ...(target.databaseUrl ? { databaseUrl: target.databaseUrl } : {}) },
  );
  const service = await startService(config, silentLogger, { announce: () => undefined });
  const api = async <T>(method: string, p: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${service.url}${p}`, { method, headers: { authorization: `Bearer ${TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    if (r.status >= 300) throw new Error(`${method} ${p}: ${r.status} ${await r.text()}`);
    return (r.status === 204 ? undefined : await r.json()) as T;
  };
  try {
    const person = async (name: string, delayMinutes = 0) => {
      const user = await api<{ id: string }>('POST', '/api/v1/users', { email: `${name}@bench.test`, name, role: 'responder' });
      for (const rule of (await api<{ data: Array<{ id: string }> }>('GET', `/api/v1/users/${user.id}/notification-rules`)).data) {
        await api('DELETE', `/api/v1/users/${user.id}/notification-rules/${rule.id}`);
      }
      const method = await api<{ id: string }>('POST', `/api/v1/users/${user.id}/contact-methods`, { type: 'webhook', address: `${rx.url}/${name}`, label: name });
      for (const urgency of ['high', 'low']) await api('POST', `/api/v1/users/${user.id}/notification-rules`, { urgency, start_delay_minutes: delayMinutes, contact_method_id: method.id });
      return user.id;
    };
    const alice = await person('alice');
    const bob = await person('bob');
    /** A service paging Alice at once and Bob a minute later, with its events_v2 key. */
    const route = async (name: string): Promise<string> => {
      const policy = await api<{ id: string }>('POST', '/api/v1/escalation-policies', {
        name,
        levels: [
          { delay_minutes: 1, targets: [{ type: 'user', id: alice }] },
          { delay_minutes: 60, targets: [{ type: 'user', id: bob }] },
        ],
      });
      const svc = await api<{ id: string }>('POST', '/api/v1/services', { name, escalation_policy_id: policy.id });
      return (await api<{ key: string }>('POST', `/api/v1/services/${svc.id}/integrations`, { type: 'events_v2' })).key;
    };
    const integration = { key: await route('bench') };
    const url = `${service.url}/v2/enqueue`;

    await rx.run({ url, routingKey: integration.key, prefix: 'warm', rate: 200, count: 400, waitPath: '/alice', offsetMs: 0, timeoutMs: 30_000 });
    // A running PostgreSQL has planner statistics (autovacuum analyzes a table once a tenth of it
    // changed); a database created seconds ago has none. Measure the steady state.
    if (db === 'postgres') await sql`analyze`.execute(service.deps.db);

    for (const mix of [true, false]) {
      for (const rate of [100, 1000]) {
        const latencies = await rx.run({ url, routingKey: integration.key, prefix: `r${rate}${mix ? 'm' : 'n'}`, rate, count: rate * seconds, waitPath: '/alice', offsetMs: 0, timeoutMs: 180_000, mix });
        console.log(
          JSON.stringify({
            target: `tocsin first page (POST /v2/enqueue -> webhook received) on ${db}`,
            load: mix ? 'mixed: 20% new incidents, 60% dedup repeats, 20% resolves' : 'every event a new incident',
            events_per_s: rate,
            new_incidents_per_s: mix ? rate / 5 : rate,
            seconds,
            latency_ms: stats(latencies),
            cpus: os.cpus().length,
            node: process.version,
          }),
        );
      }
    }

    if (lateness) {
      // 10,000 open incidents that stay quiet (their level 1 pages Carol, whose only rule waits an
      // hour; level 2 is a day away), so the queue holds 20,000 future jobs. Then a trickle of
      // incidents whose level 2 (Bob) is due a minute after level 1: lateness is from that due
      // moment to Bob's page arriving, measured from the event's send plus one minute (the step
      // is due a minute after level 1 ran, a few ms after the send: a slight overstatement).
      const carol = await person('carol', 60);
      const quiet = await api<{ id: string }>('POST', '/api/v1/escalation-policies', { name: 'quiet', levels: [{ delay_minutes: 1440, targets: [{ type: 'user', id: carol }] }] });
      const quietSvc = await api<{ id: string }>('POST', '/api/v1/services', { name: 'quiet', escalation_policy_id: quiet.id });
      const quietKey = (await api<{ key: string }>('POST', `/api/v1/services/${quietSvc.id}/integrations`, { type: 'events_v2' })).key;
      await rx.run({ url, routingKey: quietKey, prefix: 'open', rate: 500, count: incidents, waitPath: null, offsetMs: 0, timeoutMs: 0 });
      await drained(service.deps.db, Date.now() + 120_000);
      if (db === 'postgres') await sql`analyze`.execute(service.deps.db);
      const open = await service.deps.db.selectFrom('incidents').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'triggered').executeTakeFirstOrThrow();
      const queued = await service.deps.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).where('state', '=', 'queued').executeTakeFirstOrThrow();
      const key = await route('bench lateness');
      const rate = 20;
      const late = await rx.run({ url, routingKey: key, prefix: 'late', rate, count: rate * 15, waitPath: '/bob', offsetMs: 60_000, timeoutMs: 120_000 });
      console.log(
        JSON.stringify({
          target: `tocsin escalation lateness (level 2 due -> webhook received) on ${db}`,
          open_incidents: Number(open.n),
          queued_jobs: Number(queued.n),
          steps_due_per_s: rate,
          lateness_ms: stats(late),
          cpus: os.cpus().length,
          node: process.version,
        }),
      );
    }
  } finally {
    await service.stop();
    await rx.close();
    await target.drop();
  }
}

async function main(): Promise<void> {
  const which = arg('db', 'both');
  const seconds = Number(arg('seconds', '10'));
  const incidents = Number(arg('incidents', '10000'));
  const lateness = !process.argv.includes('--skip-lateness');
  for (const db of which === 'both' ? (['sqlite', 'postgres'] as const) : [which as 'sqlite' | 'postgres']) await bench(db, seconds, incidents, lateness);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
