// Crash safety of ingest: a 202 means the event is durably stored. The real process is killed
// with SIGKILL in the middle of a stream of concurrent events, restarted on the same database,
// and every event that was answered 202 must be there, with no dedup key open twice.

import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialect, type TestDatabase } from '../support/database.js';
import { api, exited, freePort, startTocsin as start } from '../support/process.js';
import type { ChildProcess } from 'node:child_process';

let tdb: TestDatabase | null = null;
let child: ChildProcess | null = null;

afterEach(async () => {
  child?.kill('SIGKILL');
  child = null;
  await tdb?.drop();
  tdb = null;
});

async function all<T>(port: number, url: string): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const page: { data: T[]; next_cursor: string | null } = await api(port, 'GET', `${url}&limit=500${cursor ? `&cursor=${cursor}` : ''}`);
    out.push(...page.data);
    cursor = page.next_cursor;
  } while (cursor);
  return out;
}

describe(`ingest crash safety on ${testDialect()}`, () => {
  it('keeps every event answered 202 across a SIGKILL mid-stream', async () => {
    tdb = await createTestDatabase();
    const port = await freePort();
    child = await start(tdb, port);
    const service = await api<{ id: string }>(port, 'POST', '/api/v1/services', { name: 'crash' });
    const integration = await api<{ id: string; key: string }>(port, 'POST', `/api/v1/services/${service.id}/integrations`, { type: 'events_v2' });

    const TOTAL = 600;
    const KILL_AFTER = 200;
    const accepted = new Map<string, number>();
    let acceptedCount = 0;
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (next < TOTAL) {
        const i = next++;
        const action = i % 4 === 3 ? 'resolve' : 'trigger';
        const dedup = `k${i % 37}`;
        const body = { routing_key: integration.key, event_action: action, dedup_key: dedup, ...(action === 'trigger' ? { payload: { summary: `event ${i}`, source: 'crash-test', severity: 'error' } } : {}) };
        try {
          const r = await fetch(`http://127.0.0.1:${port}/v2/enqueue`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
          if (r.status === 202) {
            const k = `${action}:${dedup}`;
            accepted.set(k, (accepted.get(k) ?? 0) + 1);
            acceptedCount += 1;
            if (acceptedCount >= KILL_AFTER && !killed) {
              killed = true;
              child!.kill('SIGKILL');
            }
          }
        } catch {
          // The process is gone: these requests were never answered 202.
        }
      }
    };
    await Promise.all(Array.from({ length: 24 }, worker));
    expect(killed).toBe(true);
    await exited(child!);

    child = await start(tdb, port);
    const events = await all<{ action: string; dedup_key: string }>(port, `/api/v1/events?integration_id=${integration.id}`);
    const stored = new Map<string, number>();
    for (const e of events) stored.set(`${e.action}:${e.dedup_key}`, (stored.get(`${e.action}:${e.dedup_key}`) ?? 0) + 1);
    for (const [k, n] of accepted) expect(stored.get(k) ?? 0, k).toBeGreaterThanOrEqual(n);
    expect(events.length).toBeGreaterThanOrEqual(acceptedCount);

    const open = await all<{ dedup_key: string }>(port, `/api/v1/alerts?integration_id=${integration.id}&status=triggered&status=acknowledged`);
    expect(new Set(open.map((a) => a.dedup_key)).size).toBe(open.length);

    // And it keeps working after the restart.
    const after = await fetch(`http://127.0.0.1:${port}/v2/enqueue`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ routing_key: integration.key, event_action: 'trigger', dedup_key: 'after', payload: { summary: 's', source: 'x', severity: 'info' } }) });
    expect(after.status).toBe(202);
  }, 90_000);
});
