import { describe, expect, it } from 'vitest';
import { boundedData, CEL_LIMITS, compileCondition, describeProblem, eventView, positionOf, VIEW_COLLECTION_MAX, VIEW_STRING_MAX } from './cel.js';
import { T0, testEvent } from './fixtures.js';

function compiled(source: string) {
  const r = compileCondition(source);
  if (!r.ok) throw new Error(`expected ${source} to compile: ${describeProblem(r.problem)}`);
  return r.condition;
}

function problem(source: string): string {
  const r = compileCondition(source);
  if (r.ok) throw new Error(`expected ${source} not to compile`);
  return describeProblem(r.problem);
}

const view = eventView(testEvent(), T0);

describe('compileCondition', () => {
  it('evaluates conditions over the snake_case event', () => {
    expect(compiled("event.severity == 'warning' && event.custom_details.env == 'prod'").evaluate(view)).toEqual({ matched: true, error: null });
    expect(compiled("event.severity == 'critical'").evaluate(view)).toEqual({ matched: false, error: null });
    expect(compiled("event.source.endsWith('.prod.example.org') && event.client == 'Zabbix'").evaluate(view).matched).toBe(true);
    expect(compiled("event.custom_details.used_percent > 90 && 'db' in event.custom_details.tags").evaluate(view).matched).toBe(true);
    expect(compiled('event.timestamp == 1767614400000').evaluate(view).matched).toBe(true);
    expect(compiled("event.action == 'trigger' && event.dedup_key == null").evaluate(view).matched).toBe(true);
    expect(compiled("has(event.custom_details.nested) && event.custom_details.nested.region.startsWith('eu-')").evaluate(view).matched).toBe(true);
    expect(compiled("event.summary.matches('^Disk space low')").evaluate(view).matched).toBe(true);
    expect(compiled("event.custom_details.tags.exists(t, t == 'eu-west')").evaluate(view).matched).toBe(true);
  });

  it('reports syntax errors with line, column and offset', () => {
    expect(problem("event.severity == 'critical' &&\n  event.source ==")).toBe('syntax error: Unexpected token: EOF at line 2, column 18 (offset 49)');
    expect(problem("event.severity == 'critical")).toMatch(/^syntax error: Unterminated string at line 1, column 19 \(offset 18\)$/);
  });

  it('reports unknown event fields and type errors where they are', () => {
    expect(problem("event.sevrity == 'critical'")).toMatch(/^type error: No such key: sevrity at line 1, column 7 \(offset 6\)$/);
    expect(problem('event.severity + 1 == 2')).toMatch(/^type error: no such overload: string \+ int at line 1/);
    expect(problem('other == 1')).toMatch(/^type error: Unknown variable: other/);
  });

  it('requires a true/false result', () => {
    expect(problem('event.summary')).toBe('must be a true/false expression, but this one gives string');
    // A dynamic value may be a bool; it is checked when the rule runs.
    const dyn = compiled('event.custom_details.flag');
    expect(dyn.evaluate(eventView(testEvent({ customDetails: { flag: true } }), T0))).toEqual({ matched: true, error: null });
    expect(dyn.evaluate(eventView(testEvent({ customDetails: { flag: 'yes' } }), T0))).toEqual({ matched: false, error: 'the condition gave a string, not true or false' });
  });

  it('refuses empty and over-long expressions', () => {
    expect(problem('   ')).toBe('must not be empty');
    expect(problem(`true || ${'x'.repeat(CEL_LIMITS.maxLength)}`)).toBe(`is longer than ${CEL_LIMITS.maxLength} characters`);
  });

  it('applies the structural limits', () => {
    expect(problem(`${'('.repeat(40)}true${')'.repeat(40)}`)).toMatch(/Exceeded maxDepth/);
    expect(problem(Array.from({ length: 520 }, () => 'true').join('&&'))).toMatch(/Exceeded maxAstNodes/);
  });

  it('refuses nested list macros', () => {
    expect(problem("event.custom_details.tags.exists(a, event.custom_details.tags.all(b, a == b))")).toBe(
      'all() inside another list macro is not allowed (macros may not nest) at line 1, column 37 (offset 36)',
    );
    expect(compileCondition("event.custom_details.tags.exists(a, a == 'x') && event.custom_details.tags.all(b, b != 'y')").ok).toBe(true);
  });

  it('screens matches() patterns', () => {
    expect(problem("event.summary.matches('(a+)+b')")).toMatch(/^the matches\(\) pattern must not repeat a group that itself repeats.* at line 1, column 23 \(offset 22\)$/);
    expect(problem('event.summary.matches(event.source)')).toMatch(/^matches\(\) needs a string literal as its pattern/);
    expect(problem("event.summary.matches('^(\\\\w+\\\\s?)*$')")).toMatch(/must not repeat a group/);
    expect(problem("event.summary.matches('(a)\\\\1')")).toMatch(/backreferences/);
  });

  it('turns run-time failures into no match with a reason', () => {
    const c = compiled("event.custom_details.missing == 'x'");
    expect(c.evaluate(view)).toEqual({ matched: false, error: 'evaluation error: No such key: missing' });
    const nullComponent = eventView(testEvent({ component: null }), T0);
    const r = compiled("event.component.startsWith('db')").evaluate(nullComponent);
    expect(r.matched).toBe(false);
    expect(r.error).toMatch(/^evaluation error: /);
    // custom_details that is not a map
    const r2 = compiled("event.custom_details.env == 'prod'").evaluate(eventView(testEvent({ customDetails: 'just text' }), T0));
    expect(r2.matched).toBe(false);
    expect(r2.error).not.toBeNull();
  });

  it('does not expose prototype properties of event data', () => {
    const c = compiled('has(event.custom_details.constructor) || has(event.custom_details.toString)');
    expect(c.evaluate(view)).toEqual({ matched: false, error: null });
  });
});

