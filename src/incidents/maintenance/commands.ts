import { recordAudit } from '../../access/audit/record.js';
import type { CommandContext } from '../../access/context.js';
import { compileCondition, describeProblem } from '../../ingest/rules/cel.js';
import { existingServices } from '../../ingest/rules/queries.js';
import { newId } from '../../platform/ids.js';
import { transact, type Tx } from '../../platform/db/transaction.js';
import { Conflict, invalid, ValidationFailed, type FieldProblem } from '../../platform/http/errors.js';
import { windowState } from './active.js';
import { getWindow, getWindowWithServices, type WindowWithServices } from './queries.js';

/**
 * A start a little in the past is taken as "now": a client that sends the current time has
 * already fallen behind by the time the request arrives. Anything older is refused.
 */
export const START_GRACE_MS = 60_000;

export interface CreateWindowInput {
  description?: string;
  /** epoch ms; default now */
  start?: number;
  end: number;
  service_ids: string[];
  condition?: string | null;
}

export interface UpdateWindowInput {
  description?: string;
  start?: number;
  end?: number;
  service_ids?: string[];
  condition?: string | null;
}

function checkCondition(condition: string | null | undefined, problems: FieldProblem[]): void {
  if (condition === undefined || condition === null) return;
  const c = compileCondition(condition);
  if (!c.ok) problems.push({ field: 'condition', message: describeProblem(c.problem) });
}

async function checkServices(tx: Tx, ids: string[], problems: FieldProblem[]): Promise<void> {
  if (ids.length === 0) {
    problems.push({ field: 'service_ids', message: 'must name at least one service' });
    return;
  }
  const found = await existingServices(tx, ids);
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) problems.push({ field: `service_ids/${i}`, message: `${id} is listed twice` });
    else if (!found.has(id)) problems.push({ field: `service_ids/${i}`, message: `service ${id} does not exist` });
    seen.add(id);
  });
}

async function setServices(tx: Tx, windowId: string, ids: string[]): Promise<void> {
  await tx.deleteFrom('maintenance_window_services').where('window_id', '=', windowId).execute();
  await tx
    .insertInto('maintenance_window_services')
    .values(ids.map((service_id) => ({ window_id: windowId, service_id })))
    .execute();
}

/** Start and end of a window, checked against now: start not in the past (beyond the grace), end after start. */
function checkTimes(start: number, end: number, now: number, problems: FieldProblem[], startGiven: boolean): number {
  let s = start;
  if (startGiven && s < now - START_GRACE_MS) {
    problems.push({ field: 'start', message: 'must not be in the past' });
  } else if (s < now) {
    s = now;
  }
  if (end <= s) problems.push({ field: 'end', message: 'must be after start' });
  return s;
}

