import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advance, decide, type DecideInput, type Decision, type RuleInput } from './decide.js';
import type { Level, Policy, Target, Urgency } from './types.js';

const MIN = 60_000;
const T0 = Date.UTC(2026, 0, 5, 12, 0, 0);

const user = (id: string): Target => ({ type: 'user', id });
const schedule = (id: string): Target => ({ type: 'schedule', id });
const level = (delay: number, targets: Target[], roundRobin = false): Level => ({ delay_minutes: delay, targets, round_robin: roundRobin });
const email = (cm: string, urgency: Urgency = 'high', delay = 0): RuleInput => ({ urgency, start_delay_minutes: delay, contact_method_id: cm });

interface World {
  /** schedule id -> who is on call */
  oncall?: Record<string, string[]>;
  /** user id -> rules (a user missing here does not exist) */
  rules?: Record<string, RuleInput[]>;
  admins?: string[];
}

function run(policy: Policy, world: World, over: Partial<DecideInput> = {}): Decision {
  const rules = world.rules ?? {};
  return decide({
    policy,
    position: { loop: 0, level: 1 },
    now: T0,
    urgency: 'high',
    resolveTarget: (t) =>
      t.type === 'schedule'
        ? { name: `S-${t.id}`, user_ids: world.oncall?.[t.id] ?? [] }
        : { name: `U-${t.id}`, user_ids: t.id in rules ? [t.id] : [] },
    rulesOf: (id) => rules[id] ?? [],
    admins: world.admins ?? [],
    userName: (id) => id.toUpperCase(),
    ...over,
  });
}

const codes = (d: Decision) => d.notes.map((n) => n.code);
const who = (d: Decision) => d.notifications.map((n) => [n.user_id, n.contact_method_id, (n.at - T0) / MIN, n.level]);

describe('decide: paging one level', () => {
  it('notifies every person of the level with each of their rules for the urgency, and schedules the next level', () => {
    const d = run(
      { levels: [level(10, [user('a'), schedule('s')]), level(5, [user('c')])], repeat: 0 },
      { oncall: { s: ['b'] }, rules: { a: [email('a-sms', 'high', 2), email('a-mail'), email('a-low', 'low')], b: [email('b-mail')], c: [email('c-mail')] } },
    );
    expect(who(d)).toEqual([
      ['a', 'a-mail', 0, 1],
      ['a', 'a-sms', 2, 1],
      ['b', 'b-mail', 0, 1],
    ]);
    expect(d.next).toEqual({ loop: 0, level: 2, at: T0 + 10 * MIN });
    expect(codes(d)).toEqual(['level_paged']);
    expect(d.notes[0]!.message).toBe('Level 1 paged: A, B');
    expect(d.anyoneReached).toBe(true);
    expect(d.adminsPaged).toBe(false);
  });

  it('follows the low-urgency rules for a low-urgency incident', () => {
    const d = run({ levels: [level(10, [user('a')])], repeat: 0 }, { rules: { a: [email('a-sms', 'high'), email('a-mail', 'low', 3)] } }, { urgency: 'low' });
    expect(who(d)).toEqual([['a', 'a-mail', 3, 1]]);
  });

  it('notifies a person reached through two targets once', () => {
    const d = run({ levels: [level(10, [user('a'), schedule('s'), schedule('t')])], repeat: 0 }, { oncall: { s: ['a', 'b'], t: ['b'] }, rules: { a: [email('a1')], b: [email('b1')] } });
    expect(who(d)).toEqual([
      ['a', 'a1', 0, 1],
      ['b', 'b1', 0, 1],
    ]);
  });

  it('pages the next level of a later loop and ends after the last level of the last loop', () => {
    const policy = { levels: [level(10, [user('a')]), level(20, [user('b')])], repeat: 1 };
    const world = { rules: { a: [email('a1')], b: [email('b1')] } };
    expect(run(policy, world, { position: { loop: 0, level: 2 } }).next).toEqual({ loop: 1, level: 1, at: T0 + 20 * MIN });
    expect(run(policy, world, { position: { loop: 1, level: 1 } }).next).toEqual({ loop: 1, level: 2, at: T0 + 10 * MIN });
    const last = run(policy, world, { position: { loop: 1, level: 2 } });
    expect(who(last)).toEqual([['b', 'b1', 0, 2]]);
    expect(last.next).toBe('done');
  });
});

