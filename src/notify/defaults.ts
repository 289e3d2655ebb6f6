import { newId } from '../platform/ids.js';
import type { Executor } from '../platform/db/transaction.js';
import type { Row } from '../platform/db/tables.js';

// What every person starts with: their sign-in email as a contact method, paged at once for
// both urgencies. Both functions are idempotent and run inside the caller's transaction
// (createUser calls them; migration 0006 did the same for people who existed before).

/** The user's sign-in email as a contact method, unless they have it already. */
export async function ensureDefaultContactMethods(tx: Executor, user: Pick<Row<'users'>, 'id' | 'email'>, now: number): Promise<Row<'contact_methods'>[]> {
  const existing = await tx.selectFrom('contact_methods').selectAll().where('user_id', '=', user.id).where('type', '=', 'email').where('address', '=', user.email).executeTakeFirst();
  if (existing) return [];
  const row: Row<'contact_methods'> = {
    id: newId(),
    user_id: user.id,
    type: 'email',
    address: user.email,
    label: 'Default',
    verified: 1,
    verified_at: now,
    disabled_reason: null,
    consecutive_failures: 0,
    signing_nonce: null,
    created_at: now,
    updated_at: now,
  };
  await tx.insertInto('contact_methods').values(row).execute();
  return [row];
}

/**
 * Email at once, for each urgency the user has no rule for yet, when they have an email
 * contact method (the oldest). Returns the rules made.
 */
export async function createDefaultNotificationRules(tx: Executor, userId: string, now: number): Promise<Row<'notification_rules'>[]> {
  const email = await tx.selectFrom('contact_methods').select('id').where('user_id', '=', userId).where('type', '=', 'email').orderBy('id').executeTakeFirst();
  if (!email) return [];
  const have = new Set((await tx.selectFrom('notification_rules').select('urgency').where('user_id', '=', userId).execute()).map((r) => r.urgency));
  const made: Row<'notification_rules'>[] = [];
  for (const urgency of ['high', 'low'] as const) {
    if (have.has(urgency)) continue;
    const row: Row<'notification_rules'> = { id: newId(), user_id: userId, urgency, start_delay_minutes: 0, contact_method_id: email.id, created_at: now, updated_at: now };
    await tx.insertInto('notification_rules').values(row).execute();
    made.push(row);
  }
  return made;
}
