import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { testDialect } from '../support/database.js';
import { expectFieldError, finalOf, HOUR, json, layer, makeSchedule, makeUser, ms, shifts, type OncallJson, type Page, type ScheduleJson, type UserJson } from './helpers.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

// The test clock starts at Monday 2026-01-05 12:00 UTC.

describe(`schedules CRUD on ${testDialect()}`, () => {
  it('creates, reads, lists, changes and deletes a schedule', async () => {
    const alice = await makeUser(t, 'Alice');
    const bob = await makeUser(t, 'Bob');
    const team = await t.request('manager', 'POST', '/api/v1/teams', { name: 'Platform' });
    expect(team.statusCode).toBe(201);
    const created = await t.request('manager', 'POST', '/api/v1/schedules', {
      name: 'Platform primary',
      description: 'Weekday business hours',
      team_id: team.json().id,
      time_zone: 'Europe/London',
      layers: [
        {
          name: 'Business hours',
          start: '2026-01-05T09:00:00Z',
          users: [alice, bob],
          rotation: { type: 'weekly', handoff_time: '09:00' },
          restrictions: [{ type: 'daily', start_time: '09:00', duration_minutes: 480 }],
          skip_unavailable: true,
        },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const s = created.json();
    expect(s).toMatchObject({
      name: 'Platform primary',
      description: 'Weekday business hours',
      team_id: team.json().id,
      time_zone: 'Europe/London',
    });
    expect(s.ical_url).toMatch(/^http:\/\/127\.0\.0\.1:0\/api\/v1\/calendars\/schedules\/[\w-]+\.ics$/);
    expect(s.layers).toHaveLength(1);
    const l = s.layers[0];
    expect(l.id).toEqual(expect.any(String));
    expect(l).toMatchObject({
      name: 'Business hours',
      start: '2026-01-05T09:00:00.000Z',
      end: null,
      users: [alice, bob],
      // Defaults are written out: a weekly rotation created on a Monday hands off on Mondays.
      rotation: { type: 'weekly', length: 1, handoff_time: '09:00', handoff_day: 1 },
      restrictions: [{ type: 'daily', start_day: null, start_time: '09:00', duration_minutes: 480 }],
      skip_unavailable: true,
      rotation_start: '2026-01-05T09:00:00.000Z',
      effective_from: '2026-01-05T09:00:00.000Z',
      history: [],
    });
    // Nights are not covered: the next gap opens at 17:00 today.
    expect(s.has_gap_next_7_days).toBe(true);
    expect(s.next_gap).toEqual({ start: '2026-01-05T17:00:00.000Z', end: '2026-01-06T09:00:00.000Z' });

    const got = await t.request('observer', 'GET', `/api/v1/schedules/${s.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual(s);

    const listed = await t.request('observer', 'GET', '/api/v1/schedules');
    expect(listed.statusCode).toBe(200);
    expect(listed.json<Page<{ id: string }>>().data.map((x) => x.id)).toEqual([s.id]);
    expect(listed.json().next_cursor).toBeNull();

    // Renaming keeps the layers as they were.
    const patched = await t.request('manager', 'PATCH', `/api/v1/schedules/${s.id}`, { name: 'Platform day' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().name).toBe('Platform day');
    expect(patched.json().layers).toEqual(s.layers);

    // PUT of the layers as they are is no edit: no new version.
    const same = {
      name: 'Platform day',
      time_zone: 'Europe/London',
      team_id: null,
      layers: [
        {
          id: l.id,
          name: 'Business hours',
          start: l.start,
          users: l.users,
          rotation: { type: 'weekly', handoff_time: '09:00' },
          restrictions: [{ type: 'daily', start_time: '09:00', duration_minutes: 480 }],
          skip_unavailable: true,
        },
      ],
    };
    const put = await t.request('manager', 'PUT', `/api/v1/schedules/${s.id}`, same);
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().layers[0].history).toEqual([]);
    expect(put.json().team_id).toBeNull();
    expect(put.json().description).toBe('');

    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('object_id', '=', s.id).orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(['schedule.created', 'schedule.updated', 'schedule.updated']);

    const deleted = await t.request('manager', 'DELETE', `/api/v1/schedules/${s.id}`);
    expect(deleted.statusCode).toBe(204);
    expect((await t.request('observer', 'GET', `/api/v1/schedules/${s.id}`)).statusCode).toBe(404);
  });

  it('lets observers and responders read but not write', async () => {
    const alice = await makeUser(t, 'Alice');
    const body = { name: 'X', time_zone: 'UTC', layers: [layer({ start: '2026-01-05T00:00:00Z', users: [alice], rotation: { type: 'daily', handoff_time: '00:00' } })] };
    expect((await t.request('observer', 'POST', '/api/v1/schedules', body)).statusCode).toBe(403);
    expect((await t.request('responder', 'POST', '/api/v1/schedules', body)).statusCode).toBe(403);
    expect((await t.request(null, 'POST', '/api/v1/schedules', body)).statusCode).toBe(401);
    const s = await makeSchedule(t, body);
    expect((await t.request('observer', 'PATCH', `/api/v1/schedules/${s.id}`, { name: 'Y' })).statusCode).toBe(403);
    expect((await t.request('observer', 'DELETE', `/api/v1/schedules/${s.id}`)).statusCode).toBe(403);
    expect((await t.request('observer', 'POST', `/api/v1/schedules/${s.id}/overrides`, { user_id: alice, start: '2026-01-06T00:00:00Z', end: '2026-01-07T00:00:00Z' })).statusCode).toBe(403);
    expect((await t.request('responder', 'POST', `/api/v1/schedules/${s.id}/overrides`, { user_id: alice, start: '2026-01-06T00:00:00Z', end: '2026-01-07T00:00:00Z' })).statusCode).toBe(403);
    expect((await t.request('observer', 'GET', `/api/v1/schedules/${s.id}/shifts`)).statusCode).toBe(200);
    expect((await t.request('observer', 'GET', `/api/v1/schedules/${s.id}/overrides`)).statusCode).toBe(200);
    expect((await t.request('admin', 'PATCH', `/api/v1/schedules/${s.id}`, { name: 'Y' })).statusCode).toBe(200);
  });

  it('refuses a second schedule with the same name (409)', async () => {
    await makeSchedule(t, { name: 'Same' });
    const again = await t.request('manager', 'POST', '/api/v1/schedules', { name: 'Same', time_zone: 'UTC' });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].field).toBe('name');
  });
});

describe(`bad input on ${testDialect()}: every case is a 400 naming the field`, () => {
  const base = (users: string[], over: Record<string, unknown> = {}, rotation: Record<string, unknown> = {}) => ({
    name: 'Bad',
    time_zone: 'UTC',
    layers: [{ name: 'L', start: '2026-01-05T00:00:00Z', users, rotation: { type: 'daily', handoff_time: '09:00', ...rotation }, ...over }],
  });

  it('on schedules', async () => {
    const alice = await makeUser(t, 'Alice');
    const cases: Array<[string, unknown]> = [
      ['time_zone', { ...base([alice]), time_zone: 'Mars/Olympus_Mons' }],
      ['layers/0/end', base([alice], { end: '2026-01-04T00:00:00Z' })],
      ['layers/0/end', base([alice], { end: '2026-01-05T00:00:00Z' })],
      ['layers/0/users', base([])],
      ['layers/0/users/1', base([alice, '0190f0f0-0000-7000-8000-000000000000'])],
      ['layers/0/rotation/handoff_time', base([alice], {}, { handoff_time: '9:00' })],
      ['layers/0/rotation/handoff_time', base([alice], {}, { handoff_time: '24:00' })],
      ['layers/0/rotation/type', base([alice], {}, { type: 'fortnightly' })],
      ['layers/0/rotation/length', base([alice], {}, { type: 'custom' })],
      ['layers/0/rotation/length', base([alice], {}, { length: 0 })],
      ['layers/0/rotation/handoff_day', base([alice], {}, { type: 'weekly', handoff_day: 8 })],
      ['layers/0/restrictions/0/duration_minutes', base([alice], { restrictions: [{ type: 'daily', start_time: '09:00', duration_minutes: 0 }] })],
      ['layers/0/restrictions/0/start_time', base([alice], { restrictions: [{ type: 'daily', start_time: '9am', duration_minutes: 60 }] })],
      ['layers/0/restrictions/0/start_day', base([alice], { restrictions: [{ type: 'weekly', start_time: '09:00', duration_minutes: 60 }] })],
      [
        'layers/0/restrictions/1',
        base([alice], {
          restrictions: [
            { type: 'daily', start_time: '09:00', duration_minutes: 480 },
            { type: 'weekly', start_day: 3, start_time: '16:00', duration_minutes: 120 },
          ],
        }),
      ],
      ['layers/0/start', base([alice], { start: '2026-01-05 00:00' })],
      ['layers/0/start', base([alice], { start: '2400-01-05T00:00:00Z' })],
      ['layers/0/name', base([alice], { name: '' })],
      ['layers/0/colour', base([alice], { colour: 'red' })],
      ['team_id', { ...base([alice]), team_id: 'no-such-team' }],
      ['name', { ...base([alice]), name: '' }],
    ];
    for (const [field, body] of cases) {
      const res = await t.request('manager', 'POST', '/api/v1/schedules', body);
      expectFieldError(res, field);
    }
    // None of them was saved.
    expect((await t.request('observer', 'GET', '/api/v1/schedules')).json().data).toEqual([]);
  });

  it('on edits, ranges and overrides', async () => {
    const alice = await makeUser(t, 'Alice');
    const s = await makeSchedule(t, base([alice]));
    const url = `/api/v1/schedules/${s.id}`;
    expectFieldError(await t.request('manager', 'PATCH', url, { layers: base([alice]).layers, effective_from: '2026-01-05T11:00:00Z' }), 'effective_from');
    expectFieldError(await t.request('manager', 'PATCH', url, { layers: [{ ...base([alice]).layers[0], id: 'nope' }] }), 'layers/0/id');
    expectFieldError(await t.request('manager', 'PATCH', url, { layers: [{ ...base([alice]).layers[0], id: s.layers[0].id, start: '2026-01-01T00:00:00Z' }] }), 'layers/0/start');
    expectFieldError(await t.request('manager', 'PATCH', url, { layers: [{ ...base([alice]).layers[0], id: s.layers[0].id, end: '2026-01-05T06:00:00Z' }] }), 'layers/0/end');
    expectFieldError(await t.request('manager', 'PATCH', url, { time_zone: 'Europe/Paris' }), 'time_zone');
    expectFieldError(await t.request('manager', 'PATCH', url, { time_zone: 'Nowhere/Special' }), 'time_zone');

    expectFieldError(await t.request('observer', 'GET', `${url}/shifts?since=2026-01-01T00:00:00Z&until=2027-01-03T00:00:00Z`), 'until');
    expectFieldError(await t.request('observer', 'GET', `${url}/shifts?since=2026-01-02T00:00:00Z&until=2026-01-01T00:00:00Z`), 'until');
    expectFieldError(await t.request('observer', 'GET', `${url}/shifts?since=yesterday`), 'since');
    expectFieldError(await t.request('observer', 'GET', `${url}/gaps?since=2026-01-01T00:00:00Z&until=2028-01-01T00:00:00Z`), 'until');
    expectFieldError(await t.request('observer', 'GET', `${url}/load?since=2026-01-01T00:00:00Z&until=2028-01-01T00:00:00Z`), 'until');

    const o = `${url}/overrides`;
    expectFieldError(await t.request('manager', 'POST', o, { user_id: alice, start: '2026-01-06T00:00:00Z', end: '2026-01-05T00:00:00Z' }), 'end');
    expectFieldError(await t.request('manager', 'POST', o, { user_id: alice, start: '2028-01-06T00:00:00Z', end: '2028-01-07T00:00:00Z' }), 'end');
    expectFieldError(await t.request('manager', 'POST', o, { user_id: alice, start: '2026-01-01T00:00:00Z', end: '2028-01-02T00:00:00Z' }), 'end');
    expectFieldError(await t.request('manager', 'POST', o, { user_id: 'nobody', start: '2026-01-06T00:00:00Z', end: '2026-01-07T00:00:00Z' }), 'user_id');
    expectFieldError(await t.request('manager', 'POST', o, { user_id: alice, start: 'soon', end: '2026-01-07T00:00:00Z' }), 'start');

    // The schedule is as it was.
    const after = await t.request('observer', 'GET', url);
    expect(after.json().layers).toEqual(s.layers);
    expect(after.json().time_zone).toBe('UTC');
  });
});

describe(`layer edits on ${testDialect()}`, () => {
  it('take effect from effective_from and never change past shifts', async () => {
    const [a, b, c] = [await makeUser(t, 'A'), await makeUser(t, 'B'), await makeUser(t, 'C')];
    const s = await makeSchedule(t, {
      layers: [layer({ start: '2026-01-01T00:00:00Z', users: [a, b], rotation: { type: 'daily', handoff_time: '00:00' } })],
    });
    const before = await shifts(t, s.id, '2026-01-01T00:00:00Z', '2026-01-11T00:00:00Z');
    // Jan 1 a, Jan 2 b, …: the rotation starts on the 1st.
    expect(finalOf(before).slice(0, 2)).toEqual([
      [a, '2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z'],
      [b, '2026-01-02T00:00:00.000Z', '2026-01-03T00:00:00.000Z'],
    ]);

    // Now (Jan 5 12:00): from Jan 8, c joins the rotation.
    const edited = await t.request('manager', 'PATCH', `/api/v1/schedules/${s.id}`, {
      effective_from: '2026-01-08T00:00:00Z',
      layers: [{ id: s.layers[0].id, name: 'Primary', start: '2026-01-01T00:00:00Z', users: [a, b, c], rotation: { type: 'daily', handoff_time: '00:00' } }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const l = edited.json().layers[0];
    expect(l.users).toEqual([a, b, c]);
    expect(l.effective_from).toBe('2026-01-08T00:00:00.000Z');
    // The rotation keeps counting from the layer's start.
    expect(l.rotation_start).toBe('2026-01-01T00:00:00.000Z');
    expect(l.history).toHaveLength(1);
    expect(l.history[0]).toMatchObject({ users: [a, b], effective_from: '2026-01-01T00:00:00.000Z' });

    const after = await shifts(t, s.id, '2026-01-01T00:00:00Z', '2026-01-11T00:00:00Z');
    const cut = (list: Array<[string, string, string]>, until: string) => list.filter((x) => x[1] < until);
    expect(cut(finalOf(after), '2026-01-08')).toEqual(cut(finalOf(before), '2026-01-08'));
    // Turn k belongs to users[k mod 3] from Jan 8: Jan 8 is turn 7 -> b, Jan 9 -> c, Jan 10 -> a.
    expect(finalOf(after).filter((x) => x[1] >= '2026-01-08')).toEqual([
      [b, '2026-01-08T00:00:00.000Z', '2026-01-09T00:00:00.000Z'],
      [c, '2026-01-09T00:00:00.000Z', '2026-01-10T00:00:00.000Z'],
      [a, '2026-01-10T00:00:00.000Z', '2026-01-11T00:00:00.000Z'],
    ]);

    // An edit without effective_from takes effect now; the past and the shift until now stay.
    t.clock.set(ms('2026-01-06T06:00:00Z'));
    const now = await t.request('manager', 'PUT', `/api/v1/schedules/${s.id}`, {
      name: s.name,
      time_zone: 'UTC',
      layers: [{ id: s.layers[0].id, name: 'Primary', start: '2026-01-01T00:00:00Z', users: [c], rotation: { type: 'daily', handoff_time: '00:00' } }],
    });
    expect(now.statusCode, now.body).toBe(200);
    // The scheduled Jan 8 version is replaced by this one; the Jan 1 version is kept.
    expect(now.json<ScheduleJson>().layers[0]!.history.map((v) => v.effective_from)).toEqual(['2026-01-01T00:00:00.000Z']);
    const third = await shifts(t, s.id, '2026-01-01T00:00:00Z', '2026-01-08T00:00:00Z');
    expect(cut(finalOf(third), '2026-01-06')).toEqual(cut(finalOf(before), '2026-01-06'));
    expect(finalOf(third).filter((x) => x[1] >= '2026-01-06')).toEqual([
      [b, '2026-01-06T00:00:00.000Z', '2026-01-06T06:00:00.000Z'],
      [c, '2026-01-06T06:00:00.000Z', '2026-01-08T00:00:00.000Z'],
    ]);
  });

  it('ends a removed layer at the edit and keeps its past; adds a new layer from the edit on', async () => {
    const [a, b] = [await makeUser(t, 'A'), await makeUser(t, 'B')];
    const s = await makeSchedule(t, {
      layers: [layer({ start: '2026-01-01T00:00:00Z', users: [a], rotation: { type: 'daily', handoff_time: '00:00' } })],
    });
    const res = await t.request('manager', 'PATCH', `/api/v1/schedules/${s.id}`, {
      layers: [layer({ name: 'New', start: '2026-01-01T00:00:00Z', users: [b], rotation: { type: 'weekly', handoff_time: '00:00' } })],
    });
    expect(res.statusCode, res.body).toBe(200);
    const layers = res.json<ScheduleJson>().layers;
    // The ended layer stays (after the new one: their precedence never mattered, they never overlap).
    expect(layers.map((l) => [l.name, l.end, l.effective_from])).toEqual([
      ['New', null, '2026-01-05T12:00:00.000Z'],
      ['Primary', '2026-01-05T12:00:00.000Z', '2026-01-01T00:00:00.000Z'],
    ]);
    // The new weekly layer counts from its start (a Thursday) but shows nothing before the edit.
    expect(layers[0]!.rotation.handoff_day).toBe(4);
    expect(layers[0]!.rotation_start).toBe('2026-01-01T00:00:00.000Z');
    const body = await shifts(t, s.id, '2026-01-04T00:00:00Z', '2026-01-09T00:00:00Z');
    expect(finalOf(body)).toEqual([
      [a, '2026-01-04T00:00:00.000Z', '2026-01-05T12:00:00.000Z'],
      [b, '2026-01-05T12:00:00.000Z', '2026-01-09T00:00:00.000Z'],
    ]);
  });
});

describe(`time zones on ${testDialect()}`, () => {
  it('gives a 23-hour shift across the March change in Europe/London (daily 09:00)', async () => {
    const [a, b] = [await makeUser(t, 'A'), await makeUser(t, 'B')];
    const s = await makeSchedule(t, {
      time_zone: 'Europe/London',
      layers: [layer({ start: '2026-03-01T09:00:00Z', users: [a, b], rotation: { type: 'daily', handoff_time: '09:00' } })],
    });
    const body = await shifts(t, s.id, '2026-03-28T09:00:00Z', '2026-03-31T08:00:00Z');
    const spans = body.final.map((x) => [x.start, x.end, (ms(x.end) - ms(x.start)) / HOUR]);
    expect(spans).toEqual([
      ['2026-03-28T09:00:00.000Z', '2026-03-29T08:00:00.000Z', 23], // Saturday 09:00 GMT -> Sunday 09:00 BST
      ['2026-03-29T08:00:00.000Z', '2026-03-30T08:00:00.000Z', 24],
      ['2026-03-30T08:00:00.000Z', '2026-03-31T08:00:00.000Z', 24],
    ]);
    expect(body.time_zone).toBe('Europe/London');
  });
});

describe(`overrides and time off on ${testDialect()}`, () => {
  it('overrides win in /shifts and /oncalls; deleting one not begun removes it', async () => {
    const [a, b] = [await makeUser(t, 'Alice'), await makeUser(t, 'Bob')];
    const s = await makeSchedule(t, {
      layers: [layer({ start: '2026-01-05T00:00:00Z', users: [a], rotation: { type: 'weekly', handoff_time: '00:00' } })],
    });
    const made = await t.request('manager', 'POST', `/api/v1/schedules/${s.id}/overrides`, { user_id: b, start: '2026-01-05T10:00:00Z', end: '2026-01-05T14:00:00Z' });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ schedule_id: s.id, user: { id: b, name: 'Bob' }, source: 'override', start: '2026-01-05T10:00:00.000Z' });
    const body = await shifts(t, s.id, '2026-01-05T00:00:00Z', '2026-01-06T00:00:00Z');
    expect(body.final.map((x) => [x.user.name, x.start, x.end, x.source])).toEqual([
      ['Alice', '2026-01-05T00:00:00.000Z', '2026-01-05T10:00:00.000Z', 'layer'],
      ['Bob', '2026-01-05T10:00:00.000Z', '2026-01-05T14:00:00.000Z', 'override'],
      ['Alice', '2026-01-05T14:00:00.000Z', '2026-01-06T00:00:00.000Z', 'layer'],
    ]);
    // The layer's own shifts still show Alice.
    expect(body.layers[0]!.shifts.map((x) => x.user.name)).toEqual(['Alice']);
    const oncalls = await t.request('observer', 'GET', `/api/v1/oncalls?schedule_ids=${s.id}`);
    expect(oncalls.statusCode, oncalls.body).toBe(200);
    expect(oncalls.json().data).toEqual([
      { schedule: { id: s.id, name: s.name }, user: { id: b, name: 'Bob', email: expect.any(String) }, start: '2026-01-05T10:00:00.000Z', end: '2026-01-05T14:00:00.000Z', source: 'override' },
    ]);

    const list = await t.request('observer', 'GET', `/api/v1/schedules/${s.id}/overrides`);
    expect(list.json<Page<{ id: string }>>().data.map((o) => o.id)).toEqual([made.json().id]);

    // In progress: ended now, kept on record (200). Not begun: removed (204). Ended: 409.
    const later = await t.request('manager', 'POST', `/api/v1/schedules/${s.id}/overrides`, { user_id: b, start: '2026-01-07T00:00:00Z', end: '2026-01-08T00:00:00Z' });
    const cut = await t.request('manager', 'DELETE', `/api/v1/schedules/${s.id}/overrides/${made.json().id}`);
    expect(cut.statusCode, cut.body).toBe(200);
    expect(cut.json().end).toBe('2026-01-05T12:00:00.000Z');
    expect((await t.request('manager', 'DELETE', `/api/v1/schedules/${s.id}/overrides/${later.json().id}`)).statusCode).toBe(204);
    expect((await t.request('manager', 'DELETE', `/api/v1/schedules/${s.id}/overrides/${made.json().id}`)).statusCode).toBe(409);
    expect((await t.request('manager', 'DELETE', `/api/v1/schedules/${s.id}/overrides/${later.json().id}`)).statusCode).toBe(404);
    const now = await t.request('observer', 'GET', `/api/v1/oncalls?schedule_ids=${s.id}`);
    expect(now.json<Page<OncallJson>>().data.map((e) => e.user.id)).toEqual([a]);
  });

  it('hands a turn on past time off on a skip_unavailable layer', async () => {
    const [a, b, c] = [await makeUser(t, 'A'), await makeUser(t, 'B'), await makeUser(t, 'C')];
    const s = await makeSchedule(t, {
      layers: [layer({ start: '2026-01-05T00:00:00Z', users: [a, b, c], rotation: { type: 'daily', handoff_time: '00:00' }, skip_unavailable: true })],
    });
    // A responder records their own time off; another responder cannot record it for them.
    const own = await makeUser(t, 'Own', 'UTC');
    expect((await t.request('responder', 'POST', `/api/v1/users/${own}/time-off`, { start: '2026-01-06T00:00:00Z', end: '2026-01-07T00:00:00Z' })).statusCode).toBe(403);
    const self = await t.request('responder', 'POST', `/api/v1/users/${t.users.responder.id}/time-off`, { start: '2026-01-06T00:00:00Z', end: '2026-01-07T00:00:00Z', reason: 'dentist' });
    expect(self.statusCode, self.body).toBe(201);
    expect(self.json()).toMatchObject({ user_id: t.users.responder.id, reason: 'dentist' });
    expectFieldError(await t.request('responder', 'POST', `/api/v1/users/${t.users.responder.id}/time-off`, { start: '2026-01-07T00:00:00Z', end: '2026-01-06T00:00:00Z' }), 'end');

    // b is off on Jan 6 from 06:00 to 18:00 (b's turn): c covers, then b again.
    const off = await t.request('manager', 'POST', `/api/v1/users/${b}/time-off`, { start: '2026-01-06T06:00:00Z', end: '2026-01-06T18:00:00Z' });
    expect(off.statusCode, off.body).toBe(201);
    const body = await shifts(t, s.id, '2026-01-06T00:00:00Z', '2026-01-07T00:00:00Z');
    expect(body.final.map((x) => [x.user.id, x.start, x.end, x.covering_for?.id ?? null])).toEqual([
      [b, '2026-01-06T00:00:00.000Z', '2026-01-06T06:00:00.000Z', null],
      [c, '2026-01-06T06:00:00.000Z', '2026-01-06T18:00:00.000Z', b],
      [b, '2026-01-06T18:00:00.000Z', '2026-01-07T00:00:00.000Z', null],
    ]);
    const listed = await t.request('manager', 'GET', `/api/v1/users/${b}/time-off`);
    expect(listed.json<Page<{ id: string }>>().data.map((x) => x.id)).toEqual([off.json().id]);
    expect((await t.request('observer', 'GET', `/api/v1/users/${b}/time-off`)).statusCode).toBe(403);
    expect((await t.request('manager', 'DELETE', `/api/v1/users/${b}/time-off/${off.json().id}`)).statusCode).toBe(204);
    expect(finalOf(await shifts(t, s.id, '2026-01-06T00:00:00Z', '2026-01-07T00:00:00Z'))).toEqual([[b, '2026-01-06T00:00:00.000Z', '2026-01-07T00:00:00.000Z']]);
  });
});

describe(`gaps and load on ${testDialect()}`, () => {
  it('reports gaps and flags schedules with a gap in the next 7 days', async () => {
    const a = await makeUser(t, 'A');
    const full = await makeSchedule(t, { name: 'Full', layers: [layer({ start: '2026-01-01T00:00:00Z', users: [a], rotation: { type: 'daily', handoff_time: '00:00' } })] });
    // Ends in 3 days: a gap from then on.
    const ending = await makeSchedule(t, {
      name: 'Ending',
      layers: [layer({ start: '2026-01-01T00:00:00Z', end: '2026-01-08T12:00:00Z', users: [a], rotation: { type: 'daily', handoff_time: '00:00' } })],
    });
    const empty = await makeSchedule(t, { name: 'Empty' });
    const list = await t.request('observer', 'GET', '/api/v1/schedules');
    const flags = Object.fromEntries(list.json<Page<ScheduleJson>>().data.map((s) => [s.name, [s.has_gap_next_7_days, s.next_gap]]));
    expect(flags).toEqual({
      Full: [false, null],
      Ending: [true, { start: '2026-01-08T12:00:00.000Z', end: '2026-01-12T12:00:00.000Z' }],
      Empty: [true, { start: '2026-01-05T12:00:00.000Z', end: '2026-01-12T12:00:00.000Z' }],
    });
    const gaps = await t.request('observer', 'GET', `/api/v1/schedules/${ending.id}/gaps?since=2026-01-01T00:00:00Z&until=2026-01-10T00:00:00Z`);
    expect(gaps.json().gaps).toEqual([{ start: '2026-01-08T12:00:00.000Z', end: '2026-01-10T00:00:00.000Z' }]);
    const none = await t.request('observer', 'GET', `/api/v1/schedules/${full.id}/gaps`);
    expect(none.json()).toMatchObject({ since: '2026-01-05T12:00:00.000Z', until: '2026-01-12T12:00:00.000Z', gaps: [] });
    expect(empty.has_gap_next_7_days).toBe(true);
    // A paged listing.
    const page1 = await t.request('observer', 'GET', '/api/v1/schedules?limit=2');
    expect(page1.json().data).toHaveLength(2);
    const page2 = await t.request('observer', 'GET', `/api/v1/schedules?limit=2&cursor=${page1.json().next_cursor}`);
    expect(page2.json().data).toHaveLength(1);
    expect(page2.json().next_cursor).toBeNull();
  });

  it('counts business, off and sleep hours in each user’s own zone', async () => {
    const a = await makeUser(t, 'A', 'UTC');
    const b = await makeUser(t, 'B', 'Asia/Kolkata');
    const s = await makeSchedule(t, {
      layers: [layer({ start: '2026-01-05T00:00:00Z', users: [a, b], rotation: { type: 'daily', handoff_time: '00:00' } })],
    });
    // Friday 9 January (a, UTC) and Saturday 10 January (b, UTC+05:30).
    const res = await t.request('observer', 'GET', `/api/v1/schedules/${s.id}/load?since=2026-01-09T00:00:00Z&until=2026-01-11T00:00:00Z`);
    expect(res.statusCode, res.body).toBe(200);
    const byName = Object.fromEntries(json<{ users: Array<{ user: UserJson }> }>(res).users.map((u) => [u.user.name, u]));
    // a, Friday 00:00-24:00 UTC: sleep 00-08 and 22-24, business 08-18, off 18-22.
    expect(byName.A).toMatchObject({ time_zone: 'UTC', shift_count: 1, total_hours: 24, business_hours: 10, off_hours: 4, sleep_hours: 10 });
    // b, Saturday 05:30 to Sunday 05:30 local: sleep 05:30-08 and 22-05:30, off 08-22, no business hours.
    expect(byName.B).toMatchObject({ time_zone: 'Asia/Kolkata', shift_count: 1, total_hours: 24, business_hours: 0, off_hours: 14, sleep_hours: 10 });
  });
});

describe(`/oncalls on ${testDialect()}`, () => {
  it('answers at an instant or over a range, filtered by schedule and user', async () => {
    const [a, b] = [await makeUser(t, 'A'), await makeUser(t, 'B')];
    const one = await makeSchedule(t, { name: 'One', layers: [layer({ start: '2026-01-05T00:00:00Z', users: [a, b], rotation: { type: 'daily', handoff_time: '00:00' } })] });
    const two = await makeSchedule(t, { name: 'Two', layers: [layer({ start: '2026-01-05T00:00:00Z', users: [b, a], rotation: { type: 'daily', handoff_time: '00:00' } })] });
    const all = await t.request('observer', 'GET', '/api/v1/oncalls');
    expect(all.json<Page<OncallJson>>().data.map((e) => [e.schedule.name, e.user.id, e.start, e.end])).toEqual([
      ['One', a, '2026-01-05T00:00:00.000Z', '2026-01-06T00:00:00.000Z'],
      ['Two', b, '2026-01-05T00:00:00.000Z', '2026-01-06T00:00:00.000Z'],
    ]);
    const at = await t.request('observer', 'GET', `/api/v1/oncalls?at=2026-01-06T03:00:00Z&user_ids=${a}`);
    expect(at.json<Page<OncallJson>>().data.map((e) => [e.schedule.name, e.user.id])).toEqual([['Two', a]]);
    const repeated = await t.request('observer', 'GET', `/api/v1/oncalls?schedule_ids=${one.id}&schedule_ids=${two.id}&user_ids=${b}`);
    expect(repeated.json<Page<OncallJson>>().data.map((e) => e.schedule.name)).toEqual(['Two']);
    const commas = await t.request('observer', 'GET', `/api/v1/oncalls?schedule_ids=${one.id},${two.id}`);
    expect(commas.json().data).toHaveLength(2);
    const range = await t.request('observer', 'GET', `/api/v1/oncalls?schedule_ids=${one.id}&since=2026-01-05T00:00:00Z&until=2026-01-08T00:00:00Z`);
    expect(range.json<Page<OncallJson>>().data.map((e) => e.user.id)).toEqual([a, b, a]);
    expectFieldError(await t.request('observer', 'GET', '/api/v1/oncalls?escalation_policy_ids=x'), 'escalation_policy_ids');
    expectFieldError(await t.request('observer', 'GET', '/api/v1/oncalls?schedule_ids=nope'), 'schedule_ids');
    expectFieldError(await t.request('observer', 'GET', '/api/v1/oncalls?at=2026-01-06T03:00:00Z&since=2026-01-06T03:00:00Z'), 'at');
    expectFieldError(await t.request('observer', 'GET', '/api/v1/oncalls?since=2026-01-01T00:00:00Z&until=2026-06-01T00:00:00Z'), 'until');
  });
});
