// Alert emails, already parsed by the SMTP listener. Monitoring tools that can only send mail
// usually repeat the subject on the recovery message with a prefix ("RESOLVED: disk full"), so
// the subject is the default dedup key and a configurable pattern turns such mail into a
// resolve of the matching alert.

import { createHash } from 'node:crypto';
import { DEDUP_KEY_MAX_LENGTH, SEVERITIES, SUMMARY_MAX_LENGTH, fail, ok } from './types.js';
import type { FieldError, MapResult, NormalizedEvent, Severity } from './types.js';
import {
  childPath,
  isRecord,
  jsonTypeOf,
  own,
  readArray,
  readEnum,
  readString,
  typeError,
} from './json-fields.js';
import { htmlToText } from './html-to-text.js';
import { codePointLength, takeCodePoints, truncate } from './text.js';

export interface EmailMessage {
  subject: string | null;
  text: string | null;
  html: string | null;
  from: string | null;
  to: string[];
  messageId: string | null;
  /** Epoch ms from the Date header; null when absent or unparseable. */
  date: number | null;
}

export type EmailDedup = 'subject' | 'message-id' | 'none';
export const EMAIL_DEDUP_MODES: readonly EmailDedup[] = ['subject', 'message-id', 'none'];

export interface EmailOptions {
  /** Default 'subject'. 'message-id' makes every mail its own alert, deduplicating re-deliveries. */
  dedup?: EmailDedup;
  /**
   * A subject matching this becomes a resolve; the match is cut from the subject before the
   * dedup key is taken. Only used with dedup 'subject': no other key can match the trigger.
   * Off by default, because a subject such as "OK to deploy?" would otherwise resolve things.
   */
  resolvePattern?: RegExp | null;
  /** Cut from trigger subjects before the dedup key is taken ("PROBLEM: disk full"). */
  triggerPattern?: RegExp | null;
  /** Default 'warning'. */
  severity?: Severity;
}

/** A sensible pattern to offer users; not applied unless configured. */
export const SUGGESTED_RESOLVE_PATTERN = /^\s*\[?(RESOLVED|RECOVERY|RECOVERED|OK)\b\]?/i;

/** Text kept in custom details; alert mail with a longer body is almost always a log dump. */
export const EMAIL_BODY_MAX_LENGTH = 64 * 1024;
/** HTML is cut to this before stripping so a huge mail cannot make the crude stripper slow. */
const HTML_INPUT_MAX = 1024 * 1024;
/** Patterns are matched against at most this much subject: a user regex must not see a novel. */
const SUBJECT_MATCH_MAX = 1024;

export const EMAIL_NO_SUBJECT = '(no subject)';

function normalizeSubject(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Removes the first match of `pattern` and the separators left next to it. */
function cutMatch(subject: string, pattern: RegExp): string | null {
  // A fresh non-global copy: a shared /g or /y pattern carries lastIndex between calls.
  const re = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
  const m = re.exec(takeCodePoints(subject, SUBJECT_MATCH_MAX));
  if (m === null) return null;
  const rest = subject.slice(0, m.index) + subject.slice(m.index + m[0].length);
  return normalizeSubject(rest.replace(/^[\s:\-–—|\]]+/, ''));
}

/** Long subjects are hashed so the key stays within 255 characters and still matches exactly. */
function subjectKey(subject: string): string {
  if (codePointLength(subject) <= DEDUP_KEY_MAX_LENGTH) return subject;
  return `subject-sha256:${createHash('sha256').update(subject).digest('hex')}`;
}

function bodyText(message: EmailMessage): string {
  const text =
    message.text !== null && message.text.trim() !== ''
      ? message.text
      : message.html !== null
        ? htmlToText(message.html.slice(0, HTML_INPUT_MAX))
        : '';
  return codePointLength(text) > EMAIL_BODY_MAX_LENGTH
    ? `${takeCodePoints(text, EMAIL_BODY_MAX_LENGTH)}\n[truncated]`
    : text;
}

