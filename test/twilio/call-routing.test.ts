import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectFieldError, layer, makeSchedule, makeUser } from '../oncall/helpers.js';
import { testDialect } from '../support/database.js';
import type { TestApp } from '../support/app.js';
import { addPhone, expectTwiml, fromTwilio, incident, makeService, pathOf, PUBLIC_URL, said, spoken, timeline, TWILIO_NUMBER, twilioApp, type Verb } from './helpers.js';

// Live call routing: the menu's admin API, and a call end to end (menu -> choice -> incident
// -> ringing the on-call people level by level -> the one who answers acknowledges).

let t: TestApp;
beforeEach(async () => {
  t = await twilioApp();
});
afterEach(async () => t?.close());

const CALLER = '+14155550177';
const call = { CallSid: 'CA' + '7'.repeat(32), From: CALLER, To: TWILIO_NUMBER, AccountSid: 'AC1', Direction: 'inbound' };

async function policy(levels: Array<Array<{ type: 'user' | 'schedule'; id: string }>>): Promise<string> {
  const res = await t.request('manager', 'POST', '/api/v1/escalation-policies', { name: `P ${Math.random()}`, levels: levels.map((targets) => ({ delay_minutes: 5, targets })) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

function dialOf(v: Verb[]): { number: string; action: string; attrs: Record<string, string> } {
  expect(v.map((x) => x.name)).toEqual(['Say', 'Dial']);
  const dial = v[1]!;
  const number = /^<Number>([^<]+)<\/Number>$/.exec(dial.inner);
  expect(number, dial.inner).not.toBeNull();
  return { number: number![1]!, action: pathOf(dial.attrs.action!), attrs: dial.attrs };
}

describe(`call routing API on ${testDialect()}`, () => {
  it('starts empty, takes a menu as a whole and says where Twilio should post', async () => {
    const got = await t.request('manager', 'GET', '/api/v1/call-routing');
    expect(got.statusCode, got.body).toBe(200);
    expect(got.json()).toEqual({
      greeting: 'You have reached the on-call line.',
      entries: [],
      updated_at: null,
      phone_number: TWILIO_NUMBER,
      webhooks: { voice_url: `${PUBLIC_URL}/api/v1/twilio/voice/inbound`, sms_url: `${PUBLIC_URL}/api/v1/twilio/sms/inbound` },
    });
    const net = await makeService(t, 'network');
    const db = await makeService(t, 'databases');
    const put = await t.request('admin', 'PUT', '/api/v1/call-routing', { greeting: 'Acme operations.', entries: [{ digit: 2, service_id: db, label: 'databases' }, { digit: 1, service_id: net, label: 'network' }] });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({
      greeting: 'Acme operations.',
      entries: [
        { digit: 1, service_id: net, service_name: 'network', label: 'network' },
        { digit: 2, service_id: db, service_name: 'databases', label: 'databases' },
      ],
      updated_at: new Date(t.clock.now()).toISOString(),
    });
    expect((await t.request('manager', 'GET', '/api/v1/call-routing')).json().entries).toHaveLength(2);
    const replaced = await t.request('manager', 'PUT', '/api/v1/call-routing', { entries: [{ digit: 5, service_id: db, label: 'databases' }] });
    expect(replaced.json()).toMatchObject({ greeting: 'You have reached the on-call line.', entries: [{ digit: 5 }] });
  });

  it('refuses repeated digits, unknown services and malformed entries, naming the field', async () => {
    const net = await makeService(t, 'network');
    const put = (body: unknown) => t.request('manager', 'PUT', '/api/v1/call-routing', body);
    expectFieldError(await put({ entries: [{ digit: 1, service_id: net, label: 'a' }, { digit: 1, service_id: net, label: 'b' }] }), 'entries/1/digit');
    expectFieldError(await put({ entries: [{ digit: 1, service_id: 'no-such-service', label: 'a' }] }), 'entries/0/service_id');
    expectFieldError(await put({ entries: [{ digit: 0, service_id: net, label: 'a' }] }), 'entries/0/digit');
    expectFieldError(await put({ entries: [{ digit: 10, service_id: net, label: 'a' }] }), 'entries/0/digit');
    expectFieldError(await put({ entries: [{ digit: 3, service_id: net }] }), 'entries/0/label');
    expectFieldError(await put({ greeting: 'hi' }), 'entries');
    expect((await t.request('manager', 'GET', '/api/v1/call-routing')).json().entries).toEqual([]);
  });

  it('is for managers and admins', async () => {
    expect((await t.request('responder', 'PUT', '/api/v1/call-routing', { entries: [] })).statusCode).toBe(403);
    expect((await t.request('observer', 'GET', '/api/v1/call-routing')).statusCode).toBe(403);
    expect((await t.request(null, 'GET', '/api/v1/call-routing')).statusCode).toBe(401);
  });
});

describe(`a routed call on ${testDialect()}`, () => {
  let ann: string;
  let cat: string;
  let network: string;
  let databases: string;

  beforeEach(async () => {
    ann = await makeUser(t, 'Ann');
    const dan = await makeUser(t, 'Dan');
    cat = await makeUser(t, 'Cat');
    const ben = await makeUser(t, 'Ben');
    await addPhone(t, ann, 'sms', '+14155550101');
    await addPhone(t, ann, 'voice', '+14155550102');
    await addPhone(t, dan, 'voice', '+14155550103', false);
    await addPhone(t, cat, 'voice', '+14155550104');
    await addPhone(t, ben, 'sms', '+14155550105');
    const rota = await makeSchedule(t, { layers: [layer({ start: '2026-01-01T00:00:00Z', users: [cat], rotation: { type: 'weekly', handoff_time: '09:00' } })] });
    // Level 1: Ann, and Dan who has no usable phone. Level 2: whoever the rota has (Cat), then Ben (SMS number only).
    const p = await policy([
      [{ type: 'user', id: ann }, { type: 'user', id: dan }],
      [{ type: 'schedule', id: rota.id }, { type: 'user', id: ben }, { type: 'user', id: ann }],
    ]);
    network = await makeService(t, 'network', p);
    databases = await makeService(t, 'databases');
    const put = await t.request('manager', 'PUT', '/api/v1/call-routing', {
      greeting: 'Acme operations.',
      entries: [{ digit: 1, service_id: network, label: 'network' }, { digit: 2, service_id: databases, label: 'databases' }],
    });
    expect(put.statusCode, put.body).toBe(200);
  });

  it('plays the menu, and once more when nothing is pressed', async () => {
    const v = expectTwiml(await fromTwilio(t, '/api/v1/twilio/voice/inbound', call));
    expect(v.map((x) => x.name)).toEqual(['Gather', 'Redirect']);
    expect(v[0]!.attrs).toMatchObject({ numDigits: '1', method: 'POST', action: `${PUBLIC_URL}/api/v1/twilio/voice/route` });
    expect(said(v[0]!.inner)).toEqual(['Acme operations.', 'Press 1 for network, 2 for databases.']);
    expect(v[1]!.inner).toBe(`${PUBLIC_URL}/api/v1/twilio/voice/inbound?retry=1`);

    const again = expectTwiml(await fromTwilio(t, pathOf(v[1]!.inner), call));
    expect(again.map((x) => x.name)).toEqual(['Gather', 'Say', 'Hangup']);
  });

  it('asks once more after a digit that is not on the menu, then gives up, opening nothing', async () => {
    const v = expectTwiml(await fromTwilio(t, '/api/v1/twilio/voice/route', { ...call, Digits: '7' }));
    expect(v.map((x) => x.name)).toEqual(['Gather', 'Say', 'Hangup']);
    expect(said(v[0]!.inner)).toEqual(['That is not an option.', 'Press 1 for network, 2 for databases.']);
    const retry = pathOf(v[0]!.attrs.action!);
    expect(retry).toBe('/api/v1/twilio/voice/route?retry=1');
    const last = expectTwiml(await fromTwilio(t, retry, { ...call, Digits: '#' }));
    expect(spoken(last)).toEqual(['That is not an option. Goodbye.']);
    expect(await t.tdb.db.selectFrom('incidents').select('id').execute()).toEqual([]);
  });

  it('opens an incident for the caller and rings level 1, then level 2; whoever answers acknowledges', async () => {
    const first = dialOf(expectTwiml(await fromTwilio(t, '/api/v1/twilio/voice/route', { ...call, Digits: '1' })));
    expect(first.number).toBe('+14155550102'); // Ann's voice number, not her SMS one
    expect(first.attrs).toMatchObject({ timeout: '20', callerId: TWILIO_NUMBER, method: 'POST' });
    const url = new URL(`${PUBLIC_URL}${first.action}`);
    expect(url.pathname).toBe('/api/v1/twilio/voice/dial-status');
    expect(url.searchParams.get('level')).toBe('1');
    const incidentId = url.searchParams.get('incident')!;
    const inc = await incident(t, incidentId);
    expect(inc).toMatchObject({ status: 'triggered', title: `Phone call from ${CALLER}: network` });
    expect((await t.request('observer', 'GET', `/api/v1/incidents/${incidentId}`)).json()).toMatchObject({ service: { id: network } });
    const opened = (await timeline(t, incidentId)).find((e) => e.type === 'incident.triggered')!;
    expect(opened.actor.name).toBe(`Phone call from ${CALLER}`);

    // Ann does not answer: Dan has no usable phone, so level 2's rota (Cat) is next.
    const second = dialOf(expectTwiml(await fromTwilio(t, first.action, { ...call, DialCallStatus: 'no-answer', CallStatus: 'in-progress' })));
    expect(second.number).toBe('+14155550104');
    expect(new URL(`${PUBLIC_URL}${second.action}`).searchParams.get('level')).toBe('2');

    // Cat answers and talks to the caller; when the call ends the incident is hers.
    const done = expectTwiml(await fromTwilio(t, second.action, { ...call, DialCallStatus: 'completed', DialCallDuration: '95', CallStatus: 'in-progress' }));
    expect(done.map((x) => x.name)).toEqual(['Say', 'Hangup']);
    expect((await incident(t, incidentId)).status).toBe('acknowledged');
    const ack = (await timeline(t, incidentId)).find((e) => e.type === 'incident.acknowledged')!;
    expect(ack.actor).toEqual({ type: 'user', id: cat, name: 'Cat (by phone)' });
  });

  it('tries everyone once, SMS numbers too, then tells the caller the incident stays open', async () => {
    const first = dialOf(expectTwiml(await fromTwilio(t, '/api/v1/twilio/voice/route', { ...call, Digits: '1' })));
    const second = dialOf(expectTwiml(await fromTwilio(t, first.action, { ...call, DialCallStatus: 'busy', CallStatus: 'in-progress' })));
    const third = dialOf(expectTwiml(await fromTwilio(t, second.action, { ...call, DialCallStatus: 'no-answer', CallStatus: 'in-progress' })));
    // Ben has only an SMS number; Ann, on level 2 again, was tried already.
    expect([first.number, second.number, third.number]).toEqual(['+14155550102', '+14155550104', '+14155550105']);
    const last = expectTwiml(await fromTwilio(t, third.action, { ...call, DialCallStatus: 'failed', CallStatus: 'in-progress' }));
    expect(last.map((x) => x.name)).toEqual(['Say', 'Hangup']);
    const incidentId = new URL(`${PUBLIC_URL}${first.action}`).searchParams.get('incident')!;
    const inc = await incident(t, incidentId);
    expect(spoken(last)).toEqual([`Nobody answered. Incident ${inc.number} stays open and the on-call people are being paged. Goodbye.`]);
    expect(inc.status).toBe('triggered');
  });

  it('stops when the caller hangs up, and opens the incident even when nobody has a phone', async () => {
    const first = dialOf(expectTwiml(await fromTwilio(t, '/api/v1/twilio/voice/route', { ...call, Digits: '1' })));
    expect(expectTwiml(await fromTwilio(t, first.action, { ...call, DialCallStatus: 'canceled', CallStatus: 'completed' }))).toEqual([]);

    const v = expectTwiml(await fromTwilio(t, '/api/v1/twilio/voice/route', { ...call, CallSid: 'CA2', Digits: '2' }));
    expect(v.map((x) => x.name)).toEqual(['Say', 'Say', 'Hangup']);
    const rows = await t.tdb.db.selectFrom('incidents').select(['id', 'number', 'service_id', 'status']).where('service_id', '=', databases).execute();
    expect(rows).toHaveLength(1);
    expect(spoken(v)[0]).toBe(`Incident ${Number(rows[0]!.number)} is open for databases.`);
    expect(rows[0]!.status).toBe('triggered');
  });

  it('says so when no menu is set up', async () => {
    expect((await t.request('admin', 'PUT', '/api/v1/call-routing', { greeting: 'Acme operations.', entries: [] })).statusCode).toBe(200);
    const v = expectTwiml(await fromTwilio(t, '/api/v1/twilio/voice/inbound', call));
    expect(v.map((x) => x.name)).toEqual(['Say', 'Say', 'Hangup']);
    expect(spoken(v)[1]).toMatch(/no phone menu/);
  });
});
