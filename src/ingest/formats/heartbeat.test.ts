import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  formatInterval,
  heartbeatDedupKey,
  heartbeatMissedEvent,
  heartbeatRecoveredEvent,
} from './heartbeat.js';
import { codePointLength } from './text.js';

const NOW = Date.UTC(2024, 11, 1, 2, 0);

describe('heartbeat events', () => {
  it('raises a missed heartbeat', () => {
    const e = heartbeatMissedEvent({
      integrationId: '0192f1c2-7a3b-7c4d-8e5f-6a7b8c9d0e1f',
      name: 'nightly-backup',
      intervalMs: 25 * 3_600_000,
      lastPingAt: NOW - 26 * 3_600_000,
      now: NOW,
    });
    expect(e).toEqual({
      action: 'trigger',
      dedupKey: 'heartbeat:0192f1c2-7a3b-7c4d-8e5f-6a7b8c9d0e1f',
      summary: 'Heartbeat "nightly-backup" missed: no ping for 1d 1h',
      source: 'nightly-backup',
      severity: 'critical',
      timestamp: NOW,
      component: null,
      group: null,
      class: 'heartbeat',
      customDetails: {
        integrationId: '0192f1c2-7a3b-7c4d-8e5f-6a7b8c9d0e1f',
        intervalMs: 25 * 3_600_000,
        lastPingAt: NOW - 26 * 3_600_000,
        silentForMs: 26 * 3_600_000,
      },
      images: [],
      links: [],
      client: null,
      clientUrl: null,
    });
  });

  it('handles a heartbeat that never pinged, and a chosen severity', () => {
    const e = heartbeatMissedEvent({ integrationId: 'i', name: 'cron', intervalMs: 300_000, lastPingAt: null, now: NOW, severity: 'warning' });
    expect(e.summary).toBe('Heartbeat "cron" missed: no ping for 5m');
    expect(e.severity).toBe('warning');
    expect(e.customDetails).toMatchObject({ lastPingAt: null, silentForMs: null });
  });

  it('resolves with the same key', () => {
    const missed = heartbeatMissedEvent({ integrationId: 'abc', name: 'n', intervalMs: 60_000, lastPingAt: null, now: NOW });
    const back = heartbeatRecoveredEvent({ integrationId: 'abc', name: 'n', pingAt: NOW + 5_000 });
    expect(back).toMatchObject({ action: 'resolve', dedupKey: missed.dedupKey, timestamp: NOW + 5_000 });
    expect(heartbeatDedupKey('abc')).toBe('heartbeat:abc');
  });

  it('keeps the summary within 1024 characters for any name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 3000 }), fc.nat(), (name, intervalMs) => {
        const e = heartbeatMissedEvent({ integrationId: 'i', name, intervalMs, lastPingAt: null, now: NOW });
        expect(codePointLength(e.summary)).toBeLessThanOrEqual(1024);
        expect(e.source).not.toBe('');
      }),
    );
  });
});

describe('formatInterval', () => {
  it.each([
    [0, '0ms'],
    [999, '999ms'],
    [1_000, '1s'],
    [90_000, '1m 30s'],
    [3_600_000, '1h'],
    [5_400_000, '1h 30m'],
    [86_400_000 + 1_000, '1d 1s'],
    [-5, '0ms'],
    [Number.NaN, '0ms'],
  ])('formats %d ms as %s', (ms, text) => {
    expect(formatInterval(ms)).toBe(text);
  });
});
