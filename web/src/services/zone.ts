/**
 * Wall-clock times in a named zone, for <input type="datetime-local"> fields that mean the
 * reader's profile zone rather than the browser's.
 */
import { useSession } from '../access/session.js';
import { browserTimeZone } from '../ui/format.js';

function knownZone(zone: string | undefined): zone is string {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The signed-in person's zone (their profile's, else the browser's). */
export function useProfileZone(): string {
  const zone = useSession().user?.time_zone;
  return knownZone(zone) ? zone : browserTimeZone();
}

function wallParts(epoch: number, zone: string): Record<string, number> {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(epoch));
  const out: Record<string, number> = {};
  for (const p of parts) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** How far `zone`'s wall clock is ahead of UTC at `epoch`, in ms. */
function offsetAt(epoch: number, zone: string): number {
  const w = wallParts(epoch, zone);
  const wall = Date.UTC(w.year!, w.month! - 1, w.day!, w.hour!, w.minute!, w.second!);
  return wall - Math.floor(epoch / 1000) * 1000;
}

/** "2026-01-10T22:00" on `zone`'s wall clock -> epoch ms (NaN when it is not such a value). */
export function wallToEpoch(local: string, zone: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!m) return Number.NaN;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  // Twice: the first guess may sit on the other side of a daylight-saving change.
  const first = asUtc - offsetAt(asUtc, zone);
  return asUtc - offsetAt(first, zone);
}

/** epoch ms -> "2026-01-10T22:00" on `zone`'s wall clock. */
export function epochToWall(epoch: number, zone: string): string {
  const w = wallParts(epoch, zone);
  const two = (n: number | undefined) => String(n ?? 0).padStart(2, '0');
  return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}`;
}
