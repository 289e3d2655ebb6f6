// Generic JSON webhooks: the integration stores one Liquid template per event field, rendered
// against `{ body }`. Templates are parsed once (compileGenericMapping) and rendered per request.

import type { Template } from 'liquidjs';
import { DEDUP_KEY_MAX_LENGTH, SUMMARY_MAX_LENGTH, fail, ok } from './types.js';
import type { EventAction, FieldError, MapResult, NormalizedEvent, Severity } from './types.js';
import { childPath, isRecord, own, typeError } from './json-fields.js';
import { actionFromAlias, severityFromAlias } from './aliases.js';
import { parseTemplate, renderTemplate } from './liquid-sandbox.js';
import { codePointLength, takeCodePoints } from './text.js';

export const GENERIC_FIELDS = ['summary', 'severity', 'dedup_key', 'action', 'source'] as const;
export type GenericField = (typeof GENERIC_FIELDS)[number];
export type GenericMappingConfig = Partial<Record<GenericField, string | null>>;

/**
 * Used for any field the integration leaves unset or blank. The summary looks in the places
 * senders most often put one; with no dedup_key template every event opens its own alert, as
 * a PagerDuty trigger without a dedup_key does.
 */
export const DEFAULT_GENERIC_TEMPLATES: Readonly<Record<GenericField, string>> = Object.freeze({
  summary: '{{ body.summary | default: body.title | default: body.message }}',
  severity: 'warning',
  dedup_key: '',
  action: 'trigger',
  source: '',
});

/** A blank rendered action, severity or source falls back to these. */
export const GENERIC_FALLBACKS = Object.freeze({
  action: 'trigger' as EventAction,
  severity: 'warning' as Severity,
  source: 'generic',
});

/** Not a PagerDuty rule (it sets none for source); a bound so a template cannot emit a novel. */
export const GENERIC_SOURCE_MAX_LENGTH = 1024;

export interface CompiledGenericMapping {
  /** The effective template text of each field, defaults filled in. */
  readonly templates: Readonly<Record<GenericField, string>>;
  readonly parsed: Readonly<Record<GenericField, Template[]>>;
}

export type GenericRendered = Partial<Record<GenericField, string>>;

export interface GenericDryRun {
  /** Raw output of each template that rendered (untrimmed), for the user to inspect. */
  rendered: GenericRendered;
  result: MapResult<NormalizedEvent>;
}

/**
 * Checks and parses an integration's templates. Unknown keys are errors (a misspelt
 * "sumary" should not silently fall back to the default). Null or blank means the default.
 */
export function compileGenericMapping(config: unknown): MapResult<CompiledGenericMapping> {
  const errors: FieldError[] = [];
  const raw = config === undefined || config === null ? {} : config;
  if (!isRecord(raw)) {
    return fail([typeError('config', 'an object', raw)]);
  }
  for (const key of Object.keys(raw)) {
    if (!(GENERIC_FIELDS as readonly string[]).includes(key)) {
      errors.push({
        field: childPath('', key),
        message: `is not a template field (expected one of: ${GENERIC_FIELDS.join(', ')})`,
        code: 'invalid',
      });
    }
  }
  const templates = { ...DEFAULT_GENERIC_TEMPLATES };
  const parsed: Partial<Record<GenericField, Template[]>> = {};
  for (const field of GENERIC_FIELDS) {
    const v = own(raw, field);
    if (v !== undefined && v !== null && typeof v !== 'string') {
      errors.push(typeError(field, 'a string', v));
      continue;
    }
    if (typeof v === 'string' && v.trim() !== '') templates[field] = v;
    const outcome = parseTemplate(templates[field]);
    if (outcome.ok) parsed[field] = outcome.value;
    else errors.push({ field, message: `has a template error: ${outcome.message}`, code: 'template' });
  }
  if (errors.length > 0) return fail(errors);
  return ok({ templates, parsed: parsed as Record<GenericField, Template[]> });
}

