// Turns rules as people write them into rules ready to evaluate, checking everything that can be
// checked before an event arrives: CEL conditions, Liquid templates, extraction regexes, names.
// Problems name the field the way the HTTP API reports body fields ("rules/3/condition").

import type { FieldProblem } from '../../platform/http/errors.js';
import { parseTemplate } from '../formats/liquid-sandbox.js';
import { compileCondition, describeProblem } from './cel.js';
import { captureGroups, checkRegex } from './regex-safety.js';
import type { CompiledActions, CompiledExtract, CompiledRule, CompiledRuleset, RuleInput, StoredRule } from './types.js';

export const RULES_MAX = 200;
export const DEDUP_TEMPLATE_MAX = 1024;
export const ANNOTATIONS_MAX = 20;
export const ANNOTATION_VALUE_MAX = 1024;
export const EXTRACT_MAX = 10;

const RULE_ID = /^[A-Za-z0-9_.:-]{1,64}$/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const ANNOTATION_KEY = /^[A-Za-z0-9_.-]{1,64}$/;
/** Top-level names of the event view that extraction can read. */
const VIEW_FIELDS = new Set([
  'action',
  'summary',
  'source',
  'severity',
  'dedup_key',
  'component',
  'group',
  'class',
  'custom_details',
  'client',
  'client_url',
  'timestamp',
]);

export interface CompileOptions {
  /** Only the router may route events to another service. */
  scope: 'router' | 'service';
  /** Assigns ids to rules given without one. */
  newId: () => string;
}

export interface CompiledRules {
  /** The rules with their ids, as they are stored. */
  stored: StoredRule[];
  /** Every rule that compiled; a rule with problems is left out. */
  ruleset: CompiledRuleset;
  problems: FieldProblem[];
}

function compileExtract(rule: RuleInput, at: string, problems: FieldProblem[]): CompiledExtract[] {
  const out: CompiledExtract[] = [];
  const list = rule.actions.extract ?? [];
  if (list.length > EXTRACT_MAX) problems.push({ field: `${at}/actions/extract`, message: `may hold at most ${EXTRACT_MAX} extractions` });
  const targets = new Set<string>();
  list.slice(0, EXTRACT_MAX).forEach((x, i) => {
    const f = `${at}/actions/extract/${i}`;
    const path = x.field.split('.');
    let ok = true;
    if (path.some((s) => s === '') || !VIEW_FIELDS.has(path[0]!)) {
      problems.push({ field: `${f}/field`, message: `must be a dotted path into the event starting with one of: ${[...VIEW_FIELDS].join(', ')}` });
      ok = false;
    }
    if (!NAME.test(x.target)) {
      problems.push({ field: `${f}/target`, message: 'must be a name of letters, digits and _ (not starting with a digit), at most 64 characters' });
      ok = false;
    } else if (targets.has(x.target)) {
      problems.push({ field: `${f}/target`, message: `"${x.target}" is already extracted by this rule` });
      ok = false;
    }
    targets.add(x.target);
    const check = checkRegex(x.regex, x.flags ?? '');
    if (!check.ok) {
      problems.push({ field: x.flags !== undefined && check.message.startsWith('flags') ? `${f}/flags` : `${f}/regex`, message: check.message });
      return;
    }
    const groups = captureGroups(check.regex);
    if (groups.count === 0) {
      problems.push({ field: `${f}/regex`, message: 'needs a capture group, e.g. "host=(\\S+)" or "host=(?<host>\\S+)"' });
      return;
    }
    if (ok) out.push({ path, regex: check.regex, group: groups.names[0] ?? 1, target: x.target });
  });
  return out;
}

