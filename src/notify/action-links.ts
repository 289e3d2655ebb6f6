import { createHmac, randomBytes } from 'node:crypto';
import { safeEqual } from '../platform/crypto.js';
import type { Executor } from '../platform/db/transaction.js';

// Acknowledge and resolve links in notifications: signed, expiring and single-use.
//
// Token: `v1.<claims>.<signature>`, where claims is base64url JSON
//   { t: token id (random), i: incident id, a: 'acknowledge' | 'resolve', u: user id, e: expiry (epoch s) }
// and signature is base64url HMAC-SHA256 under the installation's `action_link_key` over
// `v1.<claims>`. sign/verify are pure; consumeActionLink records the token id in
// `action_link_uses` inside the caller's transaction, so a link acts at most once.

export type LinkAction = 'acknowledge' | 'resolve';

export interface LinkClaims {
  tokenId: string;
  incidentId: string;
  action: LinkAction;
  userId: string;
  /** Epoch milliseconds (stored with second precision). */
  expiresAt: number;
}

export type VerifyResult = { ok: true; claims: LinkClaims } | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

/** Default lifetime of a link: long enough for an on-call night, short enough to go stale. */
export const LINK_TTL_MS = 24 * 3_600_000;

const VERSION = 'v1';

function mac(key: string, text: string): string {
  return createHmac('sha256', key).update(text).digest('base64url');
}

export function newTokenId(): string {
  return randomBytes(16).toString('base64url');
}

export function signActionLink(key: string, claims: Omit<LinkClaims, 'tokenId'> & { tokenId?: string }): string {
  const body = { t: claims.tokenId ?? newTokenId(), i: claims.incidentId, a: claims.action, u: claims.userId, e: Math.floor(claims.expiresAt / 1000) };
  const encoded = Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
  const signed = `${VERSION}.${encoded}`;
  return `${signed}.${mac(key, signed)}`;
}

export function verifyActionLink(key: string, token: string, now: number): VerifyResult {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== VERSION || !parts[1] || !parts[2]) return { ok: false, reason: 'malformed' };
  const signed = `${parts[0]}.${parts[1]}`;
  if (!safeEqual(mac(key, signed), parts[2])) return { ok: false, reason: 'bad_signature' };
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const b = body as { t?: unknown; i?: unknown; a?: unknown; u?: unknown; e?: unknown };
  if (typeof b.t !== 'string' || typeof b.i !== 'string' || typeof b.u !== 'string' || typeof b.e !== 'number' || (b.a !== 'acknowledge' && b.a !== 'resolve')) {
    return { ok: false, reason: 'malformed' };
  }
  const expiresAt = b.e * 1000;
  if (now >= expiresAt) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { tokenId: b.t, incidentId: b.i, action: b.a, userId: b.u, expiresAt } };
}

/** The link a person clicks: `<publicUrl>/api/v1/action-links/<token>` (notify/paging-routes.ts). */
export function actionLinkUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}/api/v1/action-links/${encodeURIComponent(token)}`;
}

/**
 * Marks a verified link used, inside the transaction that performs its action. Returns false
 * when it was used before (the action must not run again). Expired uses are pruned on the way.
 */
export async function consumeActionLink(tx: Executor, claims: LinkClaims, now: number): Promise<boolean> {
  await tx.deleteFrom('action_link_uses').where('expires_at', '<', now).execute();
  const inserted = await tx
    .insertInto('action_link_uses')
    .values({ token_id: claims.tokenId, used_at: now, expires_at: claims.expiresAt })
    .onConflict((oc) => oc.column('token_id').doNothing())
    .returning('token_id')
    .executeTakeFirst();
  return inserted !== undefined;
}
