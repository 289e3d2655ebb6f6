import { Changes } from '../incidents/changes.js';
import { notifyKey as notifyJobKey } from '../incidents/keys.js';
import { SYSTEM_ACTOR } from '../incidents/lifecycle.js';
import { timelineEntry } from '../incidents/timeline.js';
import type { Tx } from '../platform/db/transaction.js';
import type { DeliveryResult } from './channels/types.js';
import { recordDeliveryOutcome } from './delivery.js';
import { usableRules } from './queries.js';
import { itemsOf, notificationById, type NotificationRow } from './records.js';

// What happens after a send: the delivery record takes the provider's answer, the incident's
// timeline says how it went, a failure is retried with backoff, and the person's next contact
// method is tried at once the first time a notification fails.

export const NOTIFY_JOB = 'notify.send';

/** Attempts per notification before it is failed for good (webhooks instead retry for a day). */
export const MAX_ATTEMPTS = 5;
export const WEBHOOK_RETRY_MS = 24 * 3_600_000;
const RETRY_BASE_MS = 10_000;
const RETRY_MAX_MS = 3_600_000;

export interface NotifyPayload {
  incident_id: string;
  round: number;
  loop: number;
  /** The level that paged; null for an admin of last resort, 0 for assignees. */
  level: number | null;
  user_id: string;
  contact_method_id: string;
}

export interface RetryPayload {
  notification_id: string;
  attempt: number;
}

const TYPE_NAMES: Record<string, string> = { email: 'email', sms: 'SMS', voice: 'phone call', slack: 'Slack', webhook: 'webhook' };

export function describeMethod(row: Pick<NotificationRow, 'contact_type' | 'contact_label'>): string {
  return `${TYPE_NAMES[row.contact_type] ?? row.contact_type} to ${row.contact_label}`;
}

function retryDelay(attempts: number, retryAfterMs: number | undefined): number {
  if (retryAfterMs !== undefined) return Math.max(1000, retryAfterMs);
  const exp = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(exp * (0.8 + Math.random() * 0.4));
}

async function userName(tx: Tx, id: string | null): Promise<string> {
  if (!id) return 'nobody';
  const row = await tx.selectFrom('users').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name ?? id;
}

function incidentIds(row: NotificationRow): string[] {
  const ids = itemsOf(row).map((i) => i.incident_id);
  return ids.length > 0 ? [...new Set(ids)] : row.incident_id ? [row.incident_id] : [];
}

function note(ch: Changes, row: NotificationRow, type: string, message: string, extra: Record<string, unknown> = {}): void {
  for (const id of incidentIds(row)) {
    ch.timeline(
      timelineEntry(id, ch.now, type, SYSTEM_ACTOR, message, {
        details: { notification_id: row.id, status: row.status, contact_type: row.contact_type, user_id: row.user_id, ...extra },
      }),
    );
    ch.signal(id, 'incident.updated');
  }
}

/** Records a send's result on its notification (in the transaction that completes the notify job). */
export async function recordOutcome(tx: Tx, notificationId: string, result: DeliveryResult, now: number, shared?: Changes): Promise<void> {
  const row = await notificationById(tx, notificationId);
  if (!row) return;
  // A caller recording many outcomes passes one Changes and flushes it once.
  const ch = shared ?? new Changes(now);
  const flush = shared ? async () => {} : () => ch.flush(tx);
  const attempts = row.attempts + 1;
  const who = await userName(tx, row.user_id);
  const response = result.provider_response?.slice(0, 2000) ?? null;
  if (result.status !== 'failed') {
    const set = {
      status: result.status,
      attempts,
      provider_id: result.provider_id ?? row.provider_id,
      provider_response: response,
      sent_at: now,
      delivered_at: result.status === 'delivered' ? now : null,
      updated_at: now,
    } as const;
    await tx.updateTable('notifications').set(set).where('id', '=', row.id).execute();
    Object.assign(row, set);
    if (row.contact_method_id) await recordDeliveryOutcome(tx, row.contact_method_id, result, now);
    const what = row.kind === 'bundle' ? `bundle of ${incidentIds(row).length} incidents` : 'page';
    note(ch, row, 'notification.sent', `${result.status === 'delivered' ? 'Delivered' : 'Sent'} ${what} to ${who} by ${describeMethod(row)}`);
    await flush();
    return;
  }
  const giveUpAt = row.contact_type === 'webhook' ? row.created_at + WEBHOOK_RETRY_MS : null;
  const retry = result.retryable && (giveUpAt !== null ? now < giveUpAt : attempts < MAX_ATTEMPTS);
  const nextAt = retry ? now + retryDelay(attempts, result.retry_after_ms) : null;
  const set = {
    status: retry ? ('queued' as const) : ('failed' as const),
    attempts,
    provider_id: result.provider_id ?? row.provider_id,
    provider_response: response,
    failed_at: retry ? null : now,
    updated_at: now,
  };
  await tx.updateTable('notifications').set(set).where('id', '=', row.id).execute();
  Object.assign(row, set);
  if (nextAt !== null) {
    // A page about one incident retries under the incident's escalate prefix, so acknowledging
    // stops the retries too; a bundle's retry re-checks each of its incidents when it runs.
    const key =
      row.kind === 'incident' && row.incident_id && row.escalation_round !== null
        ? `escalate:${row.incident_id}:${row.escalation_round}:r:${row.id}:${attempts}`
        : `notify.retry:${row.id}:${attempts}`;
    const payload: RetryPayload = { notification_id: row.id, attempt: attempts };
    ch.enqueue(NOTIFY_JOB, payload, { key, runAt: nextAt });
  }
  const tail = nextAt !== null ? `; retrying at ${new Date(nextAt).toISOString()} (attempt ${attempts + 1})` : `; giving up after ${attempts} attempt${attempts === 1 ? '' : 's'}`;
  note(ch, row, 'notification.failed', `${describeMethod(row)} for ${who} failed: ${response ?? 'no answer'}${tail}`, { attempts });
  if (row.contact_method_id) {
    const { disabled } = await recordDeliveryOutcome(tx, row.contact_method_id, result, now);
    if (disabled) note(ch, row, 'notification.method_disabled', `${who}'s ${describeMethod(row)} kept failing and is now disabled; ${who} is told on their profile`);
  }
  if (row.failed_over === 0) await failOver(tx, ch, failoverSource(row), who);
  await flush();
}

