import { findEscalationPolicy, policyOf } from '../../escalation/queries.js';
import { targetsAt } from '../../escalation/targets.js';
import type { Executor } from '../../platform/db/transaction.js';

// Whom a routed call rings: the service's escalation policy, level by level, each level's
// on-call people at this moment, in the order the level lists them, each at their verified
// voice number (or else their SMS number). People already tried in this call are skipped.

export interface PhoneCandidate {
  userId: string;
  name: string;
  number: string;
  level: number;
}

/** Each user's phone number for a routed call: a usable voice method first, else a usable SMS method. */
async function phoneNumbers(ex: Executor, userIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await ex
    .selectFrom('contact_methods')
    .select(['user_id', 'type', 'address'])
    .where('user_id', 'in', userIds)
    .where('type', 'in', ['voice', 'sms'])
    .where('verified', '=', 1)
    .where('disabled_reason', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const out = new Map<string, string>();
  for (const type of ['voice', 'sms']) {
    for (const r of rows) if (r.type === type && !out.has(r.user_id)) out.set(r.user_id, r.address);
  }
  return out;
}

/** The next person to ring, from `fromLevel` on, or null when the policy has nobody left with a phone. */
export async function nextCandidate(ex: Executor, serviceId: string, fromLevel: number, tried: ReadonlySet<string>, now: number): Promise<PhoneCandidate | null> {
  const service = await ex.selectFrom('services').select('escalation_policy_id').where('id', '=', serviceId).executeTakeFirst();
  const row = service?.escalation_policy_id ? await findEscalationPolicy(ex, service.escalation_policy_id) : undefined;
  if (!row) return null;
  const { levels } = policyOf(row);
  for (let level = Math.max(1, fromLevel); level <= levels.length; level++) {
    const targets = levels[level - 1]!.targets;
    const directory = await targetsAt(ex, targets, now);
    const userIds = [...new Set(targets.flatMap((t) => directory.resolveTarget(t).user_ids))].filter((id) => !tried.has(id));
    if (userIds.length === 0) continue;
    const numbers = await phoneNumbers(ex, userIds);
    const first = userIds.find((id) => numbers.has(id));
    if (first) return { userId: first, name: directory.userName(first), number: numbers.get(first)!, level };
  }
  return null;
}
