import type { Level } from './types.js';

// Which escalation level each on-call person holds in each policy: the answer behind
// `GET /api/v1/oncalls?escalation_policy_ids=`. Pure: the /oncalls route (oncall domain)
// passes the policies and the schedule entries it already computed, and merges the result.

export interface PolicyForLevels {
  id: string;
  name: string;
  levels: readonly Pick<Level, 'targets'>[];
}

/** One schedule entry as /oncalls computes it (who, which schedule, when). */
export interface ScheduleOncall {
  schedule_id: string;
  user_id: string;
  start: number;
  end: number;
}

export interface OncallLevelEntry {
  escalation_policy_id: string;
  escalation_policy_name: string;
  /** 1-based level number. */
  escalation_level: number;
  user_id: string;
  /** The schedule that puts the person on this level; null when the level names them directly. */
  schedule_id: string | null;
  /** The shift's span for a schedule entry; null (always on call) for a user named directly. */
  start: number | null;
  end: number | null;
}

/**
 * Every (policy, level, person, schedule) the policies' targets yield, in policy order, then
 * level, then target order. A person named directly by a level is on call there at all times;
 * a schedule target yields each of the schedule's entries. `activeUserIds`, when given, leaves
 * out people who no longer exist.
 */
export function oncallLevels(policies: readonly PolicyForLevels[], entries: readonly ScheduleOncall[], activeUserIds?: ReadonlySet<string>): OncallLevelEntry[] {
  const bySchedule = new Map<string, ScheduleOncall[]>();
  for (const entry of entries) {
    const list = bySchedule.get(entry.schedule_id) ?? [];
    list.push(entry);
    bySchedule.set(entry.schedule_id, list);
  }
  const out: OncallLevelEntry[] = [];
  for (const policy of policies) {
    policy.levels.forEach((level, i) => {
      const seen = new Set<string>();
      const add = (entry: Omit<OncallLevelEntry, 'escalation_policy_id' | 'escalation_policy_name' | 'escalation_level'>) => {
        if (activeUserIds && !activeUserIds.has(entry.user_id)) return;
        const key = `${entry.user_id}\u0000${entry.schedule_id ?? ''}\u0000${entry.start ?? ''}`;
        if (seen.has(key)) return;
        seen.add(key);
        out.push({ escalation_policy_id: policy.id, escalation_policy_name: policy.name, escalation_level: i + 1, ...entry });
      };
      for (const target of level.targets) {
        if (target.type === 'user') add({ user_id: target.id, schedule_id: null, start: null, end: null });
        else for (const e of bySchedule.get(target.id) ?? []) add({ user_id: e.user_id, schedule_id: e.schedule_id, start: e.start, end: e.end });
      }
    });
  }
  return out;
}

/** Each person's lowest (first-paged) level per policy: policy id -> user id -> level. */
export function lowestLevels(entries: readonly OncallLevelEntry[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const e of entries) {
    const users = out.get(e.escalation_policy_id) ?? new Map<string, number>();
    const current = users.get(e.user_id);
    if (current === undefined || e.escalation_level < current) users.set(e.user_id, e.escalation_level);
    out.set(e.escalation_policy_id, users);
  }
  return out;
}
