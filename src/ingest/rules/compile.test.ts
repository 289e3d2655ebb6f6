import { describe, expect, it } from 'vitest';
import { compileRules, RULES_MAX } from './compile.js';
import type { RuleInput } from './types.js';

let n = 0;
const newId = () => `gen-${++n}`;

function problemsOf(rules: RuleInput[], scope: 'router' | 'service' = 'service') {
  return compileRules(rules, { scope, newId }).problems;
}

const ok: RuleInput = { condition: "event.severity == 'critical'", actions: { urgency: 'high' } };

describe('compileRules', () => {
  it('assigns ids to rules without one and keeps given ids', () => {
    n = 0;
    const r = compileRules([ok, { ...ok, id: 'mine' }], { scope: 'service', newId });
    expect(r.problems).toEqual([]);
    expect(r.stored.map((x) => x.id)).toEqual(['gen-1', 'mine']);
    expect(r.ruleset.rules.map((x) => [x.id, x.index])).toEqual([
      ['gen-1', 0],
      ['mine', 1],
    ]);
  });

  it('does not store the output-only position and keeps disabled only when set', () => {
    const r = compileRules([{ ...ok, id: 'a', position: 7, disabled: false }, { ...ok, id: 'b', disabled: true }], { scope: 'service', newId });
    expect(r.stored).toEqual([
      { id: 'a', condition: ok.condition, actions: ok.actions },
      { id: 'b', condition: ok.condition, actions: ok.actions, disabled: true },
    ]);
    expect(r.ruleset.rules[1]!.disabled).toBe(true);
  });

  it('names the broken condition by its index, with its position', () => {
    const problems = problemsOf([ok, ok, ok, { condition: "event.severity == 'critical' &&", actions: {} }]);
    expect(problems).toEqual([{ field: 'rules/3/condition', message: 'syntax error: Unexpected token: EOF at line 1, column 32 (offset 31)' }]);
  });

  it('checks dedup_key templates', () => {
    expect(problemsOf([{ ...ok, actions: { dedup_key: '{{ event.source ' } }])).toEqual([
      { field: 'rules/0/actions/dedup_key', message: expect.stringMatching(/^is not a valid Liquid template: .*not closed/) as unknown as string },
    ]);
    expect(problemsOf([{ ...ok, actions: { dedup_key: "{% include 'x' %}" } }])[0]!.field).toBe('rules/0/actions/dedup_key');
    expect(problemsOf([{ ...ok, actions: { dedup_key: '{{ event.source | nosuchfilter }}' } }])[0]!.field).toBe('rules/0/actions/dedup_key');
    expect(problemsOf([{ ...ok, actions: { dedup_key: '  ' } }])).toEqual([{ field: 'rules/0/actions/dedup_key', message: 'must not be empty' }]);
    expect(problemsOf([{ ...ok, actions: { dedup_key: '{{event.source}}/{{extracted.disk | downcase}}' } }])).toEqual([]);
  });

  it('checks extractions', () => {
    const problems = problemsOf([
      {
        ...ok,
        actions: {
          extract: [
            { field: 'nope.x', regex: '(a)', target: 'a' },
            { field: 'summary', regex: 'no group', target: 'b' },
            { field: 'summary', regex: '(a+)+', target: 'c' },
            { field: 'summary', regex: '(a)', target: '9bad' },
            { field: 'custom_details.host', regex: '(a)', target: 'd' },
            { field: 'summary', regex: '(a)', target: 'd' },
            { field: 'summary', regex: '(a)', flags: 'g', target: 'e' },
            { field: 'custom_details..x', regex: '(a)', target: 'f' },
          ],
        },
      },
    ]);
    expect(problems.map((p) => p.field)).toEqual([
      'rules/0/actions/extract/0/field',
      'rules/0/actions/extract/1/regex',
      'rules/0/actions/extract/2/regex',
      'rules/0/actions/extract/3/target',
      'rules/0/actions/extract/5/target',
      'rules/0/actions/extract/6/flags',
      'rules/0/actions/extract/7/field',
    ]);
  });

  it('lets only the router route to another service', () => {
    const rule: RuleInput = { ...ok, actions: { route_to_service_id: 'svc-2' } };
    expect(problemsOf([rule], 'router')).toEqual([]);
    expect(problemsOf([rule], 'service')).toEqual([
      { field: 'rules/0/actions/route_to_service_id', message: expect.stringMatching(/only the router ruleset/) as unknown as string },
    ]);
  });

  it('refuses duplicate and malformed ids, bad annotation keys and too many rules', () => {
    expect(problemsOf([{ ...ok, id: 'a' }, { ...ok, id: 'a' }])).toEqual([{ field: 'rules/1/id', message: '"a" is used by an earlier rule' }]);
    expect(problemsOf([{ ...ok, id: 'has space' }])[0]!.field).toBe('rules/0/id');
    expect(problemsOf([{ ...ok, actions: { annotate: { 'ok.key': 'v', 'bad key': 'v' } } }])).toEqual([
      { field: 'rules/0/actions/annotate/bad key', message: expect.stringMatching(/^keys may hold/) as unknown as string },
    ]);
    expect(problemsOf(Array.from({ length: RULES_MAX + 1 }, () => ok))[0]).toEqual({ field: 'rules', message: `may hold at most ${RULES_MAX} rules` });
  });

  it('keeps the rules that compile when others do not (the ingest path)', () => {
    const r = compileRules([{ ...ok, id: 'good' }, { id: 'bad', condition: 'event.nope', actions: {} }, { ...ok, id: 'good2' }], { scope: 'service', newId });
    expect(r.problems.map((p) => p.field)).toEqual(['rules/1/condition']);
    expect(r.ruleset.rules.map((x) => [x.id, x.index])).toEqual([
      ['good', 0],
      ['good2', 2],
    ]);
  });
});
