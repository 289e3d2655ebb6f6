import type { Level, Policy, Position, Target, Urgency } from './types.js';

// The escalation decision, a pure function of (policy, position, who is reachable, now).
//
// The escalate job (next: escalation/jobs.ts) loads the policy, resolves every target to people
// at `now` (a schedule through oncall's onCallAt, a user to themselves if they still exist),
// loads each person's usable notification rules and the admins, calls decide(), and then, in
// the job's one transaction: enqueues a notify job per planned notification, writes the notes
// to the incident's timeline, stores the round-robin turns, and enqueues the next escalate step.
//
// The rules:
// - Paging a level notifies every person its targets stand for (each person once), with each
//   of their notification rules for the incident's urgency at now + the rule's delay.
// - A round-robin level gives its turn to one target at a time, in order across escalations
//   (the turns taken so far are passed in and handed back); a target that reaches nobody passes
//   its turn to the next one.
// - A level that reaches nobody moves on at once; after the last level the policy starts again
//   (loop + 1) while loops remain (`repeat`).
// - When a whole pass (as many consecutive levels as the policy has) reaches nobody, or the
//   policy runs out without anyone having been reached in this escalation, every admin is
//   paged and a note says why. Nothing is ever silently dropped.
// - The next step is due `delay_minutes` after the level that was paged (always later than
//   now), or there is none (`done`) once the last loop's last level has been paged.

export interface RuleInput {
  urgency: Urgency;
  start_delay_minutes: number;
  contact_method_id: string;
}

/** Who a target stands for at `now`, and what to call it in notes. */
export interface ResolvedTarget {
  name: string;
  user_ids: readonly string[];
}

export interface DecideInput {
  policy: Policy;
  /** The level due now. */
  position: Position;
  now: number;
  urgency: Urgency;
  resolveTarget: (target: Target) => ResolvedTarget;
  /** A person's usable rules, any urgency (rules on unverified or disabled methods left out). */
  rulesOf: (userId: string) => readonly RuleInput[];
  /** Every admin's user id: the last resort. */
  admins: readonly string[];
  userName?: (userId: string) => string;
  /** Round-robin turns handed out so far, per level number (missing: 0). */
  roundRobin?: Readonly<Record<number, number>>;
  /** Whether earlier steps of this escalation notified someone (missing: false). */
  anyoneReached?: boolean;
}

export interface PlannedNotification {
  user_id: string;
  contact_method_id: string;
  at: number;
  loop: number;
  /** The level that paged this person; null when paged as an admin of last resort. */
  level: number | null;
}

export type NoteCode =
  | 'level_paged'
  | 'round_robin_turn'
  | 'schedule_empty'
  | 'user_missing'
  | 'no_rules'
  | 'level_empty'
  | 'nobody_reachable'
  | 'admins_paged'
  | 'admins_unreachable'
  | 'exhausted';

export interface Note {
  code: NoteCode;
  message: string;
  loop: number;
  level: number | null;
}

export type NextStep = (Position & { at: number }) | 'done';

export interface Decision {
  notifications: PlannedNotification[];
  notes: Note[];
  next: NextStep;
  /** Levels paged by this call, in order. */
  visited: Position[];
  /** Round-robin turns to store (every level's, changed or not). */
  roundRobin: Record<number, number>;
  /** Whether anyone has been notified in this escalation, this call included. */
  anyoneReached: boolean;
  adminsPaged: boolean;
}

const MINUTE = 60_000;

function byDelayThenId(a: RuleInput, b: RuleInput): number {
  return a.start_delay_minutes - b.start_delay_minutes || (a.contact_method_id < b.contact_method_id ? -1 : a.contact_method_id > b.contact_method_id ? 1 : 0);
}

/** The level after `pos`: the next one, or level 1 of the next loop. */
export function advance(pos: Position, levelCount: number): Position {
  return pos.level < levelCount ? { loop: pos.loop, level: pos.level + 1 } : { loop: pos.loop + 1, level: 1 };
}

