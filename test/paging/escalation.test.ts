import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Worker } from '../../src/platform/jobs/index.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { testDialect } from '../support/database.js';
import { advance, incidents, startWorker, timeline } from '../ingest/helpers.js';
import { makeSchedule } from '../oncall/helpers.js';
import { addWebhook, bareUser, clearRules, makePolicy, makeService, paged, pager, startReceiver, trigger, type Receiver } from './helpers.js';

const MINUTE = 60_000;
let t: TestApp;
let r: Receiver;
let w: Worker;

beforeEach(async () => {
  t = await createTestApp({ env: { TOCSIN_ALLOW_PRIVATE_WEBHOOKS: 'true', TOCSIN_PUBLIC_URL: 'http://tocsin.test' } });
  r = await startReceiver(() => t.clock.now());
  w = startWorker(t);
  await w.start();
  // The admins of last resort are reachable by webhook too (their default rule is an unconfigured email).
  await clearRules(t, t.users.admin.id);
  await addWebhook(t, r, t.users.admin.id, '/admin');
});
afterEach(async () => {
  await w.stop();
  await r.close();
  await t.close();
});

async function settle(): Promise<void> {
  await advance(t, w, 0);
}

async function notifications(incidentId: string) {
  const res = await t.request('observer', 'GET', `/api/v1/incidents/${incidentId}/notifications`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ notifications: Array<{ user_name: string; status: string; level: number | null; loop: number; contact_type: string; kind: string; attempts: number; incident_ids: string[] }> }>().notifications;
}

