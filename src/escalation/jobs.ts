// The escalate job: one step of an incident's escalation. It runs decide() for the level that
// came due and, in the job's own transaction, writes what decide() planned: the pages due now
// (admitted here and sent right after the commit, see notify/dispatch.ts sendAdmitted), a
// notify job per later page (keyed under the incident's escalate prefix so acknowledge/resolve
// cancel them), the notes on the timeline, the round-robin turns, and the next step.

import type { AppDeps } from '../app-context.js';
import type { Tx } from '../platform/db/transaction.js';
import { adminUsers } from '../access/users/queries.js';
import { findLockedIncident } from '../incidents/commands/common.js';
import type { Job, JobContext, JobRegistry } from '../platform/jobs/index.js';
import { Changes } from '../incidents/changes.js';
import { ESCALATE_JOB, notifyKey, type EscalatePayload } from '../incidents/keys.js';
import { SYSTEM_ACTOR, assigneesOf, scheduleEscalation } from '../incidents/lifecycle.js';
import { timelineEntry } from '../incidents/timeline.js';
import { usableRules } from '../notify/queries.js';
import { NOTIFY_JOB, SEND_GUARD_MS, admitPage, guardKey, guardPayload, sendAdmitted, type NotifyPayload, type Prepared } from '../notify/dispatch.js';
import { decide, type Decision, type Note, type PlannedNotification, type RuleInput } from './decide.js';
import { findEscalationPolicy, policyOf, roundRobinTurns } from './queries.js';
import { targetsAt } from './targets.js';
import type { Policy, Urgency } from './types.js';

const MINUTE = 60_000;
/** Delay before the policy takes over from unresponsive assignees, when its level 1 names none. */
const ASSIGNEE_FALLBACK_MINUTES = 5;

/**
 * Lookups shared by the steps of one batch (one transaction, one `now`): steps of a storm share
 * their service, policy, admins, on-call people and rules, and read them once.
 */
export class StepMemo {
  private readonly values = new Map<string, Promise<unknown>>();

  once<T>(key: string, load: () => Promise<T>): Promise<T> {
    let v = this.values.get(key) as Promise<T> | undefined;
    if (!v) {
      v = load();
      this.values.set(key, v);
    }
    return v;
  }
}

/**
 * Runs one escalation step inside `tx`. Pages due now are admitted here (throttle, delivery
 * record) and returned for the caller to send after the commit; later ones become notify jobs.
 * With `shared`, the step's timeline, incident and job writes join those of the batch's other
 * steps and the caller flushes them once; without it, the step flushes its own.
 */
