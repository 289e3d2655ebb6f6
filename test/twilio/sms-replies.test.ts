import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeUser } from '../oncall/helpers.js';
import { testDialect } from '../support/database.js';
import type { TestApp } from '../support/app.js';
import { addPhone, fromTwilio, incident, makeIncident, makeService, recordPage, smsText, timeline, twilioApp, TWILIO_NUMBER, type IncidentJson } from './helpers.js';

// Texting the Tocsin number: "ack 12", "resolve 12", or a bare 4 / 6 for the latest page, from
// a verified SMS number, acting through the real commands as that person.

let t: TestApp;
let service: string;
beforeEach(async () => {
  t = await twilioApp();
  service = await makeService(t, 'payments');
});
afterEach(async () => t?.close());

const text = (from: string, body: string) => fromTwilio(t, '/api/v1/twilio/sms/inbound', { From: from, To: TWILIO_NUMBER, Body: body, MessageSid: `SM${Math.random().toString(16).slice(2)}`, NumMedia: '0' });

async function person(name: string, phone: string, role = 'responder') {
  const id = await makeUser(t, name, 'UTC', role);
  return { id, sms: await addPhone(t, id, 'sms', phone) };
}

async function expectActedBy(inc: IncidentJson, type: string, userId: string, name: string) {
  const entry = (await timeline(t, inc.id)).find((e) => e.type === type);
  expect(entry, `no ${type} on the timeline`).toBeDefined();
  expect(entry!.actor).toEqual({ type: 'user', id: userId, name: `${name} (by SMS)` });
  expect(entry!.message).toContain(`by ${name} (by SMS)`);
}

describe(`SMS replies on ${testDialect()}`, () => {
  it('acknowledges and resolves an incident by its number, as the sender', async () => {
    const alice = await person('Alice', '+14155550111');
    const inc = await makeIncident(t, service, 'Checkout errors');

    expect(smsText(await text('+14155550111', 'ack ' + inc.number))).toBe(`Acknowledged #${inc.number}: Checkout errors`);
    expect((await incident(t, inc.id)).status).toBe('acknowledged');
    await expectActedBy(inc, 'incident.acknowledged', alice.id, 'Alice');

    expect(smsText(await text('+14155550111', `ACK #${inc.number}`))).toBe(`#${inc.number} is already acknowledged: Checkout errors`);

    expect(smsText(await text('+14155550111', ` Resolve ${inc.number} `))).toBe(`Resolved #${inc.number}: Checkout errors`);
    expect((await incident(t, inc.id)).status).toBe('resolved');
    await expectActedBy(inc, 'incident.resolved', alice.id, 'Alice');

    expect(smsText(await text('+14155550111', `a ${inc.number}`))).toBe(`#${inc.number} is already resolved: Checkout errors`);
  });

  it('acts on the latest open incident paged to that phone with a bare 4 or 6', async () => {
    const alice = await person('Alice', '+14155550112');
    const bob = await person('Bob', '+14155550113');
    const older = await makeIncident(t, service, 'Older page');
    const newer = await makeIncident(t, service, 'Newer page');
    const bobs = await makeIncident(t, service, 'Paged to Bob');
    const held = await makeIncident(t, service, 'Held, never sent');
    await recordPage(t, { userId: alice.id, methodId: alice.sms, incidents: [older] });
    t.clock.advance(60_000);
    await recordPage(t, { userId: alice.id, methodId: alice.sms, incidents: [newer] });
    t.clock.advance(60_000);
    await recordPage(t, { userId: bob.id, methodId: bob.sms, incidents: [bobs] });
    await recordPage(t, { userId: alice.id, methodId: alice.sms, incidents: [held], status: 'held' });

    expect(smsText(await text('+14155550112', '4'))).toBe(`Acknowledged #${newer.number}: Newer page`);
    expect((await incident(t, newer.id)).status).toBe('acknowledged');
    expect((await incident(t, older.id)).status).toBe('triggered');
    expect((await incident(t, bobs.id)).status).toBe('triggered');
    expect((await incident(t, held.id)).status).toBe('triggered');
    await expectActedBy(newer, 'incident.acknowledged', alice.id, 'Alice');

    // The newest page is still open (acknowledged), so 6 resolves it; then the older one is next.
    expect(smsText(await text('+14155550112', '6'))).toBe(`Resolved #${newer.number}: Newer page`);
    expect(smsText(await text('+14155550112', 'resolve'))).toBe(`Resolved #${older.number}: Older page`);
    expect((await incident(t, older.id)).status).toBe('resolved');
    expect(smsText(await text('+14155550112', 'ack'))).toMatch(/no open incident was paged to this number/);
  });

  it('acts on every incident of a bundle', async () => {
    const alice = await person('Alice', '+14155550114');
    const one = await makeIncident(t, service, 'First');
    const two = await makeIncident(t, service, 'Second');
    await recordPage(t, { userId: alice.id, methodId: alice.sms, incidents: [one, two] });
    expect(smsText(await text('+14155550114', '4')).split('\n')).toEqual([`Acknowledged #${one.number}: First`, `Acknowledged #${two.number}: Second`]);
    expect((await incident(t, one.id)).status).toBe('acknowledged');
    expect((await incident(t, two.id)).status).toBe('acknowledged');
    await expectActedBy(two, 'incident.acknowledged', alice.id, 'Alice');
  });

  it('refuses an observer, as the API does', async () => {
    await person('Olive', '+14155550115', 'observer');
    const inc = await makeIncident(t, service, 'Checkout errors');
    expect(smsText(await text('+14155550115', `ack ${inc.number}`))).toBe('Tocsin: your role (observer) may not acknowledge incidents.');
    expect((await incident(t, inc.id)).status).toBe('triggered');
  });

  it('answers unknown and unverified numbers, unknown incidents and anything else politely', async () => {
    const inc = await makeIncident(t, service, 'Checkout errors');
    const carol = await makeUser(t, 'Carol');
    await addPhone(t, carol, 'sms', '+14155550116', false);
    await addPhone(t, carol, 'voice', '+14155550117');
    for (const stranger of ['+14155550199', '+14155550116', '+14155550117']) {
      expect(smsText(await text(stranger, `ack ${inc.number}`))).toMatch(/not a verified SMS contact method/);
    }
    expect((await incident(t, inc.id)).status).toBe('triggered');

    await person('Dave', '+14155550118');
    expect(smsText(await text('+14155550118', 'ack 987654'))).toBe('Tocsin: there is no incident #987654.');
    expect(smsText(await text('+14155550118', 'on my way'))).toMatch(/^Tocsin: reply "ack 123" or "resolve 123"/);
    expect(smsText(await text('+14155550118', ''))).toMatch(/^Tocsin: reply "ack 123"/);
    expect((await incident(t, inc.id)).status).toBe('triggered');
  });

  it('does not guess when two people share a number', async () => {
    await person('Erin', '+14155550119');
    await person('Frank', '+14155550119');
    const inc = await makeIncident(t, service, 'Checkout errors');
    expect(smsText(await text('+14155550119', `ack ${inc.number}`))).toMatch(/more than one person/);
    expect((await incident(t, inc.id)).status).toBe('triggered');
  });
});