export function decide(input: DecideInput): Decision {
  const { policy, now, urgency } = input;
  const levels = policy.levels;
  const n = levels.length;
  const nameOf = input.userName ?? ((id: string) => id);
  const out: Decision = {
    notifications: [],
    notes: [],
    next: 'done',
    visited: [],
    roundRobin: { ...(input.roundRobin ?? {}) },
    anyoneReached: input.anyoneReached ?? false,
    adminsPaged: false,
  };
  const note = (code: NoteCode, message: string, pos: { loop: number; level: number | null }) => out.notes.push({ code, message, loop: pos.loop, level: pos.level });

  /** The people `target` stands for who have a rule for this urgency, with those rules. */
  const reachable = (target: Target, pos: Position, seen: Set<string>): Array<[string, RuleInput[]]> => {
    const resolved = input.resolveTarget(target);
    if (resolved.user_ids.length === 0) {
      if (target.type === 'schedule') note('schedule_empty', `Schedule ${resolved.name} has nobody on call; moving on`, pos);
      else note('user_missing', `${resolved.name} can no longer be paged (deleted?); moving on`, pos);
      return [];
    }
    const people: Array<[string, RuleInput[]]> = [];
    for (const userId of resolved.user_ids) {
      if (seen.has(userId)) continue;
      seen.add(userId);
      const rules = input.rulesOf(userId).filter((r) => r.urgency === urgency);
      if (rules.length === 0) {
        note('no_rules', `${nameOf(userId)} has no usable ${urgency}-urgency notification rule; skipped`, pos);
        continue;
      }
      people.push([userId, [...rules].sort(byDelayThenId)]);
    }
    return people;
  };

  const notify = (people: Array<[string, RuleInput[]]>, pos: Position | { loop: number; level: null }) => {
    for (const [userId, rules] of people) {
      for (const rule of rules) {
        out.notifications.push({ user_id: userId, contact_method_id: rule.contact_method_id, at: now + rule.start_delay_minutes * MINUTE, loop: pos.loop, level: pos.level });
      }
    }
    if (people.length > 0) out.anyoneReached = true;
  };

  /** Pages one level; whether it reached anyone. */
  const pageLevel = (level: Level, pos: Position): boolean => {
    const k = level.targets.length;
    if (level.round_robin && k > 1) {
      const turns = out.roundRobin[pos.level] ?? 0;
      for (let i = 0; i < k; i++) {
        const target = level.targets[(turns + i) % k]!;
        const people = reachable(target, pos, new Set());
        if (people.length === 0) continue;
        out.roundRobin[pos.level] = turns + i + 1;
        note('round_robin_turn', `Round robin: level ${pos.level}'s turn goes to ${people.map(([id]) => nameOf(id)).join(', ')}`, pos);
        notify(people, pos);
        return true;
      }
      return false;
    }
    const seen = new Set<string>();
    const people = level.targets.flatMap((target) => reachable(target, pos, seen));
    if (people.length === 0) return false;
    note('level_paged', `Level ${pos.level} paged: ${people.map(([id]) => nameOf(id)).join(', ')}`, pos);
    notify(people, pos);
    return true;
  };

  const pageAdmins = (why: string, pos: { loop: number; level: number | null }) => {
    note('nobody_reachable', why, pos);
    const people: Array<[string, RuleInput[]]> = [];
    for (const adminId of [...new Set(input.admins)]) {
      const all = input.rulesOf(adminId);
      // A last resort uses the incident's urgency if it can, and any rule the admin has if not.
      let rules = all.filter((r) => r.urgency === urgency);
      if (rules.length === 0) rules = all.filter((r) => r.urgency === 'high');
      if (rules.length === 0) rules = [...all];
      if (rules.length > 0) people.push([adminId, [...rules].sort(byDelayThenId)]);
    }
    if (people.length === 0) {
      note('admins_unreachable', 'No admin has a usable contact method either: nobody could be paged', pos);
      return;
    }
    note('admins_paged', `Paging every admin instead: ${people.map(([id]) => nameOf(id)).join(', ')}`, pos);
    notify(people, { loop: pos.loop, level: null });
    out.adminsPaged = true;
  };

  const scheduleAfter = (pos: Position, delayMinutes: number): NextStep => {
    const next = advance(pos, n);
    if (next.loop > policy.repeat) return 'done';
    return { ...next, at: now + Math.max(1, delayMinutes) * MINUTE };
  };

  if (n === 0) {
    pageAdmins('The escalation policy has no levels', { loop: input.position.loop, level: null });
    return out;
  }

  // A position left behind by an edit of the policy (fewer levels now) continues with the next loop.
  let pos: Position = { loop: Math.max(0, input.position.loop), level: Math.max(1, input.position.level) };
  if (pos.level > n) pos = { loop: pos.loop + 1, level: 1 };

  let emptyStreak = 0;
  for (;;) {
    if (pos.loop > policy.repeat) {
      note('exhausted', `The escalation policy has run ${policy.repeat + 1} time${policy.repeat === 0 ? '' : 's'}; escalation ends`, { loop: pos.loop - 1, level: null });
      if (!out.anyoneReached) pageAdmins('The escalation policy ran out without reaching anyone', { loop: pos.loop - 1, level: null });
      out.next = 'done';
      return out;
    }
    const level = levels[pos.level - 1]!;
    out.visited.push(pos);
    if (pageLevel(level, pos)) {
      out.next = scheduleAfter(pos, level.delay_minutes);
      return out;
    }
    emptyStreak += 1;
    if (emptyStreak >= n) {
      pageAdmins(
        n === 1 ? 'Nobody on the escalation policy can be reached' : `Nobody on any of the escalation policy's ${n} levels can be reached`,
        pos,
      );
      out.next = scheduleAfter(pos, level.delay_minutes);
      return out;
    }
    const following = advance(pos, n);
    note('level_empty', following.loop > policy.repeat ? `Level ${pos.level} reached nobody` : `Level ${pos.level} reached nobody; moving on to level ${following.level} at once`, pos);
    pos = following;
  }
}
