import type { Executor } from '../platform/db/transaction.js';
import { allSchedules, loadSchedules } from '../oncall/queries.js';
import { resolve } from '../oncall/resolve.js';
import type { ResolvedTarget } from './decide.js';
import type { Target } from './types.js';

// Who each escalation target stands for at one instant: a schedule through its final on-call
// shifts (overrides, swaps and time off included), a user as themselves while they exist.

export interface TargetDirectory {
  resolveTarget(target: Target): ResolvedTarget;
  /** Display names of every user met so far (targets, and those added with `addUsers`). */
  userName(userId: string): string;
}

/** Resolves every target in one pass: one query for the schedules, one for the users. */
export async function targetsAt(ex: Executor, targets: readonly Target[], at: number, extraUserIds: readonly string[] = []): Promise<TargetDirectory> {
  const scheduleIds = [...new Set(targets.filter((t) => t.type === 'schedule').map((t) => t.id))];
  const onCall = new Map<string, { name: string; userIds: string[] }>();
  if (scheduleIds.length > 0) {
    const rows = await allSchedules(ex, scheduleIds);
    // One millisecond is enough: only who holds `at` matters, not where the shift ends.
    const loaded = await loadSchedules(ex, rows, at, at + 1);
    for (const entry of loaded) {
      let users: string[] = [];
      try {
        users = [...new Set(resolve(entry.schedule, at, at + 1).final.map((s) => s.userId))];
      } catch {
        // A schedule that cannot render (invalid after an edit) reaches nobody; the note says so.
        users = [];
      }
      onCall.set(entry.row.id, { name: entry.row.name, userIds: users });
    }
  }
  const userIds = new Set<string>(extraUserIds);
  for (const t of targets) if (t.type === 'user') userIds.add(t.id);
  for (const s of onCall.values()) for (const id of s.userIds) userIds.add(id);
  const names = new Map<string, string>();
  const ids = [...userIds];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await ex.selectFrom('users').select(['id', 'name']).where('id', 'in', ids.slice(i, i + 500)).where('deleted_at', 'is', null).execute();
    for (const r of rows) names.set(r.id, r.name);
  }
  return {
    resolveTarget(target) {
      if (target.type === 'user') {
        const name = names.get(target.id);
        return name === undefined ? { name: `user ${target.id}`, user_ids: [] } : { name, user_ids: [target.id] };
      }
      const s = onCall.get(target.id);
      if (!s) return { name: `schedule ${target.id} (deleted)`, user_ids: [] };
      return { name: s.name, user_ids: s.userIds.filter((id) => names.has(id)) };
    },
    userName: (id) => names.get(id) ?? id,
  };
}