describe('decide: nobody there', () => {
  it('moves on at once past a schedule with nobody on call, and says so', () => {
    const d = run({ levels: [level(10, [schedule('s')]), level(15, [user('b')]), level(5, [user('c')])], repeat: 0 }, { oncall: { s: [] }, rules: { b: [email('b1')], c: [email('c1')] } });
    expect(who(d)).toEqual([['b', 'b1', 0, 2]]);
    expect(d.visited).toEqual([
      { loop: 0, level: 1 },
      { loop: 0, level: 2 },
    ]);
    expect(d.notes.map((n) => n.message)).toEqual(['Schedule S-s has nobody on call; moving on', 'Level 1 reached nobody; moving on to level 2 at once', 'Level 2 paged: B']);
    // The next step counts from the level that was paged.
    expect(d.next).toEqual({ loop: 0, level: 3, at: T0 + 15 * MIN });
  });

  it('skips people without a rule for the urgency, and deleted users', () => {
    const d = run({ levels: [level(10, [user('gone'), user('a'), user('b')])], repeat: 0 }, { rules: { a: [email('a1', 'low')], b: [email('b1')] } });
    expect(who(d)).toEqual([['b', 'b1', 0, 1]]);
    expect(codes(d)).toEqual(['user_missing', 'no_rules', 'level_paged']);
    expect(d.notes[1]!.message).toBe('A has no usable high-urgency notification rule; skipped');
  });

  it('wraps round to the next loop when the last level is empty', () => {
    const d = run({ levels: [level(10, [user('a')]), level(10, [schedule('s')])], repeat: 2 }, { rules: { a: [email('a1')] } }, { position: { loop: 0, level: 2 } });
    expect(who(d)).toEqual([['a', 'a1', 0, 1]]);
    expect(d.notifications[0]!.loop).toBe(1);
    expect(d.next).toEqual({ loop: 1, level: 2, at: T0 + 10 * MIN });
  });

  it('pages every admin, saying why, when a whole pass reaches nobody', () => {
    const d = run(
      { levels: [level(10, [schedule('s')]), level(30, [user('gone')])], repeat: 1 },
      { rules: { root: [email('root-mail'), email('root-sms', 'high', 1)], ops: [email('ops-low', 'low')], mute: [] }, admins: ['root', 'ops', 'mute'] },
    );
    expect(who(d)).toEqual([
      ['root', 'root-mail', 0, null],
      ['root', 'root-sms', 1, null],
      // An admin without a rule for the urgency is still paged through what they have.
      ['ops', 'ops-low', 0, null],
    ]);
    expect(codes(d)).toEqual(['schedule_empty', 'level_empty', 'user_missing', 'nobody_reachable', 'admins_paged']);
    expect(d.notes[3]!.message).toBe("Nobody on any of the escalation policy's 2 levels can be reached");
    expect(d.adminsPaged).toBe(true);
    // The policy goes on (someone may come on call) after the last visited level's delay.
    expect(d.next).toEqual({ loop: 1, level: 1, at: T0 + 30 * MIN });
  });

  it('counts a whole pass across the loop boundary', () => {
    const d = run({ levels: [level(10, [schedule('s')]), level(10, [schedule('t')])], repeat: 3 }, { admins: ['root'], rules: { root: [email('r')] } }, { position: { loop: 0, level: 2 } });
    expect(d.visited).toEqual([
      { loop: 0, level: 2 },
      { loop: 1, level: 1 },
    ]);
    expect(d.adminsPaged).toBe(true);
    expect(d.next).toEqual({ loop: 1, level: 2, at: T0 + 10 * MIN });
  });

  it('pages admins when the policy runs out without anyone having been reached', () => {
    const policy = { levels: [level(10, [user('a')]), level(10, [schedule('s')]), level(10, [schedule('t')])], repeat: 0 };
    const world = { rules: { a: [email('a1')], root: [email('r')] }, admins: ['root'] };
    // Manual escalation straight to level 2: levels 2 and 3 are empty and nobody was paged before.
    const d = run(policy, world, { position: { loop: 0, level: 2 } });
    expect(who(d)).toEqual([['root', 'r', 0, null]]);
    expect(codes(d)).toEqual(['schedule_empty', 'level_empty', 'schedule_empty', 'level_empty', 'exhausted', 'nobody_reachable', 'admins_paged']);
    expect(d.notes.find((n) => n.code === 'nobody_reachable')!.message).toBe('The escalation policy ran out without reaching anyone');
    expect(d.next).toBe('done');
    // Had level 1 reached someone earlier in this escalation, the end is quiet.
    const quiet = run(policy, world, { position: { loop: 0, level: 2 }, anyoneReached: true });
    expect(quiet.notifications).toEqual([]);
    expect(codes(quiet).at(-1)).toBe('exhausted');
    expect(quiet.next).toBe('done');
  });

  it('says so when no admin can be reached either', () => {
    const d = run({ levels: [level(10, [schedule('s')])], repeat: 0 }, { admins: ['root'], rules: { root: [] } });
    expect(d.notifications).toEqual([]);
    expect(codes(d)).toEqual(['schedule_empty', 'nobody_reachable', 'admins_unreachable']);
    expect(d.next).toBe('done');
  });

  it('pages admins for a policy with no levels', () => {
    const d = run({ levels: [], repeat: 0 }, { admins: ['root'], rules: { root: [email('r')] } });
    expect(who(d)).toEqual([['root', 'r', 0, null]]);
    expect(d.next).toBe('done');
  });

  it('continues a position beyond a shortened policy with the next loop', () => {
    const d = run({ levels: [level(10, [user('a')])], repeat: 1 }, { rules: { a: [email('a1')] } }, { position: { loop: 0, level: 4 } });
    expect(d.visited).toEqual([{ loop: 1, level: 1 }]);
    expect(d.next).toBe('done');
  });
});

