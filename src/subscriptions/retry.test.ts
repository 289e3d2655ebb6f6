import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIRST_RETRY_MS, MAX_RETRY_MS, nextAttemptAt, RETRY_WINDOW_MS } from './retry.js';

const mid = () => 0.5; // no jitter: 0.8 + 0.5 * 0.4 = 1

describe('delivery retries', () => {
  it('backs off exponentially from 30 s, capped at an hour', () => {
    const at = (failures: number) => nextAttemptAt({ now: 0, failures, retryUntil: RETRY_WINDOW_MS, random: mid })!;
    expect([1, 2, 3, 4].map(at)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(at(8)).toBe(MAX_RETRY_MS);
    expect(at(30)).toBe(MAX_RETRY_MS);
  });

  it('honours a longer Retry-After, never past the window', () => {
    expect(nextAttemptAt({ now: 0, failures: 1, retryUntil: RETRY_WINDOW_MS, retryAfterMs: 600_000, random: mid })).toBe(600_000);
    expect(nextAttemptAt({ now: 0, failures: 3, retryUntil: RETRY_WINDOW_MS, retryAfterMs: 1_000, random: mid })).toBe(120_000);
    expect(nextAttemptAt({ now: 0, failures: 1, retryUntil: 10_000, retryAfterMs: 600_000, random: mid })).toBe(10_000);
  });

  it('makes a last attempt at the end of the window, then gives up', () => {
    const until = RETRY_WINDOW_MS;
    expect(nextAttemptAt({ now: until - 5_000, failures: 20, retryUntil: until, random: mid })).toBe(until);
    expect(nextAttemptAt({ now: until, failures: 21, retryUntil: until, random: mid })).toBeNull();
  });

  it('always lands after now and within the window, with jitter', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: RETRY_WINDOW_MS - 1 }), fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 1, noNaN: true }), (now, failures, r) => {
        const next = nextAttemptAt({ now, failures, retryUntil: RETRY_WINDOW_MS, random: () => r })!;
        expect(next).toBeGreaterThan(now);
        expect(next).toBeLessThanOrEqual(RETRY_WINDOW_MS);
        expect(next - now).toBeGreaterThanOrEqual(Math.min(RETRY_WINDOW_MS - now, FIRST_RETRY_MS * 0.8));
      }),
    );
  });
});