/** What failing over needs to know about the notification that failed (or could not be sent). */
export interface FailoverSource {
  /** The failed record, marked as failed over; null when no record was written. */
  notificationId: string | null;
  user_id: string | null;
  kind: string;
  contact_method_id: string | null;
  loop: number | null;
  level: number | null;
  incidentIds: string[];
}

export function failoverSource(row: NotificationRow): FailoverSource {
  return { notificationId: row.id, user_id: row.user_id, kind: row.kind, contact_method_id: row.contact_method_id, loop: row.loop, level: row.level, incidentIds: incidentIds(row) };
}

/**
 * The first failure of a notification tries the person's next usable contact method at once:
 * the first method in their rules for the incident's urgency (by delay) not yet tried in this
 * round. Said on the timeline either way.
 */
export async function failOver(tx: Tx, ch: Changes, src: FailoverSource, who: string): Promise<void> {
  if (!src.user_id || (src.kind !== 'incident' && src.kind !== 'bundle')) return;
  const userId = src.user_id;
  if (src.notificationId) await tx.updateTable('notifications').set({ failed_over: 1, updated_at: ch.now }).where('id', '=', src.notificationId).execute();
  const rules = (await usableRules(tx, [userId])).get(userId) ?? [];
  for (const incidentId of src.incidentIds) {
    const inc = await tx.selectFrom('incidents').select(['id', 'status', 'urgency', 'escalation_round']).where('id', '=', incidentId).executeTakeFirst();
    if (!inc || inc.status !== 'triggered') continue;
    const tried = await tx
      .selectFrom('notifications')
      .select('contact_method_id')
      .where('incident_id', '=', inc.id)
      .where('user_id', '=', userId)
      .where('escalation_round', '=', inc.escalation_round)
      .execute();
    const skip = new Set(tried.map((t) => t.contact_method_id));
    if (src.contact_method_id) skip.add(src.contact_method_id);
    const next = rules.filter((r) => r.urgency === inc.urgency).find((r) => !skip.has(r.contact_method_id));
    const entry = (type: string, message: string) => {
      ch.timeline(timelineEntry(inc.id, ch.now, type, SYSTEM_ACTOR, message, { details: { notification_id: src.notificationId, user_id: userId } }));
      ch.signal(inc.id, 'incident.updated');
    };
    if (!next) {
      entry('notification.no_failover', `${who} has no other usable ${inc.urgency}-urgency contact method to try`);
      continue;
    }
    const method = await tx.selectFrom('contact_methods').select(['type', 'label']).where('id', '=', next.contact_method_id).executeTakeFirst();
    const payload: NotifyPayload = {
      incident_id: inc.id,
      round: inc.escalation_round,
      loop: src.loop ?? 0,
      level: src.level,
      user_id: userId,
      contact_method_id: next.contact_method_id,
    };
    ch.enqueue(NOTIFY_JOB, payload, { key: notifyJobKey(inc.id, inc.escalation_round, src.loop ?? 0, src.level, userId, `fo:${next.contact_method_id}`), runAt: ch.now });
    entry('notification.failover', `Trying ${who}'s next contact method at once: ${TYPE_NAMES[method?.type ?? ''] ?? method?.type} (${method?.label ?? next.contact_method_id})`);
  }
}

export type ProviderStatus = 'sent' | 'delivered' | 'failed';

/**
 * A provider's later word on a notification (Twilio's status callback): delivered, or failed
 * after all (a call nobody answered, an SMS the carrier refused), which fails over like any
 * failure. Returns false for an unknown notification.
 */
export async function applyProviderStatus(tx: Tx, notificationId: string, update: { status: ProviderStatus; provider_id?: string; response: string }, now: number): Promise<boolean> {
  const row = await notificationById(tx, notificationId);
  if (!row) return false;
  // Final answers stay final; a late "sent" never downgrades "delivered".
  if (row.status === 'delivered' || row.status === 'cancelled' || (update.status === 'sent' && row.status !== 'queued')) return true;
  const ch = new Changes(now);
  const set = {
    status: update.status,
    provider_id: update.provider_id ?? row.provider_id,
    provider_response: update.response.slice(0, 2000),
    delivered_at: update.status === 'delivered' ? now : row.delivered_at,
    failed_at: update.status === 'failed' ? now : row.failed_at,
    updated_at: now,
  };
  await tx.updateTable('notifications').set(set).where('id', '=', row.id).execute();
  Object.assign(row, set);
  const who = await userName(tx, row.user_id);
  if (update.status === 'delivered') note(ch, row, 'notification.delivered', `${describeMethod(row)} for ${who} delivered`);
  if (update.status === 'failed') {
    note(ch, row, 'notification.failed', `${describeMethod(row)} for ${who} failed: ${update.response}`);
    if (row.contact_method_id) await recordDeliveryOutcome(tx, row.contact_method_id, { status: 'failed', provider_response: update.response, retryable: false }, now);
    if (row.failed_over === 0) await failOver(tx, ch, failoverSource(row), who);
  }
  await ch.flush(tx);
  return true;
}