describe('decide: round robin', () => {
  const policy = { levels: [level(10, [user('a'), user('b'), user('c')], true)], repeat: 0 };
  const world = { rules: { a: [email('a1')], b: [email('b1')], c: [email('c1')] } };

  it('gives the turn to one target at a time, in order across escalations', () => {
    let turns: Record<number, number> = {};
    const picked: string[] = [];
    for (let i = 0; i < 5; i++) {
      const d = run(policy, world, { roundRobin: turns });
      expect(d.notifications).toHaveLength(1);
      picked.push(d.notifications[0]!.user_id);
      turns = d.roundRobin;
    }
    expect(picked).toEqual(['a', 'b', 'c', 'a', 'b']);
    expect(turns).toEqual({ 1: 5 });
  });

  it('passes the turn on when its target reaches nobody', () => {
    const d = run(policy, { rules: { a: [email('a1')], c: [email('c1')] } }, { roundRobin: { 1: 1 } });
    expect(who(d)).toEqual([['c', 'c1', 0, 1]]);
    expect(d.roundRobin).toEqual({ 1: 3 });
    expect(codes(d)).toEqual(['user_missing', 'round_robin_turn']);
  });

  it('keeps the turns of a level that reached nobody', () => {
    const d = run(policy, { rules: {}, admins: [] }, { roundRobin: { 1: 7 } });
    expect(d.roundRobin).toEqual({ 1: 7 });
  });
});

describe('advance', () => {
  it.each([
    [{ loop: 0, level: 1 }, 3, { loop: 0, level: 2 }],
    [{ loop: 0, level: 3 }, 3, { loop: 1, level: 1 }],
    [{ loop: 2, level: 1 }, 1, { loop: 3, level: 1 }],
  ])('%o of %i levels -> %o', (pos, n, next) => {
    expect(advance(pos, n)).toEqual(next);
  });
});

// ---- properties ----------------------------------------------------------------------------

const ids = ['a', 'b', 'c', 'd'];
const scheduleIds = ['s', 't'];

const targetArb = fc.oneof(fc.constantFrom(...ids).map(user), fc.constantFrom(...scheduleIds).map(schedule), fc.constant(user('gone')));
const levelArb = fc.record({
  delay_minutes: fc.integer({ min: 1, max: 60 }),
  targets: fc.array(targetArb, { minLength: 1, maxLength: 3 }),
  round_robin: fc.boolean(),
});
const policyArb = fc.record({ levels: fc.array(levelArb, { minLength: 1, maxLength: 4 }), repeat: fc.integer({ min: 0, max: 9 }) });
const ruleArb = fc.record({ urgency: fc.constantFrom<Urgency>('high', 'low'), start_delay_minutes: fc.integer({ min: 0, max: 30 }), contact_method_id: fc.string({ minLength: 1, maxLength: 3 }) });
const rulesArb = fc.record(Object.fromEntries([...ids, 'root'].map((id) => [id, fc.array(ruleArb, { maxLength: 3 })])) as Record<string, fc.Arbitrary<RuleInput[]>>);
/** Who is on call in each schedule in each minute-bucket (changes over time). */
const rosterArb = fc.array(fc.record({ s: fc.subarray(ids), t: fc.subarray(ids) }), { minLength: 1, maxLength: 6 });

interface Walk {
  steps: Array<{ now: number; decision: Decision }>;
}

/** Follows next steps from level 1 until done, as the escalate job would. */
function walk(policy: Policy, rules: Record<string, RuleInput[]>, roster: Array<Record<string, string[]>>, urgency: Urgency, admins: string[]): Walk {
  const steps: Walk['steps'] = [];
  let position = { loop: 0, level: 1 };
  let now = T0;
  let roundRobin: Record<number, number> = {};
  let anyoneReached = false;
  for (let guard = 0; guard < 1000; guard++) {
    const slot = roster[Math.floor((now - T0) / (7 * MIN)) % roster.length]!;
    const decision = decide({
      policy,
      position,
      now,
      urgency,
      resolveTarget: (t) => (t.type === 'schedule' ? { name: t.id, user_ids: slot[t.id] ?? [] } : { name: t.id, user_ids: t.id === 'gone' ? [] : [t.id] }),
      rulesOf: (id) => rules[id] ?? [],
      admins,
      roundRobin,
      anyoneReached,
    });
    steps.push({ now, decision });
    if (decision.next === 'done') return { steps };
    position = { loop: decision.next.loop, level: decision.next.level };
    now = decision.next.at;
    roundRobin = decision.roundRobin;
    anyoneReached = decision.anyoneReached;
  }
  throw new Error('escalation did not end');
}

