import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lowestLevels, oncallLevels, type PolicyForLevels, type ScheduleOncall } from './oncall-levels.js';

const H = 3_600_000;

const policies: PolicyForLevels[] = [
  {
    id: 'p1',
    name: 'Payments',
    levels: [
      { targets: [{ type: 'schedule', id: 's1' }] },
      { targets: [{ type: 'user', id: 'boss' }, { type: 'schedule', id: 's2' }] },
      { targets: [{ type: 'schedule', id: 's1' }] },
    ],
  },
  { id: 'p2', name: 'Web', levels: [{ targets: [{ type: 'schedule', id: 's2' }, { type: 'schedule', id: 's2' }] }] },
];

const entries: ScheduleOncall[] = [
  { schedule_id: 's1', user_id: 'alice', start: 0, end: 8 * H },
  { schedule_id: 's1', user_id: 'bob', start: 8 * H, end: 16 * H },
  { schedule_id: 's2', user_id: 'carol', start: 0, end: 24 * H },
  { schedule_id: 's3', user_id: 'dave', start: 0, end: 24 * H },
];

describe('oncallLevels', () => {
  it('gives every on-call person their level in every policy, directly named people included', () => {
    const out = oncallLevels(policies, entries);
    expect(out.map((e) => [e.escalation_policy_id, e.escalation_level, e.user_id, e.schedule_id, e.start])).toEqual([
      ['p1', 1, 'alice', 's1', 0],
      ['p1', 1, 'bob', 's1', 8 * H],
      ['p1', 2, 'boss', null, null],
      ['p1', 2, 'carol', 's2', 0],
      ['p1', 3, 'alice', 's1', 0],
      ['p1', 3, 'bob', 's1', 8 * H],
      // The same schedule twice on one level counts once.
      ['p2', 1, 'carol', 's2', 0],
    ]);
    expect(out[0]!.escalation_policy_name).toBe('Payments');
  });

  it('leaves out people who no longer exist', () => {
    const out = oncallLevels(policies, entries, new Set(['alice', 'carol']));
    expect(out.map((e) => e.user_id)).toEqual(['alice', 'carol', 'alice', 'carol']);
  });

  it('reports each person at their lowest level per policy', () => {
    const low = lowestLevels(oncallLevels(policies, entries));
    expect(Object.fromEntries(low.get('p1')!)).toEqual({ alice: 1, bob: 1, boss: 2, carol: 2 });
    expect(Object.fromEntries(low.get('p2')!)).toEqual({ carol: 1 });
  });

  it('is empty without policies, and a schedule nobody targets adds nothing', () => {
    expect(oncallLevels([], entries)).toEqual([]);
    expect(oncallLevels(policies, entries).some((e) => e.user_id === 'dave')).toBe(false);
  });

  it('property: every entry comes from a target of its level, and every targeted schedule entry appears', () => {
    const target = fc.oneof(
      fc.record({ type: fc.constant('user' as const), id: fc.constantFrom('u1', 'u2') }),
      fc.record({ type: fc.constant('schedule' as const), id: fc.constantFrom('s1', 's2', 's3') }),
    );
    const policy = fc.record({ id: fc.uuid(), name: fc.string(), levels: fc.array(fc.record({ targets: fc.array(target, { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 4 }) });
    const entry = fc.record({ schedule_id: fc.constantFrom('s1', 's2', 's3'), user_id: fc.constantFrom('u1', 'u2', 'u3'), start: fc.integer({ min: 0, max: 100 }), end: fc.constant(1000) });
    fc.assert(
      fc.property(fc.array(policy, { maxLength: 3 }), fc.array(entry, { maxLength: 8 }), (ps, es) => {
        const out = oncallLevels(ps, es);
        for (const e of out) {
          const p = ps.find((x) => x.id === e.escalation_policy_id)!;
          const lvl = p.levels[e.escalation_level - 1]!;
          if (e.schedule_id === null) expect(lvl.targets).toContainEqual({ type: 'user', id: e.user_id });
          else expect(lvl.targets).toContainEqual({ type: 'schedule', id: e.schedule_id });
        }
        ps.forEach((p) =>
          p.levels.forEach((lvl, i) => {
            for (const t of lvl.targets) {
              if (t.type !== 'schedule') continue;
              for (const e of es.filter((x) => x.schedule_id === t.id)) {
                expect(out.some((o) => o.escalation_policy_id === p.id && o.escalation_level === i + 1 && o.user_id === e.user_id && o.schedule_id === t.id && o.start === e.start)).toBe(true);
              }
            }
          }),
        );
      }),
    );
  });
});