/** A rendered value quoted for an error message, cut so the message stays readable. */
function quote(v: string): string {
  return JSON.stringify(codePointLength(v) > 64 ? `${takeCodePoints(v, 64)}…` : v);
}

function tooLong(field: GenericField, max: number, got: string): FieldError {
  return {
    field,
    message: `should be at most ${max} characters (rendered ${codePointLength(got)})`,
    code: 'length',
  };
}

function toEvent(
  values: Record<GenericField, string>,
  body: unknown,
  errors: FieldError[],
): NormalizedEvent | null {
  const before = errors.length;
  const actionText = values.action.trim();
  const action = actionText === '' ? GENERIC_FALLBACKS.action : actionFromAlias(actionText);
  if (action === null) {
    errors.push({
      field: 'action',
      message:
        `rendered ${quote(actionText)}, which is not trigger, acknowledge or resolve ` +
        '(or an alias such as firing, resolved, ok)',
      code: 'invalid',
    });
  }

  const severityText = values.severity.trim();
  const severity = severityText === '' ? GENERIC_FALLBACKS.severity : severityFromAlias(severityText);
  if (severity === null) {
    errors.push({
      field: 'severity',
      message:
        `rendered ${quote(severityText)}, which is not critical, error, warning or info ` +
        '(or an alias such as high, warn, low)',
      code: 'invalid',
    });
  }

  const summary = values.summary.trim();
  if (summary === '') {
    errors.push({ field: 'summary', message: 'rendered an empty string', code: 'missing' });
  } else if (codePointLength(summary) > SUMMARY_MAX_LENGTH) {
    errors.push(tooLong('summary', SUMMARY_MAX_LENGTH, summary));
  }

  const dedupText = values.dedup_key.trim();
  const dedupKey = dedupText === '' ? null : dedupText;
  if (dedupKey !== null && codePointLength(dedupKey) > DEDUP_KEY_MAX_LENGTH) {
    errors.push(tooLong('dedup_key', DEDUP_KEY_MAX_LENGTH, dedupKey));
  }
  if (dedupKey === null && (action === 'acknowledge' || action === 'resolve')) {
    errors.push({
      field: 'dedup_key',
      message: `rendered an empty string, but ${action} needs a key to find the alert`,
      code: 'missing',
    });
  }

  const sourceText = values.source.trim();
  const source = sourceText === '' ? GENERIC_FALLBACKS.source : sourceText;
  if (codePointLength(source) > GENERIC_SOURCE_MAX_LENGTH) {
    errors.push(tooLong('source', GENERIC_SOURCE_MAX_LENGTH, source));
  }

  if (errors.length > before || action === null || severity === null) return null;
  return {
    action,
    dedupKey,
    summary,
    source,
    severity,
    timestamp: null,
    component: null,
    group: null,
    class: null,
    customDetails: body,
    images: [],
    links: [],
    client: null,
    clientUrl: null,
  };
}

/**
 * Renders every template against the body and shows what came out, whether or not it makes a
 * valid event: what the dry-run endpoint answers while a user writes templates.
 */
export function dryRunGeneric(compiled: CompiledGenericMapping, body: unknown): GenericDryRun {
  const errors: FieldError[] = [];
  const rendered: GenericRendered = {};
  const scope = { body };
  for (const field of GENERIC_FIELDS) {
    const outcome = renderTemplate(compiled.parsed[field], scope);
    if (outcome.ok) rendered[field] = outcome.value;
    else errors.push({ field, message: `failed to render: ${outcome.message}`, code: 'template' });
  }
  if (errors.length > 0) return { rendered, result: fail(errors) };
  const event = toEvent(rendered as Record<GenericField, string>, body, errors);
  return { rendered, result: event === null ? fail(errors) : ok(event) };
}

export function mapGeneric(compiled: CompiledGenericMapping, body: unknown): MapResult<NormalizedEvent> {
  return dryRunGeneric(compiled, body).result;
}
