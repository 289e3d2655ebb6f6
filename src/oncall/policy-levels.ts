import { lowestLevels, oncallLevels, type OncallLevelEntry } from '../escalation/oncall-levels.js';
import { policyOf } from '../escalation/queries.js';
import type { Row } from '../platform/db/tables.js';
import type { Executor } from '../platform/db/transaction.js';
import { userInfo } from './queries.js';
import { userRef } from './schemas.js';
import type { OncallEntry } from './views.js';

// /oncalls?escalation_policy_ids=: the schedule entries the route computed, seen through the
// levels of escalation policies. The level arithmetic is the escalation domain's pure
// oncallLevels; this side only supplies rows and shapes the answer.

/** The schedules any level of the policies pages: the only ones the answer needs resolved. */
export function targetedScheduleIds(policies: readonly Row<'escalation_policies'>[]): Set<string> {
  const ids = new Set<string>();
  for (const row of policies) for (const level of policyOf(row).levels) for (const t of level.targets) if (t.type === 'schedule') ids.add(t.id);
  return ids;
}

export interface LevelFilters {
  userIds?: readonly string[];
  /** Only entries through these schedules, so people a level names directly are left out. */
  scheduleIds?: readonly string[];
  /** Only each person's lowest level per policy. */
  earliest: boolean;
}

const shiftKey = (scheduleId: string, userId: string, start: number) => `${scheduleId}\u0000${userId}\u0000${start}`;

export async function oncallLevelEntriesOut(ex: Executor, policies: readonly Row<'escalation_policies'>[], entries: readonly OncallEntry[], filters: LevelFilters) {
  const parsed = policies.map((row) => ({ id: row.id, name: row.name, levels: policyOf(row).levels }));
  const direct = parsed.flatMap((p) => p.levels.flatMap((l) => l.targets.filter((t) => t.type === 'user').map((t) => t.id)));
  const info = await userInfo(ex, [...entries.map((e) => e.shift.userId), ...direct]);
  // Deleted people are never paged, so they hold no level (schedules may still name them).
  const active = new Set([...info].filter(([, user]) => !user.deleted).map(([id]) => id));
  // oncallLevels keeps only who, where and when; the shift's source and schedule row come back from here.
  const shifts = new Map(entries.map((e) => [shiftKey(e.schedule.id, e.shift.userId, e.shift.start), e]));
  let levels: OncallLevelEntry[] = oncallLevels(
    parsed,
    entries.map((e) => ({ schedule_id: e.schedule.id, user_id: e.shift.userId, start: e.shift.start, end: e.shift.end })),
    active,
  );
  // Before the schedule filter, so that `earliest` keeps the level that really pages a person
  // first, not the lowest among the schedules asked for.
  if (filters.earliest) {
    const lowest = lowestLevels(levels);
    levels = levels.filter((e) => lowest.get(e.escalation_policy_id)?.get(e.user_id) === e.escalation_level);
  }
  if (filters.userIds !== undefined) {
    const users = new Set(filters.userIds);
    levels = levels.filter((e) => users.has(e.user_id));
  }
  if (filters.scheduleIds !== undefined) {
    const schedules = new Set(filters.scheduleIds);
    levels = levels.filter((e) => e.schedule_id !== null && schedules.has(e.schedule_id));
  }
  return levels.map((e) => {
    const entry = e.schedule_id === null || e.start === null ? undefined : shifts.get(shiftKey(e.schedule_id, e.user_id, e.start));
    return {
      escalation_policy: { id: e.escalation_policy_id, name: e.escalation_policy_name },
      escalation_level: e.escalation_level,
      schedule: entry ? { id: entry.schedule.id, name: entry.schedule.name } : null,
      user: userRef(info, e.user_id),
      start: e.start === null ? null : new Date(e.start).toISOString(),
      end: e.end === null ? null : new Date(e.end).toISOString(),
      source: entry?.shift.source ?? null,
    };
  });
}
