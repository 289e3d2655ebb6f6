/**
 * Time for the on-call pages. The server gives instants; the console only has to (1) show them
 * in a chosen IANA zone and (2) turn what a person types ("3 Mar 09:00 in Europe/London") and
 * the edges of the days it draws back into instants. Both go through Intl.DateTimeFormat with
 * `timeZone`, which knows the zone rules: nothing here knows an offset or a DST rule itself.
 */

/** A calendar date, with no zone: what a day column or a date picker means. */
export interface CalendarDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

export interface WallTime extends CalendarDate {
  hour: number;
  minute: number;
}

const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(zone: string): Intl.DateTimeFormat {
  let f = partsFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormats.set(zone, f);
  }
  return f;
}

/** Whether the browser knows `zone` as an IANA time zone. */
export function isKnownZone(zone: string): boolean {
  if (!zone) return false;
  try {
    partsFormat(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `zone` at instant `ms`. */
export function wallClock(ms: number, zone: string): WallTime & { second: number } {
  const out: Record<string, number> = {};
  for (const p of partsFormat(zone).formatToParts(new Date(ms))) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return { year: out.year!, month: out.month!, day: out.day!, hour: out.hour! % 24, minute: out.minute!, second: out.second! };
}

/** How far `zone`'s wall clock is ahead of UTC at `ms` (as Intl reports it). */
function offsetAt(ms: number, zone: string): number {
  const w = wallClock(ms, zone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000;
}

const sameWall = (a: WallTime, b: WallTime) => a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute;

/**
 * The instant a wall-clock time in `zone` names, read the way the server reads schedules: a
 * time that happens twice means the first; a time the clocks skip is read with the offset from
 * before the change, which lands it as far past the gap as it was into it.
 */
export function instantOf(wall: WallTime, zone: string): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const before = asUtc - offsetAt(asUtc - DAY_MS, zone);
  const after = asUtc - offsetAt(asUtc + DAY_MS, zone);
  const fits = [before, after].filter((t) => sameWall(wallClock(t, zone), wall)).sort((a, b) => a - b);
  return fits[0] ?? before;
}

// ---- calendar dates (no zone involved) ----

export function addDays(d: CalendarDate, n: number): CalendarDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + n));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

export function addMonths(d: CalendarDate, n: number): CalendarDate {
  const t = new Date(Date.UTC(d.year, d.month - 1 + n, 1));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: 1 };
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(d: CalendarDate): number {
  const w = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  return w === 0 ? 7 : w;
}

export const startOfWeek = (d: CalendarDate): CalendarDate => addDays(d, 1 - isoWeekday(d));
export const startOfMonth = (d: CalendarDate): CalendarDate => ({ year: d.year, month: d.month, day: 1 });

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** "2026-03-02" */
export function dateKey(d: CalendarDate): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

export function parseDateKey(s: string | null | undefined): CalendarDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s ?? '');
  if (!m) return null;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return dateKey(addDays(d, 0)) === s ? d : null;
}

export function today(zone: string, now = Date.now()): CalendarDate {
  const w = wallClock(now, zone);
  return { year: w.year, month: w.month, day: w.day };
}

/** The instant a calendar day begins in `zone`. */
export const startOfDay = (d: CalendarDate, zone: string): number => instantOf({ ...d, hour: 0, minute: 0 }, zone);

// ---- <input type="datetime-local"> ----

/** An instant as a datetime-local value ("2026-03-02T09:00") on `zone`'s wall clock. */
export function toLocalInput(ms: number, zone: string): string {
  const w = wallClock(ms, zone);
  return `${dateKey(w)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** A datetime-local value read on `zone`'s wall clock, as an ISO instant; null when incomplete. */
export function fromLocalInput(value: string, zone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return null;
  const wall = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]) };
  return new Date(instantOf(wall, isKnownZone(zone) ? zone : 'UTC')).toISOString();
}

// ---- display ----

const displayFormats = new Map<string, Intl.DateTimeFormat>();

function display(zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${zone}|${JSON.stringify(options)}`;
  let f = displayFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(undefined, { ...options, timeZone: zone });
    displayFormats.set(key, f);
  }
  return f;
}

/** "Mon 2 Mar, 09:00" */
export function formatInstant(ms: number | string, zone: string): string {
  return display(zone, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(ms));
}

/** "Mon 2 Mar 2026, 09:00 GMT" */
export function formatInstantLong(ms: number | string, zone: string): string {
  return display(zone, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(new Date(ms));
}

/** "09:00" */
export function formatClock(ms: number | string, zone: string): string {
  return display(zone, { hour: '2-digit', minute: '2-digit' }).format(new Date(ms));
}

/** "Mon 2 Mar, 09:00 – Tue 3 Mar, 09:00" */
export function formatSpan(start: number | string, end: number | string, zone: string): string {
  return `${formatInstant(start, zone)} – ${formatInstant(end, zone)}`;
}

/** A calendar day's label: "Mon 2 Mar" (or "Mon" / "2" when asked). */
export function formatDay(d: CalendarDate, options: Intl.DateTimeFormatOptions): string {
  return display('UTC', options).format(new Date(Date.UTC(d.year, d.month - 1, d.day, 12)));
}

/** "24 h", "3 d 4 h", "45 min" */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const parts = [d ? `${d} d` : '', h ? `${h} h` : '', m ? `${m} min` : ''].filter(Boolean);
  return parts.join(' ') || '0 min';
}
