import { describe, expect, it } from 'vitest';
import { RulesetCache } from './cache.js';

describe('RulesetCache', () => {
  it('hits only on the same id and version, and forgets on invalidate', () => {
    const c = new RulesetCache();
    const rs = { rules: [] };
    c.set('a', 1, rs);
    expect(c.get('a', 1)).toBe(rs);
    expect(c.get('a', 2)).toBeUndefined();
    expect(c.get('b', 1)).toBeUndefined();
    c.invalidate('a');
    expect(c.get('a', 1)).toBeUndefined();
  });

  it('evicts the least recently used entry beyond its size', () => {
    const c = new RulesetCache(2);
    c.set('a', 1, { rules: [] });
    c.set('b', 1, { rules: [] });
    c.get('a', 1);
    c.set('c', 1, { rules: [] });
    expect(c.size).toBe(2);
    expect(c.get('b', 1)).toBeUndefined();
    expect(c.get('a', 1)).toBeDefined();
    expect(c.get('c', 1)).toBeDefined();
  });
});
