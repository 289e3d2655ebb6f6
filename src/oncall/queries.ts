import type { Executor } from '../platform/db/transaction.js';
import type { Row } from '../platform/db/tables.js';
import { NotFound } from '../platform/http/errors.js';
import { layerVersions } from './versions.js';
import type { Layer, Override, Schedule, TimeOff } from './types.js';
import { containsPattern } from '../platform/db/search.js';

// Reading the on-call tables, and turning rows into the pure core's `Schedule`.

export function parseLayers(row: Pick<Row<'schedules'>, 'layers'>): Layer[] {
  return JSON.parse(row.layers) as Layer[];
}

export async function findSchedule(ex: Executor, id: string): Promise<Row<'schedules'> | undefined> {
  return ex.selectFrom('schedules').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getSchedule(ex: Executor, id: string): Promise<Row<'schedules'>> {
  const row = await findSchedule(ex, id);
  if (!row) throw new NotFound('schedule', id);
  return row;
}

export async function findScheduleByName(ex: Executor, name: string): Promise<Row<'schedules'> | undefined> {
  return ex.selectFrom('schedules').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function listSchedules(
  ex: Executor,
  opts: { limit: number; after?: string; teamId?: string; q?: string; ids?: string[] },
): Promise<Row<'schedules'>[]> {
  let q = ex.selectFrom('schedules').selectAll().orderBy('id').limit(opts.limit + 1);
  if (opts.after) q = q.where('id', '>', opts.after);
  if (opts.teamId) q = q.where('team_id', '=', opts.teamId);
  if (opts.ids) q = opts.ids.length === 0 ? q.where('id', '=', '') : q.where('id', 'in', opts.ids);
  if (opts.q) {
    const like = containsPattern(opts.q);
    q = q.where((eb) => eb(eb.fn('lower', ['name']), 'like', like));
  }
  return q.execute();
}

/** Every schedule, for views across all of them (/oncalls, user feeds, the CLI). */
export async function allSchedules(ex: Executor, ids?: string[]): Promise<Row<'schedules'>[]> {
  let q = ex.selectFrom('schedules').selectAll().orderBy('name');
  if (ids) {
    if (ids.length === 0) return [];
    q = q.where('id', 'in', ids);
  }
  return q.execute();
}

/** Every user a layer names, in any of its versions. */
export function layerUserIds(layers: readonly Layer[]): Set<string> {
  const ids = new Set<string>();
  for (const layer of layers) for (const version of layerVersions(layer)) for (const id of version.users) ids.add(id);
  return ids;
}

export interface UserInfo {
  name: string;
  email: string;
  time_zone: string;
  deleted: boolean;
}

/** Names, emails and zones of users, deleted ones included (history still names them). */
export async function userInfo(ex: Executor, ids: Iterable<string>): Promise<Map<string, UserInfo>> {
  const wanted = [...new Set(ids)];
  const out = new Map<string, UserInfo>();
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await ex
      .selectFrom('users')
      .select(['id', 'name', 'email', 'time_zone', 'deleted_at'])
      .where('id', 'in', wanted.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, { name: r.name, email: r.email, time_zone: r.time_zone, deleted: r.deleted_at !== null });
  }
  return out;
}

/** The ids among `ids` that are not live users. */
export async function unknownUsers(ex: Executor, ids: Iterable<string>): Promise<Set<string>> {
  const info = await userInfo(ex, ids);
  return new Set([...new Set(ids)].filter((id) => {
    const user = info.get(id);
    return user === undefined || user.deleted;
  }));
}

/** Overrides of the schedules reaching into [since, until), in creation order (a later one wins). */
export async function overridesIn(ex: Executor, scheduleIds: string[], since: number, until: number): Promise<Row<'schedule_overrides'>[]> {
  if (scheduleIds.length === 0) return [];
  return ex
    .selectFrom('schedule_overrides')
    .selectAll()
    .where('schedule_id', 'in', scheduleIds)
    .where('end_at', '>', since)
    .where('start_at', '<', until)
    .orderBy('id')
    .execute();
}

export async function timeOffIn(ex: Executor, userIds: string[], since: number, until: number): Promise<Row<'time_off'>[]> {
  const out: Row<'time_off'>[] = [];
  for (let i = 0; i < userIds.length; i += 500) {
    out.push(
      ...(await ex
        .selectFrom('time_off')
        .selectAll()
        .where('user_id', 'in', userIds.slice(i, i + 500))
        .where('end_at', '>', since)
        .where('start_at', '<', until)
        .orderBy('id')
        .execute()),
    );
  }
  return out;
}

export function toOverride(row: Row<'schedule_overrides'>): Override {
  return { id: row.id, userId: row.user_id, start: row.start_at, end: row.end_at, source: row.source };
}

function toTimeOff(row: Row<'time_off'>): TimeOff {
  return { userId: row.user_id, start: row.start_at, end: row.end_at };
}

export interface LoadedSchedule {
  row: Row<'schedules'>;
  layers: Layer[];
  /** What `resolve` renders: everything that matters within the range it was loaded for. */
  schedule: Schedule;
}

/**
 * Schedules as the core sees them, with the overrides and time off that reach into
 * [since, until): enough to resolve any part of that range exactly.
 */
export async function loadSchedules(ex: Executor, rows: Row<'schedules'>[], since: number, until: number): Promise<LoadedSchedule[]> {
  const parsed = rows.map((row) => ({ row, layers: parseLayers(row) }));
  const users = new Set<string>();
  for (const { layers } of parsed) for (const id of layerUserIds(layers)) users.add(id);
  const [overrides, timeOff] = await Promise.all([
    overridesIn(ex, rows.map((r) => r.id), since, until),
    timeOffIn(ex, [...users], since, until),
  ]);
  const allTimeOff = timeOff.map(toTimeOff);
  return parsed.map(({ row, layers }) => ({
    row,
    layers,
    schedule: {
      id: row.id,
      timeZone: row.time_zone,
      layers,
      overrides: overrides.filter((o) => o.schedule_id === row.id).map(toOverride),
      timeOff: allTimeOff,
    },
  }));
}

export async function loadSchedule(ex: Executor, row: Row<'schedules'>, since: number, until: number): Promise<LoadedSchedule> {
  return (await loadSchedules(ex, [row], since, until))[0]!;
}

export async function getOverride(ex: Executor, scheduleId: string, id: string): Promise<Row<'schedule_overrides'>> {
  const row = await ex.selectFrom('schedule_overrides').selectAll().where('id', '=', id).where('schedule_id', '=', scheduleId).executeTakeFirst();
  if (!row) throw new NotFound('override', id);
  return row;
}

export async function getSwap(ex: Executor, id: string): Promise<Row<'shift_swaps'>> {
  const row = await ex.selectFrom('shift_swaps').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound('shift swap', id);
  return row;
}
