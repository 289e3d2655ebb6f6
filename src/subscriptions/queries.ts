import type { Executor } from '../platform/db/transaction.js';
import type { Row } from '../platform/db/tables.js';
import { NotFound } from '../platform/http/errors.js';

export async function getSubscription(ex: Executor, id: string): Promise<Row<'webhook_subscriptions'>> {
  const row = await ex.selectFrom('webhook_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound('webhook subscription', id);
  return row;
}

/** Oldest first, `after` the id of the previous page's last row. */
export async function listSubscriptions(ex: Executor, opts: { limit: number; after?: string; enabled?: boolean }): Promise<Row<'webhook_subscriptions'>[]> {
  let q = ex.selectFrom('webhook_subscriptions').selectAll().orderBy('id').limit(opts.limit + 1);
  if (opts.after) q = q.where('id', '>', opts.after);
  if (opts.enabled !== undefined) q = q.where('enabled', '=', opts.enabled ? 1 : 0);
  return q.execute();
}

export async function getDelivery(ex: Executor, subscriptionId: string, id: string): Promise<Row<'webhook_deliveries'>> {
  const row = await ex.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).where('subscription_id', '=', subscriptionId).executeTakeFirst();
  if (!row) throw new NotFound('webhook delivery', id);
  return row;
}

/** Newest first (ids are UUIDv7), `before` the id of the previous page's last row. */
export async function listDeliveries(
  ex: Executor,
  subscriptionId: string,
  opts: { limit: number; before?: string; status?: Row<'webhook_deliveries'>['status'] },
): Promise<Row<'webhook_deliveries'>[]> {
  let q = ex.selectFrom('webhook_deliveries').selectAll().where('subscription_id', '=', subscriptionId).orderBy('id', 'desc').limit(opts.limit + 1);
  if (opts.before) q = q.where('id', '<', opts.before);
  if (opts.status) q = q.where('status', '=', opts.status);
  return q.execute();
}
