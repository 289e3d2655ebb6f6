import type { Executor } from '../platform/db/transaction.js';
import { notifyKey, webhookSigningSecret } from '../notify/secrets.js';

// A subscription's signing secret is derived the way a webhook contact method's is (HMAC of the
// id and a random nonce under the installation's webhook signing key), so the table holds
// nothing that yields a secret on its own. Ids are UUIDv7, unique across both tables, so the
// two kinds of secret never coincide.

export async function subscriptionSecret(ex: Executor, row: { id: string; signing_nonce: string }): Promise<string> {
  return webhookSigningSecret(await notifyKey(ex, 'webhook_signing_key'), row.id, row.signing_nonce);
}
