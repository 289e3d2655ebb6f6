import { createHmac } from 'node:crypto';
import dns, { type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { safeEqual } from '../../platform/crypto.js';
import { isPrivateAddress, webhookUrlProblem } from '../addresses.js';
import type { Channel, ContactTarget, DeliveryContext, DeliveryResult, OutboundMessage } from './types.js';
import { permanentFailure, retryableFailure, retryAfterMs } from './types.js';

// Webhooks: POST JSON to the method's URL, signed so the receiver can tell it is Tocsin:
//   X-Tocsin-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 under the method's secret of "<t>.<body>">
//   Idempotency-Key: <stable per notification; a retry carries the same one>
// Private, loopback and link-local targets are refused unless the operator allows them: every
// address the host resolves to is checked, at connect time (the check is the connection's own
// DNS lookup, so a name cannot resolve to something else between check and connect).

export interface WebhookConfig {
  allowPrivate: boolean;
  timeoutMs?: number;
}

export const SIGNATURE_HEADER = 'x-tocsin-signature';

export function webhookSignature(secret: string, unixSeconds: number, body: string): string {
  return `t=${unixSeconds},v1=${createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex')}`;
}

/** For receivers (and tests): whether a signature header is valid for this body, within `toleranceSec`. */
export function verifyWebhookSignature(secret: string, header: string | undefined, body: string, nowMs: number, toleranceSec = 300): boolean {
  if (!header) return false;
  const fields = new Map(header.split(',').map((kv) => kv.split('=', 2) as [string, string]));
  const t = Number(fields.get('t'));
  const v1 = fields.get('v1');
  if (!Number.isInteger(t) || !v1 || Math.abs(nowMs / 1000 - t) > toleranceSec) return false;
  return safeEqual(webhookSignature(secret, t, body).split('v1=')[1]!, v1);
}

/** The JSON a webhook contact method receives. */
export function webhookPayload(message: OutboundMessage, target: ContactTarget, now: number) {
  return {
    event_type: message.kind === 'test' ? 'notification.test' : message.kind === 'verification' ? 'notification.verification' : 'incident.notification',
    occurred_at: new Date(now).toISOString(),
    idempotency_key: message.idempotencyKey,
    contact_method: { id: target.id, label: target.label },
    summary: message.subject,
    text: message.text,
    incidents: message.incidents.map((i) => ({ id: i.id, number: i.number, title: i.title, service: i.service, urgency: i.urgency, status: i.status, html_url: i.url })),
    // Signed, single-use links acting as the paged person (a page about one incident only).
    actions: { acknowledge_url: message.links?.acknowledge ?? null, resolve_url: message.links?.resolve ?? null },
  };
}

class PrivateAddressError extends Error {
  readonly code = 'EPRIVATEADDRESS';
}

/** The connection's own DNS lookup, refusing private answers (exported for tests). */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { family: options.family, hints: options.hints, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      const bad = allowPrivate ? undefined : addresses.find((a) => isPrivateAddress(a.address));
      if (bad) return callback(new PrivateAddressError(`${hostname} resolves to ${bad.address}, a private or loopback address`), '', 0);
      if (addresses.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

interface Agents {
  http: http.Agent;
  https: https.Agent;
}

/**
 * Kept-alive connections per channel: a storm of pages to one receiver reuses its connections
 * instead of opening one per page. The address check runs when a connection is opened, and an
 * open connection cannot move to another address.
 */
function keepAliveAgents(allowPrivate: boolean): Agents {
  const options = { keepAlive: true, maxSockets: 64, lookup: guardedLookup(allowPrivate) };
  return { http: new http.Agent(options), https: new https.Agent(options) };
}

function request(url: URL, body: string, headers: Record<string, string>, config: WebhookConfig, agents: Agents): Promise<RawResponse> {
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        timeout: config.timeoutMs ?? 10_000,
        agent: url.protocol === 'https:' ? agents.https : agents.http,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          // Only the start of the answer is kept for the delivery record.
          if (size < 4096) chunks.push(c);
          size += c.length;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8').slice(0, 2000) }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error(`no answer within ${config.timeoutMs ?? 10_000} ms`), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    req.end(body);
  });
}

export function webhookChannel(config: WebhookConfig): Channel {
  const agents = keepAliveAgents(config.allowPrivate);
  return {
    type: 'webhook',
    async send(message: OutboundMessage, target: ContactTarget, ctx: DeliveryContext): Promise<DeliveryResult> {
      if (!target.signingSecret) return permanentFailure('the webhook has no signing secret');
      const problem = webhookUrlProblem(target.address, config.allowPrivate);
      if (problem) return permanentFailure(`refused: the URL ${problem}`);
      const url = new URL(target.address);
      const host = url.hostname.replace(/^\[|\]$/g, '');
      // A literal IP is connected to without any lookup: check it here.
      if (!config.allowPrivate && isIP(host) && isPrivateAddress(host)) return permanentFailure(`refused: ${host} is a private or loopback address`);
      const body = JSON.stringify(webhookPayload(message, target, ctx.now));
      const headers = {
        'content-type': 'application/json',
        'user-agent': 'Tocsin-Webhook/1',
        [SIGNATURE_HEADER]: webhookSignature(target.signingSecret, Math.floor(ctx.now / 1000), body),
        'idempotency-key': message.idempotencyKey,
      };
      let res: RawResponse;
      try {
        res = await request(url, body, headers, config, agents);
      } catch (e) {
        if (e instanceof PrivateAddressError) return permanentFailure(`refused: ${e.message}`);
        return retryableFailure(`webhook unreachable: ${(e as Error).message}`);
      }
      const described = `HTTP ${res.status}${res.body ? `: ${res.body.slice(0, 300)}` : ''}`;
      if (res.status >= 200 && res.status < 300) return { status: 'delivered', provider_response: described, retryable: false };
      const retryHeader = res.headers['retry-after'];
      if (res.status === 429 || res.status === 408) return retryableFailure(described, retryAfterMs(Array.isArray(retryHeader) ? retryHeader[0] : retryHeader, ctx.now));
      if (res.status >= 500) return retryableFailure(described);
      // 3xx is not followed (a redirect could lead anywhere); 4xx will not get better.
      return permanentFailure(described);
    },
  };
}
