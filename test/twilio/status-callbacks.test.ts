import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeUser } from '../oncall/helpers.js';
import { testDialect } from '../support/database.js';
import type { TestApp } from '../support/app.js';
import { addPhone, expectTwiml, fromTwilio, makeIncident, makeService, recordPage, timeline, twilioApp } from './helpers.js';

// Twilio's status callbacks update the delivery record the channel's StatusCallback URL names.

let t: TestApp;
beforeEach(async () => {
  t = await twilioApp();
});
afterEach(async () => t?.close());

const row = (id: string) => t.tdb.db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe(`Twilio status callbacks on ${testDialect()}`, () => {
  it('marks an SMS sent, then delivered, and never back', async () => {
    const alice = await makeUser(t, 'Alice');
    const sms = await addPhone(t, alice, 'sms', '+14155550101');
    const inc = await makeIncident(t, await makeService(t, 'payments'), 'Checkout errors');
    const id = await recordPage(t, { userId: alice, methodId: sms, incidents: [inc], status: 'queued' });

    expect(expectTwiml(await fromTwilio(t, `/api/v1/twilio/sms/status?key=${id}`, { MessageSid: 'SM' + '1'.repeat(32), MessageStatus: 'sent', AccountSid: 'AC1' }))).toEqual([]);
    expect(await row(id)).toMatchObject({ status: 'sent', provider_id: 'SM' + '1'.repeat(32), provider_response: 'Twilio: message sent' });

    t.clock.advance(5_000);
    await fromTwilio(t, `/api/v1/twilio/sms/status?key=${id}`, { MessageSid: 'SM' + '1'.repeat(32), MessageStatus: 'delivered' });
    expect(await row(id)).toMatchObject({ status: 'delivered', delivered_at: t.clock.now(), provider_response: 'Twilio: message delivered' });

    // A late "sent" (callbacks may arrive out of order) does not undo "delivered".
    await fromTwilio(t, `/api/v1/twilio/sms/status?key=${id}`, { MessageSid: 'SM' + '1'.repeat(32), MessageStatus: 'sent' });
    expect((await row(id)).status).toBe('delivered');
    const entries = await timeline(t, inc.id);
    expect(entries.map((e) => e.message)).toContain(`SMS to sms +14155550101 (+14155550101) for Alice delivered`);
  });

  it('marks an undelivered SMS failed with its error code', async () => {
    const alice = await makeUser(t, 'Alice');
    const sms = await addPhone(t, alice, 'sms', '+14155550102');
    const inc = await makeIncident(t, await makeService(t, 'payments'), 'Checkout errors');
    const id = await recordPage(t, { userId: alice, methodId: sms, incidents: [inc], status: 'sent' });
    await fromTwilio(t, `/api/v1/twilio/sms/status?key=${id}`, { MessageSid: 'SM2', MessageStatus: 'undelivered', ErrorCode: '30003' });
    expect(await row(id)).toMatchObject({ status: 'failed', failed_at: t.clock.now(), provider_response: 'Twilio: message undelivered (error 30003)' });
  });

  it('maps call statuses: completed is delivered, no-answer is failed', async () => {
    const alice = await makeUser(t, 'Alice');
    const voice = await addPhone(t, alice, 'voice', '+14155550103');
    const inc = await makeIncident(t, await makeService(t, 'payments'), 'Checkout errors');
    const answered = await recordPage(t, { userId: alice, methodId: voice, incidents: [inc], status: 'queued' });
    await fromTwilio(t, `/api/v1/twilio/voice/status?key=${answered}`, { CallSid: 'CA1', CallStatus: 'ringing' });
    expect(await row(answered)).toMatchObject({ status: 'sent', provider_id: 'CA1' });
    await fromTwilio(t, `/api/v1/twilio/voice/status?key=${answered}`, { CallSid: 'CA1', CallStatus: 'completed', CallDuration: '42' });
    expect(await row(answered)).toMatchObject({ status: 'delivered', provider_response: 'Twilio: call completed after 42 s' });

    const missed = await recordPage(t, { userId: alice, methodId: voice, incidents: [inc], status: 'sent' });
    await fromTwilio(t, `/api/v1/twilio/voice/status?key=${missed}`, { CallSid: 'CA2', CallStatus: 'no-answer' });
    expect(await row(missed)).toMatchObject({ status: 'failed', provider_id: 'CA2', provider_response: 'Twilio: call no-answer' });
  });

  it('answers 200 to an unknown notification or status, changing nothing', async () => {
    const alice = await makeUser(t, 'Alice');
    const sms = await addPhone(t, alice, 'sms', '+14155550104');
    const inc = await makeIncident(t, await makeService(t, 'payments'), 'Checkout errors');
    const id = await recordPage(t, { userId: alice, methodId: sms, incidents: [inc], status: 'sent' });
    expect(expectTwiml(await fromTwilio(t, '/api/v1/twilio/sms/status?key=no-such-notification', { MessageSid: 'SM3', MessageStatus: 'delivered' }))).toEqual([]);
    expect(expectTwiml(await fromTwilio(t, `/api/v1/twilio/sms/status?key=${id}`, { MessageSid: 'SM3', MessageStatus: 'some-new-status' }))).toEqual([]);
    expect((await row(id)).status).toBe('sent');
  });
});

