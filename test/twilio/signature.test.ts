import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from '../support/database.js';
import type { TestApp } from '../support/app.js';
import { fromTwilio, PUBLIC_URL, TOKEN, twilioApp } from './helpers.js';

// Every URL Twilio calls refuses a request that Twilio did not sign with this installation's
// auth token, over exactly this URL and these parameters.

const INBOUND: Array<[string, Record<string, string>]> = [
  ['/api/v1/twilio/sms/status?key=n-1', { MessageSid: 'SM1', MessageStatus: 'delivered' }],
  ['/api/v1/twilio/voice/status?key=n-1', { CallSid: 'CA1', CallStatus: 'completed' }],
  ['/api/v1/twilio/sms/inbound', { From: '+14155550100', To: '+15005550006', Body: 'ack 1', MessageSid: 'SM2' }],
  ['/api/v1/twilio/voice/keypress?key=n-1', { CallSid: 'CA2', Digits: '4' }],
  ['/api/v1/twilio/voice/inbound', { CallSid: 'CA3', From: '+14155550100', To: '+15005550006' }],
  ['/api/v1/twilio/voice/route', { CallSid: 'CA3', From: '+14155550100', Digits: '1' }],
  ['/api/v1/twilio/voice/dial-status?incident=i-1&level=1&tried=u-1', { CallSid: 'CA3', DialCallStatus: 'no-answer', CallStatus: 'in-progress' }],
];

let t: TestApp;
beforeAll(async () => {
  t = await twilioApp();
});
afterAll(async () => t?.close());

function expectRefused(res: Awaited<ReturnType<typeof fromTwilio>>, message: RegExp) {
  expect(res.statusCode, res.body).toBe(403);
  expect(res.headers['content-type']).toContain('application/problem+json');
  const body = res.json();
  expect(body.errors).toEqual([{ field: 'x-twilio-signature', message: expect.stringMatching(message) }]);
}

describe(`Twilio request signatures on ${testDialect()}`, () => {
  it('covers every Twilio route the app has', () => {
    const routes = t.app.routeList.filter((r) => r.url.startsWith('/api/v1/twilio/')).map((r) => `${r.method} ${r.url}`);
    expect(routes.sort()).toEqual(INBOUND.map(([p]) => `POST ${p.split('?')[0]}`).sort());
    expect(t.app.routeList.filter((r) => r.url.startsWith('/api/v1/twilio/')).every((r) => r.policy === 'public')).toBe(true);
  });

  it.each(INBOUND)('refuses an unsigned request to %s', async (path, params) => {
    expectRefused(await fromTwilio(t, path, params, { signature: null }), /missing/);
  });

  it.each(INBOUND)('refuses a wrongly signed request to %s', async (path, params) => {
    // Signed with another account's token.
    expectRefused(await fromTwilio(t, path, params, { token: 'someone-elses-token' }), /does not match/);
    // A signature for other parameters (a replayed signature on changed content).
    const other = twilio.getExpectedTwilioSignature(TOKEN, `${PUBLIC_URL}${path}`, { ...params, Extra: 'x' });
    expectRefused(await fromTwilio(t, path, params, { signature: other }), /does not match/);
    // A signature for another URL (the query string is covered too).
    const elsewhere = twilio.getExpectedTwilioSignature(TOKEN, `${PUBLIC_URL}${path}${path.includes('?') ? '&' : '?'}x=1`, params);
    expectRefused(await fromTwilio(t, path, params, { signature: elsewhere }), /does not match/);
    expectRefused(await fromTwilio(t, path, params, { signature: 'not-a-signature' }), /does not match/);
  });

  it.each(INBOUND)('accepts a correctly signed request to %s', async (path, params) => {
    const res = await fromTwilio(t, path, params);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/xml');
  });

  it('reads form bodies with a charset, and + or %20 for spaces, as Twilio may send them', async () => {
    const params = { From: '+14155550100', Body: 'on my way' };
    const res = await fromTwilio(t, '/api/v1/twilio/sms/inbound', params, { contentType: 'application/x-www-form-urlencoded; charset=UTF-8' });
    expect(res.statusCode, res.body).toBe(200);
    const signature = twilio.getExpectedTwilioSignature(TOKEN, `${PUBLIC_URL}/api/v1/twilio/sms/inbound`, params);
    const spaced = await t.app.inject({
      method: 'POST',
      url: '/api/v1/twilio/sms/inbound',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      payload: 'From=%2B14155550100&Body=on%20my+way',
    });
    expect(spaced.statusCode, spaced.body).toBe(200);
  });

  it('checks the signature before the body: a signed request missing a field gets a 400 naming it', async () => {
    expectRefused(await fromTwilio(t, '/api/v1/twilio/sms/inbound', { Body: 'ack 1' }, { signature: null }), /missing/);
    const res = await fromTwilio(t, '/api/v1/twilio/sms/inbound', { Body: 'ack 1' });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain('From');
  });
});

describe(`Twilio routes without Twilio configured on ${testDialect()}`, () => {
  it('answers 503 saying what to set', async () => {
    const bare = await twilioApp({ TOCSIN_PUBLIC_URL: PUBLIC_URL });
    try {
      for (const [path, params] of INBOUND) {
        const res = await fromTwilio(bare, path, params);
        expect(res.statusCode, `${path}: ${res.body}`).toBe(503);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json().detail).toContain('TOCSIN_TWILIO_AUTH_TOKEN');
      }
    } finally {
      await bare.close();
    }
  });
});
