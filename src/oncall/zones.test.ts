import fc from 'fast-check';
import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { offsetChanges } from './fixtures.js';
import { isKnownZone, zoneOffsets } from './zones.js';

const ZONES = [
  'Europe/London',
  'America/Denver',
  'Pacific/Auckland',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'America/Sao_Paulo',
  'America/St_Johns',
  'Asia/Tehran',
  'Europe/Dublin',
  'Africa/Casablanca',
  'Pacific/Apia',
  'UTC',
];

function luxonOffsetMs(zone: string, t: number): number {
  return IANAZone.create(zone).offset(t) * 60_000;
}

describe('memoized zone offsets', () => {
  it('knows IANA names and refuses others', () => {
    expect(isKnownZone('Europe/London')).toBe(true);
    expect(isKnownZone('UTC')).toBe(true);
    expect(isKnownZone('Mars/Olympus_Mons')).toBe(false);
    expect(isKnownZone('')).toBe(false);
    expect(() => zoneOffsets('Mars/Olympus_Mons')).toThrow(RangeError);
  });

  it('agree with Luxon at any instant', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2060, 0, 1) }),
        (zone, t) => {
          expect(zoneOffsets(zone).offsetAt(t)).toBe(luxonOffsetMs(zone, t));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('agree with Luxon on both sides of every change', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: 2014, max: 2028 }),
        fc.integer({ min: -2000, max: 2000 }),
        (zone, year, delta) => {
          for (const change of offsetChanges(zone, year)) {
            for (const t of [change - 1, change, change + delta]) {
              expect(zoneOffsets(zone).offsetAt(t)).toBe(luxonOffsetMs(zone, t));
            }
          }
        },
      ),
      { numRuns: 120 },
    );
  });

  it('handle Samoa skipping 30 December 2011', () => {
    const apia = zoneOffsets('Pacific/Apia');
    const change = Date.UTC(2011, 11, 30, 10, 0);
    expect(apia.offsetAt(change - 1)).toBe(-10 * 3_600_000);
    expect(apia.offsetAt(change)).toBe(14 * 3_600_000);
  });
});
