import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { GO_ZERO_TIME_MS, parseIso8601 } from './timestamp.js';

describe('parseIso8601', () => {
  it.each([
    ['2015-07-17T08:42:58.315+0000', Date.UTC(2015, 6, 17, 8, 42, 58, 315)],
    ['2015-07-17T08:42:58.315+00:00', Date.UTC(2015, 6, 17, 8, 42, 58, 315)],
    ['2015-07-17T08:42:58.315Z', Date.UTC(2015, 6, 17, 8, 42, 58, 315)],
    ['2015-07-17t08:42:58z', Date.UTC(2015, 6, 17, 8, 42, 58)],
    ['2015-07-17 08:42:58', Date.UTC(2015, 6, 17, 8, 42, 58)],
    ['2015-07-17T08:42', Date.UTC(2015, 6, 17, 8, 42)],
    ['2015-07-17', Date.UTC(2015, 6, 17)],
    ['2015-07-17T08:42:58-05', Date.UTC(2015, 6, 17, 13, 42, 58)],
    ['2015-07-17T08:42:58+05:30', Date.UTC(2015, 6, 17, 3, 12, 58)],
    ['2023-02-06T13:08:45.828123456Z', Date.UTC(2023, 1, 6, 13, 8, 45, 828)],
    ['2023-02-06T13:08:45.8Z', Date.UTC(2023, 1, 6, 13, 8, 45, 800)],
    ['2023-02-06T13:08:45,5Z', Date.UTC(2023, 1, 6, 13, 8, 45, 500)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
    ['2000-02-29T00:00:00Z', Date.UTC(2000, 1, 29)],
  ])('reads %s', (s, ms) => {
    expect(parseIso8601(s)).toBe(ms);
  });

  it.each([
    '',
    'now',
    '2015-7-17',
    '2015-07-17T',
    '2015-07-17T25:00:00Z',
    '2015-07-17T08:60:00Z',
    '2015-07-17T08:00:60Z',
    '2015-00-10',
    '2015-04-31',
    '2023-02-29',
    '1900-02-29',
    '2015-07-17T08:42:58+24:00',
    '2015-07-17T08:42:58 +00:00',
    '1437122578',
    '2015-07-17T08:42:58.Z',
  ])('rejects %j', (s) => {
    expect(parseIso8601(s)).toBeNull();
  });

  it("reads Go's zero time without mapping year 1 to 1901", () => {
    expect(new Date(GO_ZERO_TIME_MS).toISOString()).toBe('0001-01-01T00:00:00.000Z');
  });

  it('agrees with Date for every millisecond-precision UTC instant it prints', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }), (d) => {
        expect(parseIso8601(d.toISOString())).toBe(d.getTime());
      }),
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const r = parseIso8601(s);
        expect(r === null || Number.isFinite(r)).toBe(true);
      }),
    );
  });
});
