import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { isPrivateAddress, webhookUrlProblem } from '../notify/addresses.js';
import { guardedLookup } from '../notify/channels/webhook.js';
import { retryAfterMs } from '../notify/channels/types.js';

// One POST to a receiver. node:http with the notify channel's guarded lookup: the address check
// is the connection's own DNS lookup, so a name cannot resolve to something else between check
// and connect. (undici's Agent would do the same through `connect.lookup`, but undici is not a
// dependency and Node's built-in fetch does not expose its Agent.)

export const TIMEOUT_MS = 10_000;
const KEEP_BYTES = 4096;
export const RESPONSE_CHARS = 500;

export type SendResult =
  | { kind: 'answered'; status: number; body: string; retryAfterMs?: number; durationMs: number }
  /** Tocsin would not send there (private address, bad URL): retrying cannot help until the URL changes. */
  | { kind: 'refused'; reason: string; durationMs: number }
  | { kind: 'unreachable'; reason: string; durationMs: number };

export interface SendOptions {
  allowPrivate: boolean;
  now: number;
  timeoutMs?: number;
}

export async function postJson(rawUrl: string, body: string, headers: Record<string, string>, opts: SendOptions): Promise<SendResult> {
  const started = Date.now();
  const took = () => Date.now() - started;
  const problem = webhookUrlProblem(rawUrl, opts.allowPrivate);
  if (problem) return { kind: 'refused', reason: `refused: the URL ${problem}`, durationMs: 0 };
  const url = new URL(rawUrl);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // A literal IP is connected to without any lookup, so the guarded lookup never sees it.
  if (!opts.allowPrivate && isIP(host) && isPrivateAddress(host)) return { kind: 'refused', reason: `refused: ${host} is a private or loopback address`, durationMs: 0 };
  const timeoutMs = opts.timeoutMs ?? TIMEOUT_MS;
  try {
    const res = await request(url, body, headers, opts.allowPrivate, timeoutMs);
    const retryHeader = res.headers['retry-after'];
    const wait = retryAfterMs(Array.isArray(retryHeader) ? retryHeader[0] : retryHeader, opts.now);
    return { kind: 'answered', status: res.status, body: res.body, ...(wait !== undefined ? { retryAfterMs: wait } : {}), durationMs: took() };
  } catch (e) {
    const err = e as Error & { code?: string };
    if (err.code === 'EPRIVATEADDRESS') return { kind: 'refused', reason: `refused: ${err.message}`, durationMs: took() };
    return { kind: 'unreachable', reason: `unreachable: ${err.message}`.slice(0, RESPONSE_CHARS), durationMs: took() };
  }
}

/** "HTTP 503: <start of the body>", short enough for the delivery record. */
export function describeResult(result: SendResult): string {
  if (result.kind !== 'answered') return result.reason;
  return `HTTP ${result.status}${result.body ? `: ${result.body}` : ''}`.slice(0, RESPONSE_CHARS);
}

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(url: URL, body: string, headers: Record<string, string>, allowPrivate: boolean, timeoutMs: number): Promise<RawResponse> {
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(
      url,
      { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, lookup: guardedLookup(allowPrivate), agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          // Only the start of the answer is kept; the rest is read and dropped so the socket closes cleanly.
          if (size < KEEP_BYTES) chunks.push(c);
          size += c.length;
        });
        res.on('end', () => {
          clearTimeout(deadline);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8').slice(0, RESPONSE_CHARS) });
        });
        res.on('error', reject);
      },
    );
    // A whole-request deadline (a transport timer, not business logic): a socket timeout alone
    // would let a receiver that drips its answer hold the job for ever.
    const deadline = setTimeout(() => req.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' })), timeoutMs);
    req.on('error', (e) => {
      clearTimeout(deadline);
      reject(e);
    });
    req.end(body);
  });
}
