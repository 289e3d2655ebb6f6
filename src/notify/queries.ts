import type { Executor } from '../platform/db/transaction.js';
import type { Row } from '../platform/db/tables.js';
import { NotFound } from '../platform/http/errors.js';
import type { RuleInput } from '../escalation/decide.js';

export async function listContactMethods(ex: Executor, userId: string): Promise<Row<'contact_methods'>[]> {
  return ex.selectFrom('contact_methods').selectAll().where('user_id', '=', userId).orderBy('id').execute();
}

/** A user's contact method; 404 when it does not exist or belongs to someone else. */
export async function getContactMethod(ex: Executor, userId: string, id: string): Promise<Row<'contact_methods'>> {
  const row = await ex.selectFrom('contact_methods').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  if (!row) throw new NotFound('contact method', id);
  return row;
}

export async function listNotificationRules(ex: Executor, userId: string): Promise<Row<'notification_rules'>[]> {
  return ex.selectFrom('notification_rules').selectAll().where('user_id', '=', userId).orderBy('urgency').orderBy('start_delay_minutes').orderBy('id').execute();
}

export async function getNotificationRule(ex: Executor, userId: string, id: string): Promise<Row<'notification_rules'>> {
  const row = await ex.selectFrom('notification_rules').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  if (!row) throw new NotFound('notification rule', id);
  return row;
}

/**
 * Each person's usable rules, as the escalation core takes them: rules whose contact method is
 * verified and not disabled. People without any are absent from the map.
 */
export async function usableRules(ex: Executor, userIds: readonly string[]): Promise<Map<string, RuleInput[]>> {
  const out = new Map<string, RuleInput[]>();
  if (userIds.length === 0) return out;
  const rows = await ex
    .selectFrom('notification_rules as r')
    .innerJoin('contact_methods as m', 'm.id', 'r.contact_method_id')
    .select(['r.user_id', 'r.urgency', 'r.start_delay_minutes', 'r.contact_method_id'])
    .where('r.user_id', 'in', [...new Set(userIds)])
    .where('m.verified', '=', 1)
    .where('m.disabled_reason', 'is', null)
    .orderBy('r.start_delay_minutes')
    .orderBy('r.id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.user_id) ?? [];
    list.push({ urgency: r.urgency, start_delay_minutes: Number(r.start_delay_minutes), contact_method_id: r.contact_method_id });
    out.set(r.user_id, list);
  }
  return out;
}
