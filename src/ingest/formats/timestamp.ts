// A strict ISO 8601 (extended format) parser. Date.parse is not used because it accepts
// implementation-specific forms ("July 17, 2015") and rejects ones senders really use, such as
// PagerDuty's own example offset "+0000" without a colon.
//
// Accepted: YYYY-MM-DD, optionally followed by T (or a space) hh:mm[:ss[.fraction]] and an
// optional zone: Z, ±hh, ±hhmm or ±hh:mm. A time without a zone is taken as UTC. Fractions
// beyond milliseconds (Go sends nanoseconds) are cut, not rounded.

const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?)?$/;

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** Epoch milliseconds, or null when `s` is not a valid ISO 8601 timestamp. */
export function parseIso8601(s: string): number | null {
  const m = ISO_8601.exec(s);
  if (!m) return null;
  const num = (i: number): number => (m[i] === undefined ? 0 : Number(m[i]));
  const year = num(1);
  const month = num(2);
  const day = num(3);
  const hour = num(4);
  const minute = num(5);
  const second = num(6);
  const millis = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  const offsetSign = m[9] === '-' ? -1 : 1;
  const offsetHours = num(10);
  const offsetMinutes = num(11);

  if (month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  if (offsetHours > 23 || offsetMinutes > 59) return null;

  // Date.UTC maps years 0-99 to 1900-1999, so set the fields one by one instead.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, millis);
  const offsetMs = offsetSign * (offsetHours * 60 + offsetMinutes) * 60_000;
  return d.getTime() - offsetMs;
}

/** Go's zero time, which Alertmanager and Grafana send for "no end yet". */
export const GO_ZERO_TIME_MS = parseIso8601('0001-01-01T00:00:00Z') as number;
