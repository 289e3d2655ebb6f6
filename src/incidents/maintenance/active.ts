// Which maintenance window covers an event: a pure function of (windows, service, event, now).

import type { NormalizedEvent } from '../../ingest/formats/types.js';
import { eventView, type CelEventView, type CompiledCondition } from '../../ingest/rules/cel.js';

export type WindowState = 'future' | 'active' | 'past';

/** A window covers [start, end): it is active from its start up to, not including, its end. */
export function windowState(start: number, end: number, now: number): WindowState {
  if (now < start) return 'future';
  if (now < end) return 'active';
  return 'past';
}

export interface WindowForMatch {
  id: string;
  start: number;
  end: number;
  serviceIds: readonly string[];
  /** null covers every event of the window's services. */
  condition: CompiledCondition | null;
}

export interface WindowError {
  windowId: string;
  message: string;
}

/**
 * The window that holds this event, or null. When several do, the one that started first (then
 * the smallest id) is named, so the answer does not depend on the order windows were listed in.
 * A condition that fails at run time does not match: the event pages as if no window existed.
 * Such failures are appended to `errors` when given, for counting.
 */
export function activeWindowFor(
  windows: readonly WindowForMatch[],
  serviceId: string,
  event: NormalizedEvent,
  now: number,
  errors?: WindowError[],
): WindowForMatch | null {
  const candidates = windows
    .filter((w) => windowState(w.start, w.end, now) === 'active' && w.serviceIds.includes(serviceId))
    .sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let view: CelEventView | null = null;
  for (const w of candidates) {
    if (w.condition === null) return w;
    view ??= eventView(event, now);
    const r = w.condition.evaluate(view);
    if (r.error !== null) errors?.push({ windowId: w.id, message: r.error });
    if (r.matched) return w;
  }
  return null;
}
