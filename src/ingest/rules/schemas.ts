import { Type, type Static } from 'typebox';
import type { Row } from '../../platform/db/tables.js';
import { iso } from '../../platform/http/pagination.js';
import type { RuleOutcome } from '../pipeline-hooks.js';
import { CEL_LIMITS } from './cel.js';
import { DEDUP_TEMPLATE_MAX, EXTRACT_MAX, RULES_MAX } from './compile.js';
import type { Evaluation } from './evaluate.js';
import { storedRules } from './queries.js';
import type { RuleInput, StoredRule } from './types.js';

const SeveritySchema = Type.Union([Type.Literal('critical'), Type.Literal('error'), Type.Literal('warning'), Type.Literal('info')]);
const UrgencySchema = Type.Union([Type.Literal('high'), Type.Literal('low')]);

const Extract = Type.Object(
  {
    field: Type.String({ minLength: 1, maxLength: 200, description: 'Dotted path into the event, e.g. custom_details.host or summary' }),
    regex: Type.String({ minLength: 1, maxLength: 256, description: 'JavaScript regular expression with a capture group (the first named group, else group 1, is kept)' }),
    flags: Type.Optional(Type.String({ maxLength: 3, description: 'Any of i, m, s' })),
    target: Type.String({ minLength: 1, maxLength: 64, description: 'Name the value is kept under (extracted.<target>)' }),
  },
  { additionalProperties: false },
);

export const RuleActions = Type.Object(
  {
    route_to_service_id: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Router ruleset only: the service the event goes to' })),
    severity: Type.Optional(SeveritySchema),
    urgency: Type.Optional(UrgencySchema),
    priority: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    dedup_key: Type.Optional(Type.String({ minLength: 1, maxLength: DEDUP_TEMPLATE_MAX, description: 'Liquid template over event and extracted, e.g. {{event.source}}/{{extracted.disk}}' })),
    extract: Type.Optional(Type.Array(Extract, { maxItems: EXTRACT_MAX })),
    annotate: Type.Optional(Type.Record(Type.String(), Type.String({ maxLength: 1024 }))),
    suppress: Type.Optional(Type.Boolean()),
    drop: Type.Optional(Type.Boolean()),
    pause_notifications_seconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 86_400 })),
  },
  { additionalProperties: false },
);

export const RuleBody = Type.Object(
  {
    id: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Kept when given; assigned when absent' })),
    position: Type.Optional(Type.Integer({ minimum: 0, description: 'Ignored on input: the order of the list is the order of evaluation' })),
    description: Type.Optional(Type.String({ maxLength: 500 })),
    condition: Type.String({ minLength: 1, maxLength: CEL_LIMITS.maxLength, description: "CEL over `event`, e.g. event.severity == 'critical'" }),
    actions: RuleActions,
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const Rule = Type.Object({
  id: Type.String(),
  position: Type.Integer(),
  description: Type.Optional(Type.String()),
  condition: Type.String(),
  actions: RuleActions,
  disabled: Type.Boolean(),
});

export const Ruleset = Type.Object(
  {
    scope: Type.Union([Type.Literal('router'), Type.Literal('service')]),
    service_id: Type.Union([Type.String(), Type.Null()]),
    version: Type.Integer({ description: 'Rises by one on every save; 0 for rules never saved. Send it back (or If-Match) to save safely.' }),
    rules: Type.Array(Rule),
    updated_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    updated_by: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'EventRuleset' },
);

export const ReplaceRulesBody = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 0, description: 'The version you last read; a different current version is a 409' })),
    rules: Type.Array(RuleBody, { maxItems: RULES_MAX }),
  },
  { additionalProperties: false },
);
export type ReplaceRulesBody = Static<typeof ReplaceRulesBody>;

export const IfMatchHeaders = Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 64 })) });

export const TestEvent = Type.Object(
  {
    action: Type.Optional(Type.Union([Type.Literal('trigger'), Type.Literal('acknowledge'), Type.Literal('resolve')])),
    summary: Type.Optional(Type.String({ maxLength: 1024 })),
    source: Type.Optional(Type.String({ maxLength: 1024 })),
    severity: Type.Optional(SeveritySchema),
    dedup_key: Type.Optional(Type.Union([Type.String({ maxLength: 255 }), Type.Null()])),
    component: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    group: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    class: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    custom_details: Type.Optional(Type.Unknown()),
    client: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    client_url: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    timestamp: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Integer({ description: 'epoch milliseconds' })])),
  },
  { additionalProperties: false },
);
export type TestEvent = Static<typeof TestEvent>;

