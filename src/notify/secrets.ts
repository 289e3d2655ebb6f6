import { createHmac, randomBytes } from 'node:crypto';
import type { Executor } from '../platform/db/transaction.js';

// Per-installation keys of the notify domain, made by migration 0006 in `notify_secrets`.
// Webhook signing secrets are derived, not stored: HMAC-SHA256 of the contact method's id and a
// random nonce under `webhook_signing_key` (the same scheme as oncall/feed-tokens.ts), so the
// contact_methods table holds nothing that yields a secret on its own.

export type NotifyKeyName = 'action_link_key' | 'webhook_signing_key';

export async function notifyKey(ex: Executor, name: NotifyKeyName): Promise<string> {
  const row = await ex.selectFrom('notify_secrets').select('value').where('name', '=', name).executeTakeFirst();
  if (!row) throw new Error(`the notify key ${name} is missing: run \`tocsin migrate\``);
  return row.value;
}

export function newSigningNonce(): string {
  return randomBytes(16).toString('base64url');
}

/** The secret a webhook receiver uses to check X-Tocsin-Signature (shown to its owner on creation). */
export function webhookSigningSecret(key: string, contactMethodId: string, nonce: string): string {
  return `whsec_${createHmac('sha256', key).update(`webhook\u0000${contactMethodId}\u0000${nonce}`).digest('base64url')}`;
}

const cached = new WeakMap<object, Map<NotifyKeyName, string>>();

/**
 * The key, read once per database: the rows are written by the migration and never change, and
 * the paging hot path needs both keys for every page. `db` is the root handle the cache hangs on.
 */
export async function cachedNotifyKey(db: object, ex: Executor, name: NotifyKeyName): Promise<string> {
  let keys = cached.get(db);
  if (!keys) cached.set(db, (keys = new Map()));
  let value = keys.get(name);
  if (value === undefined) {
    value = await notifyKey(ex, name);
    keys.set(name, value);
  }
  return value;
}
