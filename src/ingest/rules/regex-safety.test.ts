import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { captureGroups, checkRegex, REGEX_MAX_LENGTH } from './regex-safety.js';

function refused(pattern: string, flags?: string): string {
  const r = checkRegex(pattern, flags);
  if (r.ok) throw new Error(`expected ${pattern} to be refused`);
  return r.message;
}

describe('checkRegex', () => {
  it.each([
    'host=(\\S+)',
    '^(?<host>[a-z0-9-]+)\\.prod\\.',
    '(\\d{1,3}\\.){3}\\d{1,3}',
    '(?:foo|bar)+baz',
    'disk (\\/[^ ]*) at (\\d+)%',
    '[(+*]+',
    '\\(a+\\)+',
    'a{2}b{3,}',
    '\\u{1F600}+',
    '(a+)?b',
    'x{',
  ])('accepts %s', (pattern) => {
    expect(checkRegex(pattern).ok).toBe(true);
  });

  it.each([
    '(a+)+b',
    '(a*)*',
    '^(\\w+\\s?)*$',
    '(x+y)*z',
    '((ab)+c)+',
    '(?:a|b+)+',
    '(?<n>\\d+)+',
    '([a-z]+\\.){2,}',
    '(\\d{1,3}\\.){50}',
  ])('refuses nested repetition in %s', (pattern) => {
    expect(refused(pattern)).toMatch(/must not repeat a group that itself repeats/);
  });

  it('refuses backreferences, bad syntax, empty and long patterns, and stateful flags', () => {
    expect(refused('(a)\\1')).toMatch(/backreferences/);
    expect(refused('(?<x>a)\\k<x>')).toMatch(/backreferences/);
    expect(refused('(unclosed')).toMatch(/^is not a valid regular expression/);
    expect(refused('')).toBe('must not be empty');
    expect(refused('a'.repeat(REGEX_MAX_LENGTH + 1))).toMatch(/longer than/);
    expect(refused('a', 'g')).toMatch(/^flags may only be/);
    expect(refused('a', 'ii')).toMatch(/^flags may only be/);
    expect(checkRegex('ERROR', 'i').ok).toBe(true);
  });

  it('never throws, whatever the pattern', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('(', ')', '[', ']', '{', '}', '\\', '*', '+', '?', 'a', '1', ',', '<', '>', '|', '^', '$', '.', 'k', 'u', 'p') }), (p) => {
        const r = checkRegex(p);
        expect(typeof r.ok).toBe('boolean');
      }),
    );
  });
});

describe('captureGroups', () => {
  it('counts groups and names', () => {
    expect(captureGroups(/a(b)(?:c)(?<d>e)/)).toEqual({ count: 2, names: ['d'] });
    expect(captureGroups(/abc/)).toEqual({ count: 0, names: [] });
  });
});