function compileActions(rule: RuleInput, at: string, opts: CompileOptions, problems: FieldProblem[]): CompiledActions {
  const a = rule.actions;
  const out: CompiledActions = { extract: compileExtract(rule, at, problems) };
  if (a.route_to_service_id !== undefined) {
    if (opts.scope !== 'router') {
      problems.push({ field: `${at}/actions/route_to_service_id`, message: 'only the router ruleset (/api/v1/event-rules/router) can route events to another service' });
    } else {
      out.routeToServiceId = a.route_to_service_id;
    }
  }
  if (a.severity !== undefined) out.severity = a.severity;
  if (a.urgency !== undefined) out.urgency = a.urgency;
  if (a.priority !== undefined) out.priority = a.priority;
  if (a.dedup_key !== undefined) {
    const field = `${at}/actions/dedup_key`;
    if (a.dedup_key.trim() === '') problems.push({ field, message: 'must not be empty' });
    else if (a.dedup_key.length > DEDUP_TEMPLATE_MAX) problems.push({ field, message: `is longer than ${DEDUP_TEMPLATE_MAX} characters` });
    else {
      const parsed = parseTemplate(a.dedup_key);
      if (parsed.ok) out.dedupKey = parsed.value;
      else problems.push({ field, message: `is not a valid Liquid template: ${parsed.message}` });
    }
  }
  if (a.annotate !== undefined) {
    const entries = Object.entries(a.annotate);
    if (entries.length > ANNOTATIONS_MAX) problems.push({ field: `${at}/actions/annotate`, message: `may hold at most ${ANNOTATIONS_MAX} annotations` });
    const annotations: Record<string, string> = {};
    for (const [key, value] of entries.slice(0, ANNOTATIONS_MAX)) {
      const field = `${at}/actions/annotate/${key}`;
      if (!ANNOTATION_KEY.test(key)) problems.push({ field, message: 'keys may hold letters, digits, _, . and -, at most 64 characters' });
      else if (typeof value !== 'string' || value.length > ANNOTATION_VALUE_MAX) problems.push({ field, message: `must be a string of at most ${ANNOTATION_VALUE_MAX} characters` });
      else annotations[key] = value;
    }
    out.annotations = annotations;
  }
  if (a.suppress !== undefined) out.suppress = a.suppress;
  if (a.drop !== undefined) out.drop = a.drop;
  if (a.pause_notifications_seconds !== undefined) out.pauseNotificationsSeconds = a.pause_notifications_seconds;
  return out;
}

/**
 * Compiles an ordered list of rules. Save paths refuse the list when `problems` is not empty;
 * the ingest path uses whatever compiled, so one rule broken by an upgrade cannot stop the rest.
 */
export function compileRules(rules: RuleInput[], opts: CompileOptions): CompiledRules {
  const problems: FieldProblem[] = [];
  const stored: StoredRule[] = [];
  const compiled: CompiledRule[] = [];
  const ids = new Set<string>();
  if (rules.length > RULES_MAX) problems.push({ field: 'rules', message: `may hold at most ${RULES_MAX} rules` });
  rules.forEach((rule, index) => {
    const at = `rules/${index}`;
    const before = problems.length;
    let id = rule.id;
    if (id === undefined) id = opts.newId();
    else if (!RULE_ID.test(id)) problems.push({ field: `${at}/id`, message: 'may hold letters, digits, _, ., : and -, at most 64 characters' });
    else if (ids.has(id)) problems.push({ field: `${at}/id`, message: `"${id}" is used by an earlier rule` });
    ids.add(id);
    const cond = compileCondition(rule.condition);
    if (!cond.ok) problems.push({ field: `${at}/condition`, message: describeProblem(cond.problem) });
    const actions = compileActions(rule, at, opts, problems);
    stored.push({
      id,
      ...(rule.description !== undefined ? { description: rule.description } : {}),
      condition: rule.condition,
      actions: rule.actions,
      ...(rule.disabled ? { disabled: true } : {}),
    });
    if (cond.ok && problems.length === before) {
      compiled.push({ id, index, disabled: rule.disabled === true, condition: cond.condition, actions });
    }
  });
  return { stored, ruleset: { rules: compiled }, problems };
}
