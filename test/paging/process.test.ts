// Paging through the real process, with real time: an event in, level 1 paged by webhook,
// the process SIGKILLed while level 2 is pending, restarted after level 2 came due; level 2
// fires within seconds of the restart and nothing fires twice; an acknowledge by signed link
// then stops everything.

import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialect, type TestDatabase } from '../support/database.js';
import { api, exited, freePort, startTocsin } from '../support/process.js';
import { until } from '../support/wait.js';
import { startReceiver, type Receiver } from './helpers.js';

let tdb: TestDatabase | null = null;
let child: ChildProcess | null = null;
let receiver: Receiver | null = null;

afterEach(async () => {
  child?.kill('SIGKILL');
  child = null;
  await receiver?.close();
  receiver = null;
  await tdb?.drop();
  tdb = null;
});

const ENV = { TOCSIN_ALLOW_PRIVATE_WEBHOOKS: 'true', TOCSIN_JOB_POLL_MS: '1000' };

describe(`paging through the real process on ${testDialect()}`, () => {
  it('pages level 1, survives a SIGKILL with level 2 pending, pages level 2 once after the restart, and stops on a signed-link acknowledgement', async () => {
    tdb = await createTestDatabase();
    const r = (receiver = await startReceiver(() => Date.now()));
    const port = await freePort();
    child = await startTocsin(tdb, port, ENV);

    const person = async (name: string) => {
      const user = await api<{ id: string }>(port, 'POST', '/api/v1/users', { email: `${name}@example.test`, name, role: 'responder' });
      const rules = await api<{ data: Array<{ id: string }> }>(port, 'GET', `/api/v1/users/${user.id}/notification-rules`);
      for (const rule of rules.data) await api(port, 'DELETE', `/api/v1/users/${user.id}/notification-rules/${rule.id}`);
      const method = await api<{ id: string; signing_secret: string }>(port, 'POST', `/api/v1/users/${user.id}/contact-methods`, { type: 'webhook', address: `${r.url}/${name}`, label: name });
      r.secrets.set(`/${name}`, method.signing_secret);
      await api(port, 'POST', `/api/v1/users/${user.id}/notification-rules`, { urgency: 'high', start_delay_minutes: 0, contact_method_id: method.id });
      return user.id;
    };
    const alice = await person('alice');
    const bob = await person('bob');
    const policy = await api<{ id: string }>(port, 'POST', '/api/v1/escalation-policies', {
      name: 'Real time',
      levels: [
        { delay_minutes: 1, targets: [{ type: 'user', id: alice }] },
        { delay_minutes: 1, targets: [{ type: 'user', id: bob }] },
      ],
    });
    const service = await api<{ id: string }>(port, 'POST', '/api/v1/services', { name: 'checkout', escalation_policy_id: policy.id });
    const integration = await api<{ key: string }>(port, 'POST', `/api/v1/services/${service.id}/integrations`, { type: 'events_v2' });

    const INCIDENTS = 8;
    const triggeredAt = Date.now();
    for (let i = 0; i < INCIDENTS; i++) {
      const res = await fetch(`http://127.0.0.1:${port}/v2/enqueue`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ routing_key: integration.key, event_action: 'trigger', dedup_key: `k${i}`, payload: { summary: `Checkout ${i} failing`, source: 'probe', severity: 'critical' } }),
      });
      expect(res.status).toBe(202);
    }
    const count = (path: string) => r.pages.filter((p) => p.path === path).length;
    await until('level 1 pages', () => count('/alice') === INCIDENTS, 10_000);
    expect(count('/bob')).toBe(0);
    // The kill is meant for the pending level 2, not for the moment between a level 1 page
    // arriving and its outcome being recorded (a window the guard job covers by sending again).
    const db = tdb.db;
    await until('level 1 outcomes recorded', async () => {
      const row = await db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('level', '=', 1).where('status', '=', 'delivered').executeTakeFirstOrThrow();
      return Number(row.n) === INCIDENTS;
    });

    // Level 2 is due a minute after the trigger; the process is down when that moment passes.
    child.kill('SIGKILL');
    await exited(child);
    child = null;
    const due = triggeredAt + 60_000;
    await new Promise((res) => setTimeout(res, Math.max(0, due - Date.now()) + 2_000));
    expect(count('/bob')).toBe(0);

    child = await startTocsin(tdb, port, ENV);
    const restartedAt = Date.now();
    await until('level 2 pages after the restart', () => count('/bob') === INCIDENTS, 10_000);
    const lateness = Date.now() - restartedAt;
    expect(lateness).toBeLessThan(10_000);

    // Nothing twice: one page per incident and level, even if a lease had to expire.
    await new Promise((res) => setTimeout(res, 1_500));
    const perIncident = (path: string) => new Set(r.pages.filter((p) => p.path === path).map((p) => p.body.incidents[0]!.id));
    expect(count('/alice')).toBe(INCIDENTS);
    expect(perIncident('/alice').size).toBe(INCIDENTS);
    expect(count('/bob')).toBe(INCIDENTS);
    expect(perIncident('/bob').size).toBe(INCIDENTS);

    // Bob acknowledges one incident from his page's signed link.
    const page = r.pages.find((p) => p.path === '/bob')!;
    const link = page.body.actions.acknowledge_url!;
    const ack = await fetch(link.replace(/^http:\/\/[^/]+/, `http://127.0.0.1:${port}`), { method: 'POST', headers: { accept: 'application/json' } });
    expect(await ack.json()).toMatchObject({ result: 'done', action: 'acknowledge' });
    const incident = await api<{ status: string; acknowledgers: Array<{ name: string }> }>(port, 'GET', `/api/v1/incidents/${page.body.incidents[0]!.id}`);
    expect(incident).toMatchObject({ status: 'acknowledged', acknowledgers: [{ name: 'bob' }] });
    const records = await api<{ notifications: Array<{ user_name: string; level: number; status: string }> }>(port, 'GET', `/api/v1/incidents/${page.body.incidents[0]!.id}/notifications`);
    expect(records.notifications.map((n) => [n.user_name, n.level, n.status])).toEqual([
      ['alice', 1, 'delivered'],
      ['bob', 2, 'delivered'],
    ]);
  }, 120_000);
});
