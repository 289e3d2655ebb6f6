import { createHmac, randomBytes } from 'node:crypto';
import { safeEqual, sha256Hex } from '../platform/crypto.js';
import type { Executor } from '../platform/db/transaction.js';

// The secrets in calendar-feed URLs. Calendar apps fetch a feed without credentials, so the
// URL itself is the credential; the API still has to show it again later (a schedule's
// `ical_url`, GET /users/{id}/ical-url). So a secret is derived, not stored: HMAC-SHA256 of the
// feed's kind, owner and a random nonce under a per-installation key (made by the migration,
// in `oncall_secrets`). A feed row holds the nonce and the secret's sha256 (to find the feed a
// URL names); rotating replaces the nonce, so the old URL stops matching anything.

export type FeedKind = 'schedule' | 'user';

const KEY_NAME = 'calendar_feed_key';

export async function feedKey(ex: Executor): Promise<string> {
  const row = await ex.selectFrom('oncall_secrets').select('value').where('name', '=', KEY_NAME).executeTakeFirst();
  if (!row) throw new Error('the calendar feed key is missing: run `tocsin migrate`');
  return row.value;
}

export function newNonce(): string {
  return randomBytes(16).toString('base64url');
}

export function feedSecret(key: string, kind: FeedKind, ownerId: string, nonce: string): string {
  return createHmac('sha256', key).update(`${kind}\u0000${ownerId}\u0000${nonce}`).digest('base64url');
}

export function secretHash(secret: string): string {
  return sha256Hex(secret);
}

/** Whether `given` is the feed's current secret, compared in constant time. */
export function secretMatches(key: string, kind: FeedKind, ownerId: string, nonce: string, given: string): boolean {
  return safeEqual(feedSecret(key, kind, ownerId, nonce), given);
}

export function scheduleFeedUrl(publicUrl: string, secret: string): string {
  return `${publicUrl}/api/v1/calendars/schedules/${secret}.ics`;
}

export function userFeedUrl(publicUrl: string, secret: string): string {
  return `${publicUrl}/api/v1/calendars/users/${secret}.ics`;
}

/** A nonce and the hash of the secret it yields, for a new or rotated feed. */
export function freshFeed(key: string, kind: FeedKind, ownerId: string): { nonce: string; hash: string } {
  const nonce = newNonce();
  return { nonce, hash: secretHash(feedSecret(key, kind, ownerId, nonce)) };
}
