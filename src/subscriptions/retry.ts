import { backoffDelay } from '../platform/jobs/index.js';

// When a failed delivery is tried again: pure, so the policy is tested without a receiver.
//
// Every answer but a 2xx is retried, 4xx included: a receiver answering 401, 404 or 410 is far
// more often misconfigured for a while (a rotated secret not yet deployed, a route being moved)
// than gone for good, and an event that ticketing or billing never sees costs more than a day
// of requests it refuses. Only a URL Tocsin itself refuses (private address) fails at once.

export const FIRST_RETRY_MS = 30_000;
export const MAX_RETRY_MS = 3_600_000;
/** How long failed attempts are retried, from the delivery's creation (or its redelivery). */
export const RETRY_WINDOW_MS = 24 * 3_600_000;

/**
 * The time of the next attempt after `failures` failed ones, or null to give up. Exponential
 * from 30 s (with jitter), capped at an hour; a longer Retry-After is honoured. The last attempt
 * falls at the end of the window, so a receiver that is back just before it still gets the event.
 */
export function nextAttemptAt(o: { now: number; failures: number; retryUntil: number; retryAfterMs?: number; random?: () => number }): number | null {
  if (o.now >= o.retryUntil) return null;
  let delay = backoffDelay(o.failures, FIRST_RETRY_MS, MAX_RETRY_MS, o.random);
  if (o.retryAfterMs !== undefined && o.retryAfterMs > delay) delay = o.retryAfterMs;
  return Math.min(o.now + delay, o.retryUntil);
}
