import { recordAudit } from '../access/audit/record.js';
import type { CommandContext } from '../access/context.js';
import { getUser } from '../access/users/queries.js';
import { newId } from '../platform/ids.js';
import { transact } from '../platform/db/transaction.js';
import type { Row } from '../platform/db/tables.js';
import { NotFound, ValidationFailed } from '../platform/http/errors.js';
import { instantParam } from './range.js';
import { validateSchedule } from './validate.js';

// A person's time off. Layers with skip_unavailable hand such a person's turn to the next one
// in the rotation who is available; other layers ignore it (an override covers those).

export async function createTimeOff(
  ctx: CommandContext,
  userId: string,
  input: { start: string; end: string; reason?: string },
): Promise<Row<'time_off'>> {
  const now = ctx.clock.now();
  const start = instantParam('start', input.start);
  const end = instantParam('end', input.end);
  const issues = validateSchedule({ id: 'check', timeZone: 'UTC', layers: [], overrides: [], timeOff: [{ userId, start, end }] }, now)
    .filter((issue) => issue.field.startsWith('time_off/0/'))
    .map((issue) => ({ field: issue.field.slice('time_off/0/'.length), message: issue.message }));
  if (issues.length > 0) throw new ValidationFailed(issues);
  return transact(ctx.db, async (tx) => {
    await getUser(tx, userId);
    const row: Row<'time_off'> = {
      id: newId(),
      user_id: userId,
      start_at: start,
      end_at: end,
      reason: (input.reason ?? '').trim(),
      created_by: ctx.actor.userId,
      created_at: now,
    };
    await tx.insertInto('time_off').values(row).execute();
    await recordAudit(tx, ctx.actor, now, 'time_off.created', { type: 'user', id: userId }, {
      time_off_id: row.id,
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
    });
    return row;
  });
}

export async function deleteTimeOff(ctx: CommandContext, userId: string, timeOffId: string): Promise<void> {
  const now = ctx.clock.now();
  await transact(ctx.db, async (tx) => {
    const row = await tx.selectFrom('time_off').selectAll().where('id', '=', timeOffId).where('user_id', '=', userId).executeTakeFirst();
    if (!row) throw new NotFound('time off', timeOffId);
    await tx.deleteFrom('time_off').where('id', '=', timeOffId).execute();
    await recordAudit(tx, ctx.actor, now, 'time_off.deleted', { type: 'user', id: userId }, {
      time_off_id: row.id,
      start: new Date(row.start_at).toISOString(),
      end: new Date(row.end_at).toISOString(),
    });
  });
}
