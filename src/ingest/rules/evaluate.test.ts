import { describe, expect, it } from 'vitest';
import { compileRules } from './compile.js';
import { applyOutcome, combineOutcomes, evaluateRuleset, fitDedupKey } from './evaluate.js';
import { T0, testEvent } from './fixtures.js';
import type { RuleInput } from './types.js';

function ruleset(rules: RuleInput[], scope: 'router' | 'service' = 'router') {
  const r = compileRules(rules, { scope, newId: () => 'generated' });
  if (r.problems.length) throw new Error(JSON.stringify(r.problems));
  return r.ruleset;
}

const evalOne = (rules: RuleInput[], event = testEvent()) => evaluateRuleset(ruleset(rules), event, T0);

describe('evaluateRuleset', () => {
  it('returns no change when nothing matches', () => {
    expect(evalOne([{ id: 'r', condition: "event.severity == 'critical'", actions: { drop: true } }])).toEqual({ matched: null, outcome: {}, errors: [] });
    expect(evalOne([])).toEqual({ matched: null, outcome: {}, errors: [] });
  });

  it('applies every action of the matching rule', () => {
    const r = evalOne([
      {
        id: 'all',
        condition: 'true',
        actions: {
          route_to_service_id: 'svc-db',
          severity: 'critical',
          urgency: 'high',
          priority: 'P1',
          dedup_key: '{{event.source}}/{{extracted.mount}}/{{event.custom_details.nested.region}}',
          extract: [
            { field: 'summary', regex: 'on (?<host>[a-z0-9-]+)', target: 'host' },
            { field: 'summary', regex: '\\((\\S+) at (\\d+)%\\)', target: 'mount' },
            { field: 'custom_details.used_percent', regex: '(\\d+)', target: 'used' },
            { field: 'custom_details.tags.1', regex: '^(eu)-', target: 'continent' },
            { field: 'custom_details.missing', regex: '(.*)', target: 'missing' },
          ],
          annotate: { runbook: 'https://wiki.example.org/disk', team: 'dba' },
          suppress: true,
          pause_notifications_seconds: 300,
        },
      },
    ]);
    expect(r.matched).toEqual({ id: 'all', index: 0 });
    expect(r.errors).toEqual([]);
    expect(r.outcome).toEqual({
      matchedRuleId: 'all',
      routeToServiceId: 'svc-db',
      severity: 'critical',
      urgency: 'high',
      priority: 'P1',
      dedupKey: 'db-01.prod.example.org//var/eu-west-1',
      extracted: { host: 'db-01', mount: '/var', used: '94', continent: 'eu' },
      annotations: { runbook: 'https://wiki.example.org/disk', team: 'dba' },
      suppress: true,
      pauseNotificationsSeconds: 300,
    });
  });

  it('drops', () => {
    expect(evalOne([{ id: 'd', condition: "event.severity == 'warning'", actions: { drop: true } }]).outcome).toEqual({ matchedRuleId: 'd', drop: true });
  });

  it('lets the first matching rule win', () => {
    const rules: RuleInput[] = [
      { id: 'a', condition: "event.severity == 'critical'", actions: { priority: 'P1' } },
      { id: 'b', condition: "event.custom_details.env == 'prod'", actions: { priority: 'P2' } },
      { id: 'c', condition: 'true', actions: { priority: 'P3' } },
    ];
    expect(evalOne(rules).outcome).toEqual({ matchedRuleId: 'b', priority: 'P2' });
    expect(evalOne(rules, testEvent({ severity: 'critical' })).outcome).toEqual({ matchedRuleId: 'a', priority: 'P1' });
    expect(evalOne(rules, testEvent({ customDetails: { env: 'dev' } })).outcome).toEqual({ matchedRuleId: 'c', priority: 'P3' });
  });

  it('skips disabled rules', () => {
    const r = evalOne([
      { id: 'off', condition: 'true', actions: { drop: true }, disabled: true },
      { id: 'on', condition: 'true', actions: { severity: 'info' } },
    ]);
    expect(r.matched).toEqual({ id: 'on', index: 1 });
  });

  it('treats a rule that fails at run time as no match, reports it and goes on', () => {
    const r = evalOne(
      [
        { id: 'broken', condition: "event.custom_details.region == 'eu'", actions: { drop: true } },
        { id: 'next', condition: 'true', actions: { priority: 'P4' } },
      ],
      testEvent({ customDetails: null }),
    );
    expect(r.matched).toEqual({ id: 'next', index: 1 });
    expect(r.outcome).toEqual({ matchedRuleId: 'next', priority: 'P4' });
    expect(r.errors).toEqual([{ ruleId: 'broken', index: 0, phase: 'condition', message: expect.stringMatching(/^evaluation error: /) as unknown as string }]);
  });

  it('keeps the dedup key when the template renders empty, and says so', () => {
    const r = evalOne([{ id: 'k', condition: 'true', actions: { dedup_key: '{{ event.custom_details.nothing }}', severity: 'error' } }]);
    expect(r.outcome).toEqual({ matchedRuleId: 'k', severity: 'error' });
    expect(r.errors).toEqual([{ ruleId: 'k', index: 0, phase: 'dedup_key', message: 'dedup_key template rendered empty; the dedup key was left as it was' }]);
  });

  it('hashes a rendered dedup key longer than 255 characters', () => {
    const long = 'x'.repeat(300);
    const r = evalOne([{ id: 'k', condition: 'true', actions: { dedup_key: '{{ event.summary }}' } }], testEvent({ summary: long }));
    expect(r.outcome.dedupKey).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(fitDedupKey(long)).toBe(r.outcome.dedupKey);
    expect(fitDedupKey('short')).toBe('short');
  });

  it('renders timestamps and missing values in templates', () => {
    const r = evalOne([{ id: 'k', condition: 'true', actions: { dedup_key: '{{event.timestamp}}-{{event.dedup_key}}-{{event.component}}' } }]);
    expect(r.outcome.dedupKey).toBe(`${T0}--postgres`);
  });
});

describe('combining router and service outcomes', () => {
  it('lets the router drop outright', () => {
    expect(combineOutcomes({ drop: true, matchedRuleId: 'r' }, { severity: 'critical', matchedRuleId: 's' })).toEqual({ drop: true, matchedRuleId: 'r' });
  });

  it('lets the service rule override fields and merges maps', () => {
    expect(
      combineOutcomes(
        { routeToServiceId: 'svc', severity: 'error', annotations: { a: '1', b: '1' }, extracted: { x: 'r' }, matchedRuleId: 'r' },
        { severity: 'critical', annotations: { b: '2' }, suppress: true, matchedRuleId: 's' },
      ),
    ).toEqual({ routeToServiceId: 'svc', severity: 'critical', annotations: { a: '1', b: '2' }, extracted: { x: 'r' }, suppress: true, matchedRuleId: 's' });
    expect(combineOutcomes({ priority: 'P1', matchedRuleId: 'r' }, {})).toEqual({ priority: 'P1', matchedRuleId: 'r' });
    expect(combineOutcomes({}, {})).toEqual({});
  });

  it('shows the service ruleset the severity and dedup key the router set', () => {
    const e = testEvent();
    expect(applyOutcome(e, {})).toBe(e);
    expect(applyOutcome(e, { severity: 'critical', dedupKey: 'k' })).toMatchObject({ severity: 'critical', dedupKey: 'k', summary: e.summary });
  });
});
