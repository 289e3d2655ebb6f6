// POST /api/v1/event-rules/test: compile a list of rules exactly as a save would, then run one
// sample event through them. Nothing is stored.

import { newId } from '../../platform/ids.js';
import { ValidationFailed } from '../../platform/http/errors.js';
import type { NormalizedEvent } from '../formats/types.js';
import { compileRules } from './compile.js';
import { evaluateRuleset, type Evaluation } from './evaluate.js';
import type { TestEvent } from './schemas.js';
import type { RuleInput } from './types.js';

export function sampleEvent(e: TestEvent): NormalizedEvent {
  const ts = typeof e.timestamp === 'string' ? Date.parse(e.timestamp) : e.timestamp;
  return {
    action: e.action ?? 'trigger',
    dedupKey: e.dedup_key ?? null,
    summary: e.summary ?? '',
    source: e.source ?? '',
    severity: e.severity ?? 'info',
    timestamp: ts !== undefined && Number.isFinite(ts) ? ts : null,
    component: e.component ?? null,
    group: e.group ?? null,
    class: e.class ?? null,
    customDetails: e.custom_details ?? null,
    images: [],
    links: [],
    client: e.client ?? null,
    clientUrl: e.client_url ?? null,
  };
}

export function dryRunRules(rules: RuleInput[], event: TestEvent, scope: 'router' | 'service', now: number): Evaluation {
  const compiled = compileRules(rules, { scope, newId });
  if (compiled.problems.length > 0) throw new ValidationFailed(compiled.problems);
  return evaluateRuleset(compiled.ruleset, sampleEvent(event), now);
}
