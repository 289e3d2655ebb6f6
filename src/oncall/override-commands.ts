import { recordAudit } from '../access/audit/record.js';
import type { CommandContext } from '../access/context.js';
import { newId } from '../platform/ids.js';
import { transact, type Executor } from '../platform/db/transaction.js';
import type { Row } from '../platform/db/tables.js';
import { Conflict, ValidationFailed, type FieldProblem } from '../platform/http/errors.js';
import { getOverride, getSchedule, unknownUsers } from './queries.js';
import { instantParam } from './range.js';
import type { Override, ScheduleIssue } from './types.js';
import { validateSchedule } from './validate.js';

// Overrides put one person on call over everything else for a span. Managers make them by
// hand; a taken shift swap makes one too (source 'swap', see swap-commands.ts).

/**
 * What validateSchedule says of an override on its own (length, how far ahead, order of its
 * ends), with field paths of the request: `end`, not `overrides/0/end`.
 */
export function overrideIssues(override: Override, timeZone: string, now: number): ScheduleIssue[] {
  return validateSchedule({ id: 'check', timeZone, layers: [], overrides: [override] }, now)
    .filter((issue) => issue.field.startsWith('overrides/0/'))
    .map((issue) => ({ field: issue.field.slice('overrides/0/'.length), message: issue.message }));
}

export async function insertOverride(
  tx: Executor,
  values: { scheduleId: string; userId: string; start: number; end: number; source: 'override' | 'swap'; swapId: string | null; createdBy: string | null; now: number },
): Promise<Row<'schedule_overrides'>> {
  const row: Row<'schedule_overrides'> = {
    id: newId(),
    schedule_id: values.scheduleId,
    user_id: values.userId,
    start_at: values.start,
    end_at: values.end,
    source: values.source,
    swap_id: values.swapId,
    created_by: values.createdBy,
    created_at: values.now,
  };
  await tx.insertInto('schedule_overrides').values(row).execute();
  return row;
}

export async function createOverride(
  ctx: CommandContext,
  scheduleId: string,
  input: { user_id: string; start: string; end: string },
): Promise<Row<'schedule_overrides'>> {
  const now = ctx.clock.now();
  const start = instantParam('start', input.start);
  const end = instantParam('end', input.end);
  return transact(ctx.db, async (tx) => {
    const schedule = await getSchedule(tx, scheduleId);
    const problems: FieldProblem[] = overrideIssues({ id: 'new', userId: input.user_id, start, end }, schedule.time_zone, now);
    if ((await unknownUsers(tx, [input.user_id])).size > 0) problems.push({ field: 'user_id', message: 'no such user' });
    if (problems.length > 0) throw new ValidationFailed(problems);
    const row = await insertOverride(tx, {
      scheduleId,
      userId: input.user_id,
      start,
      end,
      source: 'override',
      swapId: null,
      createdBy: ctx.actor.userId,
      now,
    });
    await recordAudit(tx, ctx.actor, now, 'override.created', { type: 'schedule', id: scheduleId }, {
      override_id: row.id,
      user_id: row.user_id,
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
    });
    return row;
  });
}

/**
 * Removes an override that has not begun. One in progress is cut short at now (the part
 * already past stays on record, as every past shift does) and returned; one that has ended
 * cannot be removed (409).
 */
export async function deleteOverride(ctx: CommandContext, scheduleId: string, overrideId: string): Promise<Row<'schedule_overrides'> | null> {
  const now = ctx.clock.now();
  return transact(ctx.db, async (tx) => {
    const row = await getOverride(tx, scheduleId, overrideId);
    const object = { type: 'schedule', id: scheduleId };
    if (row.end_at <= now) throw new Conflict('this override has ended; past shifts stay on record');
    if (row.start_at < now) {
      await tx.updateTable('schedule_overrides').set({ end_at: now }).where('id', '=', row.id).execute();
      await recordAudit(tx, ctx.actor, now, 'override.ended_early', object, { override_id: row.id, user_id: row.user_id });
      return { ...row, end_at: now };
    }
    await tx.updateTable('shift_swaps').set({ override_id: null }).where('override_id', '=', row.id).execute();
    await tx.deleteFrom('schedule_overrides').where('id', '=', row.id).execute();
    await recordAudit(tx, ctx.actor, now, 'override.deleted', object, {
      override_id: row.id,
      user_id: row.user_id,
      start: new Date(row.start_at).toISOString(),
      end: new Date(row.end_at).toISOString(),
    });
    return null;
  });
}
