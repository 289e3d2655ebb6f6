import type { AddressInfo } from 'node:net';
import PostalMime from 'postal-mime';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Worker } from '../../src/platform/jobs/index.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { testDialect } from '../support/database.js';
import { advance, incidents, startWorker, timeline } from '../ingest/helpers.js';
import { makeUser } from '../oncall/helpers.js';
import { json, standIn } from '../../src/notify/channels/test-support.js';
import { addWebhook, bareUser, makePolicy, makeService, paged, startReceiver, trigger, type Receiver } from './helpers.js';

const MINUTE = 60_000;
let t: TestApp;
let r: Receiver;
let w: Worker;
let smtp: SMTPServer;
let mails: Array<{ to: string[]; raw: string }>;

beforeEach(async () => {
  mails = [];
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((a) => a.address), raw: Buffer.concat(chunks).toString('utf8') });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  t = await createTestApp({
    env: {
      TOCSIN_ALLOW_PRIVATE_WEBHOOKS: 'true',
      TOCSIN_PUBLIC_URL: 'http://tocsin.test',
      TOCSIN_SMTP_URL: `smtp://127.0.0.1:${port}`,
      TOCSIN_EMAIL_FROM: 'Tocsin <pager@tocsin.test>',
      TOCSIN_THROTTLE: 'webhook=2/15m',
    },
  });
  r = await startReceiver(() => t.clock.now());
  w = startWorker(t);
  await w.start();
});
afterEach(async () => {
  await w.stop();
  await r.close();
  await t.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe(`channels and throttling on ${testDialect()}`, () => {
  it('pages by email through SMTP with signed links that act once', async () => {
    // A new user's default: their sign-in email, paged at once.
    const alice = await makeUser(t, 'Alice');
    const email = (await t.request('admin', 'GET', `/api/v1/users/${alice}`)).json().email as string;
    const svc = await makeService(t, await makePolicy(t, [{ delay_minutes: 5, targets: [{ type: 'user', id: alice }] }]));
    await trigger(t, svc.key, 'mail-me');
    await advance(t, w, 0);
    expect(mails.map((m) => m.to)).toEqual([[email]]);
    const parsed = await PostalMime.parse(mails[0]!.raw);
    const [inc] = await incidents(t);
    expect(parsed.subject).toBe(`[Tocsin] #${inc!.number} Problem mail-me (${(await t.request('observer', 'GET', `/api/v1/services/${svc.id}`)).json().name}, high urgency)`);
    expect(parsed.text).toContain('Acknowledge: http://tocsin.test/api/v1/action-links/');
    const resolveUrl = new URL(/href="(http:\/\/tocsin\.test\/api\/v1\/action-links\/[^"]+)"[^>]*>Resolve</.exec(parsed.html ?? '')![1]!.replace(/&amp;/g, '&'));
    // Clicking: the page, then its button.
    const page = await t.app.inject({ method: 'GET', url: resolveUrl.pathname });
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<form method="post"');
    const done = await t.app.inject({ method: 'POST', url: resolveUrl.pathname, headers: { 'content-type': 'text/plain' }, payload: '' });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain(`Incident #${inc!.number} resolved`);
    expect((await incidents(t))[0]).toMatchObject({ status: 'resolved', resolve_reason: 'manual' });
    const used = await t.app.inject({ method: 'POST', url: resolveUrl.pathname });
    expect(used.statusCode).toBe(410);
    expect(used.body).toContain('already been used');
    // Alice is not paged again: the escalation ended with the resolve.
    await advance(t, w, 30 * MINUTE);
    expect(mails).toHaveLength(1);
  });

  it('honours Slack’s 429 Retry-After and delivers the page afterwards, losing nothing', async () => {
    let limited = true;
    const slack = await standIn((req, res) => {
      if (req.path !== '/api/chat.postMessage' || req.headers.authorization !== 'Bearer xoxb-test') return json(res, 404, { ok: false, error: 'unknown_method' });
      if (limited) return json(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': '30' });
      return json(res, 200, { ok: true, channel: 'D0123', ts: '1767614400.000100' });
    });
    const s = await createTestApp({ env: { TOCSIN_SLACK_BOT_TOKEN: 'xoxb-test', TOCSIN_SLACK_API_URL: `${slack.url}/api/` } });
    const sw = startWorker(s);
    await sw.start();
    try {
      const alice = await bareUser(s, 'Alice');
      const method = (await s.request('admin', 'POST', `/api/v1/users/${alice}/contact-methods`, { type: 'slack', address: 'U024BE7LH', label: 'DM' })).json().id as string;
      await s.request('admin', 'POST', `/api/v1/users/${alice}/notification-rules`, { urgency: 'high', start_delay_minutes: 0, contact_method_id: method });
      const svc = await makeService(s, await makePolicy(s, [{ delay_minutes: 60, targets: [{ type: 'user', id: alice }] }]));
      await trigger(s, svc.key, 'slack');
      await advance(s, sw, 0);
      const [inc] = await incidents(s);
      const first = (await s.request('observer', 'GET', `/api/v1/incidents/${inc!.id}/notifications`)).json().notifications;
      expect(first).toMatchObject([{ contact_type: 'slack', status: 'queued', attempts: 1 }]);
      limited = false;
      await advance(s, sw, 29_000);
      expect(slack.requests).toHaveLength(1);
      await advance(s, sw, 2_000);
      expect(slack.requests).toHaveLength(2);
      // The retry carries the same message.
      expect(slack.requests[1]!.body).toBe(slack.requests[0]!.body);
      const after = (await s.request('observer', 'GET', `/api/v1/incidents/${inc!.id}/notifications`)).json().notifications;
      expect(after).toMatchObject([{ contact_type: 'slack', status: 'sent', attempts: 2, provider_id: expect.any(String) }]);
    } finally {
      await sw.stop();
      await s.close();
      await slack.close();
    }
  });

  it('holds pages beyond the limit and sends them as one bundle when a slot frees', async () => {
    const alice = await bareUser(t, 'Alice');
    await addWebhook(t, r, alice, '/alice', { high: [0], low: [] });
    const svc = await makeService(t, await makePolicy(t, [{ delay_minutes: 60, targets: [{ type: 'user', id: alice }] }]));
    for (const k of ['a', 'b', 'c', 'd', 'e']) {
      await trigger(t, svc.key, k);
      await advance(t, w, 1000);
    }
    // Two per quarter hour: the first two go out, the other three are held.
    expect(paged(r)).toEqual(['/alice', '/alice']);
    const list = (await incidents(t)).sort((a, b) => a.number - b.number);
    const held = await t.request('observer', 'GET', `/api/v1/incidents/${list[2]!.id}/notifications`);
    expect(held.json().notifications.map((n: { status: string }) => n.status)).toEqual(['held']);
    expect((await timeline(t, list[2]!.id)).map((e) => e.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/is at its limit \(2 per 15 min\); this page goes out in one bundle at \d\d:\d\d UTC$/)]),
    );
    // Meanwhile one of the held incidents is acknowledged: the bundle leaves it out.
    await t.request('responder', 'POST', `/api/v1/incidents/${list[3]!.id}/acknowledge`);
    await advance(t, w, 15 * MINUTE);
    expect(paged(r)).toEqual(['/alice', '/alice', '/alice']);
    const bundle = r.pages[2]!.body;
    expect(bundle.summary).toMatch(/^\[Tocsin\] 2 new incidents on svc-\w+$/);
    expect(bundle.incidents.map((i) => i.number)).toEqual([list[2]!.number, list[4]!.number]);
    const records = (await t.request('observer', 'GET', `/api/v1/incidents/${list[2]!.id}/notifications`)).json().notifications as Array<{ kind: string; status: string; incident_ids: string[] }>;
    expect(records.map((n) => [n.kind, n.status])).toEqual([
      ['incident', 'bundled'],
      ['bundle', 'delivered'],
    ]);
    expect(records[1]!.incident_ids).toEqual([list[2]!.id, list[4]!.id]);
    const acked = (await t.request('observer', 'GET', `/api/v1/incidents/${list[3]!.id}/notifications`)).json().notifications as Array<{ status: string }>;
    expect(acked.map((n) => n.status)).toEqual(['cancelled']);
    // The limits in force are visible.
    const limits = await t.request('observer', 'GET', '/api/v1/notification-limits');
    expect(limits.json().limits).toEqual(
      expect.arrayContaining([
        { contact_type: 'webhook', max: 2, window_seconds: 900 },
        { contact_type: 'sms', max: 4, window_seconds: 900 },
      ]),
    );
  });
});
