import { IANAZone } from 'luxon';
import type { Layer, Rotation, Schedule } from './types.js';

// Builders for schedules in tests (this folder's and other domains'), kept short so that a
// table test shows only what matters to it.

const EXPLICIT_OFFSET = /(?:Z|[+-]\d\d:\d\d)$/;

/**
 * Epoch milliseconds of an ISO 8601 string that states its offset ('Z' or '+05:30'). Strings
 * without one would be read in the process's own zone, so they are refused.
 */
export function instant(iso: string): number {
  const parsed = Date.parse(iso);
  if (!EXPLICIT_OFFSET.test(iso) || Number.isNaN(parsed)) {
    throw new Error(`not an ISO instant with an explicit offset: ${iso}`);
  }
  return parsed;
}

export function iso(instantMs: number): string {
  return new Date(instantMs).toISOString();
}

export const HOURS = 3_600_000;

export function makeLayer(
  fields: Partial<Layer> & { start: number; users: string[]; rotation: Rotation },
): Layer {
  return {
    id: 'layer',
    name: 'Layer',
    end: null,
    restrictions: [],
    skipUnavailable: false,
    ...fields,
  };
}

export function makeSchedule(timeZone: string, layers: Layer[], extra: Partial<Schedule> = {}): Schedule {
  return { id: 'schedule', timeZone, layers, overrides: [], ...extra };
}

const changesMemo = new Map<string, number[]>();

/**
 * The instants in a UTC year at which a zone's offset changes, asked of Luxon directly (day by
 * day, then by bisection to the second), for tests that aim at gaps and repeated hours.
 */
export function offsetChanges(zone: string, year: number): number[] {
  const key = `${zone} ${year}`;
  let found = changesMemo.get(key);
  if (found === undefined) {
    found = [];
    const luxonZone = IANAZone.create(zone);
    const day = 86_400_000;
    for (let from = Date.UTC(year, 0, 1); from < Date.UTC(year + 1, 0, 1); from += day) {
      let lo = from;
      let hi = from + day;
      const first = luxonZone.offset(lo);
      if (luxonZone.offset(hi) === first) continue;
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (luxonZone.offset(mid) === first) lo = mid;
        else hi = mid;
      }
      found.push(hi);
    }
    changesMemo.set(key, found);
  }
  return found;
}
