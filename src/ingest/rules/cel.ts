// CEL conditions over a normalized event: the one place that knows the CEL library. Event rules
// and maintenance windows both compile their conditions here.
//
// Conditions are user input that runs on every inbound event, so compiling also bounds what an
// expression can cost (see CEL_LIMITS) and evaluation never throws: a condition that fails at
// run time (a missing key, a type mismatch) simply does not match.

import { Environment, type ASTNode } from '@marcbachmann/cel-js';
import type { NormalizedEvent } from '../formats/types.js';
import { checkRegex } from './regex-safety.js';

/**
 * maxLength: characters per expression. A condition is a line or two; this keeps a pasted blob
 *   from becoming a parse-time cost.
 * maxAstNodes / maxDepth: the library's structural limits, applied at parse time.
 * Comprehension macros (all, exists, exists_one, map, filter) may not nest, so one expression
 * walks event data at most once per macro instead of n² or n³ times.
 * matches() needs a string literal pattern that passes the regex screen (regex-safety.ts).
 */
export const CEL_LIMITS = Object.freeze({
  maxLength: 4096,
  maxAstNodes: 1000,
  maxDepth: 32,
});

/**
 * The event as CEL (and templates) see it. Long data is cut so the cost of one evaluation is
 * bounded whatever the sender put in custom_details: strings to VIEW_STRING_MAX characters,
 * lists and maps to VIEW_COLLECTION_MAX entries, nesting to VIEW_DEPTH_MAX levels.
 */
export const VIEW_STRING_MAX = 4096;
export const VIEW_COLLECTION_MAX = 1000;
export const VIEW_DEPTH_MAX = 16;

const COMPREHENSIONS = new Set(['all', 'exists', 'exists_one', 'map', 'filter']);

export interface CelEventView {
  action: string;
  summary: string;
  source: string;
  severity: string;
  dedup_key: string | null;
  component: string | null;
  group: string | null;
  class: string | null;
  custom_details: unknown;
  client: string | null;
  client_url: string | null;
  /** Epoch milliseconds; the receive time when the sender gave none. */
  timestamp: bigint;
}

const env = new Environment({
  limits: { maxAstNodes: CEL_LIMITS.maxAstNodes, maxDepth: CEL_LIMITS.maxDepth },
}).registerVariable({
  name: 'event',
  schema: {
    action: 'string',
    summary: 'string',
    source: 'string',
    severity: 'string',
    dedup_key: 'dyn',
    component: 'dyn',
    group: 'dyn',
    class: 'dyn',
    custom_details: 'dyn',
    client: 'dyn',
    client_url: 'dyn',
    timestamp: 'int',
  },
});

function cutString(s: string): string {
  return s.length > VIEW_STRING_MAX ? s.slice(0, VIEW_STRING_MAX) : s;
}

/**
 * A bounded copy of arbitrary JSON-like data: plain values, arrays and null-prototype maps only.
 * Anything else (functions, class instances, bigints from a caller) becomes a string or null.
 */
export function boundedData(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return cutString(value);
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number(value);
  if (depth >= VIEW_DEPTH_MAX) return null;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (let i = 0; i < value.length && i < VIEW_COLLECTION_MAX; i++) out.push(boundedData(value[i], depth + 1));
    return out;
  }
  if (typeof value === 'object') {
    const out = Object.create(null) as Record<string, unknown>;
    let n = 0;
    for (const key of Object.keys(value)) {
      if (n++ >= VIEW_COLLECTION_MAX) break;
      out[key] = boundedData((value as Record<string, unknown>)[key], depth + 1);
    }
    return out;
  }
  return null;
}

function nullableString(s: string | null): string | null {
  return s === null ? null : cutString(s);
}

/** The snake_case view of an event; `now` stands in for a missing timestamp. */
export function eventView(event: NormalizedEvent, now: number): CelEventView {
  const ts = event.timestamp !== null && Number.isFinite(event.timestamp) ? event.timestamp : now;
  return {
    action: event.action,
    summary: cutString(event.summary),
    source: cutString(event.source),
    severity: event.severity,
    dedup_key: nullableString(event.dedupKey),
    component: nullableString(event.component),
    group: nullableString(event.group),
    class: nullableString(event.class),
    custom_details: boundedData(event.customDetails),
    client: nullableString(event.client),
    client_url: nullableString(event.clientUrl),
    timestamp: BigInt(Math.trunc(ts)),
  };
}

export interface SourcePosition {
  line: number;
  column: number;
  offset: number;
}