describe(`escalation on ${testDialect()}`, () => {
  it('pages level 1, escalates to level 2 after its delay, and a signed link acknowledges and stops everything', async () => {
    const alice = await pager(t, r, 'Alice');
    const bob = await pager(t, r, 'Bob');
    const policy = await makePolicy(t, [
      { delay_minutes: 5, targets: [{ type: 'user', id: alice }] },
      { delay_minutes: 5, targets: [{ type: 'user', id: bob }] },
    ]);
    const svc = await makeService(t, policy);
    await trigger(t, svc.key, 'disk-full');
    await settle();
    expect(paged(r)).toEqual(['/alice']);
    const page = r.pages[0]!;
    const [inc] = await incidents(t);
    expect(page.body).toMatchObject({ event_type: 'incident.notification', incidents: [{ id: inc!.id, title: 'Problem disk-full', status: 'triggered' }] });
    expect(page.idempotencyKey).toBe(page.body.idempotency_key);

    await advance(t, w, 5 * MINUTE - 1000);
    expect(paged(r)).toEqual(['/alice']);
    await advance(t, w, 1000);
    expect(paged(r)).toEqual(['/alice', '/bob']);

    // Bob acknowledges with the link of his page: a GET only shows what it will do.
    const link = new URL(r.pages[1]!.body.actions.acknowledge_url!);
    expect(link.origin).toBe('http://tocsin.test');
    const shown = await t.app.inject({ method: 'GET', url: link.pathname });
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain(`Acknowledge incident #${inc!.number}?`);
    expect((await incidents(t))[0]!.status).toBe('triggered');
    const acted = await t.app.inject({ method: 'POST', url: link.pathname, headers: { accept: 'application/json' } });
    expect(acted.json()).toMatchObject({ result: 'done', action: 'acknowledge', number: inc!.number });
    const after = (await incidents(t))[0]!;
    expect(after.status).toBe('acknowledged');
    const entries = await timeline(t, inc!.id);
    expect(entries.find((e) => e.type === 'incident.acknowledged')?.message).toBe('Acknowledged by Bob from a notification link');

    // Single use: the same link again is refused.
    const again = await t.app.inject({ method: 'POST', url: link.pathname, headers: { accept: 'application/json' } });
    expect(again.statusCode).toBe(410);
    expect(again.json()).toMatchObject({ result: 'invalid', reason: 'used' });
    // Alice's older link finds the incident acknowledged already and changes nothing.
    const alices = new URL(r.pages[0]!.body.actions.acknowledge_url!);
    const late = await t.app.inject({ method: 'POST', url: alices.pathname, headers: { accept: 'application/json' } });
    expect(late.json()).toMatchObject({ result: 'unchanged', status: 'acknowledged' });

    // Nothing else is paged, however long nobody does anything more.
    await advance(t, w, 60 * MINUTE);
    expect(paged(r)).toEqual(['/alice', '/bob']);
    const records = await notifications(inc!.id);
    expect(records.map((n) => [n.user_name, n.level, n.status])).toEqual([
      ['Alice', 1, 'delivered'],
      ['Bob', 2, 'delivered'],
    ]);
    const types = (await timeline(t, inc!.id)).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['escalation.level_paged', 'notification.sent']));
  });

  it('a storm of incidents escalates together: every step pages, notes and schedules its next level', async () => {
    const alice = await pager(t, r, 'Alice');
    const bob = await pager(t, r, 'Bob');
    const policy = await makePolicy(t, [
      { delay_minutes: 5, targets: [{ type: 'user', id: alice }] },
      { delay_minutes: 5, targets: [{ type: 'user', id: bob }] },
    ]);
    const svc = await makeService(t, policy);
    // Five incidents at the same instant: their first steps come due together, and so, five
    // minutes later, do their second ones (the worker runs each group as one batch).
    for (let i = 0; i < 5; i++) await trigger(t, svc.key, `storm-${i}`);
    await settle();
    expect(paged(r)).toEqual(Array(5).fill('/alice'));
    await advance(t, w, 5 * MINUTE);
    expect(paged(r)).toEqual([...Array(5).fill('/alice'), ...Array(5).fill('/bob')]);
    const all = await incidents(t);
    expect(all).toHaveLength(5);
    for (const inc of all) {
      expect((await notifications(inc.id)).map((n) => [n.user_name, n.level, n.status])).toEqual([
        ['Alice', 1, 'delivered'],
        ['Bob', 2, 'delivered'],
      ]);
      const notes = (await timeline(t, inc.id)).filter((e) => e.type === 'escalation.level_paged').map((e) => e.message);
      expect(notes).toEqual(['Level 1 paged: Alice', 'Level 2 paged: Bob']);
    }
    // Each incident's page names only that incident.
    expect(new Set(r.pages.map((p) => p.body.incidents[0]!.id)).size).toBe(5);
  });

  it('refuses forged, expired and used links', async () => {
    const alice = await pager(t, r, 'Alice');
    const svc = await makeService(t, await makePolicy(t, [{ delay_minutes: 5, targets: [{ type: 'user', id: alice }] }]));
    await trigger(t, svc.key, 'x');
    await settle();
    const url = new URL(r.pages[0]!.body.actions.resolve_url!);
    const forged = url.pathname.slice(0, -3) + (url.pathname.endsWith('AAA') ? 'BBB' : 'AAA');
    expect((await t.app.inject({ method: 'POST', url: forged })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/action-links/nonsense' })).statusCode).toBe(400);
    t.clock.advance(25 * 60 * MINUTE);
    const expired = await t.app.inject({ method: 'POST', url: url.pathname, headers: { accept: 'application/json' } });
    expect(expired.statusCode).toBe(400);
    expect(expired.json()).toMatchObject({ result: 'invalid', reason: 'expired' });
    expect((await incidents(t))[0]!.status).not.toBe('resolved');
  });

  it('resolves targets through the schedule on call now, moves on at once past an empty level, and loops `repeat` times', async () => {
    const alice = await pager(t, r, 'Alice');
    const bob = await pager(t, r, 'Bob');
    const now = t.clock.now();
    // Alice is on call for the next hour only; the empty schedule reaches nobody.
    const oncall = await makeSchedule(t, {
      layers: [{ name: 'Primary', start: new Date(now - 60 * MINUTE).toISOString(), end: new Date(now + 60 * MINUTE).toISOString(), rotation: { type: 'daily', handoff_time: '00:00' }, users: [alice] }],
    });
    const empty = await makeSchedule(t, { layers: [] });
    const policy = await makePolicy(
      t,
      [
        { delay_minutes: 10, targets: [{ type: 'schedule', id: oncall.id }] },
        { delay_minutes: 10, targets: [{ type: 'schedule', id: empty.id }] },
        { delay_minutes: 10, targets: [{ type: 'user', id: bob }] },
      ],
      1,
    );
    const svc = await makeService(t, policy);
    await trigger(t, svc.key, 'db-down');
    await settle();
    expect(paged(r)).toEqual(['/alice']);
    await advance(t, w, 10 * MINUTE);
    // Level 2 is empty: Bob (level 3) is paged at once, and the timeline says why.
    expect(paged(r)).toEqual(['/alice', '/bob']);
    const [inc] = await incidents(t);
    const notes = (await timeline(t, inc!.id)).filter((e) => e.type.startsWith('escalation.')).map((e) => e.message);
    expect(notes).toEqual(expect.arrayContaining([expect.stringContaining('has nobody on call; moving on'), 'Level 2 reached nobody; moving on to level 3 at once']));
    // The second loop: Alice's shift has ended after 60 minutes, so level 1 reaches nobody either.
    await advance(t, w, 10 * MINUTE);
    expect(paged(r)).toEqual(['/alice', '/bob', '/alice']);
    await advance(t, w, 10 * MINUTE);
    expect(paged(r)).toEqual(['/alice', '/bob', '/alice', '/bob']);
    // The policy ran twice (repeat 1): nothing more.
    await advance(t, w, 120 * MINUTE);
    expect(paged(r)).toEqual(['/alice', '/bob', '/alice', '/bob']);
    const records = await notifications(inc!.id);
    expect(records.map((n) => [n.user_name, n.loop, n.level])).toEqual([
      ['Alice', 0, 1],
      ['Bob', 0, 3],
      ['Alice', 1, 1],
      ['Bob', 1, 3],
    ]);
  });

  it('pages every admin, saying why, when nobody on the policy can be reached', async () => {
    const empty = await makeSchedule(t, { layers: [] });
    const svc = await makeService(t, await makePolicy(t, [{ delay_minutes: 5, targets: [{ type: 'schedule', id: empty.id }] }]));
    await trigger(t, svc.key, 'orphan');
    await settle();
    expect(paged(r)).toEqual(['/admin']);
    const [inc] = await incidents(t);
    const messages = (await timeline(t, inc!.id)).map((e) => e.message);
    expect(messages).toEqual(expect.arrayContaining(['Nobody on the escalation policy can be reached', 'Paging every admin instead: Test admin']));

    // A service without any policy pages the admins too, and says so.
    const bare = await makeService(t, null);
    await trigger(t, bare.key, 'no-policy');
    await settle();
    expect(paged(r)).toEqual(['/admin', '/admin']);
    const second = (await incidents(t)).find((i) => i.id !== inc!.id)!;
    expect((await timeline(t, second.id)).map((e) => e.message)).toEqual(expect.arrayContaining([expect.stringMatching(/^Service svc-\w+ has no escalation policy$/)]));
  });

  it('follows each rule’s delay, and acknowledging cancels the notifications still to come', async () => {
    const alice = await bareUser(t, 'Alice');
    await addWebhook(t, r, alice, '/alice-now', { high: [0], low: [] });
    await addWebhook(t, r, alice, '/alice-later', { high: [3], low: [] });
    const svc = await makeService(t, await makePolicy(t, [{ delay_minutes: 30, targets: [{ type: 'user', id: alice }] }]));
    await trigger(t, svc.key, 'a');
    await trigger(t, svc.key, 'b');
    await settle();
    expect(paged(r).sort()).toEqual(['/alice-now', '/alice-now']);
    const [first, second] = (await incidents(t)).sort((a, b) => a.number - b.number);
    expect((await t.request('responder', 'POST', `/api/v1/incidents/${first!.id}/acknowledge`)).statusCode).toBe(200);
    await advance(t, w, 3 * MINUTE);
    // Only the incident still triggered gets the 3-minute notification.
    expect(r.pages.filter((p) => p.path === '/alice-later').map((p) => p.body.incidents[0]!.id)).toEqual([second!.id]);
  });

  it('low-urgency incidents follow the low-urgency rules', async () => {
    const alice = await bareUser(t, 'Alice');
    await addWebhook(t, r, alice, '/alice-high', { high: [0], low: [] });
    await addWebhook(t, r, alice, '/alice-low', { high: [], low: [0] });
    const svc = await makeService(t, await makePolicy(t, [{ delay_minutes: 30, targets: [{ type: 'user', id: alice }] }]), { urgency: 'low' });
    await trigger(t, svc.key, 'quiet');
    await settle();
    expect(paged(r)).toEqual(['/alice-low']);
  });

  it('reassigning pages the new assignee at once; a manual escalation pages the chosen level now', async () => {
    const alice = await pager(t, r, 'Alice');
    const bob = await pager(t, r, 'Bob');
    const carol = await pager(t, r, 'Carol');
    const svc = await makeService(t, await makePolicy(t, [
      { delay_minutes: 30, targets: [{ type: 'user', id: alice }] },
      { delay_minutes: 30, targets: [{ type: 'user', id: bob }] },
    ]));
    await trigger(t, svc.key, 'r');
    await settle();
    const [inc] = await incidents(t);
    expect((await t.request('responder', 'POST', `/api/v1/incidents/${inc!.id}/reassign`, { assignees: [carol] })).statusCode).toBe(200);
    await settle();
    expect(paged(r)).toEqual(['/alice', '/carol']);
    expect((await t.request('responder', 'POST', `/api/v1/incidents/${inc!.id}/escalate`, { level: 2 })).statusCode).toBe(200);
    await settle();
    expect(paged(r)).toEqual(['/alice', '/carol', '/bob']);
    // The old rounds' steps are gone: after level 2's delay the policy ends (no repeat), nobody else.
    await advance(t, w, 120 * MINUTE);
    expect(paged(r)).toEqual(['/alice', '/carol', '/bob']);
  });

  it('an acknowledgement timeout pages level 1 again', async () => {
    const alice = await pager(t, r, 'Alice');
    const svc = await makeService(t, await makePolicy(t, [{ delay_minutes: 30, targets: [{ type: 'user', id: alice }] }]), { acknowledgement_timeout: 600 });
    await trigger(t, svc.key, 'flappy');
    await settle();
    const [inc] = await incidents(t);
    await t.request('responder', 'POST', `/api/v1/incidents/${inc!.id}/acknowledge`);
    await advance(t, w, 600_000);
    expect((await incidents(t))[0]!.status).toBe('triggered');
    expect(paged(r)).toEqual(['/alice', '/alice']);
  });

  it('tries the next contact method at once when one fails, and retries the failed one with backoff', async () => {
    const alice = await bareUser(t, 'Alice');
    await addWebhook(t, r, alice, '/alice-broken', { high: [0], low: [] });
    await addWebhook(t, r, alice, '/alice-backup', { high: [10], low: [] });
    r.failing.set('/alice-broken', 503);
    const svc = await makeService(t, await makePolicy(t, [{ delay_minutes: 30, targets: [{ type: 'user', id: alice }] }]));
    await trigger(t, svc.key, 'f');
    await settle();
    expect(paged(r)).toEqual(['/alice-backup']);
    const [inc] = await incidents(t);
    const messages = (await timeline(t, inc!.id)).map((e) => e.message);
    expect(messages).toEqual(expect.arrayContaining([expect.stringMatching(/^webhook to alice-broken .* for Alice failed: HTTP 503.*; retrying at .* \(attempt 2\)$/), "Trying Alice's next contact method at once: webhook (alice-backup)"]));
    r.failing.delete('/alice-broken');
    await advance(t, w, 15_000);
    expect(paged(r)).toEqual(['/alice-backup', '/alice-broken']);
    const records = await notifications(inc!.id);
    expect(records.map((n) => [n.contact_type, n.status, n.attempts])).toEqual([
      ['webhook', 'delivered', 2],
      ['webhook', 'delivered', 1],
    ]);
  });
});
