import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { codePointLength, takeCodePoints, truncate } from './text.js';

describe('text helpers', () => {
  it('counts code points', () => {
    expect(codePointLength('abc')).toBe(3);
    expect(codePointLength('😀😀')).toBe(2);
    expect(codePointLength('\ud800x')).toBe(2); // a lone surrogate counts as one
  });

  it('agrees with the string iterator', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(codePointLength(s)).toBe([...s].length);
      }),
    );
  });

  it('never splits a surrogate pair when cutting', () => {
    expect(takeCodePoints('a😀b', 2)).toBe('a😀');
    expect(truncate('😀😀😀', 2)).toBe('😀…');
    expect(truncate('short', 10)).toBe('short');
  });

  it('truncates to at most the limit, as a prefix plus an ellipsis', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.integer({ min: 1, max: 200 }), (s, max) => {
        const t = truncate(s, max);
        expect(codePointLength(t)).toBeLessThanOrEqual(max);
        if (t !== s) {
          expect(t.endsWith('…')).toBe(true);
          expect(s.startsWith(t.slice(0, -1))).toBe(true);
        }
      }),
    );
  });
});
