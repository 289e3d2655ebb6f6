import { recordAudit } from '../access/audit/record.js';
import type { CommandContext } from '../access/context.js';
import { MANAGERS } from '../access/policies.js';
import { newId } from '../platform/ids.js';
import { transact, type Executor } from '../platform/db/transaction.js';
import type { Row } from '../platform/db/tables.js';
import { Conflict, Forbidden, invalid, ValidationFailed } from '../platform/http/errors.js';
import { complement, unionSpans } from './intervals.js';
import { insertOverride, overrideIssues } from './override-commands.js';
import { findSchedule, getSwap, loadSchedule } from './queries.js';
import { instantParam } from './range.js';
import { resolve } from './resolve.js';
import type { Span } from './types.js';

// Shift swaps: someone on call offers a span of their shift; someone else takes it, which makes
// an override (source 'swap') putting the taker on call for it. The swap row records who asked
// and who took; the audit log records each step.

function personOf(ctx: CommandContext, doing: string): string {
  if (ctx.actor.userId === null) throw new Forbidden(`only a person can ${doing}: this token belongs to no user`);
  return ctx.actor.userId;
}

/** The parts of [start, end) where `userId` is not on call in the schedule's final schedule. */
async function uncovered(ex: Executor, schedule: Row<'schedules'>, userId: string, start: number, end: number): Promise<Span[]> {
  const loaded = await loadSchedule(ex, schedule, start, end);
  const own = resolve(loaded.schedule, start, end).final.filter((shift) => shift.userId === userId);
  return complement(unionSpans(own), start, end);
}

const isoOf = (ms: number) => new Date(ms).toISOString();

export async function offerSwap(ctx: CommandContext, input: { schedule_id: string; start: string; end: string }): Promise<Row<'shift_swaps'>> {
  const now = ctx.clock.now();
  const start = instantParam('start', input.start);
  const end = instantParam('end', input.end);
  return transact(ctx.db, async (tx) => {
    const schedule = await findSchedule(tx, input.schedule_id);
    if (!schedule) throw invalid('schedule_id', 'no such schedule');
    const offeredBy = personOf(ctx, 'offer a shift');
    const problems = overrideIssues({ id: 'offer', userId: offeredBy, start, end }, schedule.time_zone, now);
    if (problems.length === 0 && end <= now) problems.push({ field: 'end', message: 'must be in the future' });
    if (problems.length > 0) throw new ValidationFailed(problems);
    const missing = await uncovered(tx, schedule, offeredBy, Math.max(start, now), end);
    if (missing.length > 0) {
      throw invalid(
        'start',
        `you are not on call in this schedule for all of the span offered (not from ${isoOf(missing[0]!.start)} to ${isoOf(missing[0]!.end)})`,
      );
    }
    const overlapping = await tx
      .selectFrom('shift_swaps')
      .select('id')
      .where('schedule_id', '=', schedule.id)
      .where('offered_by', '=', offeredBy)
      .where('status', '=', 'offered')
      .where('start_at', '<', end)
      .where('end_at', '>', start)
      .executeTakeFirst();
    if (overlapping) throw new Conflict(`you have already offered part of this span (shift swap ${overlapping.id})`);
    const row: Row<'shift_swaps'> = {
      id: newId(),
      schedule_id: schedule.id,
      offered_by: offeredBy,
      start_at: start,
      end_at: end,
      status: 'offered',
      taken_by: null,
      taken_at: null,
      override_id: null,
      cancelled_by: null,
      cancelled_at: null,
      created_at: now,
      updated_at: now,
    };
    await tx.insertInto('shift_swaps').values(row).execute();
    await recordAudit(tx, ctx.actor, now, 'shift_swap.offered', { type: 'shift_swap', id: row.id }, {
      schedule_id: schedule.id,
      offered_by: offeredBy,
      start: isoOf(start),
      end: isoOf(end),
    });
    return row;
  });
}

/**
 * Takes an offered swap: the taker goes on call for the span (from now on, if it has begun),
 * through an override. Taking one's own offer, one no longer offered, one that has ended, or
 * one whose offerer is no longer on call for it (the schedule changed) is a conflict.
 */
export async function takeSwap(ctx: CommandContext, id: string): Promise<Row<'shift_swaps'>> {
  const now = ctx.clock.now();
  return transact(ctx.db, async (tx) => {
    const swap = await getSwap(tx, id);
    const takenBy = personOf(ctx, 'take a shift');
    if (swap.offered_by === takenBy) throw new Conflict('you cannot take your own offer; cancel it instead');
    if (swap.status !== 'offered') throw new Conflict(`this swap is ${swap.status}, no longer offered`);
    if (swap.end_at <= now) throw new Conflict('this offer has ended');
    const start = Math.max(swap.start_at, now);
    const schedule = await findSchedule(tx, swap.schedule_id);
    if (!schedule) throw new Conflict('the schedule of this swap no longer exists');
    const missing = await uncovered(tx, schedule, swap.offered_by, start, swap.end_at);
    if (missing.length > 0) {
      throw new Conflict(`the schedule has changed: the offerer is no longer on call from ${isoOf(missing[0]!.start)} to ${isoOf(missing[0]!.end)}`);
    }
    // Claim it first: of two takers at once, the second finds it no longer offered.
    const claimed = await tx
      .updateTable('shift_swaps')
      .set({ status: 'taken', taken_by: takenBy, taken_at: now, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'offered')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new Conflict('this swap has just been taken or cancelled');
    const override = await insertOverride(tx, {
      scheduleId: swap.schedule_id,
      userId: takenBy,
      start,
      end: swap.end_at,
      source: 'swap',
      swapId: id,
      createdBy: takenBy,
      now,
    });
    await tx.updateTable('shift_swaps').set({ override_id: override.id }).where('id', '=', id).execute();
    await recordAudit(tx, ctx.actor, now, 'shift_swap.taken', { type: 'shift_swap', id }, {
      schedule_id: swap.schedule_id,
      offered_by: swap.offered_by,
      taken_by: takenBy,
      override_id: override.id,
      start: isoOf(start),
      end: isoOf(swap.end_at),
    });
    return { ...swap, status: 'taken', taken_by: takenBy, taken_at: now, updated_at: now, override_id: override.id };
  });
}

/** Withdraws an offer: by the person who made it, or a manager; only while it is offered. */
export async function cancelSwap(ctx: CommandContext, id: string): Promise<Row<'shift_swaps'>> {
  const now = ctx.clock.now();
  return transact(ctx.db, async (tx) => {
    const swap = await getSwap(tx, id);
    const own = ctx.actor.userId !== null && ctx.actor.userId === swap.offered_by;
    if (!own && !MANAGERS.includes(ctx.actor.role)) throw new Forbidden('only the person who offered a swap, or a manager, can cancel it');
    if (swap.status !== 'offered') throw new Conflict(`this swap is ${swap.status}; only an offered swap can be cancelled`);
    const changes = { status: 'cancelled' as const, cancelled_by: ctx.actor.userId, cancelled_at: now, updated_at: now };
    const done = await tx.updateTable('shift_swaps').set(changes).where('id', '=', id).where('status', '=', 'offered').executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new Conflict('this swap has just been taken or cancelled');
    await recordAudit(tx, ctx.actor, now, 'shift_swap.cancelled', { type: 'shift_swap', id }, { schedule_id: swap.schedule_id, offered_by: swap.offered_by });
    return { ...swap, ...changes };
  });
}
