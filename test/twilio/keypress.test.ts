import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channelsFromConfig } from '../../src/notify/channels/index.js';
import { json, standIn, type StandIn } from '../../src/notify/channels/test-support.js';
import { pageMessage } from '../../src/notify/messages.js';
import { incidentSummaries } from '../../src/notify/records.js';
import { makeUser } from '../oncall/helpers.js';
import { testDialect } from '../support/database.js';
import type { TestApp } from '../support/app.js';
import { addPhone, expectTwiml, fromTwilio, incident, makeIncident, makeService, pathOf, PUBLIC_URL, recordPage, said, SID, spoken, timeline, TOKEN, TWILIO_ENV, TWILIO_NUMBER, twilioApp, type IncidentJson } from './helpers.js';

// A page call through the real voice channel to a stand-in for Twilio's Calls API; the key
// press then comes back, signed, to the URL the call's TwiML gave Twilio.

let t: TestApp;
let api: StandIn;
let service: string;

beforeEach(async () => {
  // Twilio's Calls API as documented: POST /2010-04-01/Accounts/{sid}/Calls.json, Basic auth, a form with To, From and Twiml.
  api = await standIn((req, res) => {
    const form = new URLSearchParams(req.body);
    const authorized = req.headers.authorization === `Basic ${Buffer.from(`${SID}:${TOKEN}`).toString('base64')}`;
    if (req.method !== 'POST' || req.path !== `/2010-04-01/Accounts/${SID}/Calls.json`) return json(res, 404, { code: 20404, message: 'Not found', status: 404 });
    if (!authorized) return json(res, 401, { code: 20003, message: 'Authenticate', status: 401 });
    if (req.headers['content-type'] !== 'application/x-www-form-urlencoded' || !form.get('To') || form.get('From') !== TWILIO_NUMBER || !form.get('Twiml')) {
      return json(res, 400, { code: 21205, message: 'bad request', status: 400 });
    }
    return json(res, 201, { sid: 'CA' + '3'.repeat(32), status: 'queued' });
  });
  t = await twilioApp({ ...TWILIO_ENV, TOCSIN_TWILIO_API_URL: api.url });
  service = await makeService(t, 'payments');
});
afterEach(async () => {
  await t?.close();
  await api?.close();
});

/** Places the page call for a delivery record, and returns the key-press URL its TwiML gives Twilio. */
async function placeCall(notificationId: string, phone: string, incidents: IncidentJson[], userId: string): Promise<string> {
  const summaries = await incidentSummaries(t.tdb.db, incidents.map((i) => i.id), PUBLIC_URL);
  const message = pageMessage({ notificationId, incidents: incidents.map((i) => summaries.get(i.id)!), contactType: 'voice', userId, publicUrl: PUBLIC_URL, now: t.clock.now(), linkKey: 'unused' });
  const result = await channelsFromConfig(t.deps.config).get('voice')!.send(message, { id: 'cm', type: 'voice', address: phone, label: 'Mobile' }, { now: t.clock.now(), publicUrl: PUBLIC_URL });
  expect(result).toMatchObject({ status: 'sent' });
  const twiml = new URLSearchParams(api.requests.at(-1)!.body).get('Twiml')!;
  const gathers = [...twiml.matchAll(/<Gather ([^>]*)>(.*?)<\/Gather>/gs)];
  expect(gathers.length).toBeGreaterThan(0);
  const actions = new Set(gathers.map((g) => /action="([^"]*)"/.exec(g[1]!)![1]!.replace(/&amp;/g, '&')));
  expect(actions.size).toBe(1);
  for (const g of gathers) expect(said(g[2]!)).toContain('Press 4 to acknowledge, 6 to resolve.');
  return pathOf([...actions][0]!);
}

const press = (path: string, digits: string) => fromTwilio(t, path, { CallSid: 'CA' + '3'.repeat(32), Digits: digits, From: TWILIO_NUMBER, To: '+14155550121', AccountSid: SID });

describe(`voice key presses on ${testDialect()}`, () => {
  it('acknowledges with 4 as the person paged, and says so', async () => {
    const bob = await makeUser(t, 'Bob');
    const voice = await addPhone(t, bob, 'voice', '+14155550121');
    const inc = await makeIncident(t, service, 'Database down');
    const id = await recordPage(t, { userId: bob, methodId: voice, incidents: [inc] });
    const path = await placeCall(id, '+14155550121', [inc], bob);
    expect(path).toBe(`/api/v1/twilio/voice/keypress?key=${id}`);

    const v = expectTwiml(await press(path, '4'));
    expect(v.map((x) => x.name)).toEqual(['Say', 'Say', 'Hangup']);
    expect(spoken(v)).toEqual([`Acknowledged incident ${inc.number}: Database down.`, 'Goodbye.']);
    expect((await incident(t, inc.id)).status).toBe('acknowledged');
    const ack = (await timeline(t, inc.id)).find((e) => e.type === 'incident.acknowledged')!;
    expect(ack.actor).toEqual({ type: 'user', id: bob, name: 'Bob (by phone)' });
  });

  it('resolves every incident of a bundle with 6', async () => {
    const bob = await makeUser(t, 'Bob');
    const voice = await addPhone(t, bob, 'voice', '+14155550122');
    const one = await makeIncident(t, service, 'First');
    const two = await makeIncident(t, service, 'Second');
    const id = await recordPage(t, { userId: bob, methodId: voice, incidents: [one, two] });
    const v = expectTwiml(await press(await placeCall(id, '+14155550122', [one, two], bob), '6'));
    expect(spoken(v)).toEqual([`Resolved incident ${one.number}: First.`, `Resolved incident ${two.number}: Second.`, 'Goodbye.']);
    expect((await incident(t, one.id)).status).toBe('resolved');
    expect((await incident(t, two.id)).status).toBe('resolved');
  });

  it('asks again after another key, at the same URL', async () => {
    const bob = await makeUser(t, 'Bob');
    const voice = await addPhone(t, bob, 'voice', '+14155550123');
    const inc = await makeIncident(t, service, 'Database down');
    const id = await recordPage(t, { userId: bob, methodId: voice, incidents: [inc] });
    const path = await placeCall(id, '+14155550123', [inc], bob);
    const v = expectTwiml(await press(path, '9'));
    expect(v.map((x) => x.name)).toEqual(['Gather', 'Say', 'Hangup']);
    expect(v[0]!.attrs).toMatchObject({ numDigits: '1', method: 'POST', action: `${PUBLIC_URL}${path}` });
    expect(said(v[0]!.inner)).toEqual(['That key does nothing.', 'Press 4 to acknowledge, 6 to resolve.']);
    expect((await incident(t, inc.id)).status).toBe('triggered');
  });

  it('refuses an observer and an unknown page', async () => {
    const olive = await makeUser(t, 'Olive', 'UTC', 'observer');
    const voice = await addPhone(t, olive, 'voice', '+14155550124');
    const inc = await makeIncident(t, service, 'Database down');
    const id = await recordPage(t, { userId: olive, methodId: voice, incidents: [inc] });
    let v = expectTwiml(await press(`/api/v1/twilio/voice/keypress?key=${id}`, '4'));
    expect(spoken(v)).toEqual(['Your role, observer, may not acknowledge incidents. Goodbye.']);
    expect((await incident(t, inc.id)).status).toBe('triggered');

    v = expectTwiml(await press('/api/v1/twilio/voice/keypress?key=nothing-like-it', '4'));
    expect(v.map((x) => x.name)).toEqual(['Say', 'Hangup']);
  });
});
