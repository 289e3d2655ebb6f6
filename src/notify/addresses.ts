import { isIP } from 'node:net';
import type { ContactType } from './tables.js';

// What a contact method's address must look like, per type, and which network addresses an
// outbound webhook may reach.

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;
const E164 = /^\+[1-9]\d{6,14}$/;
const SLACK_ID = /^[UCGW][A-Z0-9]{6,}$/;

/** The address as stored (trimmed, email lower-cased), or a message saying what is wrong. */
export function checkAddress(type: ContactType, raw: string, opts: { allowPrivate: boolean }): { ok: true; address: string } | { ok: false; message: string } {
  const address = raw.trim();
  switch (type) {
    case 'email':
      return EMAIL.test(address) && address.length <= 254 ? { ok: true, address: address.toLowerCase() } : { ok: false, message: 'must be an email address' };
    case 'sms':
    case 'voice':
      return E164.test(address) ? { ok: true, address } : { ok: false, message: 'must be a phone number in E.164 form, e.g. +14155550123' };
    case 'slack':
      return SLACK_ID.test(address)
        ? { ok: true, address }
        : { ok: false, message: 'must be a Slack user id (U…) or channel id (C…), as shown in Slack under "Copy member ID" or the channel details' };
    case 'webhook': {
      const problem = webhookUrlProblem(address, opts.allowPrivate);
      return problem ? { ok: false, message: problem } : { ok: true, address };
    }
  }
}

/** Why a webhook URL may not be used (before any DNS lookup), or null. */
export function webhookUrlProblem(raw: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute https:// URL';
  }
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) return 'must be an https:// URL';
  if (url.username || url.password) return 'must not carry a user name or password';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate) {
    if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) return 'must not point at a local or internal host';
    if (isIP(host) && isPrivateAddress(host)) return 'must not point at a private, loopback or link-local address';
  }
  return null;
}

function ipv4Parts(ip: string): number[] | null {
  const parts = ip.split('.').map(Number);
  return parts.length === 4 && parts.every((p) => Number.isInteger(p) && p >= 0 && p <= 255) ? parts : null;
}

function isPrivateV4(ip: string): boolean {
  const p = ipv4Parts(ip);
  if (!p) return true;
  const [a, b] = p as [number, number, number, number];
  return (
    a === 0 || // "this" network
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT
    (a === 169 && b === 254) || // link-local (cloud metadata)
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0 && p[2] === 0) || // IETF protocol assignments
    (a === 198 && (b === 18 || b === 19)) || // benchmarking
    a >= 224 // multicast, reserved, broadcast
  );
}

/** Expands an IPv6 address to eight 16-bit groups. */
function ipv6Groups(ip: string): number[] | null {
  let text = ip.toLowerCase().split('%')[0]!;
  let tail: number[] = [];
  const v4 = text.match(/:(\d+\.\d+\.\d+\.\d+)$/);
  if (v4) {
    const p = ipv4Parts(v4[1]!);
    if (!p) return null;
    tail = [(p[0]! << 8) | p[1]!, (p[2]! << 8) | p[3]!];
    text = text.slice(0, -v4[1]!.length) + (text.endsWith('::' + v4[1]) ? '' : '0');
    if (!text.endsWith(':')) text = text.slice(0, -1);
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parse = (s: string) => (s === '' ? [] : s.split(':').map((g) => parseInt(g, 16)));
  const head = parse(halves[0]!.replace(/:$/, ''));
  const rest = halves.length === 2 ? parse(halves[1]!.replace(/:$/, '')) : [];
  const want = 8 - tail.length;
  const groups = halves.length === 2 ? [...head, ...new Array<number>(Math.max(0, want - head.length - rest.length)).fill(0), ...rest] : head;
  const all = [...groups, ...tail];
  return all.length === 8 && all.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? all : null;
}

function isPrivateV6(ip: string): boolean {
  const g = ipv6Groups(ip);
  if (!g) return true;
  if (g.every((x) => x === 0)) return true; // unspecified
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return true; // loopback
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible addresses: judge the IPv4 address.
  if (g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0)) {
    return isPrivateV4(`${g[6]! >> 8}.${g[6]! & 255}.${g[7]! >> 8}.${g[7]! & 255}`);
  }
  if (g[0] === 0x64 && g[1] === 0xff9b) return isPrivateV4(`${g[6]! >> 8}.${g[6]! & 255}.${g[7]! >> 8}.${g[7]! & 255}`); // NAT64
  const first = g[0]!;
  return (
    (first & 0xfe00) === 0xfc00 || // unique local fc00::/7
    (first & 0xffc0) === 0xfe80 || // link-local fe80::/10
    (first & 0xffc0) === 0xfec0 || // site-local (deprecated)
    (first & 0xff00) === 0xff00 || // multicast
    (first === 0x2001 && g[1] === 0xdb8) // documentation
  );
}

/** Whether an IP address is not a public unicast address (private, loopback, link-local, …). */
export function isPrivateAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 4) return isPrivateV4(ip);
  if (family === 6) return isPrivateV6(ip);
  return true;
}
