import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { consumeActionLink, signActionLink, verifyActionLink } from '../../src/notify/action-links.js';
import { createDefaultNotificationRules, ensureDefaultContactMethods } from '../../src/notify/defaults.js';
import { usableRules } from '../../src/notify/queries.js';
import { notifyKey } from '../../src/notify/secrets.js';
import { transact } from '../../src/platform/db/transaction.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { testDialect } from '../support/database.js';
import { expectFieldError, makeUser } from '../oncall/helpers.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

const rulesUrl = (userId: string) => `/api/v1/users/${userId}/notification-rules`;

async function addMethod(userId: string, body: object): Promise<string> {
  const res = await t.request('admin', 'POST', `/api/v1/users/${userId}/contact-methods`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

describe(`notification rules on ${testDialect()}`, () => {
  it('creates, lists, changes and deletes rules; the person or an admin only', async () => {
    const me = t.users.responder.id;
    const slack = await addMethod(me, { type: 'slack', address: 'U024BE7LH' });
    const created = await t.request('responder', 'POST', rulesUrl(me), { urgency: 'high', start_delay_minutes: 2, contact_method_id: slack });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toEqual({
      id: expect.any(String),
      user_id: me,
      urgency: 'high',
      start_delay_minutes: 2,
      contact_method_id: slack,
      created_at: '2026-01-05T12:00:00.000Z',
      updated_at: '2026-01-05T12:00:00.000Z',
    });
    const id = created.json().id as string;
    const listed = await t.request('manager', 'GET', rulesUrl(me));
    expect(listed.json().data.map((r: { urgency: string; start_delay_minutes: number }) => [r.urgency, r.start_delay_minutes])).toEqual([
      ['high', 0],
      ['high', 2],
      ['low', 0],
    ]);

    expect((await t.request('manager', 'POST', rulesUrl(me), { urgency: 'low', start_delay_minutes: 1, contact_method_id: slack })).statusCode).toBe(403);
    expect((await t.request('observer', 'GET', rulesUrl(me))).statusCode).toBe(403);
    // The observer manages their own.
    expect((await t.request('observer', 'GET', rulesUrl(t.users.observer.id))).statusCode).toBe(200);

    const patched = await t.request('responder', 'PATCH', `${rulesUrl(me)}/${id}`, { urgency: 'low', start_delay_minutes: 10 });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ urgency: 'low', start_delay_minutes: 10, contact_method_id: slack });
    expect((await t.request('admin', 'DELETE', `${rulesUrl(me)}/${id}`)).statusCode).toBe(204);
    expect((await t.request('responder', 'GET', `${rulesUrl(me)}/${id}`)).statusCode).toBe(404);
  });

  it('validates urgency, delay, duplicates and whose contact method it is', async () => {
    const me = t.users.responder.id;
    const other = await addMethod(t.users.observer.id, { type: 'slack', address: 'U999' + 'AAAA' });
    const mine = await addMethod(me, { type: 'slack', address: 'U024BE7LH' });
    const post = (body: object) => t.request('responder', 'POST', rulesUrl(me), { urgency: 'high', start_delay_minutes: 0, contact_method_id: mine, ...body });
    expectFieldError(await post({ urgency: 'medium' }), 'urgency');
    expectFieldError(await post({ start_delay_minutes: -1 }), 'start_delay_minutes');
    expectFieldError(await post({ start_delay_minutes: 1441 }), 'start_delay_minutes');
    expectFieldError(await post({ contact_method_id: other }), 'contact_method_id');
    expectFieldError(await post({ contact_method_id: 'nope' }), 'contact_method_id');
    expect((await post({})).statusCode).toBe(201);
    expect((await post({})).statusCode).toBe(409);
    expect((await t.request('admin', 'POST', rulesUrl('nobody'), { urgency: 'high', start_delay_minutes: 0, contact_method_id: mine })).statusCode).toBe(404);
  });

  it('hands the escalation core only rules on verified, enabled methods', async () => {
    const alice = await makeUser(t, 'Alice');
    const bob = await makeUser(t, 'Bob');
    const sms = await addMethod(alice, { type: 'sms', address: '+14155550123' });
    const hook = await addMethod(alice, { type: 'slack', address: 'C0123ABCD' });
    for (const body of [
      { urgency: 'high', start_delay_minutes: 1, contact_method_id: sms },
      { urgency: 'high', start_delay_minutes: 3, contact_method_id: hook },
    ]) {
      expect((await t.request('admin', 'POST', rulesUrl(alice), body)).statusCode).toBe(201);
    }
    const rules = await usableRules(t.deps.db, [alice, bob, 'nobody']);
    const aliceEmail = (await t.request('admin', 'GET', `/api/v1/users/${alice}/contact-methods`)).json().data.find((m: { type: string }) => m.type === 'email').id;
    expect(rules.get(alice)).toEqual([
      { urgency: 'high', start_delay_minutes: 0, contact_method_id: aliceEmail },
      { urgency: 'low', start_delay_minutes: 0, contact_method_id: aliceEmail },
      { urgency: 'high', start_delay_minutes: 3, contact_method_id: hook },
    ]);
    expect(rules.get(bob)).toHaveLength(2);
    expect(rules.has('nobody')).toBe(false);
  });

  it('makes the defaults idempotently', async () => {
    const alice = await makeUser(t, 'Alice');
    const user = await t.deps.db.selectFrom('users').selectAll().where('id', '=', alice).executeTakeFirstOrThrow();
    await transact(t.deps.db, async (tx) => {
      expect(await ensureDefaultContactMethods(tx, user, t.clock.now())).toEqual([]);
      expect(await createDefaultNotificationRules(tx, alice, t.clock.now())).toEqual([]);
    });
    // Without rules for one urgency, only that one is made.
    const low = (await t.request('admin', 'GET', rulesUrl(alice))).json().data.find((r: { urgency: string }) => r.urgency === 'low');
    expect((await t.request('admin', 'DELETE', `${rulesUrl(alice)}/${low.id}`)).statusCode).toBe(204);
    const made = await transact(t.deps.db, (tx) => createDefaultNotificationRules(tx, alice, t.clock.now()));
    expect(made.map((r) => r.urgency)).toEqual(['low']);
  });
});

describe(`action links on ${testDialect()}`, () => {
  it('acts once: a second use of the same link is refused', async () => {
    const key = await notifyKey(t.deps.db, 'action_link_key');
    const now = t.clock.now();
    const token = signActionLink(key, { incidentId: 'inc-1', action: 'acknowledge', userId: t.users.responder.id, expiresAt: now + 60_000 });
    const v = verifyActionLink(key, token, now);
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(await transact(t.deps.db, (tx) => consumeActionLink(tx, v.claims, now))).toBe(true);
    expect(await transact(t.deps.db, (tx) => consumeActionLink(tx, v.claims, now))).toBe(false);
    // Another link for the same incident and action is a different token.
    const again = verifyActionLink(key, signActionLink(key, { incidentId: 'inc-1', action: 'acknowledge', userId: t.users.responder.id, expiresAt: now + 60_000 }), now);
    expect(again.ok && (await transact(t.deps.db, (tx) => consumeActionLink(tx, again.claims, now)))).toBe(true);
    // Used tokens are pruned once they have expired.
    await transact(t.deps.db, (tx) => consumeActionLink(tx, { ...v.claims, tokenId: 'later' }, now + 120_000));
    const left = await t.deps.db.selectFrom('action_link_uses').select('token_id').execute();
    expect(left.map((r) => r.token_id)).toEqual(['later']);
  });
});
