import type { Executor } from '../platform/db/transaction.js';
import type { Row } from '../platform/db/tables.js';
import type { ChannelRegistry } from './channels/index.js';
import type { ContactTarget, DeliveryContext, DeliveryResult, OutboundMessage } from './channels/types.js';
import { permanentFailure } from './channels/types.js';
import { notifyKey, webhookSigningSecret } from './secrets.js';

// Sending one message to one contact method, and remembering how it went. The dispatcher
// (notify/dispatch.ts) calls these; so do the verification and test-send commands.

/** After this many failures in a row a method is disabled and its owner told why. */
export const FAILURES_BEFORE_DISABLE = 5;

/** What an adapter needs to know about a contact method (the webhook secret derived). */
export async function contactTarget(ex: Executor, row: Row<'contact_methods'>, signingKey?: string): Promise<ContactTarget> {
  const target: ContactTarget = { id: row.id, type: row.type, address: row.address, label: row.label };
  if (row.type === 'webhook' && row.signing_nonce) target.signingSecret = webhookSigningSecret(signingKey ?? (await notifyKey(ex, 'webhook_signing_key')), row.id, row.signing_nonce);
  return target;
}

/** Sends through the registered channel. Never throws: an adapter bug is a retryable failure. */
export async function deliver(channels: ChannelRegistry, message: OutboundMessage, target: ContactTarget, ctx: DeliveryContext): Promise<DeliveryResult> {
  const channel = channels.get(target.type);
  if (!channel) return permanentFailure(`no channel for ${target.type}`);
  try {
    return await channel.send(message, target, ctx);
  } catch (e) {
    return { status: 'failed', provider_response: `adapter error: ${(e as Error).message}`.slice(0, 2000), retryable: true };
  }
}

/**
 * Counts a delivery's outcome on its contact method, in the caller's transaction: success
 * resets the count; the FAILURES_BEFORE_DISABLE-th failure in a row disables the method with
 * the reason. Returns whether this call disabled it (the caller tells the owner).
 */
export async function recordDeliveryOutcome(tx: Executor, contactMethodId: string, result: DeliveryResult, now: number): Promise<{ disabled: boolean }> {
  if (result.status !== 'failed') {
    // One statement on the hot path, writing only when there was a failure streak to end.
    await tx.updateTable('contact_methods').set({ consecutive_failures: 0, updated_at: now }).where('id', '=', contactMethodId).where('consecutive_failures', '!=', 0).execute();
    return { disabled: false };
  }
  const row = await tx.selectFrom('contact_methods').select(['consecutive_failures', 'disabled_reason']).where('id', '=', contactMethodId).executeTakeFirst();
  if (!row) return { disabled: false };
  const failures = Number(row.consecutive_failures) + 1;
  const disable = failures >= FAILURES_BEFORE_DISABLE && row.disabled_reason === null;
  await tx
    .updateTable('contact_methods')
    .set({
      consecutive_failures: failures,
      ...(disable ? { disabled_reason: `${failures} deliveries in a row failed; the last: ${result.provider_response ?? 'no answer'}`.slice(0, 500) } : {}),
      updated_at: now,
    })
    .where('id', '=', contactMethodId)
    .execute();
  return { disabled: disable };
}
