import type { Command } from 'commander';
import { DateTime } from 'luxon';
import { ConfigError, loadConfig } from '../platform/config.js';
import { openDatabase, pendingMigrations } from '../platform/db/index.js';
import type { Executor } from '../platform/db/transaction.js';
import { allSchedules, findScheduleByName, userInfo, type UserInfo } from './queries.js';
import type { Shift } from './types.js';
import { ONCALL_HORIZON_MS, ONCALL_LOOKBACK_MS, oncallNow } from './views.js';

// `tocsin oncall`: who is on call now, and who is next, in every schedule (or one), read
// straight from the database. Times are shown in each schedule's own zone.

export class OncallCliError extends Error {}

/** An instant from `--at`: ISO 8601, read as UTC when it names no offset; or 'now'. */
export function parseAt(text: string | undefined, now: number): number {
  if (text === undefined || text === 'now') return now;
  const parsed = DateTime.fromISO(text, { zone: 'utc', setZone: true });
  if (!parsed.isValid) throw new OncallCliError(`--at: "${text}" is not an ISO 8601 time, e.g. 2026-03-29T09:00 or 2026-03-29T09:00+01:00`);
  return parsed.toMillis();
}

function when(at: number, zone: string): string {
  return DateTime.fromMillis(at, { zone }).toFormat('ccc yyyy-MM-dd HH:mm ZZZZ');
}

function who(shift: Shift, users: ReadonlyMap<string, UserInfo>): string {
  const user = users.get(shift.userId);
  const name = user === undefined ? shift.userId : `${user.name} <${user.email}>`;
  if (shift.source === 'override') return `${name} (override)`;
  if (shift.source === 'swap') return `${name} (swap)`;
  return name;
}

/** The text `tocsin oncall` prints. */
export async function oncallReport(db: Executor, opts: { at: number; schedule?: string }): Promise<string> {
  let rows;
  if (opts.schedule !== undefined) {
    const row = await findScheduleByName(db, opts.schedule);
    if (!row) throw new OncallCliError(`no schedule is named "${opts.schedule}"`);
    rows = [row];
  } else {
    rows = await allSchedules(db);
  }
  if (rows.length === 0) return 'No schedules yet.\n';
  const entries = await oncallNow(db, rows, opts.at);
  const users = await userInfo(db, entries.flatMap((e) => [e.current?.userId, e.next?.userId].filter((id): id is string => id !== undefined)));
  const lines: string[] = [];
  for (const { schedule, current, next } of entries) {
    const zone = schedule.time_zone;
    lines.push(`${schedule.name} (${zone})`);
    lines.push(
      current === null
        ? '  now   nobody is on call'
        : `  now   ${who(current, users)}, since ${current.start <= opts.at - ONCALL_LOOKBACK_MS ? 'before ' : ''}${when(current.start, zone)}` +
            ` until ${current.end >= opts.at + ONCALL_HORIZON_MS ? 'at least ' : ''}${when(current.end, zone)}`,
    );
    lines.push(
      next === null
        ? '  next  nobody within 90 days'
        : `  next  ${who(next, users)}, ${when(next.start, zone)} until ${next.end >= opts.at + ONCALL_HORIZON_MS ? 'at least ' : ''}${when(next.end, zone)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export interface OncallCliIo {
  env: NodeJS.ProcessEnv;
  out: (text: string) => void;
  now: () => number;
}

const defaultIo: OncallCliIo = { env: process.env, out: (text) => process.stdout.write(text), now: () => Date.now() };

export function registerOncallCommand(program: Command, io: OncallCliIo = defaultIo): void {
  program
    .command('oncall')
    .description("print who is on call now and who is next, per schedule (times in the schedule's zone)")
    .option('--schedule <name>', 'only the schedule with this name')
    .option('--at <time>', 'ask about this time instead of now (ISO 8601; UTC unless it names an offset)')
    .option('--data-dir <dir>', 'where the embedded SQLite database lives (TOCSIN_DATA_DIR)')
    .action(async (opts: { schedule?: string; at?: string; dataDir?: string }) => {
      let config;
      try {
        config = loadConfig(io.env, opts.dataDir ? { dataDir: opts.dataDir } : {});
      } catch (err) {
        if (err instanceof ConfigError) throw new OncallCliError(err.message);
        throw err;
      }
      const at = parseAt(opts.at, io.now());
      const handle = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 });
      try {
        if ((await pendingMigrations(handle.db)).length > 0) {
          throw new OncallCliError('the database is not up to date: run `tocsin migrate` (or start Tocsin once) first');
        }
        io.out(await oncallReport(handle.db, { at, ...(opts.schedule !== undefined ? { schedule: opts.schedule } : {}) }));
      } finally {
        await handle.close();
      }
    });
}
