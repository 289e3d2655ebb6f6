import ical from 'node-ical';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { testDialect } from '../support/database.js';
import { DAY, iso, layer, makeSchedule, makeUser, shifts } from './helpers.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp({ env: { TOCSIN_PUBLIC_URL: 'https://tocsin.example.test' } });
});
afterEach(async () => {
  await t.close();
});

const PUBLIC = 'https://tocsin.example.test';

/** Fetches a feed by its absolute URL, without credentials, as a calendar app would. */
function fetchFeed(url: string) {
  expect(url.startsWith(`${PUBLIC}/api/v1/calendars/`)).toBe(true);
  return t.app.inject({ method: 'GET', url: url.slice(PUBLIC.length) });
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : String((value as { val: unknown }).val);
}

/** Every VEVENT as [start, end, summary], sorted by start. */
function events(body: string): Array<[string, string, string]> {
  const parsed = ical.sync.parseICS(body);
  return Object.values(parsed)
    .filter((c): c is ical.VEvent => c !== undefined && (c as { type?: string }).type === 'VEVENT')
    .map((e): [string, string, string] => [iso(e.start.getTime()), iso(e.end!.getTime()), text(e.summary)])
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

describe(`calendar feeds on ${testDialect()}`, () => {
  it("a schedule's feed holds exactly its final shifts, overrides and a DST change included", async () => {
    const [a, b, c] = [await makeUser(t, 'Alice'), await makeUser(t, 'Bob'), await makeUser(t, 'Carol')];
    const s = await makeSchedule(t, {
      time_zone: 'Europe/London',
      layers: [
        layer({ start: '2025-11-03T09:00:00Z', users: [a, b], rotation: { type: 'weekly', handoff_time: '09:00', handoff_day: 1 } }),
        layer({
          name: 'Nights',
          start: '2025-11-03T00:00:00Z',
          users: [c],
          rotation: { type: 'daily', handoff_time: '22:00' },
          restrictions: [{ type: 'weekly', start_day: 6, start_time: '22:00', duration_minutes: 600 }],
        }),
      ],
    });
    await t.request('manager', 'POST', `/api/v1/schedules/${s.id}/overrides`, { user_id: c, start: '2026-01-07T10:00:00Z', end: '2026-01-07T18:30:00Z' });

    const res = await fetchFeed(s.ical_url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.body.startsWith('BEGIN:VCALENDAR')).toBe(true);

    const now = t.clock.now();
    const expected = await shifts(t, s.id, iso(now - 30 * DAY), iso(now + 90 * DAY));
    const got = events(res.body);
    expect(got.map(([start, end]) => [start, end])).toEqual(expected.final.map((x) => [x.start, x.end]));
    expect(got.map(([, , summary]) => summary)).toEqual(expected.final.map((x) => `On call: ${x.user.name}`));
    // The window crosses the March change: Saturday night 22:00 GMT to Sunday 08:00 BST is 9
    // hours, and the weekly turn resumes until Monday 09:00 BST.
    const spans = got.map(([start, end]) => `${start} ${end}`);
    expect(spans).toContain('2026-03-28T22:00:00.000Z 2026-03-29T07:00:00.000Z');
    expect(spans).toContain('2026-03-29T07:00:00.000Z 2026-03-30T08:00:00.000Z');
    expect(got.length).toBeGreaterThan(20);
  });

  it('rotating the URL makes the old one 404; only managers rotate', async () => {
    const a = await makeUser(t, 'Alice');
    const s = await makeSchedule(t, { layers: [layer({ start: '2026-01-01T00:00:00Z', users: [a], rotation: { type: 'daily', handoff_time: '00:00' } })] });
    expect((await fetchFeed(s.ical_url)).statusCode).toBe(200);
    expect((await t.request('observer', 'POST', `/api/v1/schedules/${s.id}/ical-url/rotate`)).statusCode).toBe(403);
    expect((await t.request('responder', 'POST', `/api/v1/schedules/${s.id}/ical-url/rotate`)).statusCode).toBe(403);
    const rotated = await t.request('manager', 'POST', `/api/v1/schedules/${s.id}/ical-url/rotate`);
    expect(rotated.statusCode).toBe(200);
    const url = rotated.json().ical_url;
    expect(url).not.toBe(s.ical_url);
    expect((await fetchFeed(s.ical_url)).statusCode).toBe(404);
    expect((await fetchFeed(url)).statusCode).toBe(200);
    expect((await t.request('observer', 'GET', `/api/v1/schedules/${s.id}`)).json().ical_url).toBe(url);
    // Anything else is a 404 too, not an error.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/calendars/schedules/short.ics' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/calendars/schedules/${'x'.repeat(43)}.ics` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/calendars/users/${url.split('/').pop()}` })).statusCode).toBe(404);
  });

  it("a person's feed holds their shifts across every schedule; self or admin only", async () => {
    const me = t.users.responder.id;
    const other = await makeUser(t, 'Other');
    const one = await makeSchedule(t, { name: 'One', layers: [layer({ start: '2026-01-05T00:00:00Z', users: [me, other], rotation: { type: 'daily', handoff_time: '00:00' } })] });
    const two = await makeSchedule(t, {
      name: 'Two',
      time_zone: 'America/New_York',
      layers: [layer({ start: '2026-01-05T00:00:00Z', users: [other, me], rotation: { type: 'weekly', handoff_time: '09:00' } })],
    });
    const three = await makeSchedule(t, { name: 'Three', layers: [layer({ start: '2026-01-05T00:00:00Z', users: [other], rotation: { type: 'daily', handoff_time: '00:00' } })] });
    // An override puts me on call in a schedule whose layers do not name me.
    await t.request('manager', 'POST', `/api/v1/schedules/${three.id}/overrides`, { user_id: me, start: '2026-01-10T00:00:00Z', end: '2026-01-10T06:00:00Z' });

    expect((await t.request('observer', 'GET', `/api/v1/users/${me}/ical-url`)).statusCode).toBe(403);
    expect((await t.request('manager', 'GET', `/api/v1/users/${me}/ical-url`)).statusCode).toBe(403);
    const mine = await t.request('responder', 'GET', `/api/v1/users/${me}/ical-url`);
    expect(mine.statusCode, mine.body).toBe(200);
    const url = mine.json().ical_url as string;
    expect(url).toMatch(/^https:\/\/tocsin\.example\.test\/api\/v1\/calendars\/users\/[\w-]+\.ics$/);
    // Asking again gives the same URL; an admin sees it too.
    expect((await t.request('responder', 'GET', `/api/v1/users/${me}/ical-url`)).json().ical_url).toBe(url);
    expect((await t.request('admin', 'GET', `/api/v1/users/${me}/ical-url`)).json().ical_url).toBe(url);

    const res = await fetchFeed(url);
    expect(res.statusCode).toBe(200);
    const now = t.clock.now();
    const expected: Array<[string, string, string]> = [];
    for (const s of [one, two, three]) {
      const body = await shifts(t, s.id, iso(now - 30 * DAY), iso(now + 90 * DAY));
      for (const x of body.final) if (x.user.id === me) expected.push([x.start, x.end, `On call: ${s.name}`]);
    }
    expected.sort((a, b) => (a[0] < b[0] ? -1 : 1));
    expect(events(res.body)).toEqual(expected);
    expect(expected.filter((e) => e[2] === 'On call: Three')).toEqual([['2026-01-10T00:00:00.000Z', '2026-01-10T06:00:00.000Z', 'On call: Three']]);

    expect((await t.request('observer', 'POST', `/api/v1/users/${me}/ical-url/rotate`)).statusCode).toBe(403);
    const rotated = await t.request('responder', 'POST', `/api/v1/users/${me}/ical-url/rotate`);
    expect(rotated.statusCode).toBe(200);
    expect((await fetchFeed(url)).statusCode).toBe(404);
    expect((await fetchFeed(rotated.json().ical_url)).statusCode).toBe(200);
    const byAdmin = await t.request('admin', 'POST', `/api/v1/users/${me}/ical-url/rotate`);
    expect(byAdmin.statusCode).toBe(200);
    expect((await fetchFeed(rotated.json().ical_url)).statusCode).toBe(404);
  });
});
