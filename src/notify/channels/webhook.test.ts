import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { json, samplePage, standIn, type StandIn } from './test-support.js';
import { guardedLookup, verifyWebhookSignature, webhookChannel, webhookSignature } from './webhook.js';

const SECRET = 'whsec_test';
const NOW = Date.UTC(2026, 0, 5, 12, 0, 7);
const ctx = { now: NOW, publicUrl: 'https://tocsin.example.com' };

let server: StandIn | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const target = (url: string) => ({ id: 'cm-w', type: 'webhook' as const, address: url, label: 'Ops hook', signingSecret: SECRET });

describe('webhook', () => {
  it('posts signed JSON with an idempotency key, and the receiver can check the signature exactly', async () => {
    server = await standIn((_req, res) => json(res, 202, { accepted: true }));
    const result = await webhookChannel({ allowPrivate: true }).send(samplePage(), target(`${server.url}/hooks/tocsin?team=ops`), ctx);
    expect(result).toEqual({ status: 'delivered', provider_response: 'HTTP 202: {"accepted":true}', retryable: false });
    const req = server.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/hooks/tocsin?team=ops');
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers['idempotency-key']).toBe('notify:inc-0001:0:1:u-1:cm-1');
    // The receiver's side, computed independently of the sender's code.
    const header = req.headers['x-tocsin-signature'] as string;
    const m = header.match(/^t=(\d+),v1=([0-9a-f]{64})$/);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBe(Math.floor(NOW / 1000));
    expect(m![2]).toBe(createHmac('sha256', SECRET).update(`${m![1]}.${req.body}`).digest('hex'));
    expect(verifyWebhookSignature(SECRET, header, req.body, NOW)).toBe(true);
    expect(verifyWebhookSignature('other', header, req.body, NOW)).toBe(false);
    expect(verifyWebhookSignature(SECRET, header, req.body + ' ', NOW)).toBe(false);
    expect(verifyWebhookSignature(SECRET, header, req.body, NOW + 301_000)).toBe(false);
    expect(verifyWebhookSignature(SECRET, undefined, req.body, NOW)).toBe(false);
    const body = JSON.parse(req.body);
    expect(body).toMatchObject({
      event_type: 'incident.notification',
      occurred_at: new Date(NOW).toISOString(),
      idempotency_key: 'notify:inc-0001:0:1:u-1:cm-1',
      contact_method: { id: 'cm-w', label: 'Ops hook' },
      incidents: [{ id: 'inc-0001', number: 42, service: { id: 'svc-1', name: 'payments-api' }, urgency: 'high', html_url: 'https://tocsin.example.com/incidents/inc-0001' }],
    });
  });

  it('refuses loopback and private targets unless allowed, by literal address and by name', async () => {
    server = await standIn((_req, res) => json(res, 200, {}));
    const strict = webhookChannel({ allowPrivate: false });
    const port = new URL(server.url).port;
    for (const url of [`${server.url}/x`, `https://127.0.0.1:${port}/x`, `https://[::1]:${port}/x`, `https://localhost:${port}/x`, `https://10.0.0.8/x`]) {
      const r = await strict.send(samplePage(), target(url), ctx);
      expect(r, url).toMatchObject({ status: 'failed', retryable: false });
      expect(r.provider_response, url).toMatch(/^refused/);
    }
    expect(server.requests).toHaveLength(0);
  });

  it('checks every address a name resolves to, in the connection\'s own lookup', async () => {
    const lookup = (allow: boolean, all: boolean) =>
      new Promise<{ err: (Error & { code?: string }) | null; result: unknown }>((resolve) =>
        guardedLookup(allow)('localhost', { all } as never, (err: NodeJS.ErrnoException | null, result: unknown) => resolve({ err, result })),
      );
    const refused = await lookup(false, false);
    expect(refused.err?.code).toBe('EPRIVATEADDRESS');
    expect(refused.err?.message).toMatch(/^localhost resolves to (127\.0\.0\.1|::1), a private or loopback address$/);
    expect((await lookup(false, true)).err?.code).toBe('EPRIVATEADDRESS');
    const allowed = await lookup(true, true);
    expect(allowed.err).toBeNull();
    expect((allowed.result as Array<{ address: string }>).some((a) => a.address === '127.0.0.1' || a.address === '::1')).toBe(true);
  });

  it('treats 5xx, 429 and timeouts as retryable, other 4xx and redirects as permanent', async () => {
    let answer = 500;
    server = await standIn((_req, res) => (answer === 0 ? undefined : json(res, answer, { a: answer }, answer === 429 ? { 'retry-after': '12' } : answer === 302 ? { location: 'http://169.254.169.254/' } : {})));
    const hook = webhookChannel({ allowPrivate: true, timeoutMs: 200 });
    const send = () => hook.send(samplePage(), target(`${server!.url}/h`), ctx);
    expect(await send()).toMatchObject({ status: 'failed', retryable: true });
    answer = 429;
    expect(await send()).toMatchObject({ retryable: true, retry_after_ms: 12_000 });
    answer = 410;
    expect(await send()).toMatchObject({ status: 'failed', retryable: false });
    answer = 302;
    expect(await send()).toMatchObject({ status: 'failed', retryable: false });
    answer = 0; // never answers
    expect(await send()).toMatchObject({ status: 'failed', retryable: true });
  });

  it('needs a signing secret', async () => {
    const r = await webhookChannel({ allowPrivate: true }).send(samplePage(), { ...target('http://127.0.0.1:9/x'), signingSecret: undefined }, ctx);
    expect(r).toMatchObject({ status: 'failed', retryable: false });
  });

  it('signs "<t>.<body>" with HMAC-SHA256 in hex', () => {
    expect(webhookSignature('k', 1700000000, '{}')).toBe(`t=1700000000,v1=${createHmac('sha256', 'k').update('1700000000.{}').digest('hex')}`);
  });
});
