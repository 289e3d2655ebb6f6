import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { json, samplePage, standIn, type Recorded, type StandIn } from './test-support.js';
import { pageTwiml, twilioSmsChannel, twilioVoiceChannel, verifyTwilioSignature, type TwilioConfig } from './twilio.js';

const SID = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'test-auth-token';
const ctx = { now: Date.UTC(2026, 0, 5, 12), publicUrl: 'https://tocsin.example.com' };
const sms = { id: 'cm-1', type: 'sms' as const, address: '+14155550123', label: 'Mobile' };

let server: StandIn | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/**
 * A stand-in for Twilio's REST API that checks what Twilio documents: POST to
 * /2010-04-01/Accounts/{AccountSid}/{Messages|Calls}.json, HTTP Basic auth with the account SID
 * and auth token, an application/x-www-form-urlencoded body with To, From and Body (messages)
 * or Twiml (calls). It answers 201 with the created resource, or Twilio's error shape.
 */
function twilioStandIn(override?: (req: Recorded) => { status: number; body: unknown; headers?: Record<string, string> } | undefined) {
  return standIn((req, res) => {
    const special = override?.(req);
    if (special) return json(res, special.status, special.body, special.headers);
    const match = req.path.match(/^\/2010-04-01\/Accounts\/([^/]+)\/(Messages|Calls)\.json$/);
    if (req.method !== 'POST' || !match) return json(res, 404, { code: 20404, message: 'The requested resource was not found', status: 404 });
    const expected = `Basic ${Buffer.from(`${SID}:${TOKEN}`).toString('base64')}`;
    if (req.headers.authorization !== expected || match[1] !== SID) return json(res, 401, { code: 20003, message: 'Authenticate', status: 401 });
    if (req.headers['content-type'] !== 'application/x-www-form-urlencoded') return json(res, 400, { code: 20001, message: 'bad content type', status: 400 });
    const form = new URLSearchParams(req.body);
    if (!form.get('To') || !form.get('From')) return json(res, 400, { code: 21604, message: "A 'To' phone number is required.", status: 400 });
    if (match[2] === 'Messages') {
      if (!form.get('Body')) return json(res, 400, { code: 21602, message: 'Message body is required.', status: 400 });
      return json(res, 201, { sid: 'SM' + '1'.repeat(32), status: 'queued', to: form.get('To'), from: form.get('From'), body: form.get('Body') });
    }
    if (!form.get('Twiml') && !form.get('Url')) return json(res, 400, { code: 21205, message: 'Url parameter is required.', status: 400 });
    return json(res, 201, { sid: 'CA' + '2'.repeat(32), status: 'queued', to: form.get('To'), from: form.get('From') });
  });
}

function config(base: string, over: Partial<TwilioConfig> = {}): TwilioConfig {
  return { accountSid: SID, authToken: TOKEN, from: '+15005550006', baseUrl: base, statusCallbackUrl: (kind, m) => `https://tocsin.example.com/api/v1/twilio/${kind}/status?key=${m.idempotencyKey}`, ...over };
}

describe('Twilio SMS', () => {
  it('posts the message form-encoded with Basic auth and a status callback', async () => {
    server = await twilioStandIn();
    const result = await twilioSmsChannel(config(server.url)).send(samplePage(), sms, ctx);
    expect(result).toEqual({ status: 'sent', provider_id: 'SM' + '1'.repeat(32), provider_response: 'message queued', retryable: false });
    expect(server.requests).toHaveLength(1);
    const req = server.requests[0]!;
    expect(req.path).toBe(`/2010-04-01/Accounts/${SID}/Messages.json`);
    expect(Object.fromEntries(new URLSearchParams(req.body))).toEqual({
      To: '+14155550123',
      From: '+15005550006',
      Body: samplePage().text,
      StatusCallback: 'https://tocsin.example.com/api/v1/twilio/sms/status?key=notify:inc-0001:0:1:u-1:cm-1',
    });
  });

  it('reports a wrong auth token and a bad number as permanent, 5xx and 429 as retryable', async () => {
    server = await twilioStandIn();
    const bad = await twilioSmsChannel(config(server.url, { authToken: 'wrong' })).send(samplePage(), sms, ctx);
    expect(bad).toMatchObject({ status: 'failed', retryable: false, provider_response: 'Twilio 401 (error 20003): Authenticate' });
    await server.close();

    server = await twilioStandIn(() => ({ status: 400, body: { code: 21211, message: "The 'To' number is not a valid phone number.", status: 400 } }));
    expect(await twilioSmsChannel(config(server.url)).send(samplePage(), sms, ctx)).toMatchObject({ status: 'failed', retryable: false });
    await server.close();

    server = await twilioStandIn(() => ({ status: 503, body: { code: 20503, message: 'Service unavailable', status: 503 } }));
    expect(await twilioSmsChannel(config(server.url)).send(samplePage(), sms, ctx)).toMatchObject({ status: 'failed', retryable: true });
    await server.close();

    server = await twilioStandIn(() => ({ status: 429, body: { code: 20429, message: 'Too Many Requests', status: 429 }, headers: { 'retry-after': '7' } }));
    expect(await twilioSmsChannel(config(server.url)).send(samplePage(), sms, ctx)).toMatchObject({ status: 'failed', retryable: true, retry_after_ms: 7000 });
  });

  it('reports an unreachable API as retryable', async () => {
    server = await twilioStandIn();
    const url = server.url;
    await server.close();
    server = undefined;
    expect(await twilioSmsChannel(config(url)).send(samplePage(), sms, ctx)).toMatchObject({ status: 'failed', retryable: true });
  });

  it('shortens a very long text', async () => {
    server = await twilioStandIn();
    await twilioSmsChannel(config(server.url)).send(samplePage({ text: 'x'.repeat(2000) }), sms, ctx);
    expect(new URLSearchParams(server.requests[0]!.body).get('Body')).toHaveLength(640);
  });
});

