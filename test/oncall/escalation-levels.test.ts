import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { testDialect } from '../support/database.js';
import { expectFieldError, layer, makeSchedule, makeUser, type OncallJson, type ScheduleJson, type UserJson } from './helpers.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

// The test clock starts at Monday 2026-01-05 12:00 UTC.

interface LevelJson {
  escalation_policy: { id: string; name: string };
  escalation_level: number;
  schedule: { id: string; name: string } | null;
  user: UserJson;
  start: string | null;
  end: string | null;
  source: string | null;
}

const D5 = '2026-01-05T00:00:00.000Z';
const D6 = '2026-01-06T00:00:00.000Z';
const D7 = '2026-01-07T00:00:00.000Z';

interface World {
  a: string;
  b: string;
  c: string;
  boss: string;
  gone: string;
  one: ScheduleJson;
  two: ScheduleJson;
  payments: string;
  web: string;
}

/**
 * "Payments": level 1 = schedule One (a, b daily), level 2 = boss and gone directly, level 3 =
 * schedule Two (a, c daily). "Web": level 1 = c directly. On Jan 5 a holds both schedules, so a
 * is on levels 1 and 3 at once.
 */
async function world(): Promise<World> {
  const [a, b, c, boss, gone] = [await makeUser(t, 'A'), await makeUser(t, 'B'), await makeUser(t, 'C'), await makeUser(t, 'Boss'), await makeUser(t, 'Gone')];
  const daily = { type: 'daily', handoff_time: '00:00' };
  const one = await makeSchedule(t, { name: 'One', layers: [layer({ start: '2026-01-05T00:00:00Z', users: [a, b], rotation: daily })] });
  const two = await makeSchedule(t, { name: 'Two', layers: [layer({ start: '2026-01-05T00:00:00Z', users: [a, c], rotation: daily })] });
  const policy = async (body: unknown) => {
    const res = await t.request('manager', 'POST', '/api/v1/escalation-policies', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const payments = await policy({
    name: 'Payments',
    levels: [
      { delay_minutes: 5, targets: [{ type: 'schedule', id: one.id }] },
      { delay_minutes: 5, targets: [{ type: 'user', id: boss }, { type: 'user', id: gone }] },
      { delay_minutes: 5, targets: [{ type: 'schedule', id: two.id }] },
    ],
  });
  const web = await policy({ name: 'Web', levels: [{ delay_minutes: 5, targets: [{ type: 'user', id: c }] }] });
  return { a, b, c, boss, gone, one, two, payments, web };
}

async function levels(query: string): Promise<LevelJson[]> {
  const res = await t.request('observer', 'GET', `/api/v1/oncalls?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ data: LevelJson[] }>().data;
}

/** [policy name, level, user, schedule name, start, end] per entry. */
const rows = (data: LevelJson[]) => data.map((e) => [e.escalation_policy.name, e.escalation_level, e.user.id, e.schedule?.name ?? null, e.start, e.end]);

describe(`/oncalls with escalation_policy_ids on ${testDialect()}`, () => {
  it('gives each person on call their level: schedules through their shifts, people named directly always', async () => {
    const w = await world();
    const now = await levels(`escalation_policy_ids=${w.payments}`);
    expect(rows(now)).toEqual([
      ['Payments', 1, w.a, 'One', D5, D6],
      ['Payments', 2, w.boss, null, null, null],
      ['Payments', 2, w.gone, null, null, null],
      ['Payments', 3, w.a, 'Two', D5, D6],
    ]);
    expect(now[0]).toEqual({
      escalation_policy: { id: w.payments, name: 'Payments' },
      escalation_level: 1,
      schedule: { id: w.one.id, name: 'One' },
      user: { id: w.a, name: 'A', email: expect.any(String) },
      start: D5,
      end: D6,
      source: 'layer',
    });
    expect(now[1]).toMatchObject({ schedule: null, source: null, user: { id: w.boss, name: 'Boss' } });

    // At another instant the schedules hand over; directly named people stay.
    expect(rows(await levels(`escalation_policy_ids=${w.payments}&at=2026-01-06T03:00:00Z`))).toEqual([
      ['Payments', 1, w.b, 'One', D6, D7],
      ['Payments', 2, w.boss, null, null, null],
      ['Payments', 2, w.gone, null, null, null],
      ['Payments', 3, w.c, 'Two', D6, D7],
    ]);

    // Over a window: every shift of each level's schedules, cut to the window.
    expect(rows(await levels(`escalation_policy_ids=${w.payments}&since=2026-01-05T00:00:00Z&until=2026-01-06T12:00:00Z`))).toEqual([
      ['Payments', 1, w.a, 'One', D5, D6],
      ['Payments', 1, w.b, 'One', D6, '2026-01-06T12:00:00.000Z'],
      ['Payments', 2, w.boss, null, null, null],
      ['Payments', 2, w.gone, null, null, null],
      ['Payments', 3, w.a, 'Two', D5, D6],
      ['Payments', 3, w.c, 'Two', D6, '2026-01-06T12:00:00.000Z'],
    ]);

    // Several policies, comma-separated or repeated, in name order.
    const both = [
      ['Payments', 1, w.a, 'One', D5, D6],
      ['Payments', 2, w.boss, null, null, null],
      ['Payments', 2, w.gone, null, null, null],
      ['Payments', 3, w.a, 'Two', D5, D6],
      ['Web', 1, w.c, null, null, null],
    ];
    expect(rows(await levels(`escalation_policy_ids=${w.web},${w.payments}`))).toEqual(both);
    expect(rows(await levels(`escalation_policy_ids=${w.web}&escalation_policy_ids=${w.payments}`))).toEqual(both);
  });

  it('earliest keeps only each person’s lowest level per policy', async () => {
    const w = await world();
    expect(rows(await levels(`escalation_policy_ids=${w.payments},${w.web}&earliest=true`))).toEqual([
      ['Payments', 1, w.a, 'One', D5, D6],
      ['Payments', 2, w.boss, null, null, null],
      ['Payments', 2, w.gone, null, null, null],
      // a's level 3 is gone (a is paged at level 1 first); c is per policy, so Web keeps c.
      ['Web', 1, w.c, null, null, null],
    ]);
    // Over a window, the lowest level across the window: a's turns on Two go, c's stays.
    expect(rows(await levels(`escalation_policy_ids=${w.payments}&earliest=true&since=2026-01-05T00:00:00Z&until=2026-01-07T00:00:00Z`))).toEqual([
      ['Payments', 1, w.a, 'One', D5, D6],
      ['Payments', 1, w.b, 'One', D6, D7],
      ['Payments', 2, w.boss, null, null, null],
      ['Payments', 2, w.gone, null, null, null],
      ['Payments', 3, w.c, 'Two', D6, D7],
    ]);
    expect(rows(await levels(`escalation_policy_ids=${w.payments}&earliest=false`))).toHaveLength(4);
    // Without policies there are no levels to choose from.
    expectFieldError(await t.request('observer', 'GET', '/api/v1/oncalls?earliest=true'), 'earliest');
    expectFieldError(await t.request('observer', 'GET', `/api/v1/oncalls?escalation_policy_ids=${w.payments}&earliest=maybe`), 'earliest');
  });

  it('combines with user_ids and schedule_ids', async () => {
    const w = await world();
    const range = 'since=2026-01-05T00:00:00Z&until=2026-01-07T00:00:00Z';
    expect(rows(await levels(`escalation_policy_ids=${w.payments}&user_ids=${w.a},${w.boss}&${range}`))).toEqual([
      ['Payments', 1, w.a, 'One', D5, D6],
      ['Payments', 2, w.boss, null, null, null],
      ['Payments', 3, w.a, 'Two', D5, D6],
    ]);
    // Only entries through the schedules asked for: people named directly have none.
    expect(rows(await levels(`escalation_policy_ids=${w.payments},${w.web}&schedule_ids=${w.two.id}&${range}`))).toEqual([
      ['Payments', 3, w.a, 'Two', D5, D6],
      ['Payments', 3, w.c, 'Two', D6, D7],
    ]);
    // earliest still means the level that pages a person first, whatever schedules are shown.
    expect(rows(await levels(`escalation_policy_ids=${w.payments}&schedule_ids=${w.two.id}&earliest=true&${range}`))).toEqual([
      ['Payments', 3, w.c, 'Two', D6, D7],
    ]);
    // A schedule no level pages: nothing.
    const other = await makeSchedule(t, { name: 'Other', layers: [layer({ start: '2026-01-05T00:00:00Z', users: [w.b], rotation: { type: 'daily', handoff_time: '00:00' } })] });
    expect(await levels(`escalation_policy_ids=${w.payments}&schedule_ids=${other.id}`)).toEqual([]);
    expect(await levels('escalation_policy_ids=')).toEqual([]);
  });

  it('leaves out deleted people, who are never paged; the plain answer still shows their shifts', async () => {
    const w = await world();
    for (const id of [w.gone, w.b]) expect((await t.request('admin', 'DELETE', `/api/v1/users/${id}`)).statusCode).toBe(204);
    expect(rows(await levels(`escalation_policy_ids=${w.payments}&since=2026-01-05T00:00:00Z&until=2026-01-07T00:00:00Z`))).toEqual([
      ['Payments', 1, w.a, 'One', D5, D6],
      ['Payments', 2, w.boss, null, null, null],
      ['Payments', 3, w.a, 'Two', D5, D6],
      ['Payments', 3, w.c, 'Two', D6, D7],
    ]);
    const plain = await t.request('observer', 'GET', `/api/v1/oncalls?schedule_ids=${w.one.id}&since=2026-01-05T00:00:00Z&until=2026-01-07T00:00:00Z`);
    expect(plain.json<{ data: OncallJson[] }>().data.map((e) => e.user.id)).toEqual([w.a, w.b]);
  });

  it('answers as before without escalation_policy_ids', async () => {
    const w = await world();
    const res = await t.request('observer', 'GET', '/api/v1/oncalls');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data).toEqual([
      { schedule: { id: w.one.id, name: 'One' }, user: { id: w.a, name: 'A', email: expect.any(String) }, start: D5, end: D6, source: 'layer' },
      { schedule: { id: w.two.id, name: 'Two' }, user: { id: w.a, name: 'A', email: expect.any(String) }, start: D5, end: D6, source: 'layer' },
    ]);
  });

  it('refuses unknown policies, naming the field and the ids', async () => {
    const w = await world();
    const res = await t.request('observer', 'GET', `/api/v1/oncalls?escalation_policy_ids=${w.payments},nope,gone-too`);
    expectFieldError(res, 'escalation_policy_ids');
    const message = (res.json().errors as Array<{ field: string; message: string }>).find((e) => e.field === 'escalation_policy_ids')!.message;
    expect(message).toContain('nope, gone-too');
    expect(message).not.toContain(w.payments);
    expectFieldError(await t.request('observer', 'GET', `/api/v1/oncalls?escalation_policy_ids=${w.payments}&schedule_ids=nope`), 'schedule_ids');
    expectFieldError(await t.request('observer', 'GET', `/api/v1/oncalls?escalation_policy_ids=${w.payments}&at=2026-01-06T03:00:00Z&since=2026-01-06T03:00:00Z`), 'at');
    expectFieldError(await t.request('observer', 'GET', `/api/v1/oncalls?escalation_policy_ids=${w.payments}&since=2026-01-01T00:00:00Z&until=2026-06-01T00:00:00Z`), 'until');
  });
});
