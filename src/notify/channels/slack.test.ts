import { afterEach, describe, expect, it } from 'vitest';
import { json, samplePage, standIn, type StandIn } from './test-support.js';
import { slackChannel } from './slack.js';

const TOKEN = 'xoxb-test-token';
const ctx = { now: Date.UTC(2026, 0, 5, 12), publicUrl: 'https://tocsin.example.com' };
const target = { id: 'cm-s', type: 'slack' as const, address: 'U024BE7LH', label: 'DM' };

let server: StandIn | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/**
 * A stand-in for Slack's Web API: chat.postMessage is POST /api/chat.postMessage with the bot
 * token as a Bearer Authorization header and a form-encoded (or JSON) body naming `channel` and
 * `text`/`blocks`; it answers 200 with `{ok: true, channel, ts}` or `{ok: false, error}`, and
 * 429 with Retry-After when rate limited.
 */
async function slackStandIn(answer: 'ok' | 'ratelimited' | 'channel_not_found' | 'http500' = 'ok') {
  return standIn((req, res) => {
    if (req.method !== 'POST' || req.path !== '/api/chat.postMessage') return json(res, 404, { ok: false, error: 'unknown_method' });
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return json(res, 200, { ok: false, error: 'invalid_auth' });
    if (answer === 'ratelimited') return json(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': '30' });
    if (answer === 'http500') return json(res, 500, { ok: false });
    const params = req.headers['content-type']?.startsWith('application/json') ? (JSON.parse(req.body) as Record<string, string>) : Object.fromEntries(new URLSearchParams(req.body));
    if (!params.channel) return json(res, 200, { ok: false, error: 'channel_not_found' });
    if (answer === 'channel_not_found') return json(res, 200, { ok: false, error: 'channel_not_found' });
    return json(res, 200, { ok: true, channel: 'D0123', ts: '1767614400.000100', message: { text: params.text } });
  });
}

function params(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}

describe('Slack', () => {
  it('posts the page with title, service, urgency and link', async () => {
    server = await slackStandIn();
    const result = await slackChannel({ botToken: TOKEN, apiUrl: `${server.url}/api/` }).send(samplePage(), target, ctx);
    expect(result).toEqual({ status: 'sent', provider_id: 'D0123:1767614400.000100', provider_response: 'ok', retryable: false });
    expect(server.requests).toHaveLength(1);
    const p = params(server.requests[0]!.body);
    expect(p.channel).toBe('U024BE7LH');
    expect(p.text).toBe(samplePage().subject);
    const blocks = JSON.stringify(JSON.parse(p.blocks!));
    expect(blocks).toContain('<https://tocsin.example.com/incidents/inc-0001|#42 Checkout &lt;errors&gt; &amp; timeouts>');
    expect(blocks).toContain('*Service*\\npayments-api');
    expect(blocks).toContain('*Urgency*\\nhigh');
  });

  it('reports a 429 as retryable with Retry-After, after exactly one request', async () => {
    server = await slackStandIn('ratelimited');
    const result = await slackChannel({ botToken: TOKEN, apiUrl: `${server.url}/api/` }).send(samplePage(), target, ctx);
    expect(result).toMatchObject({ status: 'failed', retryable: true, retry_after_ms: 30_000 });
    // The client neither slept through the limit nor retried by itself: the job queue retries.
    expect(server.requests).toHaveLength(1);
  });

  it('reports a Slack error as permanent, a wrong token too, and a 5xx as retryable without retrying itself', async () => {
    server = await slackStandIn('channel_not_found');
    expect(await slackChannel({ botToken: TOKEN, apiUrl: `${server.url}/api/` }).send(samplePage(), target, ctx)).toMatchObject({
      status: 'failed',
      retryable: false,
      provider_response: 'Slack: channel_not_found',
    });
    expect(await slackChannel({ botToken: 'xoxb-wrong', apiUrl: `${server.url}/api/` }).send(samplePage(), target, ctx)).toMatchObject({ retryable: false, provider_response: 'Slack: invalid_auth' });
    await server.close();
    server = await slackStandIn('http500');
    expect(await slackChannel({ botToken: TOKEN, apiUrl: `${server.url}/api/` }).send(samplePage(), target, ctx)).toMatchObject({ status: 'failed', retryable: true });
    expect(server.requests).toHaveLength(1);
  });
});
