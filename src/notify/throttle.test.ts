import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { admit, bundleSummary, DEFAULT_LIMITS, EMPTY_STATE, flush, slotAt, throttleTable, type ThrottleItem, type ThrottleLimit, type ThrottleState } from './throttle.js';

const MIN = 60_000;
const sms = DEFAULT_LIMITS.sms!;
const item = (n: number, service = 'payments-api'): ThrottleItem => ({ incident_id: `i${n}`, incident_number: n, title: `Problem ${n}`, service_name: service });

describe('throttle: table', () => {
  it('defaults SMS and voice to 4 per 15 minutes, webhooks unthrottled', () => {
    expect(DEFAULT_LIMITS.sms).toEqual({ max: 4, windowMs: 15 * MIN });
    expect(DEFAULT_LIMITS.voice).toEqual({ max: 4, windowMs: 15 * MIN });
    expect(DEFAULT_LIMITS.webhook).toBeNull();
  });

  it('takes overrides and refuses nonsense', () => {
    expect(throttleTable({ sms: { max: 2, windowMs: MIN }, webhook: null }).sms).toEqual({ max: 2, windowMs: MIN });
    expect(throttleTable({}).voice).toEqual(DEFAULT_LIMITS.voice);
    expect(() => throttleTable({ sms: { max: 0, windowMs: MIN } })).toThrow(/at least 1/);
  });

  it.each([
    [[], 0, { free: true }],
    [[0, 1, 2], 3, { free: true }],
    [[0, 1, 2, 3], 4, { free: false, at: 15 * MIN }],
    // Sends older than the window do not count.
    [[0, 1, 2, 3], 15 * MIN, { free: true }],
    [[0, MIN, 2 * MIN, 3 * MIN, 4 * MIN], 5 * MIN, { free: false, at: 16 * MIN }],
  ])('slotAt(%j, %i)', (sent, now, expected) => {
    expect(slotAt(sent, now, sms)).toEqual(expected);
  });
});

describe('throttle: admit and flush', () => {
  it('sends the first four at once, holds the rest, and flushes them as one bundle when a slot frees', () => {
    let state: ThrottleState = EMPTY_STATE;
    const actions: string[] = [];
    for (let n = 1; n <= 9; n++) {
      const out = admit(state, item(n), n * MIN, sms);
      actions.push(out.action === 'hold' ? `hold until ${out.flushAt / MIN}` : out.action);
      state = out.state;
    }
    expect(actions).toEqual(['send', 'send', 'send', 'send', 'hold until 16', 'hold until 16', 'hold until 16', 'hold until 16', 'hold until 16']);
    expect(flush(state, 15 * MIN, sms)).toMatchObject({ action: 'none', flushAt: 16 * MIN });
    const out = flush(state, 16 * MIN, sms);
    expect(out.action).toBe('send');
    if (out.action !== 'send') return;
    expect(out.items.map((i) => i.incident_id)).toEqual(['i5', 'i6', 'i7', 'i8', 'i9']);
    expect(bundleSummary(out.items)).toBe('5 new incidents on payments-api');
    expect(out.state.held).toEqual([]);
  });

  it('sends what is held together with a new arrival once a slot is free', () => {
    const state: ThrottleState = { sent: [0, 1, 2, 3], held: [item(5)] };
    const out = admit(state, item(6), 20 * MIN, sms);
    expect(out.action).toBe('send');
    if (out.action === 'send') expect(out.items.map((i) => i.incident_id)).toEqual(['i5', 'i6']);
  });

  it('never holds for an unthrottled type', () => {
    let state: ThrottleState = EMPTY_STATE;
    for (let n = 0; n < 100; n++) {
      const out = admit(state, item(n), 0, null);
      expect(out.action).toBe('send');
      state = out.state;
    }
    expect(flush(state, 0, null)).toEqual({ action: 'none', flushAt: null, state: { sent: [], held: [] } });
  });

  it.each([
    [[item(1)], '#1 Problem 1 (payments-api)'],
    [[item(1), item(2, 'web')], '2 new incidents on payments-api and web'],
    [[item(1, 'a'), item(2, 'b'), item(3, 'c')], '3 new incidents on a, b and c'],
    [[item(1, 'a'), item(2, 'b'), item(3, 'c'), item(4, 'd')], '4 new incidents on 4 services (a, b, …)'],
  ])('summarises %#', (items, text) => {
    expect(bundleSummary(items)).toBe(text);
  });
});

describe('throttle: properties', () => {
  const limitArb = fc.record({ max: fc.integer({ min: 1, max: 5 }), windowMs: fc.integer({ min: 1, max: 30 }).map((m) => m * MIN) });
  const gapsArb = fc.array(fc.integer({ min: 0, max: 10 * MIN }), { minLength: 1, maxLength: 40 });

  /** Feeds arrivals in time order, running every due flush before each arrival and after the last. */
  function simulate(limit: ThrottleLimit, gaps: number[]) {
    let state: ThrottleState = EMPTY_STATE;
    let pendingFlush: number | null = null;
    const sends: Array<{ at: number; items: string[] }> = [];
    const holds: Array<{ now: number; flushAt: number }> = [];
    const runFlushes = (until: number) => {
      while (pendingFlush !== null && pendingFlush <= until) {
        const at: number = pendingFlush;
        const out = flush(state, at, limit);
        state = out.state;
        pendingFlush = out.action === 'none' ? out.flushAt : null;
        if (out.action === 'send') sends.push({ at, items: out.items.map((i) => i.incident_id) });
      }
    };
    let now = 0;
    gaps.forEach((gap, n) => {
      now += gap;
      runFlushes(now);
      const out = admit(state, item(n), now, limit);
      state = out.state;
      if (out.action === 'send') sends.push({ at: now, items: out.items.map((i) => i.incident_id) });
      if (out.action === 'hold') {
        holds.push({ now, flushAt: out.flushAt });
        pendingFlush = pendingFlush === null ? out.flushAt : Math.min(pendingFlush, out.flushAt);
      }
    });
    runFlushes(Number.MAX_SAFE_INTEGER);
    return { sends, holds, state };
  }

  it('never sends more than the limit in any window', () => {
    fc.assert(
      fc.property(limitArb, gapsArb, (limit, gaps) => {
        const { sends } = simulate(limit, gaps);
        for (const s of sends) {
          const inWindow = sends.filter((x) => x.at > s.at - limit.windowMs && x.at <= s.at);
          expect(inWindow.length).toBeLessThanOrEqual(limit.max);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('loses nothing and sends nothing twice', () => {
    fc.assert(
      fc.property(limitArb, gapsArb, (limit, gaps) => {
        const { sends, state } = simulate(limit, gaps);
        const sent = sends.flatMap((s) => s.items);
        expect(sent.sort()).toEqual(gaps.map((_, n) => `i${n}`).sort());
        expect(state.held).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('holds only when the limit is reached, and always until a later moment', () => {
    fc.assert(
      fc.property(limitArb, gapsArb, (limit, gaps) => {
        const { holds, sends } = simulate(limit, gaps);
        for (const h of holds) {
          expect(h.flushAt).toBeGreaterThan(h.now);
          expect(h.flushAt).toBeLessThanOrEqual(h.now + limit.windowMs);
          expect(sends.filter((x) => x.at > h.now - limit.windowMs && x.at <= h.now).length).toBe(limit.max);
        }
      }),
      { numRuns: 500 },
    );
  });
});
