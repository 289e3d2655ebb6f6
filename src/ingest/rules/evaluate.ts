// Rule evaluation: a pure function of (compiled ruleset, event, now). First enabled rule whose
// condition is true wins; its actions make the outcome. Nothing here throws for any event: a
// rule that fails at run time does not match, and the failure is returned for counting.

import { createHash } from 'node:crypto';
import { DEDUP_KEY_MAX_LENGTH, type NormalizedEvent } from '../formats/types.js';
import { renderTemplate } from '../formats/liquid-sandbox.js';
import { codePointLength, takeCodePoints } from '../formats/text.js';
import type { RuleOutcome } from '../pipeline-hooks.js';
import { eventView, type CelEventView } from './cel.js';
import type { CompiledActions, CompiledExtract, CompiledRule, CompiledRuleset } from './types.js';

/** Extracted values are cut to this many characters. */
export const EXTRACTED_VALUE_MAX = 1024;

export interface RuleError {
  ruleId: string;
  index: number;
  phase: 'condition' | 'dedup_key';
  message: string;
}

export interface Evaluation {
  matched: { id: string; index: number } | null;
  outcome: RuleOutcome;
  errors: RuleError[];
}

function readPath(view: CelEventView, path: string[]): unknown {
  let cur: unknown = view;
  for (const segment of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (Array.isArray(cur)) {
      if (!/^\d+$/.test(segment)) return undefined;
      cur = cur[Number(segment)];
    } else {
      if (!Object.prototype.hasOwnProperty.call(cur, segment)) return undefined;
      cur = (cur as Record<string, unknown>)[segment];
    }
  }
  return cur;
}

function scalarText(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return null;
}

function runExtract(view: CelEventView, extract: CompiledExtract[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const x of extract) {
    const text = scalarText(readPath(view, x.path));
    if (text === null) continue;
    const m = x.regex.exec(text);
    if (!m) continue;
    const value = typeof x.group === 'string' ? m.groups?.[x.group] : m[x.group];
    if (value !== undefined) out[x.target] = takeCodePoints(value, EXTRACTED_VALUE_MAX);
  }
  return out;
}

/** A dedup key within 255 characters: a longer rendering is replaced by its hash, which still matches exactly. */
export function fitDedupKey(key: string): string {
  if (codePointLength(key) <= DEDUP_KEY_MAX_LENGTH) return key;
  return `sha256:${createHash('sha256').update(key).digest('hex')}`;
}

function applyActions(rule: CompiledRule, view: CelEventView, errors: RuleError[]): RuleOutcome {
  const a: CompiledActions = rule.actions;
  const outcome: RuleOutcome = { matchedRuleId: rule.id };
  if (a.drop) outcome.drop = true;
  if (a.routeToServiceId !== undefined) outcome.routeToServiceId = a.routeToServiceId;
  if (a.severity !== undefined) outcome.severity = a.severity;
  if (a.urgency !== undefined) outcome.urgency = a.urgency;
  if (a.priority !== undefined) outcome.priority = a.priority;
  if (a.suppress) outcome.suppress = true;
  if (a.pauseNotificationsSeconds !== undefined) outcome.pauseNotificationsSeconds = a.pauseNotificationsSeconds;
  if (a.annotations !== undefined && Object.keys(a.annotations).length > 0) outcome.annotations = { ...a.annotations };
  const extracted = runExtract(view, a.extract);
  if (Object.keys(extracted).length > 0) outcome.extracted = extracted;
  if (a.dedupKey !== undefined) {
    const scope = { event: { ...view, timestamp: Number(view.timestamp) }, extracted };
    const rendered = renderTemplate(a.dedupKey, scope);
    if (!rendered.ok) {
      errors.push({ ruleId: rule.id, index: rule.index, phase: 'dedup_key', message: `dedup_key template failed: ${rendered.message}` });
    } else if (rendered.value.trim() === '') {
      errors.push({ ruleId: rule.id, index: rule.index, phase: 'dedup_key', message: 'dedup_key template rendered empty; the dedup key was left as it was' });
    } else {
      outcome.dedupKey = fitDedupKey(rendered.value.trim());
    }
  }
  return outcome;
}

/** Evaluates the view of an event already built (several rulesets can share one view). */
export function evaluateView(ruleset: CompiledRuleset, view: CelEventView): Evaluation {
  const errors: RuleError[] = [];
  for (const rule of ruleset.rules) {
    if (rule.disabled) continue;
    const r = rule.condition.evaluate(view);
    if (r.error !== null) errors.push({ ruleId: rule.id, index: rule.index, phase: 'condition', message: r.error });
    if (!r.matched) continue;
    return { matched: { id: rule.id, index: rule.index }, outcome: applyActions(rule, view, errors), errors };
  }
  return { matched: null, outcome: {}, errors };
}

/** `now` stands in for the event's timestamp when the sender gave none. */
export function evaluateRuleset(ruleset: CompiledRuleset, event: NormalizedEvent, now: number): Evaluation {
  return evaluateView(ruleset, eventView(event, now));
}

/** The event as a later ruleset sees it once an earlier outcome applied its severity and dedup key. */
export function applyOutcome(event: NormalizedEvent, outcome: RuleOutcome): NormalizedEvent {
  if (outcome.severity === undefined && outcome.dedupKey === undefined) return event;
  return {
    ...event,
    ...(outcome.severity !== undefined ? { severity: outcome.severity } : {}),
    ...(outcome.dedupKey !== undefined ? { dedupKey: outcome.dedupKey } : {}),
  };
}

/**
 * The router's outcome followed by the service's: the router decides the service (and can drop);
 * the service's rule overrides any field it sets; annotations and extracted values merge, the
 * service's winning on the same key. matchedRuleId names the service rule when one matched.
 */
export function combineOutcomes(router: RuleOutcome, service: RuleOutcome): RuleOutcome {
  if (router.drop) return router;
  const out: RuleOutcome = { ...router, ...service };
  if (router.routeToServiceId !== undefined) out.routeToServiceId = router.routeToServiceId;
  else delete out.routeToServiceId;
  if (router.annotations || service.annotations) out.annotations = { ...router.annotations, ...service.annotations };
  if (router.extracted || service.extracted) out.extracted = { ...router.extracted, ...service.extracted };
  const matched = service.matchedRuleId ?? router.matchedRuleId;
  if (matched !== undefined) out.matchedRuleId = matched;
  return out;
}
