import type { ContactType } from './tables.js';

// Throttling and bundling, pure. Per contact method there is a limit (at most `max` messages
// in any `windowMs`); a carrier blocks a number that is sent too much, and ten pages for one
// storm help nobody. A notification that arrives while the method is at its limit is held;
// when a slot frees up, everything held goes out as ONE message ("5 new incidents on
// payments-api"). Nothing is dropped: every admitted item is either sent at once or held
// until `flushAt`, and a flush sends all of it.
//
// The dispatcher (notify/dispatch.ts) keeps a ThrottleState per contact method (recent send
// times in throttle_state, the held items as held delivery records) and calls admit() for each
// notification and flush() when a held bundle's flush job comes due at `flushAt`.

export interface ThrottleLimit {
  /** Most messages in any window. */
  max: number;
  windowMs: number;
}

const MINUTE = 60_000;

/** Default limits per contact method type; null means unthrottled. Configurable per installation. */
export const DEFAULT_LIMITS: Readonly<Record<ContactType, ThrottleLimit | null>> = Object.freeze({
  sms: { max: 4, windowMs: 15 * MINUTE },
  voice: { max: 4, windowMs: 15 * MINUTE },
  email: { max: 20, windowMs: 15 * MINUTE },
  slack: { max: 30, windowMs: 15 * MINUTE },
  webhook: null,
});

export type ThrottleTable = Readonly<Record<ContactType, ThrottleLimit | null>>;

/** A table of limits: the defaults with the given types replaced (null switches a limit off). */
export function throttleTable(overrides: Partial<Record<ContactType, ThrottleLimit | null>> = {}): ThrottleTable {
  for (const [type, limit] of Object.entries(overrides)) {
    if (limit && (!Number.isInteger(limit.max) || limit.max < 1 || !Number.isInteger(limit.windowMs) || limit.windowMs < 1000)) {
      throw new Error(`throttle limit for ${type} must allow at least 1 message per at least 1 s`);
    }
  }
  return Object.freeze({ ...DEFAULT_LIMITS, ...overrides });
}

/** One incident's notification, as far as bundling needs it. */
export interface ThrottleItem {
  incident_id: string;
  incident_number?: number;
  title: string;
  service_name: string;
}

export interface ThrottleState {
  /** When messages went out to this method, oldest first (older than the window may be pruned). */
  sent: number[];
  /** Items waiting for a free slot, in arrival order. */
  held: ThrottleItem[];
}

export const EMPTY_STATE: ThrottleState = Object.freeze({ sent: [], held: [] }) as ThrottleState;

export type Outcome =
  /** Send one message now: a single incident, or a bundle of everything that was held plus this. */
  | { action: 'send'; items: ThrottleItem[]; state: ThrottleState }
  /** Hold: a flush is due at `flushAt` (the moment a slot frees). */
  | { action: 'hold'; flushAt: number; state: ThrottleState }
  /** flush(): nothing held, or still no free slot (try again at `flushAt`). */
  | { action: 'none'; flushAt: number | null; state: ThrottleState };

function recent(sent: readonly number[], now: number, limit: ThrottleLimit): number[] {
  return sent.filter((t) => t > now - limit.windowMs && t <= now);
}

/** When the next slot frees, given the sends still inside the window at `now`. */
function nextFree(inWindow: readonly number[], limit: ThrottleLimit): number {
  // With max sends in the window, a slot frees when the oldest of the last `max` leaves it.
  const sorted = [...inWindow].sort((a, b) => a - b);
  return sorted[sorted.length - limit.max]! + limit.windowMs;
}

/** Whether a message may go out now, and if not, when it may. */
export function slotAt(sent: readonly number[], now: number, limit: ThrottleLimit | null): { free: true } | { free: false; at: number } {
  if (!limit) return { free: true };
  const inWindow = recent(sent, now, limit);
  return inWindow.length < limit.max ? { free: true } : { free: false, at: nextFree(inWindow, limit) };
}

/** A new notification for this method arrives at `now`. */
export function admit(state: ThrottleState, item: ThrottleItem, now: number, limit: ThrottleLimit | null): Outcome {
  const sent = limit ? recent(state.sent, now, limit) : [];
  const slot = slotAt(sent, now, limit);
  if (slot.free) {
    // Whatever was held goes out with it: one message, never more than the limit.
    return { action: 'send', items: [...state.held, item], state: { sent: limit ? [...sent, now] : [], held: [] } };
  }
  return { action: 'hold', flushAt: slot.at, state: { sent, held: [...state.held, item] } };
}

/** A held bundle's flush comes due at `now`. */
export function flush(state: ThrottleState, now: number, limit: ThrottleLimit | null): Outcome {
  const sent = limit ? recent(state.sent, now, limit) : [];
  if (state.held.length === 0) return { action: 'none', flushAt: null, state: { sent, held: [] } };
  const slot = slotAt(sent, now, limit);
  if (!slot.free) return { action: 'none', flushAt: slot.at, state: { sent, held: state.held } };
  return { action: 'send', items: state.held, state: { sent: limit ? [...sent, now] : [], held: [] } };
}

/** The one-line summary of a bundle: "5 new incidents on payments-api". */
export function bundleSummary(items: readonly ThrottleItem[]): string {
  if (items.length === 1) {
    const it = items[0]!;
    return `${it.incident_number !== undefined ? `#${it.incident_number} ` : ''}${it.title} (${it.service_name})`;
  }
  const services = [...new Set(items.map((i) => i.service_name))];
  const where =
    services.length === 1
      ? services[0]!
      : services.length <= 3
        ? `${services.slice(0, -1).join(', ')} and ${services.at(-1)!}`
        : `${services.length} services (${services.slice(0, 2).join(', ')}, …)`;
  return `${items.length} new incidents on ${where}`;
}
