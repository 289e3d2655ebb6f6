// User regular expressions run on every inbound event with JavaScript's backtracking engine,
// where a pattern such as (a+)+b takes exponential time on a string of a few dozen characters.
// Node offers no linear-time engine here, so patterns are screened when they are saved:
//
// - at most REGEX_MAX_LENGTH characters;
// - no repetition of something that itself repeats ("nested quantifiers": (a+)+, (x*y)*,
//   (\d{1,3}.){3,}) — the shape behind nearly every catastrophic pattern; nesting two small
//   bounded repeats ((\d{1,3}\.){3}) is allowed;
// - no backreferences (\1, \k<name>), which make matching NP-hard in general.
//
// This screen is a heuristic, not a proof: an alternation of overlapping branches under a
// quantifier ((a|a)*) or a chain of adjacent wildcards (.*.*.*x) can still be slow on long
// input, which is why callers also bound the length of the text a pattern sees.

export const REGEX_MAX_LENGTH = 256;

export type RegexCheck = { ok: true; regex: RegExp } | { ok: false; message: string };

interface GroupFrame {
  /** Something inside this group (at any depth) repeats. */
  repeats: boolean;
  /** Something inside repeats more than SMALL_REPEAT times (or without bound). */
  large: boolean;
}

/**
 * Nesting small bounded repeats, as in (\d{1,3}\.){3}, costs a constant per position and is
 * allowed; a repeat around something that repeats without a small bound is not.
 */
const SMALL_REPEAT = 10;

/** Reads a `{n}`, `{n,}` or `{n,m}` quantifier at `i`; returns its maximum and length, or null. */
function readBraces(p: string, i: number): { max: number; length: number } | null {
  const m = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(i, i + 24));
  if (!m) return null;
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
  return { max, length: m[0].length };
}

/**
 * Checks a pattern (JavaScript RegExp syntax, as CEL's matches() uses it) and compiles it. `flags` may hold
 * i, m and s; g and y are refused because they make a shared RegExp stateful.
 */
export function checkRegex(pattern: string, flags = ''): RegexCheck {
  if (pattern.length === 0) return { ok: false, message: 'must not be empty' };
  if (pattern.length > REGEX_MAX_LENGTH) return { ok: false, message: `is longer than ${REGEX_MAX_LENGTH} characters` };
  if (!/^[ims]*$/.test(flags) || new Set(flags).size !== flags.length) {
    return { ok: false, message: 'flags may only be i, m and s, each at most once' };
  }
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, flags);
  } catch (e) {
    return { ok: false, message: `is not a valid regular expression: ${(e as Error).message}` };
  }
  const problem = screen(pattern);
  if (problem) return { ok: false, message: problem };
  return { ok: true, regex };
}

/** Returns why the pattern is refused, or null. Assumes the pattern already compiled. */
function screen(p: string): string | null {
  const stack: GroupFrame[] = [{ repeats: false, large: false }];
  // What the next quantifier would apply to: an atom, or a group just closed (with whether its
  // content repeats).
  let last: { kind: 'atom' } | { kind: 'group'; repeats: boolean; large: boolean } | null = null;
  let i = 0;
  while (i < p.length) {
    const c = p[i]!;
    if (c === '\\') {
      const n = p[i + 1] ?? '';
      if (/[1-9]/.test(n) || n === 'k') return 'must not use backreferences (\\1, \\k<name>)';
      // \u{…}, \p{…} and \x.. are single atoms; skip their braces so they are not read as a quantifier.
      if ((n === 'u' || n === 'p' || n === 'P') && p[i + 2] === '{') {
        const close = p.indexOf('}', i + 3);
        i = close === -1 ? p.length : close + 1;
      } else {
        i += 2;
      }
      last = { kind: 'atom' };
      continue;
    }
    if (c === '[') {
      // A character class is one atom; skip to its unescaped closing bracket.
      let j = i + 1;
      if (p[j] === '^') j++;
      if (p[j] === ']') j++;
      while (j < p.length && p[j] !== ']') j += p[j] === '\\' ? 2 : 1;
      i = j + 1;
      last = { kind: 'atom' };
      continue;
    }
    if (c === '(') {
      stack.push({ repeats: false, large: false });
      // Skip the group's prefix: (?: (?= (?! (?<= (?<! (?<name>
      if (p[i + 1] === '?') {
        if (p[i + 2] === '<' && p[i + 3] !== '=' && p[i + 3] !== '!') {
          const close = p.indexOf('>', i + 3);
          i = close === -1 ? p.length : close + 1;
        } else {
          i += p[i + 2] === '<' ? 4 : 3;
        }
      } else {
        i += 1;
      }
      last = null;
      continue;
    }
    if (c === ')') {
      const frame = stack.length > 1 ? stack.pop()! : { repeats: false, large: false };
      const outer = stack[stack.length - 1]!;
      outer.repeats ||= frame.repeats;
      outer.large ||= frame.large;
      last = { kind: 'group', repeats: frame.repeats, large: frame.large };
      i += 1;
      continue;
    }
    let max: number | null = null;
    let length = 1;
    if (c === '*' || c === '+') max = Infinity;
    else if (c === '?') max = 1;
    else if (c === '{') {
      const b = readBraces(p, i);
      if (b) {
        max = b.max;
        length = b.length;
      }
    }
    if (max !== null) {
      if (max > 1) {
        if (last?.kind === 'group' && last.repeats && (last.large || max > SMALL_REPEAT)) {
          return 'must not repeat a group that itself repeats, such as (a+)+ or (\\w+\\s?)*: it can take exponential time';
        }
        const frame = stack[stack.length - 1]!;
        frame.repeats = true;
        if (max > SMALL_REPEAT) frame.large = true;
      }
      i += length;
      if (p[i] === '?') i += 1; // lazy
      last = null;
      continue;
    }
    last = { kind: 'atom' };
    i += 1;
  }
  return null;
}

/** How many capturing groups a compiled pattern has, and the names of the named ones. */
export function captureGroups(regex: RegExp): { count: number; names: string[] } {
  const probe = new RegExp(`${regex.source}|`, regex.flags);
  const m = probe.exec('')!;
  return { count: m.length - 1, names: Object.keys(m.groups ?? {}) };
}
