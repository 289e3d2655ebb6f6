import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVENT_ACTIONS, SEVERITIES, type NormalizedEvent } from '../formats/types.js';
import { compileCondition } from './cel.js';
import { compileRules } from './compile.js';
import { evaluateRuleset } from './evaluate.js';
import type { RuleInput } from './types.js';

const nullableString = fc.option(fc.string({ maxLength: 40 }), { nil: null });

/** Arbitrary events, including data no wire format would produce (Maps, bigints, sparse arrays). */
const anyEvent: fc.Arbitrary<NormalizedEvent> = fc.record({
  action: fc.constantFrom(...EVENT_ACTIONS),
  dedupKey: nullableString,
  summary: fc.string({ maxLength: 80 }),
  source: fc.string({ maxLength: 40 }),
  severity: fc.constantFrom(...SEVERITIES),
  timestamp: fc.oneof(fc.constant(null), fc.integer(), fc.double()),
  component: nullableString,
  group: nullableString,
  class: nullableString,
  customDetails: fc.oneof(
    fc.jsonValue(),
    fc.dictionary(fc.constantFrom('a', 'b', 'n', 'tags', 'flag', 'env', '__proto__', 'constructor'), fc.jsonValue()),
    fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withSparseArray: true, withNullPrototype: true, withBoxedValues: true, withTypedArray: true }),
  ),
  images: fc.constant([]),
  links: fc.constant([]),
  client: nullableString,
  clientUrl: nullableString,
});

const CONDITIONS = [
  "event.custom_details.a.b == 1",
  'size(event.custom_details) > 2',
  "event.component.startsWith('x')",
  'event.timestamp > 0',
  "event.custom_details.tags.exists(t, t == 'x')",
  "'env' in event.custom_details",
  "event.summary.matches('^a')",
  'event.custom_details.flag',
  'int(event.custom_details.n) > 3',
  'event.custom_details.n + 1.0 > 2.0',
  "event.dedup_key != null && event.dedup_key.contains('k')",
  "event.severity in ['critical', 'error'] && event.action == 'trigger'",
  "string(event.custom_details) == 'x'",
  'true',
];

const RULES: RuleInput[] = CONDITIONS.map((condition, i) => ({
  id: `r${i}`,
  condition,
  actions: {
    priority: `P${i}`,
    dedup_key: i % 2 === 0 ? '{{ event.custom_details | json }}-{{ event.summary | truncate: 10 }}' : '{{ event.custom_details.a }}{{ extracted.x }}',
    extract: [
      { field: 'custom_details.a', regex: '(\\w+)', target: 'x' },
      { field: 'summary', regex: '^(?<first>\\S*)', target: 'first' },
    ],
    annotate: { i: String(i) },
  },
}));

function compiled(rules: RuleInput[]) {
  const r = compileRules(rules, { scope: 'router', newId: () => 'x' });
  expect(r.problems).toEqual([]);
  return r.ruleset;
}

describe('rule evaluation properties', () => {
  const all = compiled(RULES);
  const singles = RULES.map((r) => compiled([r]));

  it('never throws, whatever the event', () => {
    fc.assert(
      fc.property(anyEvent, fc.integer(), (event, now) => {
        const r = evaluateRuleset(all, event, now);
        // The last rule is `true`, so something always matches.
        expect(r.matched).not.toBeNull();
        expect(r.outcome.matchedRuleId).toBe(r.matched!.id);
        for (const e of r.errors) expect(e.index).toBeLessThanOrEqual(r.matched!.index);
      }),
      { numRuns: 300 },
    );
  });

  it('picks the first rule that would match on its own', () => {
    fc.assert(
      fc.property(anyEvent, fc.subarray(RULES.map((_, i) => i), { minLength: 1 }), (event, picked) => {
        const rules = picked.map((i) => RULES[i]!);
        const r = evaluateRuleset(compiled(rules), event, 0);
        const expected = picked.findIndex((i) => evaluateRuleset(singles[i]!, event, 0).matched !== null);
        expect(r.matched?.index ?? -1).toBe(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('compiling never throws, whatever the text', () => {
    const cel = fc.string({ unit: fc.constantFrom('event', '.', 'custom_details', 'summary', '(', ')', '[', ']', '{', '}', "'", '"', '\\', '=', '!', '&&', '||', ' ', '\n', '1', 'a', 'map', 'exists', ',', 'matches', 'has', '+', '?', ':', 'null', 'true') });
    fc.assert(
      fc.property(fc.oneof(fc.string(), cel), (source) => {
        const r = compileCondition(source);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});