const walkArb = fc.record({ policy: policyArb, rules: rulesArb, roster: rosterArb, urgency: fc.constantFrom<Urgency>('high', 'low'), withAdmin: fc.boolean() });

describe('decide: properties', () => {
  it('never drops: every pass notifies someone or pages the admins (or says nobody at all can be reached)', () => {
    fc.assert(
      fc.property(walkArb, ({ policy, rules, roster, urgency, withAdmin }) => {
        const admins = withAdmin ? ['root'] : [];
        const { steps } = walk(policy, rules, roster, urgency, admins);
        const n = policy.levels.length;
        // Every call that pages no level-person either pages the admins, notes that no admin
        // can be reached, or ends an escalation that already reached someone.
        let reachedBefore = false;
        for (const { decision } of steps) {
          const notified = decision.notifications.length > 0;
          const told = decision.notes.some((x) => x.code === 'admins_unreachable');
          if (!notified && !told) {
            expect(decision.next).toBe('done');
            expect(reachedBefore).toBe(true);
          }
          if (notified) reachedBefore = true;
          // A call walks at most one whole pass before paging someone.
          expect(decision.visited.length).toBeLessThanOrEqual(n);
        }
        // The admins are paged whenever a whole pass reached nobody, and only then or at the end.
        for (const { decision } of steps) {
          if (decision.adminsPaged) {
            expect(decision.notes.some((x) => x.code === 'nobody_reachable')).toBe(true);
            expect(decision.notifications.every((x) => x.level === null)).toBe(true);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('next step times are strictly increasing and notifications are never in the past', () => {
    fc.assert(
      fc.property(walkArb, ({ policy, rules, roster, urgency, withAdmin }) => {
        const { steps } = walk(policy, rules, roster, urgency, withAdmin ? ['root'] : []);
        for (const { now, decision } of steps) {
          for (const x of decision.notifications) expect(x.at).toBeGreaterThanOrEqual(now);
          if (decision.next !== 'done') expect(decision.next.at).toBeGreaterThan(now);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('loops at most repeat + 1 times, visiting each (loop, level) at most once, in order', () => {
    fc.assert(
      fc.property(walkArb, ({ policy, rules, roster, urgency, withAdmin }) => {
        const { steps } = walk(policy, rules, roster, urgency, withAdmin ? ['root'] : []);
        const visited = steps.flatMap((s) => s.decision.visited);
        const n = policy.levels.length;
        const ordinal = (p: { loop: number; level: number }) => p.loop * n + p.level;
        for (let i = 0; i < visited.length; i++) {
          expect(visited[i]!.loop).toBeLessThanOrEqual(policy.repeat);
          expect(visited[i]!.level).toBeGreaterThanOrEqual(1);
          expect(visited[i]!.level).toBeLessThanOrEqual(n);
          if (i > 0) expect(ordinal(visited[i]!)).toBe(ordinal(visited[i - 1]!) + 1);
        }
        expect(visited.length).toBeLessThanOrEqual((policy.repeat + 1) * n);
        for (const { decision } of steps) if (decision.next !== 'done') expect(decision.next.loop).toBeLessThanOrEqual(policy.repeat);
      }),
      { numRuns: 400 },
    );
  });

  it('a level where everyone has rules is never skipped, and everyone on it is notified', () => {
    fc.assert(
      fc.property(policyArb, rosterArb, (policy, roster) => {
        const rules = Object.fromEntries(ids.map((id) => [id, [email(`${id}-m`)]]));
        const { steps } = walk(policy, rules, roster, 'high', []);
        for (const { decision } of steps) {
          const lastVisited = decision.visited.at(-1);
          if (!lastVisited || decision.notifications.length === 0) continue;
          expect(decision.notifications.every((x) => x.level === lastVisited.level && x.loop === lastVisited.loop)).toBe(true);
          const perUser = new Map<string, number>();
          for (const x of decision.notifications) perUser.set(x.user_id, (perUser.get(x.user_id) ?? 0) + 1);
          for (const count of perUser.values()) expect(count).toBe(1);
        }
      }),
      { numRuns: 300 },
    );
  });
});