export async function createMaintenanceWindow(ctx: CommandContext, input: CreateWindowInput): Promise<WindowWithServices> {
  const now = ctx.clock.now();
  const problems: FieldProblem[] = [];
  const start = checkTimes(input.start ?? now, input.end, now, problems, input.start !== undefined);
  checkCondition(input.condition, problems);
  return transact(ctx.db, async (tx) => {
    await checkServices(tx, input.service_ids, problems);
    if (problems.length > 0) throw new ValidationFailed(problems);
    const id = newId();
    await tx
      .insertInto('maintenance_windows')
      .values({
        id,
        description: input.description?.trim() ?? '',
        start_at: start,
        end_at: input.end,
        condition: input.condition ?? null,
        ended_early: 0,
        created_by: ctx.actor.userId ?? ctx.actor.id,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await setServices(tx, id, input.service_ids);
    await recordAudit(tx, ctx.actor, now, 'maintenance_window.created', { type: 'maintenance_window', id }, {
      start,
      end: input.end,
      service_ids: input.service_ids,
    });
    return getWindowWithServices(tx, id);
  });
}

/**
 * Changes a window. A future window can change in every way; one that has started keeps its
 * start (end it early, or move its end, instead); one that has ended cannot change.
 */
export async function updateMaintenanceWindow(ctx: CommandContext, id: string, input: UpdateWindowInput): Promise<WindowWithServices> {
  const now = ctx.clock.now();
  return transact(ctx.db, async (tx) => {
    const w = await getWindow(tx, id);
    const state = windowState(w.start_at, w.end_at, now);
    if (state === 'past') throw new Conflict('this maintenance window has ended; past windows cannot be changed');
    if (state === 'active' && input.start !== undefined && input.start !== w.start_at) {
      throw new Conflict('this maintenance window has started, so its start cannot change; change its end or end it now with POST …/end', 'start');
    }
    const problems: FieldProblem[] = [];
    let start = w.start_at;
    const end = input.end ?? w.end_at;
    if (state === 'future' && input.start !== undefined) {
      start = checkTimes(input.start, end, now, problems, true);
    } else if (end <= Math.max(start, now)) {
      problems.push({ field: 'end', message: end <= start ? 'must be after start' : 'must be in the future; to stop the window now use POST …/end' });
    }
    checkCondition(input.condition, problems);
    if (input.service_ids !== undefined) await checkServices(tx, input.service_ids, problems);
    if (problems.length > 0) throw new ValidationFailed(problems);
    const changes = {
      ...(input.description !== undefined ? { description: input.description.trim() } : {}),
      ...(start !== w.start_at ? { start_at: start } : {}),
      ...(end !== w.end_at ? { end_at: end } : {}),
      ...(input.condition !== undefined ? { condition: input.condition } : {}),
      updated_at: now,
    };
    await tx.updateTable('maintenance_windows').set(changes).where('id', '=', id).execute();
    if (input.service_ids !== undefined) await setServices(tx, id, input.service_ids);
    const changed = [...Object.keys(changes).filter((k) => k !== 'updated_at'), ...(input.service_ids !== undefined ? ['service_ids'] : [])];
    await recordAudit(tx, ctx.actor, now, 'maintenance_window.updated', { type: 'maintenance_window', id }, { changed });
    return getWindowWithServices(tx, id);
  });
}

/** Deletes a window that has not started. One that has started is history: end it instead. */
export async function deleteMaintenanceWindow(ctx: CommandContext, id: string): Promise<void> {
  const now = ctx.clock.now();
  await transact(ctx.db, async (tx) => {
    const w = await getWindow(tx, id);
    if (windowState(w.start_at, w.end_at, now) !== 'future') {
      throw new Conflict(
        'this maintenance window has already started, so it cannot be deleted: it explains why alerts were suppressed. End it early with POST /api/v1/maintenance-windows/{id}/end instead',
      );
    }
    await tx.deleteFrom('maintenance_window_services').where('window_id', '=', id).execute();
    await tx.deleteFrom('maintenance_windows').where('id', '=', id).execute();
    await recordAudit(tx, ctx.actor, now, 'maintenance_window.deleted', { type: 'maintenance_window', id }, { description: w.description });
  });
}

/** Ends an active window now; events from this moment on page as usual. */
export async function endMaintenanceWindow(ctx: CommandContext, id: string): Promise<WindowWithServices> {
  const now = ctx.clock.now();
  return transact(ctx.db, async (tx) => {
    const w = await getWindow(tx, id);
    const state = windowState(w.start_at, w.end_at, now);
    if (state === 'future') throw new Conflict('this maintenance window has not started yet; delete it instead');
    if (state === 'past') throw new Conflict('this maintenance window has already ended');
    await tx.updateTable('maintenance_windows').set({ end_at: now, ended_early: 1, updated_at: now }).where('id', '=', id).execute();
    await recordAudit(tx, ctx.actor, now, 'maintenance_window.ended', { type: 'maintenance_window', id }, { planned_end: w.end_at });
    return getWindowWithServices(tx, id);
  });
}

/** For routes: an ISO time from the body as epoch ms (the schema has checked the format). */
export function epochOf(field: string, iso: string): number {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw invalid(field, 'must be an ISO 8601 date-time');
  return ms;
}
