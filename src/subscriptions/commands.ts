import { recordAudit } from '../access/audit/record.js';
import type { CommandContext } from '../access/context.js';
import { webhookUrlProblem } from '../notify/addresses.js';
import { newSigningNonce } from '../notify/secrets.js';
import { dialectOf, transact, type Executor, type Tx } from '../platform/db/transaction.js';
import type { Row } from '../platform/db/tables.js';
import { newId } from '../platform/ids.js';
import { enqueue } from '../platform/jobs/index.js';
import { Conflict, NotFound, ValidationFailed, type FieldProblem } from '../platform/http/errors.js';
import { DELIVER_JOB, deliverKey, type DeliverPayload } from './keys.js';
import { getDelivery } from './queries.js';
import { RETRY_WINDOW_MS } from './retry.js';
import { subscriptionSecret } from './secret.js';

// Commands on webhook subscriptions: one transaction each, with its audit entry. The signing
// secret is never stored; it is derived (secret.ts) and answered only on create and rotate.

export interface SubscriptionInput {
  url?: string;
  event_types?: string[];
  service_ids?: string[];
  team_ids?: string[];
  description?: string;
  enabled?: boolean;
}

export interface SubscriptionOpts {
  allowPrivateWebhooks: boolean;
}

function checkUrl(url: string | undefined, allowPrivate: boolean, problems: FieldProblem[]): string | undefined {
  if (url === undefined) return undefined;
  const trimmed = url.trim();
  const problem = webhookUrlProblem(trimmed, allowPrivate);
  if (problem) problems.push({ field: 'url', message: problem });
  return trimmed;
}

/** Field problems for ids that name nothing ("service_ids/2: no such service"). */
async function checkIds(tx: Executor, table: 'services' | 'teams', field: string, ids: readonly string[] | undefined, problems: FieldProblem[]): Promise<void> {
  if (!ids || ids.length === 0) return;
  const found = new Set((await tx.selectFrom(table).select('id').where('id', 'in', [...ids]).execute()).map((r) => r.id));
  ids.forEach((id, i) => {
    if (!found.has(id)) problems.push({ field: `${field}/${i}`, message: `no such ${table === 'services' ? 'service' : 'team'}: ${id}` });
  });
}

async function validate(tx: Executor, input: SubscriptionInput, opts: SubscriptionOpts): Promise<{ url?: string }> {
  const problems: FieldProblem[] = [];
  const url = checkUrl(input.url, opts.allowPrivateWebhooks, problems);
  await checkIds(tx, 'services', 'service_ids', input.service_ids, problems);
  await checkIds(tx, 'teams', 'team_ids', input.team_ids, problems);
  if (problems.length > 0) throw new ValidationFailed(problems);
  return url === undefined ? {} : { url };
}

async function lockSubscription(tx: Tx, id: string): Promise<Row<'webhook_subscriptions'>> {
  let q = tx.selectFrom('webhook_subscriptions').selectAll().where('id', '=', id);
  // SQLite has no row locks; its write transactions already run one at a time.
  if (dialectOf(tx) === 'postgres') q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw new NotFound('webhook subscription', id);
  return row;
}

const unique = (xs: readonly string[]) => JSON.stringify([...new Set(xs)]);

export async function createSubscription(
  ctx: CommandContext,
  input: SubscriptionInput & { url: string; event_types: string[] },
  opts: SubscriptionOpts,
): Promise<{ row: Row<'webhook_subscriptions'>; secret: string }> {
  const now = ctx.clock.now();
  return transact(ctx.db, async (tx) => {
    const { url } = await validate(tx, input, opts);
    const row: Row<'webhook_subscriptions'> = {
      id: newId(),
      url: url!,
      description: input.description?.trim() ?? '',
      event_types: unique(input.event_types),
      service_ids: unique(input.service_ids ?? []),
      team_ids: unique(input.team_ids ?? []),
      enabled: input.enabled === false ? 0 : 1,
      signing_nonce: newSigningNonce(),
      created_at: now,
      updated_at: now,
    };
    await tx.insertInto('webhook_subscriptions').values(row).execute();
    // The URL may carry a receiver's own token in its query: the audit log keeps only the host.
    await recordAudit(tx, ctx.actor, now, 'webhook_subscription.created', { type: 'webhook_subscription', id: row.id }, { host: new URL(row.url).host, event_types: input.event_types });
    return { row, secret: await subscriptionSecret(tx, row) };
  });
}

