import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { testDialect } from '../support/database.js';
import { expectFieldError, makeUser } from '../oncall/helpers.js';
import { verifyWebhookSignature } from '../../src/notify/channels/webhook.js';
import { FAILURES_BEFORE_DISABLE } from '../../src/notify/delivery.js';
import { usableRules } from '../../src/notify/queries.js';

// Contact methods through the real HTTP app, with a local stand-in for Twilio (verification
// codes by SMS) and a local webhook receiver (test sends).

const SID = 'AC00000000000000000000000000000001';
const TOKEN = 'twilio-test-token';

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

async function listen(handler: (r: Received, res: http.ServerResponse) => void) {
  const got: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = { path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      got.push(r);
      handler(r, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    got,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

let t: TestApp;
let twilio: Awaited<ReturnType<typeof listen>>;
let hook: Awaited<ReturnType<typeof listen>>;
let hookStatus = 200;
let env: Record<string, string>;

beforeEach(async () => {
  twilio = await listen((r, res) => {
    const ok = r.path === `/2010-04-01/Accounts/${SID}/Messages.json` && r.headers.authorization === `Basic ${Buffer.from(`${SID}:${TOKEN}`).toString('base64')}`;
    res.writeHead(ok ? 201 : 401, { 'content-type': 'application/json' });
    res.end(JSON.stringify(ok ? { sid: `SM${got()}`, status: 'queued' } : { code: 20003, message: 'Authenticate', status: 401 }));
  });
  const got = () => twilio.got.length;
  hookStatus = 200;
  hook = await listen((_r, res) => {
    res.writeHead(hookStatus, { 'content-type': 'application/json' });
    res.end('{}');
  });
  env = {
    TOCSIN_TWILIO_ACCOUNT_SID: SID,
    TOCSIN_TWILIO_AUTH_TOKEN: TOKEN,
    TOCSIN_TWILIO_FROM: '+15005550006',
    TOCSIN_TWILIO_API_URL: twilio.url,
    TOCSIN_ALLOW_PRIVATE_WEBHOOKS: 'true',
  };
  t = await createTestApp({ env });
});

afterEach(async () => {
  await t.close();
  await twilio.close();
  await hook.close();
});

const base = (userId: string) => `/api/v1/users/${userId}/contact-methods`;

describe(`contact methods on ${testDialect()}`, () => {
  it('gives every new user their email as a contact method, paged at once for both urgencies', async () => {
    const alice = await makeUser(t, 'Alice');
    const methods = await t.request('admin', 'GET', base(alice));
    expect(methods.statusCode, methods.body).toBe(200);
    const [email] = methods.json().data;
    expect(methods.json().data).toHaveLength(1);
    expect(email).toMatchObject({ type: 'email', label: 'Default', verified: true, disabled_reason: null, user_id: alice });
    const rules = await t.request('admin', 'GET', `/api/v1/users/${alice}/notification-rules`);
    expect(rules.json().data.map((r: { urgency: string; start_delay_minutes: number; contact_method_id: string }) => [r.urgency, r.start_delay_minutes, r.contact_method_id])).toEqual([
      ['high', 0, email.id],
      ['low', 0, email.id],
    ]);
  });

  it('creates, reads, changes and deletes methods of each type; only the person or an admin edits', async () => {
    const me = t.users.responder.id;
    const make = (role: 'responder' | 'admin' | 'manager' | 'observer', body: object) => t.request(role, 'POST', base(me), body);
    const sms = await make('responder', { type: 'sms', address: '+14155550123', label: 'Mobile' });
    expect(sms.statusCode, sms.body).toBe(201);
    expect(sms.json()).toMatchObject({ type: 'sms', address: '+14155550123', label: 'Mobile', verified: false, verified_at: null, consecutive_failures: 0 });
    expect(sms.json().signing_secret).toBeUndefined();
    const slack = await make('admin', { type: 'slack', address: 'U024BE7LH' });
    expect(slack.json()).toMatchObject({ label: 'Slack', verified: true });
    const webhook = await make('responder', { type: 'webhook', address: `${hook.url}/tocsin` });
    expect(webhook.statusCode, webhook.body).toBe(201);
    expect(webhook.json().signing_secret).toMatch(/^whsec_[\w-]{43}$/);
    // The secret is shown once.
    expect((await t.request('responder', 'GET', `${base(me)}/${webhook.json().id}`)).json().signing_secret).toBeUndefined();

    // Someone else (not admin) may not add to or change my methods; a manager may read them.
    expect((await make('manager', { type: 'email', address: 'x@example.test' })).statusCode).toBe(403);
    expect((await t.request('observer', 'GET', base(me))).statusCode).toBe(403);
    expect((await t.request('manager', 'GET', base(me))).json().data).toHaveLength(4);
    expect((await t.request('observer', 'DELETE', `${base(me)}/${sms.json().id}`)).statusCode).toBe(403);

    const renamed = await t.request('responder', 'PATCH', `${base(me)}/${slack.json().id}`, { label: 'Team channel', address: 'C0123ABCD' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ label: 'Team channel', address: 'C0123ABCD', verified: true });

    // A method is someone's: another person's path does not find it.
    expect((await t.request('admin', 'GET', `${base(t.users.observer.id)}/${sms.json().id}`)).statusCode).toBe(404);

    // Deleting a method removes the rules that used it.
    const rule = await t.request('responder', 'POST', `/api/v1/users/${me}/notification-rules`, { urgency: 'high', start_delay_minutes: 5, contact_method_id: slack.json().id });
    expect(rule.statusCode, rule.body).toBe(201);
    expect((await t.request('responder', 'DELETE', `${base(me)}/${slack.json().id}`)).statusCode).toBe(204);
    expect((await t.request('responder', 'GET', `/api/v1/users/${me}/notification-rules/${rule.json().id}`)).statusCode).toBe(404);
    const audit = await t.request('admin', 'GET', `/api/v1/audit?object_id=${slack.json().id}`);
    expect(audit.json().data.map((a: { action: string }) => a.action)).toEqual(['contact_method.deleted', 'contact_method.updated', 'contact_method.created']);
    expect(audit.json().data[0].details).toMatchObject({ rules_removed: 1 });
  });

  it('validates the address per type, and refuses duplicates', async () => {
    const me = t.users.responder.id;
    const post = (type: string, address: string) => t.request('responder', 'POST', base(me), { type, address });
    expectFieldError(await post('email', 'nope'), 'address');
    expectFieldError(await post('sms', '4155550123'), 'address');
    expectFieldError(await post('voice', '+1 415 555 0123'), 'address');
    expectFieldError(await post('slack', '#ops'), 'address');
    expectFieldError(await post('webhook', 'ftp://example.com/x'), 'address');
    expectFieldError(await post('pager', 'x'), 'type');
    expect((await post('sms', '+14155550123')).statusCode).toBe(201);
    expect((await post('sms', '+14155550123')).statusCode).toBe(409);
    // The same number as voice is a different method.
    expect((await post('voice', '+14155550123')).statusCode).toBe(201);
  });

  it('refuses http and private webhook targets unless TOCSIN_ALLOW_PRIVATE_WEBHOOKS=true', async () => {
    const strict = await createTestApp({ env: { ...env, TOCSIN_ALLOW_PRIVATE_WEBHOOKS: 'false' } });
    try {
      const me = strict.users.responder.id;
      expectFieldError(await strict.request('responder', 'POST', base(me), { type: 'webhook', address: `${hook.url}/x` }), 'address');
      expectFieldError(await strict.request('responder', 'POST', base(me), { type: 'webhook', address: 'https://192.168.0.10/x' }), 'address');
      expect((await strict.request('responder', 'POST', base(me), { type: 'webhook', address: 'https://hooks.example.com/x' })).statusCode).toBe(201);
    } finally {
      await strict.close();
    }
  });

  it('verifies an SMS number with a 6-digit code sent through Twilio', async () => {
    const me = t.users.responder.id;
    const sms = (await t.request('responder', 'POST', base(me), { type: 'sms', address: '+14155550123' })).json();
    // Unverified numbers get no test messages and no pages.
    expect((await t.request('responder', 'POST', `${base(me)}/${sms.id}/test`)).statusCode).toBe(409);
    expect((await usableRules(t.deps.db, [me])).get(me)?.every((r) => r.contact_method_id !== sms.id)).toBe(true);

    const sent = await t.request('responder', 'POST', `${base(me)}/${sms.id}/verify`);
    expect(sent.statusCode, sent.body).toBe(202);
    expect(sent.json()).toEqual({ sent_to: '+14155550123', expires_at: '2026-01-05T12:10:00.000Z' });
    expect(twilio.got).toHaveLength(1);
    const form = new URLSearchParams(twilio.got[0]!.body);
    expect(form.get('To')).toBe('+14155550123');
    expect(form.get('From')).toBe('+15005550006');
    const code = form.get('Body')!.match(/code is (\d{6})\./)![1]!;

    // Nothing in the database holds the code.
    const stored = await t.deps.db.selectFrom('contact_verifications').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(code);

    // Asking again at once is refused; a wrong code counts down.
    expect((await t.request('responder', 'POST', `${base(me)}/${sms.id}/verify`)).statusCode).toBe(429);
    const wrong = await t.request('responder', 'POST', `${base(me)}/${sms.id}/verify/confirm`, { code: code === '000000' ? '111111' : '000000' });
    expectFieldError(wrong, 'code');
    expect(wrong.json().errors[0].message).toContain('4 attempts left');

    const ok = await t.request('responder', 'POST', `${base(me)}/${sms.id}/verify/confirm`, { code });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ verified: true, verified_at: '2026-01-05T12:00:00.000Z' });
    expect((await t.request('responder', 'POST', `${base(me)}/${sms.id}/verify`)).statusCode).toBe(409);

    // A new number has to be verified again.
    const moved = await t.request('responder', 'PATCH', `${base(me)}/${sms.id}`, { address: '+14155550199' });
    expect(moved.json()).toMatchObject({ verified: false, verified_at: null });
  });

  it('voids a code after too many wrong guesses, and after it expires', async () => {
    const me = t.users.responder.id;
    const text = (await t.request('responder', 'POST', base(me), { type: 'sms', address: '+14155550124' })).json();
    expect((await t.request('responder', 'POST', `${base(me)}/${text.id}/verify`)).statusCode).toBe(202);
    const code = new URLSearchParams(twilio.got[0]!.body).get('Body')!.match(/(\d{6})/)![1]!;
    const bad = code === '999999' ? '888888' : '999999';
    for (let i = 0; i < 5; i++) expectFieldError(await t.request('responder', 'POST', `${base(me)}/${text.id}/verify/confirm`, { code: bad }), 'code');
    // The right code no longer helps: the code is gone.
    expect((await t.request('responder', 'POST', `${base(me)}/${text.id}/verify/confirm`, { code })).statusCode).toBe(409);

    t.clock.advance(60_000);
    expect((await t.request('responder', 'POST', `${base(me)}/${text.id}/verify`)).statusCode).toBe(202);
    const code2 = new URLSearchParams(twilio.got[1]!.body).get('Body')!.match(/(\d{6})/)![1]!;
    t.clock.advance(10 * 60_000);
    const expired = await t.request('responder', 'POST', `${base(me)}/${text.id}/verify/confirm`, { code: code2 });
    expectFieldError(expired, 'code');
    expect(expired.json().errors[0].message).toContain('expired');

    // A provider failure is reported, not swallowed.
    const t2 = await createTestApp({ env: { ...env, TOCSIN_TWILIO_AUTH_TOKEN: 'changed' } });
    try {
      const m = (await t2.request('responder', 'POST', base(t2.users.responder.id), { type: 'sms', address: '+14155550125' })).json();
      const failed = await t2.request('responder', 'POST', `${base(t2.users.responder.id)}/${m.id}/verify`);
      expect(failed.statusCode).toBe(502);
      expect(failed.json().detail).toContain('Twilio 401');
    } finally {
      await t2.close();
    }
  });

  it('sends a signed test message to a webhook, and disables a method that keeps failing', async () => {
    const me = t.users.responder.id;
    const created = (await t.request('responder', 'POST', base(me), { type: 'webhook', address: `${hook.url}/tocsin`, label: 'Ops' })).json();
    const ok = await t.request('responder', 'POST', `${base(me)}/${created.id}/test`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'delivered', retryable: false });
    const req = hook.got[0]!;
    expect(verifyWebhookSignature(created.signing_secret, req.headers['x-tocsin-signature'] as string, req.body, t.clock.now())).toBe(true);
    expect(JSON.parse(req.body)).toMatchObject({ event_type: 'notification.test', contact_method: { id: created.id, label: 'Ops' } });

    hookStatus = 500;
    for (let i = 1; i <= FAILURES_BEFORE_DISABLE; i++) {
      const r = await t.request('responder', 'POST', `${base(me)}/${created.id}/test`);
      expect(r.json()).toMatchObject({ status: 'failed', retryable: true });
    }
    const after = (await t.request('responder', 'GET', `${base(me)}/${created.id}`)).json();
    expect(after.consecutive_failures).toBe(FAILURES_BEFORE_DISABLE);
    expect(after.disabled_reason).toMatch(/^5 deliveries in a row failed; the last: HTTP 500/);

    // A disabled method is not paged; its owner re-enables it.
    const rule = await t.request('responder', 'POST', `/api/v1/users/${me}/notification-rules`, { urgency: 'high', start_delay_minutes: 2, contact_method_id: created.id });
    expect(rule.statusCode).toBe(201);
    expect((await usableRules(t.deps.db, [me])).get(me)!.map((r) => r.contact_method_id)).not.toContain(created.id);
    const enabled = await t.request('responder', 'PATCH', `${base(me)}/${created.id}`, { enabled: true });
    expect(enabled.json()).toMatchObject({ disabled_reason: null, consecutive_failures: 0 });
    expect((await usableRules(t.deps.db, [me])).get(me)!.map((r) => r.contact_method_id)).toContain(created.id);
    const disabled = await t.request('admin', 'PATCH', `${base(me)}/${created.id}`, { enabled: false });
    // The reason names who did it (here the admin's API token).
    expect(disabled.json().disabled_reason).toBe('disabled by admin token');
  });

  it('reports a channel that is not configured', async () => {
    const me = t.users.responder.id;
    const slack = (await t.request('responder', 'POST', base(me), { type: 'slack', address: 'U024BE7LH' })).json();
    const r = await t.request('responder', 'POST', `${base(me)}/${slack.id}/test`);
    expect(r.json()).toMatchObject({ status: 'failed', retryable: false, provider_response: 'slack is not configured: set TOCSIN_SLACK_BOT_TOKEN' });
  });
});