export const TestRulesBody = Type.Object(
  {
    rules: Type.Array(RuleBody, { maxItems: RULES_MAX }),
    event: TestEvent,
    scope: Type.Optional(Type.Union([Type.Literal('router'), Type.Literal('service')], { description: "Default 'router' (which allows route_to_service_id)" })),
  },
  { additionalProperties: false },
);
export type TestRulesBody = Static<typeof TestRulesBody>;

export const Outcome = Type.Object({
  drop: Type.Optional(Type.Boolean()),
  route_to_service_id: Type.Optional(Type.String()),
  severity: Type.Optional(Type.String()),
  urgency: Type.Optional(Type.String()),
  priority: Type.Optional(Type.String()),
  dedup_key: Type.Optional(Type.String()),
  annotations: Type.Optional(Type.Record(Type.String(), Type.String())),
  extracted: Type.Optional(Type.Record(Type.String(), Type.String())),
  suppress: Type.Optional(Type.Boolean()),
  pause_notifications_seconds: Type.Optional(Type.Integer()),
  matched_rule_id: Type.Optional(Type.String()),
});

export const TestRulesResult = Type.Object({
  matched_rule: Type.Union([Type.Object({ id: Type.String(), position: Type.Integer() }), Type.Null()]),
  outcome: Outcome,
  errors: Type.Array(Type.Object({ rule_id: Type.String(), position: Type.Integer(), phase: Type.String(), message: Type.String() })),
});

export function serializeRule(rule: StoredRule, position: number): Static<typeof Rule> {
  return {
    id: rule.id,
    position,
    ...(rule.description !== undefined ? { description: rule.description } : {}),
    condition: rule.condition,
    actions: rule.actions,
    disabled: rule.disabled === true,
  };
}

export function serializeRuleset(
  scope: { kind: 'router' } | { kind: 'service'; serviceId: string },
  row: Row<'event_rulesets'> | undefined,
): Static<typeof Ruleset> {
  return {
    scope: scope.kind,
    service_id: scope.kind === 'service' ? scope.serviceId : null,
    version: row ? Number(row.version) : 0,
    rules: storedRules(row).map(serializeRule),
    updated_at: iso(row?.updated_at),
    updated_by: row?.updated_by ?? null,
  };
}

/** The rules of a request body as the compiler takes them (TypeBox's static type, narrowed). */
export function ruleInputs(rules: Static<typeof RuleBody>[]): RuleInput[] {
  return rules as RuleInput[];
}

export function serializeOutcome(o: RuleOutcome): Static<typeof Outcome> {
  return {
    ...(o.drop !== undefined ? { drop: o.drop } : {}),
    ...(o.routeToServiceId !== undefined ? { route_to_service_id: o.routeToServiceId } : {}),
    ...(o.severity !== undefined ? { severity: o.severity } : {}),
    ...(o.urgency !== undefined ? { urgency: o.urgency } : {}),
    ...(o.priority !== undefined ? { priority: o.priority } : {}),
    ...(o.dedupKey !== undefined ? { dedup_key: o.dedupKey } : {}),
    ...(o.annotations !== undefined ? { annotations: o.annotations } : {}),
    ...(o.extracted !== undefined ? { extracted: o.extracted } : {}),
    ...(o.suppress !== undefined ? { suppress: o.suppress } : {}),
    ...(o.pauseNotificationsSeconds !== undefined ? { pause_notifications_seconds: o.pauseNotificationsSeconds } : {}),
    ...(o.matchedRuleId !== undefined ? { matched_rule_id: o.matchedRuleId } : {}),
  };
}

export function serializeEvaluation(e: Evaluation): Static<typeof TestRulesResult> {
  return {
    matched_rule: e.matched ? { id: e.matched.id, position: e.matched.index } : null,
    outcome: serializeOutcome(e.outcome),
    errors: e.errors.map((x) => ({ rule_id: x.ruleId, position: x.index, phase: x.phase, message: x.message })),
  };
}