/** PATCH: only the fields given change. */
export async function updateSubscription(ctx: CommandContext, id: string, input: SubscriptionInput, opts: SubscriptionOpts): Promise<Row<'webhook_subscriptions'>> {
  const now = ctx.clock.now();
  return transact(ctx.db, async (tx) => {
    const row = await lockSubscription(tx, id);
    const { url } = await validate(tx, input, opts);
    const changes: Partial<Row<'webhook_subscriptions'>> = {
      ...(url !== undefined ? { url } : {}),
      ...(input.event_types !== undefined ? { event_types: unique(input.event_types) } : {}),
      ...(input.service_ids !== undefined ? { service_ids: unique(input.service_ids) } : {}),
      ...(input.team_ids !== undefined ? { team_ids: unique(input.team_ids) } : {}),
      ...(input.description !== undefined ? { description: input.description.trim() } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled ? 1 : 0 } : {}),
      updated_at: now,
    };
    await tx.updateTable('webhook_subscriptions').set(changes).where('id', '=', id).execute();
    const changed = Object.keys(changes).filter((k) => k !== 'updated_at');
    await recordAudit(tx, ctx.actor, now, 'webhook_subscription.updated', { type: 'webhook_subscription', id }, { changed });
    return { ...row, ...changes };
  });
}

/** Deletes the subscription and its delivery log; pending deliver jobs find nothing and stop. */
export async function deleteSubscription(ctx: CommandContext, id: string): Promise<void> {
  const now = ctx.clock.now();
  await transact(ctx.db, async (tx) => {
    const row = await lockSubscription(tx, id);
    await tx.deleteFrom('webhook_deliveries').where('subscription_id', '=', id).execute();
    await tx.deleteFrom('webhook_subscriptions').where('id', '=', id).execute();
    await recordAudit(tx, ctx.actor, now, 'webhook_subscription.deleted', { type: 'webhook_subscription', id }, { host: new URL(row.url).host });
  });
}

/** A new signing secret; the old one stops working at once (every attempt is signed when it is sent). */
export async function rotateSubscriptionSecret(ctx: CommandContext, id: string): Promise<{ row: Row<'webhook_subscriptions'>; secret: string }> {
  const now = ctx.clock.now();
  return transact(ctx.db, async (tx) => {
    const row = await lockSubscription(tx, id);
    const next = { ...row, signing_nonce: newSigningNonce(), updated_at: now };
    await tx.updateTable('webhook_subscriptions').set({ signing_nonce: next.signing_nonce, updated_at: now }).where('id', '=', id).execute();
    await recordAudit(tx, ctx.actor, now, 'webhook_subscription.secret_rotated', { type: 'webhook_subscription', id });
    return { row: next, secret: await subscriptionSecret(tx, next) };
  });
}

/**
 * Sends a delivery again, now: the same body and Idempotency-Key, with a fresh 24-hour retry
 * window (whoever asks has usually just fixed the receiver). A delivery still waiting for a
 * retry has that retry moved to now.
 */
export async function redeliver(ctx: CommandContext, subscriptionId: string, deliveryId: string): Promise<Row<'webhook_deliveries'>> {
  const now = ctx.clock.now();
  return transact(ctx.db, async (tx) => {
    const sub = await lockSubscription(tx, subscriptionId);
    if (sub.enabled !== 1) throw new Conflict('the subscription is disabled: enable it first (PATCH {"enabled": true})');
    const row = await getDelivery(tx, subscriptionId, deliveryId);
    const changes = { status: 'queued' as const, next_attempt_at: now, retry_until: now + RETRY_WINDOW_MS, updated_at: now };
    await tx.updateTable('webhook_deliveries').set(changes).where('id', '=', row.id).execute();
    const attempt = row.attempts + 1;
    const payload: DeliverPayload = { delivery_id: row.id, attempt };
    // Replacing: this attempt's key may belong to a queued retry (moved to now) or to a job
    // that ended without sending (a disabled subscription), which is queued again.
    await enqueue(tx, now, DELIVER_JOB, payload, { key: deliverKey(row.id, attempt), runAt: now, replace: true });
    await recordAudit(tx, ctx.actor, now, 'webhook_delivery.redelivered', { type: 'webhook_delivery', id: row.id }, { subscription_id: subscriptionId, previous_status: row.status });
    return { ...row, ...changes };
  });
}