export async function escalateStep(tx: Tx, deps: AppDeps, payload: EscalatePayload, now: number, memo: StepMemo = new StepMemo(), shared?: Changes): Promise<Array<Prepared & { guard: string }>> {
  const admitted: Array<Prepared & { guard: string }> = [];
  const inc = await findLockedIncident(tx, payload.incident_id);
  // Acknowledged, resolved or re-triggered since: this step belongs to a round that is over.
  if (!inc || inc.status !== 'triggered' || inc.escalation_round !== payload.round) return admitted;
  const service = await memo.once(`service:${inc.service_id}`, () =>
    tx.selectFrom('services').select(['id', 'name', 'escalation_policy_id']).where('id', '=', inc.service_id).executeTakeFirst(),
  );
  const policyId = service?.escalation_policy_id;
  const policyRow = policyId ? await memo.once(`policy:${policyId}`, () => findEscalationPolicy(tx, policyId)) : undefined;
  const policy: Policy = policyRow ? policyOf(policyRow) : { levels: [], repeat: 0 };
  const urgency = inc.urgency as Urgency;
  const ch = shared ?? new Changes(now);
  const loop = payload.loop ?? 0;

  const assignees = payload.level === 0 ? assigneesOf(inc) : [];
  const admins = await memo.once('admins', async () => (await adminUsers(tx)).map((u) => u.id).sort());
  const targets = policy.levels.flatMap((l) => l.targets);
  const directory = assignees.length
    ? await targetsAt(tx, targets, now, [...assignees, ...admins])
    : await memo.once(`targets:${policyId ?? ''}`, () => targetsAt(tx, targets, now, admins));
  const candidates = new Set<string>([...assignees, ...admins]);
  for (const t of targets) for (const id of directory.resolveTarget(t).user_ids) candidates.add(id);
  const rules = await memo.once(`rules:${[...candidates].sort().join(',')}`, () => usableRules(tx, [...candidates]));
  const rulesOf = (id: string): readonly RuleInput[] => rules.get(id) ?? [];

  const notes: Note[] = [];
  const planned: PlannedNotification[] = [];
  let decision: Decision | null = null;
  let anyoneReached = false;

  if (payload.level === 0) {
    // The incident's assignees first; the policy takes over from level 1 if they do not answer.
    const reached: string[] = [];
    for (const userId of assignees) {
      if (directory.resolveTarget({ type: 'user', id: userId }).user_ids.length === 0) continue;
      const own = rulesOf(userId).filter((r) => r.urgency === urgency);
      if (own.length === 0) {
        notes.push({ code: 'no_rules', message: `${directory.userName(userId)} has no usable ${urgency}-urgency notification rule; skipped`, loop: 0, level: 0 });
        continue;
      }
      reached.push(userId);
      for (const r of own) planned.push({ user_id: userId, contact_method_id: r.contact_method_id, at: now + r.start_delay_minutes * MINUTE, loop: 0, level: 0 });
    }
    if (reached.length > 0) {
      anyoneReached = true;
      notes.push({ code: 'level_paged', message: `Assignees paged: ${reached.map((id) => directory.userName(id)).join(', ')}`, loop: 0, level: 0 });
      const delay = policy.levels[0]?.delay_minutes ?? ASSIGNEE_FALLBACK_MINUTES;
      if (policy.levels.length > 0) scheduleEscalation(ch, inc, 1, { loop: 0, runAt: now + Math.max(1, delay) * MINUTE, follow: true });
    } else {
      notes.push({ code: 'level_empty', message: 'None of the assignees can be paged; the escalation policy takes over at once', loop: 0, level: 0 });
    }
  }

  if (payload.level > 0 || !anyoneReached) {
    const roundRobin = policyRow && policy.levels.some((l) => l.round_robin) ? await roundRobinTurns(tx, policyRow.id) : {};
    decision = decide({
      policy,
      position: { loop, level: Math.max(1, payload.level) },
      now,
      urgency,
      resolveTarget: directory.resolveTarget,
      rulesOf,
      admins,
      userName: directory.userName,
      roundRobin,
      anyoneReached: payload.level > 1 || loop > 0,
    });
    for (const n of decision.notes) {
      notes.push(!policyRow && n.code === 'nobody_reachable' ? { ...n, message: `Service ${service?.name ?? inc.service_id} has no escalation policy` } : n);
    }
    planned.push(...decision.notifications);
    if (policyRow) await storeTurns(tx, policyRow.id, roundRobin, decision.roundRobin, now);
    if (decision.next !== 'done') scheduleEscalation(ch, inc, decision.next.level, { loop: decision.next.loop, runAt: decision.next.at, follow: true });
    const last = decision.visited.at(-1);
    if (last) ch.patchIncident(inc, { escalation_level: last.level });
  }

  for (const n of notes) {
    ch.timeline(timelineEntry(inc.id, now, `escalation.${n.code}`, SYSTEM_ACTOR, n.message, { details: { loop: n.loop, level: n.level, round: inc.escalation_round } }));
  }
  // One notification per (person, method): two rules on the same method at different delays
  // are two notifications, so the delay is part of what makes them distinct.
  for (const n of planned) {
    const body: NotifyPayload = {
      incident_id: inc.id,
      round: inc.escalation_round,
      loop: n.loop,
      level: n.level,
      user_id: n.user_id,
      contact_method_id: n.contact_method_id,
    };
    const delayTag = n.at > now ? `${n.contact_method_id}@${n.at - now}` : n.contact_method_id;
    const key = notifyKey(inc.id, inc.escalation_round, n.loop, n.level, n.user_id, delayTag);
    if (n.at > now) {
      ch.enqueue(NOTIFY_JOB, body, { key, runAt: n.at });
      continue;
    }
    // The step read the service already: its name is not read again for every page.
    const page = await admitPage(tx, deps, inc, body, key, now, service?.name);
    if (!page) continue;
    const guard = guardKey(inc.id, inc.escalation_round, page.notificationId);
    ch.enqueue(NOTIFY_JOB, guardPayload(page.notificationId), { key: guard, runAt: now + SEND_GUARD_MS });
    admitted.push({ ...page, guard });
  }
  // The policy moving on by itself is an escalation; the first step of a round is not (a manual
  // escalation already announced itself).
  const escalated = payload.follow === true;
  ch.signal(inc.id, escalated ? 'incident.escalated' : 'incident.updated');
  if (!shared) await ch.flush(tx);
  return admitted;
}

async function storeTurns(tx: Tx, policyId: string, before: Record<number, number>, after: Record<number, number>, now: number): Promise<void> {
  for (const [level, turns] of Object.entries(after)) {
    if (before[Number(level)] === turns) continue;
    await tx
      .insertInto('escalation_round_robin')
      .values({ policy_id: policyId, level: Number(level), turns, updated_at: now })
      .onConflict((oc) => oc.columns(['policy_id', 'level']).doUpdateSet({ turns, updated_at: now }))
      .execute();
  }
}

export function registerEscalationJobs(registry: JobRegistry, deps: AppDeps): void {
  registry.registerBatch(
    ESCALATE_JOB,
    async (job: Job<EscalatePayload>, ctx: JobContext) => {
      const pages = await ctx.complete((tx) => escalateStep(tx, deps, job.payload, ctx.clock.now()));
      await sendAdmitted(deps, ctx.clock, pages);
    },
    // A storm's steps in one transaction, with their shared lookups read once, their writes
    // flushed together (a few statements for the batch instead of a few per step), and their
    // pages sent together with one transaction recording the outcomes.
    async (jobs, ctx) => {
      const pages = await ctx.complete(async (tx, live) => {
        const now = ctx.clock.now();
        const memo = new StepMemo();
        const out: Array<Prepared & { guard: string }> = [];
        let ch = new Changes(now);
        const touched = new Set<string>();
        for (const job of live) {
          const payload = job.payload as EscalatePayload;
          // A second step of the same incident reads that incident from the database: the
          // writes before it must be there, as if the steps had run one by one.
          if (touched.has(payload.incident_id)) {
            await ch.flush(tx);
            ch = new Changes(now);
            touched.clear();
          }
          touched.add(payload.incident_id);
          out.push(...(await escalateStep(tx, deps, payload, now, memo, ch)));
        }
        await ch.flush(tx);
        return out;
      });
      await sendAdmitted(deps, ctx.clock, pages);
    },
  );
}

