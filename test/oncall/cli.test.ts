import { spawnSync } from 'node:child_process';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OncallCliError, oncallReport, parseAt, registerOncallCommand } from '../../src/oncall/cli.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { testDialect } from '../support/database.js';
import { layer, makeSchedule, makeUser } from './helpers.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

describe(`tocsin oncall on ${testDialect()}`, () => {
  it('prints who is on call now and next per schedule, in the schedule’s zone', async () => {
    const a = await makeUser(t, 'Alice');
    const b = await makeUser(t, 'Bob');
    const london = await makeSchedule(t, {
      name: 'London',
      time_zone: 'Europe/London',
      layers: [layer({ start: '2026-03-01T09:00:00Z', users: [a, b], rotation: { type: 'daily', handoff_time: '09:00' } })],
    });
    await makeSchedule(t, {
      name: 'Delhi days',
      time_zone: 'Asia/Kolkata',
      layers: [
        layer({
          start: '2026-03-01T00:00:00Z',
          users: [b],
          rotation: { type: 'daily', handoff_time: '09:00' },
          restrictions: [{ type: 'daily', start_time: '09:00', duration_minutes: 540 }],
        }),
      ],
    });
    await t.request('manager', 'POST', `/api/v1/schedules/${london.id}/overrides`, { user_id: b, start: '2026-03-29T12:00:00Z', end: '2026-03-29T13:00:00Z' });
    const email = (id: string) => t.deps.db.selectFrom('users').select('email').where('id', '=', id).executeTakeFirstOrThrow();
    const [ae, be] = [(await email(a)).email, (await email(b)).email];

    // Sunday 29 March 2026, 10:00 UTC = 11:00 BST: the clocks went forward at 01:00 UTC.
    const at = parseAt('2026-03-29T10:00:00Z', 0);
    const text = await oncallReport(t.deps.db, { at });
    expect(text).toBe(
      [
        'Delhi days (Asia/Kolkata)',
        `  now   Bob <${be}>, since Sun 2026-03-29 09:00 GMT+5:30 until Sun 2026-03-29 18:00 GMT+5:30`,
        `  next  Bob <${be}>, Mon 2026-03-30 09:00 GMT+5:30 until Mon 2026-03-30 18:00 GMT+5:30`,
        'London (Europe/London)',
        `  now   Alice <${ae}>, since Sun 2026-03-29 09:00 GMT+1 until Sun 2026-03-29 13:00 GMT+1`,
        `  next  Bob <${be}> (override), Sun 2026-03-29 13:00 GMT+1 until Sun 2026-03-29 14:00 GMT+1`,
        '',
      ].join('\n'),
    );

    const one = await oncallReport(t.deps.db, { at: parseAt('2026-03-28T10:00:00Z', 0), schedule: 'London' });
    expect(one).toBe(
      [
        'London (Europe/London)',
        `  now   Bob <${be}>, since Sat 2026-03-28 09:00 GMT until Sun 2026-03-29 09:00 GMT+1`,
        `  next  Alice <${ae}>, Sun 2026-03-29 09:00 GMT+1 until Sun 2026-03-29 13:00 GMT+1`,
        '',
      ].join('\n'),
    );
    await expect(oncallReport(t.deps.db, { at, schedule: 'Nope' })).rejects.toThrow(OncallCliError);
  });

  it('runs as a command against the configured database', async () => {
    const a = await makeUser(t, 'Alice');
    await makeSchedule(t, { name: 'Only', layers: [layer({ start: '2026-01-01T00:00:00Z', users: [a], rotation: { type: 'weekly', handoff_time: '00:00' } })] });
    let out = '';
    const program = new Command().exitOverride();
    registerOncallCommand(program, { env: { ...t.tdb.env }, out: (s) => (out += s), now: () => t.clock.now() });
    await program.parseAsync(['node', 'tocsin', 'oncall', '--schedule', 'Only']);
    // One person in the rotation: one stretch on call, beyond the 90 days looked at.
    expect(out).toMatch(/^Only \(UTC\)\n {2}now {3}Alice <[^>]+>, since Thu 2026-01-01 00:00 UTC until at least Sun 2026-04-05 12:00 UTC\n {2}next {2}nobody within 90 days\n$/);
    await expect(program.parseAsync(['node', 'tocsin', 'oncall', '--at', 'tomorrow'])).rejects.toThrow(/--at/);
  });

  it('is a command of the real tocsin program', async () => {
    const a = await makeUser(t, 'Alice');
    await makeSchedule(t, { name: 'Real', time_zone: 'Europe/London', layers: [layer({ start: '2026-01-01T09:00:00Z', users: [a], rotation: { type: 'daily', handoff_time: '09:00' } })] });
    const env = { ...process.env, ...t.tdb.env };
    if (t.tdb.dialect === 'sqlite') delete env.TOCSIN_DATABASE_URL;
    const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', 'oncall', ...args], { env, encoding: 'utf8', timeout: 60_000 });
    const ok = run(['--schedule', 'Real', '--at', '2026-07-01T12:00:00Z']);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^Real \(Europe\/London\)\n {2}now {3}Alice <[^>]+>, since before Wed 2026-05-27 13:00 GMT\+1 until at least Tue 2026-09-29 13:00 GMT\+1\n/);
    const missing = run(['--schedule', 'Nope']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe('tocsin: no schedule is named "Nope"\n');
  });

  it('reads --at as UTC unless it names an offset', () => {
    expect(parseAt(undefined, 42)).toBe(42);
    expect(parseAt('now', 42)).toBe(42);
    expect(parseAt('2026-03-29T09:00', 0)).toBe(Date.UTC(2026, 2, 29, 9));
    expect(parseAt('2026-03-29T09:00+01:00', 0)).toBe(Date.UTC(2026, 2, 29, 8));
    expect(() => parseAt('soon', 0)).toThrow(OncallCliError);
  });
});
