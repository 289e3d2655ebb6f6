import type { LightMyRequestResponse } from 'fastify';
import twilio from 'twilio';
import { expect } from 'vitest';
import { transact } from '../../src/platform/db/transaction.js';
import { newId } from '../../src/platform/ids.js';
import { insertNotification } from '../../src/notify/records.js';
import type { ContactType } from '../../src/notify/tables.js';
import { createTestApp, type TestApp } from '../support/app.js';

// The real app with Twilio configured, and requests signed exactly as Twilio signs them: the
// official package's getExpectedTwilioSignature over the full public URL (query string
// included) and the form parameters, sent form-encoded in X-Twilio-Signature.

export const SID = 'AC' + 'a1'.repeat(16);
export const TOKEN = 'twilio-inbound-test-token';
export const TWILIO_NUMBER = '+15005550006';
export const PUBLIC_URL = 'https://tocsin.example.com';

export const TWILIO_ENV = {
  TOCSIN_TWILIO_ACCOUNT_SID: SID,
  TOCSIN_TWILIO_AUTH_TOKEN: TOKEN,
  TOCSIN_TWILIO_FROM: TWILIO_NUMBER,
  TOCSIN_PUBLIC_URL: PUBLIC_URL,
};

export function twilioApp(env: Record<string, string> = TWILIO_ENV): Promise<TestApp> {
  return createTestApp({ env });
}

/** POSTs a form to `path` (with its query) as Twilio would; `signature` overrides the correct one (null: none). */
export function fromTwilio(t: TestApp, path: string, params: Record<string, string>, opts: { signature?: string | null; token?: string; contentType?: string } = {}): Promise<LightMyRequestResponse> {
  const good = twilio.getExpectedTwilioSignature(opts.token ?? TOKEN, `${PUBLIC_URL}${path}`, params);
  const signature = opts.signature === undefined ? good : opts.signature;
  return t.app.inject({
    method: 'POST',
    url: path,
    headers: { 'content-type': opts.contentType ?? 'application/x-www-form-urlencoded', ...(signature === null ? {} : { 'x-twilio-signature': signature }) },
    payload: new URLSearchParams(params).toString(),
  });
}

/** The path and query of an absolute URL Tocsin handed to Twilio (a Gather or Dial action). */
export function pathOf(url: string): string {
  expect(url.startsWith(`${PUBLIC_URL}/`), url).toBe(true);
  return url.slice(PUBLIC_URL.length);
}

export interface Verb {
  name: string;
  attrs: Record<string, string>;
  /** The element's inner XML. */
  inner: string;
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** The top-level verbs of a TwiML document, in order, read from the XML (not compared as a whole). */
export function verbs(twiml: string): Verb[] {
  const body = /^<\?xml[^>]*\?><Response>(.*)<\/Response>$/s.exec(twiml);
  if (!body) {
    expect(twiml).toMatch(/^<\?xml[^>]*\?><Response\/>$/);
    return [];
  }
  const out: Verb[] = [];
  const re = /<([A-Za-z]+)((?:\s+[A-Za-z]+="[^"]*")*)\s*(?:\/>|>(.*?)<\/\1>)/gs;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = re.exec(body[1]!))) {
    expect(m.index, `unexpected text in ${twiml}`).toBe(consumed);
    consumed = m.index + m[0].length;
    const attrs: Record<string, string> = {};
    for (const a of m[2]!.matchAll(/([A-Za-z]+)="([^"]*)"/g)) attrs[a[1]!] = unescapeXml(a[2]!);
    out.push({ name: m[1]!, attrs, inner: m[3] ?? '' });
  }
  expect(consumed).toBe(body[1]!.length);
  return out;
}

/** Every spoken sentence of a TwiML fragment (Say elements at any depth), unescaped. */
export function said(xml: string): string[] {
  return [...xml.matchAll(/<Say>(.*?)<\/Say>/gs)].map((m) => unescapeXml(m[1]!));
}

/** What the top-level Say verbs say, in order. */
export function spoken(v: readonly Verb[]): string[] {
  return v.filter((x) => x.name === 'Say').map((x) => unescapeXml(x.inner));
}

export function expectTwiml(res: LightMyRequestResponse): Verb[] {
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('text/xml');
  return verbs(res.body);
}

/** The text of a MessagingResponse's one Message. */
export function smsText(res: LightMyRequestResponse): string {
  const v = expectTwiml(res);
  expect(v.map((x) => x.name)).toEqual(['Message']);
  return unescapeXml(v[0]!.inner);
}

export async function addPhone(t: TestApp, userId: string, type: ContactType, address: string, verified = true): Promise<string> {
  const id = newId();
  const now = t.clock.now();
  await t.tdb.db
    .insertInto('contact_methods')
    .values({ id, user_id: userId, type, address, label: `${type} ${address}`, verified: verified ? 1 : 0, verified_at: verified ? now : null, disabled_reason: null, consecutive_failures: 0, signing_nonce: null, created_at: now, updated_at: now })
    .execute();
  return id;
}

export interface IncidentJson {
  id: string;
  number: number;
  title: string;
  status: string;
}

export async function makeService(t: TestApp, name: string, escalationPolicyId?: string): Promise<string> {
  const res = await t.request('admin', 'POST', '/api/v1/services', { name, ...(escalationPolicyId ? { escalation_policy_id: escalationPolicyId } : {}) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

export async function makeIncident(t: TestApp, serviceId: string, title: string): Promise<IncidentJson> {
  const res = await t.request('responder', 'POST', '/api/v1/incidents', { service_id: serviceId, title });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<IncidentJson>();
}

export async function incident(t: TestApp, id: string): Promise<IncidentJson> {
  const res = await t.request('observer', 'GET', `/api/v1/incidents/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<IncidentJson>();
}

export interface TimelineJson {
  type: string;
  actor: { type: string; id: string | null; name: string };
  message: string;
}

export async function timeline(t: TestApp, id: string): Promise<TimelineJson[]> {
  const res = await t.request('observer', 'GET', `/api/v1/incidents/${id}/timeline`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ data: TimelineJson[] }>().data;
}

/** A delivery record as the dispatcher writes it: a page about `incidents` to one contact method. */
export async function recordPage(
  t: TestApp,
  p: { userId: string; methodId: string; incidents: IncidentJson[]; status?: 'queued' | 'sent' | 'delivered' | 'held' | 'cancelled' },
): Promise<string> {
  const method = await t.tdb.db.selectFrom('contact_methods').select(['id', 'type', 'label', 'address']).where('id', '=', p.methodId).executeTakeFirstOrThrow();
  const row = await transact(t.tdb.db, (tx) =>
    insertNotification(tx, {
      incident_id: p.incidents[0]!.id,
      user_id: p.userId,
      contact_method: method,
      kind: p.incidents.length > 1 ? 'bundle' : 'incident',
      status: p.status ?? 'sent',
      round: p.incidents.length > 1 ? null : 0,
      loop: 0,
      level: 1,
      items: p.incidents.map((i) => ({ incident_id: i.id, incident_number: i.number, title: i.title, service_name: 'svc' })),
      idempotency_key: newId(),
      now: t.clock.now(),
    }),
  );
  return row.id;
}
