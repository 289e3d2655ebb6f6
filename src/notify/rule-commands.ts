import { recordAudit } from '../access/audit/record.js';
import type { CommandContext } from '../access/context.js';
import { getUser } from '../access/users/queries.js';
import { newId } from '../platform/ids.js';
import { transact, type Executor } from '../platform/db/transaction.js';
import type { Row } from '../platform/db/tables.js';
import { Conflict, invalid } from '../platform/http/errors.js';
import { getNotificationRule } from './queries.js';
import type { Urgency } from './tables.js';

// Commands on a person's notification rules: "for a high-urgency page, SMS at 0, call at 2,
// email at 5". A rule names one of the person's own contact methods.

export const MAX_RULES = 50;

async function checkMethod(tx: Executor, userId: string, methodId: string): Promise<void> {
  const m = await tx.selectFrom('contact_methods').select('id').where('id', '=', methodId).where('user_id', '=', userId).executeTakeFirst();
  if (!m) throw invalid('contact_method_id', 'is not one of this person\'s contact methods');
}

async function checkDuplicate(tx: Executor, userId: string, rule: { urgency: Urgency; start_delay_minutes: number; contact_method_id: string }, except?: string): Promise<void> {
  let q = tx
    .selectFrom('notification_rules')
    .select('id')
    .where('user_id', '=', userId)
    .where('urgency', '=', rule.urgency)
    .where('start_delay_minutes', '=', rule.start_delay_minutes)
    .where('contact_method_id', '=', rule.contact_method_id);
  if (except) q = q.where('id', '!=', except);
  const dup = await q.executeTakeFirst();
  if (dup) throw new Conflict(`the same rule exists already (${dup.id})`);
}

export async function createNotificationRule(
  ctx: CommandContext,
  userId: string,
  input: { urgency: Urgency; start_delay_minutes: number; contact_method_id: string },
): Promise<Row<'notification_rules'>> {
  const now = ctx.clock.now();
  return transact(ctx.db, async (tx) => {
    await getUser(tx, userId);
    await checkMethod(tx, userId, input.contact_method_id);
    const count = await tx.selectFrom('notification_rules').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow();
    if (Number(count.n) >= MAX_RULES) throw new Conflict(`a person may have at most ${MAX_RULES} notification rules`);
    await checkDuplicate(tx, userId, input);
    const row: Row<'notification_rules'> = { id: newId(), user_id: userId, urgency: input.urgency, start_delay_minutes: input.start_delay_minutes, contact_method_id: input.contact_method_id, created_at: now, updated_at: now };
    await tx.insertInto('notification_rules').values(row).execute();
    await recordAudit(tx, ctx.actor, now, 'notification_rule.created', { type: 'notification_rule', id: row.id }, { user_id: userId, urgency: row.urgency, start_delay_minutes: row.start_delay_minutes });
    return row;
  });
}

export async function updateNotificationRule(
  ctx: CommandContext,
  userId: string,
  id: string,
  input: { urgency?: Urgency; start_delay_minutes?: number; contact_method_id?: string },
): Promise<Row<'notification_rules'>> {
  const now = ctx.clock.now();
  return transact(ctx.db, async (tx) => {
    const row = await getNotificationRule(tx, userId, id);
    if (input.contact_method_id !== undefined) await checkMethod(tx, userId, input.contact_method_id);
    const next = { ...row, ...input, updated_at: now };
    await checkDuplicate(tx, userId, next, id);
    const changes = { urgency: next.urgency, start_delay_minutes: next.start_delay_minutes, contact_method_id: next.contact_method_id, updated_at: now };
    await tx.updateTable('notification_rules').set(changes).where('id', '=', id).execute();
    await recordAudit(tx, ctx.actor, now, 'notification_rule.updated', { type: 'notification_rule', id }, { user_id: userId, changed: Object.keys(input) });
    return { ...row, ...changes };
  });
}

export async function deleteNotificationRule(ctx: CommandContext, userId: string, id: string): Promise<void> {
  const now = ctx.clock.now();
  await transact(ctx.db, async (tx) => {
    await getNotificationRule(tx, userId, id);
    await tx.deleteFrom('notification_rules').where('id', '=', id).execute();
    await recordAudit(tx, ctx.actor, now, 'notification_rule.deleted', { type: 'notification_rule', id }, { user_id: userId });
  });
}