/** 1-based line and column (in UTF-16 code units, as editors count) of a character offset. */
export function positionOf(source: string, offset: number): SourcePosition {
  const at = Math.max(0, Math.min(offset, source.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    if (source[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: at - lineStart + 1, offset: at };
}

export interface CelProblem {
  message: string;
  position: SourcePosition | null;
}

/** "syntax error at line 2, column 12 (offset 44): Unexpected token: EOF" */
export function describeProblem(p: CelProblem): string {
  if (!p.position) return p.message;
  const { line, column, offset } = p.position;
  return `${p.message.replace(/:$/, '')} at line ${line}, column ${column} (offset ${offset})`;
}

export interface CompiledCondition {
  source: string;
  /** true on a match; false on no match or a run-time error (then `error` says why). */
  evaluate(view: CelEventView): { matched: boolean; error: string | null };
}

export type CompileResult = { ok: true; condition: CompiledCondition } | { ok: false; problem: CelProblem };

interface LibraryError {
  summary?: unknown;
  message?: unknown;
  range?: { start: number; end: number };
}

function problemFrom(source: string, kind: string, e: unknown): CelProblem {
  const err = (e ?? {}) as LibraryError;
  const text = typeof err.summary === 'string' ? err.summary : typeof err.message === 'string' ? err.message.split('\n')[0]! : String(e);
  return {
    message: `${kind}: ${text}`,
    position: err.range && typeof err.range.start === 'number' ? positionOf(source, err.range.start) : null,
  };
}

function isNode(x: unknown): x is ASTNode {
  return typeof x === 'object' && x !== null && 'op' in x && 'args' in x;
}

function children(node: ASTNode): ASTNode[] {
  const out: ASTNode[] = [];
  const visit = (x: unknown): void => {
    if (isNode(x)) out.push(x);
    else if (Array.isArray(x)) x.forEach(visit);
  };
  const args = node.args as unknown;
  if (Array.isArray(args)) args.forEach(visit);
  else visit(args);
  return out;
}

/** The limits the library does not enforce itself; returns the first offending node. */
function screenAst(root: ASTNode, source: string): CelProblem | null {
  const walk = (node: ASTNode, insideComprehension: boolean): CelProblem | null => {
    let inside = insideComprehension;
    const args = node.args as unknown[];
    if (node.op === 'rcall' && typeof args[0] === 'string' && COMPREHENSIONS.has(args[0])) {
      if (insideComprehension) {
        return { message: `${args[0]}() inside another list macro is not allowed (macros may not nest)`, position: positionOf(source, node.start) };
      }
      inside = true;
    }
    const isMatches = (node.op === 'rcall' || node.op === 'call') && args[0] === 'matches';
    if (isMatches) {
      const callArgs = (node.op === 'rcall' ? args[2] : args[1]) as unknown[];
      const pattern = Array.isArray(callArgs) ? callArgs[callArgs.length - 1] : undefined;
      if (!isNode(pattern) || pattern.op !== 'value' || typeof pattern.args !== 'string') {
        return { message: 'matches() needs a string literal as its pattern', position: positionOf(source, node.start) };
      }
      const check = checkRegex(pattern.args);
      if (!check.ok) return { message: `the matches() pattern ${check.message}`, position: positionOf(source, pattern.start) };
    }
    for (const child of children(node)) {
      const problem = walk(child, inside);
      if (problem) return problem;
    }
    return null;
  };
  return walk(root, false);
}

/**
 * Compiles a condition: syntax, the event's field names and types, the result type (bool), and
 * the cost limits. Problems carry a position when the library gives one.
 */
export function compileCondition(source: string): CompileResult {
  if (source.trim() === '') return { ok: false, problem: { message: 'must not be empty', position: null } };
  if (source.length > CEL_LIMITS.maxLength) {
    return { ok: false, problem: { message: `is longer than ${CEL_LIMITS.maxLength} characters`, position: null } };
  }
  let program: ReturnType<Environment['parse']>;
  try {
    program = env.parse(source);
  } catch (e) {
    return { ok: false, problem: problemFrom(source, 'syntax error', e) };
  }
  let checked: ReturnType<typeof program.check>;
  try {
    checked = program.check();
  } catch (e) {
    return { ok: false, problem: problemFrom(source, 'type error', e) };
  }
  if (!checked.valid) return { ok: false, problem: problemFrom(source, 'type error', checked.error) };
  if (checked.type !== 'bool' && checked.type !== 'dyn') {
    return { ok: false, problem: { message: `must be a true/false expression, but this one gives ${checked.type ?? 'an unknown type'}`, position: null } };
  }
  const screened = screenAst(program.ast, source);
  if (screened) return { ok: false, problem: screened };
  return {
    ok: true,
    condition: {
      source,
      evaluate(view) {
        try {
          const result: unknown = program({ event: view });
          if (result === true) return { matched: true, error: null };
          if (result === false) return { matched: false, error: null };
          return { matched: false, error: `the condition gave ${typeName(result)}, not true or false` };
        } catch (e) {
          return { matched: false, error: problemFrom(source, 'evaluation error', e).message };
        }
      },
    },
  };
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'bigint') return 'an int';
  if (typeof v === 'number') return 'a double';
  if (typeof v === 'object') return 'a map';
  return `a ${typeof v}`;
}