describe('eventView', () => {
  it('uses the receive time when the event has no timestamp', () => {
    expect(eventView(testEvent({ timestamp: null }), 42).timestamp).toBe(42n);
    expect(eventView(testEvent({ timestamp: 1000.7 }), 42).timestamp).toBe(1000n);
  });

  it('bounds the data a condition can walk', () => {
    const long = 'x'.repeat(VIEW_STRING_MAX + 10);
    const v = eventView(testEvent({ summary: long, customDetails: { s: long, list: Array.from({ length: VIEW_COLLECTION_MAX + 5 }, (_, i) => i) } }), T0);
    expect(v.summary).toHaveLength(VIEW_STRING_MAX);
    const cd = v.custom_details as { s: string; list: number[] };
    expect(cd.s).toHaveLength(VIEW_STRING_MAX);
    expect(cd.list).toHaveLength(VIEW_COLLECTION_MAX);
  });

  it('copies data into plain, prototype-free maps', () => {
    const data = JSON.parse('{"__proto__": {"polluted": true}, "a": [1, {"b": null}]}') as unknown;
    const out = boundedData(data) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBeNull();
    expect(Object.keys(out)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    let deep: unknown = 'leaf';
    for (let i = 0; i < 40; i++) deep = { d: deep };
    let cur = boundedData(deep);
    let depth = 0;
    while (cur !== null && typeof cur === 'object') {
      cur = (cur as { d: unknown }).d;
      depth++;
    }
    expect(depth).toBeLessThanOrEqual(16);
  });
});

describe('positionOf', () => {
  it('counts lines and columns from 1', () => {
    expect(positionOf('ab\ncd', 0)).toEqual({ line: 1, column: 1, offset: 0 });
    expect(positionOf('ab\ncd', 4)).toEqual({ line: 2, column: 2, offset: 4 });
    expect(positionOf('ab', 99)).toEqual({ line: 1, column: 3, offset: 2 });
  });
});