describe('Twilio voice', () => {
  it('places a call that speaks the page, with a status callback', async () => {
    server = await twilioStandIn();
    const result = await twilioVoiceChannel(config(server.url)).send(samplePage(), { ...sms, type: 'voice' }, ctx);
    expect(result).toMatchObject({ status: 'sent', provider_id: 'CA' + '2'.repeat(32) });
    const req = server.requests[0]!;
    expect(req.path).toBe(`/2010-04-01/Accounts/${SID}/Calls.json`);
    const form = Object.fromEntries(new URLSearchParams(req.body));
    expect(form).toEqual({
      To: '+14155550123',
      From: '+15005550006',
      Twiml: pageTwiml(samplePage(), ctx.publicUrl),
      StatusCallback: 'https://tocsin.example.com/api/v1/twilio/voice/status?key=notify:inc-0001:0:1:u-1:cm-1',
      StatusCallbackMethod: 'POST',
    });
    // The text is escaped for XML.
    expect(form.Twiml).toContain('<Say>Tocsin: #42 Checkout &lt;errors&gt; &amp; timeouts on payments-api, high urgency.</Say>');
    // Key presses go to the notification's keypress URL: 4 acknowledges, 6 resolves.
    const gathers = [...form.Twiml!.matchAll(/<Gather ([^>]*)>(.*?)<\/Gather>/g)];
    expect(gathers).toHaveLength(2);
    for (const [, attrs, inner] of gathers) {
      expect(attrs).toContain('numDigits="1"');
      expect(attrs).toContain(`action="https://tocsin.example.com/api/v1/twilio/voice/keypress?key=${encodeURIComponent('notify:inc-0001:0:1:u-1:cm-1')}"`);
      expect(inner).toContain('<Say>Press 4 to acknowledge, 6 to resolve.</Say>');
    }
  });

  it('says a verification code twice, with no key press to act on', async () => {
    server = await twilioStandIn();
    await twilioVoiceChannel(config(server.url)).send(samplePage({ kind: 'verification', text: 'Your Tocsin code is 1 2 3 4 5 6.' }), { ...sms, type: 'voice' }, ctx);
    const twiml = new URLSearchParams(server.requests[0]!.body).get('Twiml')!;
    expect(twiml).not.toContain('<Gather');
    expect(twiml.match(/<Say>Your Tocsin code is 1 2 3 4 5 6.<\/Say>/g)).toHaveLength(2);
  });
});

describe('verifyTwilioSignature', () => {
  const url = 'https://tocsin.example.com/api/v1/twilio/sms/status?key=abc';
  const params = { MessageSid: 'SM123', MessageStatus: 'delivered', To: '+14155550123' };
  // Twilio's documented scheme, computed independently: base64 HMAC-SHA1 under the auth token of
  // the full URL followed by every POST parameter's name and value, sorted by name.
  const sign = (token: string, u: string, p: Record<string, string>) =>
    createHmac('sha1', token)
      .update(u + Object.keys(p).sort().map((k) => k + p[k]).join(''))
      .digest('base64');

  it('accepts a correctly signed request', () => {
    expect(verifyTwilioSignature(TOKEN, url, params, sign(TOKEN, url, params))).toBe(true);
  });

  it('refuses an unsigned request, a wrong signature, another token, changed params or another URL', () => {
    const good = sign(TOKEN, url, params);
    expect(verifyTwilioSignature(TOKEN, url, params, undefined)).toBe(false);
    expect(verifyTwilioSignature(TOKEN, url, params, '')).toBe(false);
    expect(verifyTwilioSignature(TOKEN, url, params, 'bm90IGEgc2lnbmF0dXJl')).toBe(false);
    expect(verifyTwilioSignature(TOKEN, url, params, sign('other-token', url, params))).toBe(false);
    expect(verifyTwilioSignature(TOKEN, url, { ...params, MessageStatus: 'failed' }, good)).toBe(false);
    expect(verifyTwilioSignature(TOKEN, url.replace('abc', 'abd'), params, good)).toBe(false);
    expect(verifyTwilioSignature('', url, params, good)).toBe(false);
  });
});