export function mapEmail(message: EmailMessage, options: EmailOptions = {}): MapResult<NormalizedEvent> {
  const dedup = options.dedup ?? 'subject';
  const subject = normalizeSubject(message.subject ?? '');

  let action: 'trigger' | 'resolve' = 'trigger';
  let keySubject = subject;
  if (dedup === 'subject' && options.resolvePattern) {
    const cut = cutMatch(subject, options.resolvePattern);
    if (cut !== null) {
      action = 'resolve';
      keySubject = cut;
    }
  }
  if (action === 'trigger' && options.triggerPattern) {
    keySubject = cutMatch(subject, options.triggerPattern) ?? subject;
  }

  let dedupKey: string | null = null;
  if (dedup === 'subject') {
    if (keySubject === '') {
      // An empty subject cannot tell alerts apart; a resolve with nothing left cannot find one.
      if (action === 'resolve') {
        return fail([{
          field: 'subject',
          message: 'matches the resolve pattern but names nothing to resolve',
          code: 'missing',
        }]);
      }
    } else {
      dedupKey = subjectKey(keySubject);
    }
  } else if (dedup === 'message-id' && message.messageId !== null && message.messageId.trim() !== '') {
    dedupKey = subjectKey(message.messageId.trim());
  }

  return ok({
    action,
    dedupKey,
    summary: subject === '' ? EMAIL_NO_SUBJECT : truncate(subject, SUMMARY_MAX_LENGTH),
    source: message.from !== null && message.from.trim() !== '' ? message.from : 'email',
    severity: options.severity ?? 'warning',
    timestamp: message.date,
    component: null,
    group: null,
    class: null,
    customDetails: {
      from: message.from,
      to: message.to,
      messageId: message.messageId,
      subject: message.subject,
      body: bodyText(message),
    },
    images: [],
    links: [],
    client: null,
    clientUrl: null,
  });
}

/** Checks what the SMTP listener hands over, for callers that only have `unknown`. */
export function readEmailMessage(input: unknown): MapResult<EmailMessage> {
  const errors: FieldError[] = [];
  if (!isRecord(input)) {
    return fail([typeError('body', 'an object', input)]);
  }
  const subject = readString(input, 'subject', 'subject', errors);
  const text = readString(input, 'text', 'text', errors);
  const html = readString(input, 'html', 'html', errors);
  const from = readString(input, 'from', 'from', errors);
  const messageId = readString(input, 'messageId', 'messageId', errors);
  const to: string[] = [];
  (readArray(input, 'to', 'to', errors) ?? []).forEach((v, i) => {
    if (typeof v === 'string') to.push(v);
    else errors.push(typeError(childPath('to', i), 'a string', v));
  });
  const rawDate = own(input, 'date');
  let date: number | null = null;
  if (typeof rawDate === 'number' && Number.isFinite(rawDate)) date = rawDate;
  else if (rawDate instanceof Date && !Number.isNaN(rawDate.getTime())) date = rawDate.getTime();
  else if (rawDate !== undefined && rawDate !== null) {
    errors.push({
      field: 'date',
      message: `must be epoch milliseconds (got ${jsonTypeOf(rawDate)})`,
      code: 'type',
    });
  }
  if (errors.length > 0) return fail(errors);
  return ok({ subject, text, html, from, to, messageId, date });
}

function compilePattern(raw: unknown, field: string, errors: FieldError[]): RegExp | null {
  if (raw === undefined || raw === null || raw === '') return null;
  if (typeof raw !== 'string') {
    errors.push(typeError(field, 'a string', raw));
    return null;
  }
  try {
    return new RegExp(raw, 'i');
  } catch (e) {
    errors.push({
      field,
      message: `is not a valid regular expression: ${e instanceof Error ? e.message : String(e)}`,
      code: 'invalid',
    });
    return null;
  }
}

/**
 * Validates stored settings `{ dedup?, resolve_pattern?, trigger_pattern?, severity? }`.
 * Patterns are source text, matched case-insensitively.
 */
export function parseEmailOptions(raw: unknown): MapResult<EmailOptions> {
  if (raw === undefined || raw === null) return ok({});
  if (!isRecord(raw)) {
    return fail([typeError('config', 'an object', raw)]);
  }
  const errors: FieldError[] = [];
  const options: EmailOptions = {};
  const dedup = readEnum(raw, 'dedup', 'dedup', EMAIL_DEDUP_MODES, errors, false);
  if (dedup !== null) options.dedup = dedup;
  const severity = readEnum(raw, 'severity', 'severity', SEVERITIES, errors, false);
  if (severity !== null) options.severity = severity;
  options.resolvePattern = compilePattern(own(raw, 'resolve_pattern'), 'resolve_pattern', errors);
  options.triggerPattern = compilePattern(own(raw, 'trigger_pattern'), 'trigger_pattern', errors);
  if (options.resolvePattern !== null && (options.dedup ?? 'subject') !== 'subject') {
    errors.push({
      field: 'resolve_pattern',
      message: "only works with dedup 'subject' (no other key can match the trigger)",
      code: 'invalid',
    });
  }
  const known = ['dedup', 'severity', 'resolve_pattern', 'trigger_pattern'];
  for (const key of Object.keys(raw)) {
    if (!known.includes(key)) {
      errors.push({ field: childPath('', key), message: 'is not a known setting', code: 'invalid' });
    }
  }
  return errors.length > 0 ? fail(errors) : ok(options);
}
