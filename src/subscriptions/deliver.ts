import type { Clock } from '../platform/clock.js';
import { dialectOf, type Db, type Tx } from '../platform/db/transaction.js';
import type { Row } from '../platform/db/tables.js';
import { newId } from '../platform/ids.js';
import { enqueue, type Job, type JobContext } from '../platform/jobs/index.js';
import { SIGNATURE_HEADER, webhookSignature } from '../notify/channels/webhook.js';
import { PING_EVENT } from './events.js';
import { DELIVER_JOB, deliverKey, type DeliverPayload } from './keys.js';
import { buildPayload } from './payload.js';
import { getSubscription } from './queries.js';
import { nextAttemptAt } from './retry.js';
import { subscriptionSecret } from './secret.js';
import { describeResult, postJson, type SendResult } from './send.js';

// Sending events to subscribers. The request goes out with no transaction open (a slow
// receiver must not hold a database connection, let alone SQLite's one writer); its outcome is
// recorded afterwards, together with the job's completion and the next attempt's job.

export interface DeliverDeps {
  db: Db;
  clock: Clock;
  publicUrl: string;
  allowPrivate: boolean;
}

export const USER_AGENT = 'Tocsin-Webhook/1';

/** The headers of one attempt: only the signature's timestamp differs between attempts. */
export function requestHeaders(secret: string, now: number, body: string, eventType: string, idempotencyKey: string): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': USER_AGENT,
    [SIGNATURE_HEADER]: webhookSignature(secret, Math.floor(now / 1000), body),
    'idempotency-key': idempotencyKey,
    'x-tocsin-event': eventType,
  };
}

async function lockDelivery(tx: Tx, id: string): Promise<Row<'webhook_deliveries'> | undefined> {
  let q = tx.selectFrom('webhook_deliveries').selectAll().where('id', '=', id);
  // SQLite has no row locks; its write transactions already run one at a time.
  if (dialectOf(tx) === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}

/** Writes how an attempt went and, when it failed and time is left, enqueues the next one. */
async function recordAttempt(tx: Tx, before: Row<'webhook_deliveries'>, result: SendResult, now: number): Promise<void> {
  const row = await lockDelivery(tx, before.id);
  // A redelivery or a concurrent run got there first: their record stands.
  if (!row || row.status !== 'queued' || row.attempts !== before.attempts) return;
  const attempts = row.attempts + 1;
  const base = { attempts, last_status_code: result.kind === 'answered' ? result.status : null, last_response: describeResult(result), updated_at: now };
  if (result.kind === 'answered' && result.status >= 200 && result.status < 300) {
    await tx.updateTable('webhook_deliveries').set({ ...base, status: 'delivered', delivered_at: now, next_attempt_at: null }).where('id', '=', row.id).execute();
    return;
  }
  const retryAfter = result.kind === 'answered' && (result.status === 429 || result.status === 503) ? result.retryAfterMs : undefined;
  const next = result.kind === 'refused' ? null : nextAttemptAt({ now, failures: attempts, retryUntil: row.retry_until, ...(retryAfter !== undefined ? { retryAfterMs: retryAfter } : {}) });
  if (next === null) {
    await tx.updateTable('webhook_deliveries').set({ ...base, status: 'failed', next_attempt_at: null }).where('id', '=', row.id).execute();
    return;
  }
  await tx.updateTable('webhook_deliveries').set({ ...base, next_attempt_at: next }).where('id', '=', row.id).execute();
  const payload: DeliverPayload = { delivery_id: row.id, attempt: attempts + 1 };
  await enqueue(tx, now, DELIVER_JOB, payload, { key: deliverKey(row.id, attempts + 1), runAt: next, replace: true });
}

/** The `subscriptions.deliver` job: one attempt of one delivery. */
export async function runDeliverJob(deps: DeliverDeps, job: Job<DeliverPayload>, ctx: JobContext): Promise<void> {
  const d = await deps.db.selectFrom('webhook_deliveries').selectAll().where('id', '=', job.payload.delivery_id).executeTakeFirst();
  // Gone (its subscription was deleted), already settled, or this attempt was made already.
  if (!d || d.status !== 'queued' || d.attempts + 1 !== job.payload.attempt) return;
  const sub = await deps.db.selectFrom('webhook_subscriptions').selectAll().where('id', '=', d.subscription_id).executeTakeFirst();
  if (!sub) return;
  if (sub.enabled !== 1) {
    // Not an attempt: nothing was sent. It can be redelivered once the subscription is enabled again.
    await ctx.complete(async (tx) => {
      const row = await lockDelivery(tx, d.id);
      if (!row || row.status !== 'queued' || row.attempts !== d.attempts) return;
      await tx
        .updateTable('webhook_deliveries')
        .set({ status: 'failed', next_attempt_at: null, last_response: 'not sent: the subscription is disabled', updated_at: ctx.clock.now() })
        .where('id', '=', d.id)
        .execute();
    });
    return;
  }
  const secret = await subscriptionSecret(deps.db, sub);
  const sentAt = ctx.clock.now();
  const result = await postJson(sub.url, d.payload, requestHeaders(secret, sentAt, d.payload, d.event_type, d.id), { allowPrivate: deps.allowPrivate, now: sentAt });
  await ctx.complete((tx) => recordAttempt(tx, d, result, ctx.clock.now()));
}

export interface PingResult {
  delivered: boolean;
  status_code: number | null;
  response: string;
  duration_ms: number;
}

/**
 * Sends a `ping` event now and answers how the receiver took it. Nothing is stored: it is a
 * check of the URL and the receiver's signature code, answered to the person who asked.
 */
export async function pingSubscription(deps: DeliverDeps, id: string): Promise<PingResult> {
  const sub = await getSubscription(deps.db, id);
  const secret = await subscriptionSecret(deps.db, sub);
  const now = deps.clock.now();
  const key = newId();
  const body = JSON.stringify(buildPayload({ eventType: PING_EVENT, occurredAt: now, deliveryId: key, subscriptionId: sub.id, incident: null, publicUrl: deps.publicUrl }));
  const result = await postJson(sub.url, body, requestHeaders(secret, now, body, PING_EVENT, key), { allowPrivate: deps.allowPrivate, now });
  return {
    delivered: result.kind === 'answered' && result.status >= 200 && result.status < 300,
    status_code: result.kind === 'answered' ? result.status : null,
    response: describeResult(result),
    duration_ms: result.durationMs,
  };
}
