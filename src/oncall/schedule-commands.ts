import { recordAudit } from '../access/audit/record.js';
import type { CommandContext } from '../access/context.js';
import { newId } from '../platform/ids.js';
import { dialectOf, transact, type Executor, type Tx } from '../platform/db/transaction.js';
import type { Row } from '../platform/db/tables.js';
import { Conflict, NotFound, ValidationFailed, type FieldProblem } from '../platform/http/errors.js';
import { feedKey, freshFeed } from './feed-tokens.js';
import { inForceBefore, planLayers, type LayerInput } from './layer-input.js';
import { parseLayers, unknownUsers } from './queries.js';
import { instantParam } from './range.js';
import type { Layer } from './types.js';
import { isKnownZone } from './zones.js';

// Commands on schedules. Every save goes through planLayers, which runs validateSchedule on
// what was sent and on what would be stored, so a schedule resolve cannot render is never saved.

export interface ScheduleInput {
  name?: string;
  description?: string;
  team_id?: string | null;
  time_zone?: string;
  layers?: LayerInput[];
  effective_from?: string;
}

async function nameTaken(tx: Executor, name: string, except?: string): Promise<boolean> {
  let q = tx.selectFrom('schedules').select('id').where('name', '=', name);
  if (except) q = q.where('id', '!=', except);
  return (await q.executeTakeFirst()) !== undefined;
}

async function checkTeam(tx: Executor, teamId: string | null | undefined, problems: FieldProblem[]): Promise<void> {
  if (teamId === undefined || teamId === null) return;
  const team = await tx.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst();
  if (!team) problems.push({ field: 'team_id', message: 'no such team' });
}

async function checkLayerUsers(tx: Executor, layers: readonly LayerInput[], problems: FieldProblem[]): Promise<void> {
  const unknown = await unknownUsers(tx, layers.flatMap((layer) => layer.users));
  layers.forEach((layer, i) =>
    layer.users.forEach((id, j) => {
      if (unknown.has(id)) problems.push({ field: `layers/${i}/users/${j}`, message: `no such user: ${id}` });
    }),
  );
}

/** The schedule row, locked against concurrent edits until the transaction ends. */
async function lockSchedule(tx: Tx, id: string): Promise<Row<'schedules'>> {
  let q = tx.selectFrom('schedules').selectAll().where('id', '=', id);
  // SQLite has no row locks; its write transactions already run one at a time.
  if (dialectOf(tx) === 'postgres') q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw new NotFound('schedule', id);
  return row;
}

export async function createSchedule(ctx: CommandContext, input: ScheduleInput & { name: string; time_zone: string }): Promise<Row<'schedules'>> {
  const now = ctx.clock.now();
  return transact(ctx.db, async (tx) => {
    const name = input.name.trim();
    const problems: FieldProblem[] = [];
    if (name === '') problems.push({ field: 'name', message: 'must not be blank' });
    await checkTeam(tx, input.team_id, problems);
    const layersIn = input.layers ?? [];
    await checkLayerUsers(tx, layersIn, problems);
    const plan = planLayers(layersIn, { zone: input.time_zone, now, existing: null, effectiveFrom: now, newId });
    problems.push(...plan.issues);
    if (problems.length > 0) throw new ValidationFailed(problems);
    if (await nameTaken(tx, name)) throw new Conflict(`a schedule named "${name}" already exists`, 'name');
    const id = newId();
    const feed = freshFeed(await feedKey(tx), 'schedule', id);
    const row: Row<'schedules'> = {
      id,
      name,
      description: input.description ?? '',
      team_id: input.team_id ?? null,
      time_zone: input.time_zone,
      layers: JSON.stringify(plan.layers),
      ical_nonce: feed.nonce,
      ical_token_hash: feed.hash,
      created_at: now,
      updated_at: now,
    };
    await tx.insertInto('schedules').values(row).execute();
    await recordAudit(tx, ctx.actor, now, 'schedule.created', { type: 'schedule', id }, { name, layers: plan.layers.length });
    return row;
  });
}

/**
 * Changes a schedule. With `replace` (PUT) every field is set from `input`, absent optional
 * ones to their defaults; otherwise (PATCH) only the fields given change. New layers take
 * effect from `effective_from` (default now, never earlier): see layer-input.ts.
 */
export async function updateSchedule(ctx: CommandContext, id: string, input: ScheduleInput, opts: { replace: boolean }): Promise<Row<'schedules'>> {
  const now = ctx.clock.now();
  const problems: FieldProblem[] = [];
  let effectiveFrom = now;
  if (input.effective_from !== undefined) {
    effectiveFrom = instantParam('effective_from', input.effective_from);
    if (effectiveFrom < now) problems.push({ field: 'effective_from', message: 'must not be in the past (past shifts never change)' });
  }
  return transact(ctx.db, async (tx) => {
    const row = await lockSchedule(tx, id);
    const existing = parseLayers(row);
    const name = input.name === undefined ? row.name : input.name.trim();
    if (name === '') problems.push({ field: 'name', message: 'must not be blank' });
    const teamId = input.team_id !== undefined ? input.team_id : opts.replace ? null : row.team_id;
    if (teamId !== row.team_id) await checkTeam(tx, teamId, problems);
    const zone = input.time_zone ?? row.time_zone;
    if (zone !== row.time_zone) {
      if (!isKnownZone(zone)) {
        problems.push({ field: 'time_zone', message: 'must be an IANA time zone name' });
      } else if (existing.some((layer) => inForceBefore(layer, now))) {
        problems.push({
          field: 'time_zone',
          message: 'cannot change once a layer is in force: every past handoff would move; create a new schedule in the new zone',
        });
      }
    }
    let layers: Layer[] = existing;
    if (input.layers !== undefined) {
      await checkLayerUsers(tx, input.layers, problems);
      const plan = planLayers(input.layers, { zone, now, existing, effectiveFrom, newId });
      // An unknown zone is reported once, above.
      problems.push(...plan.issues.filter((issue) => issue.field !== 'time_zone' || zone === row.time_zone));
      layers = plan.layers;
    }
    if (problems.length > 0) throw new ValidationFailed(problems);
    if (name !== row.name && (await nameTaken(tx, name, id))) throw new Conflict(`a schedule named "${name}" already exists`, 'name');
    const description = input.description !== undefined ? input.description : opts.replace ? '' : row.description;
    const serializedLayers = JSON.stringify(layers);
    const changes = {
      name,
      description,
      team_id: teamId,
      time_zone: zone,
      layers: serializedLayers,
      updated_at: now,
    };
    const changed = (['name', 'description', 'team_id', 'time_zone', 'layers'] as const).filter((k) => changes[k] !== row[k]);
    await tx.updateTable('schedules').set(changes).where('id', '=', id).execute();
    await recordAudit(tx, ctx.actor, now, 'schedule.updated', { type: 'schedule', id }, {
      changed,
      ...(changed.includes('layers') ? { effective_from: new Date(effectiveFrom).toISOString() } : {}),
    });
    return { ...row, ...changes };
  });
}

export async function deleteSchedule(ctx: CommandContext, id: string): Promise<void> {
  const now = ctx.clock.now();
  await transact(ctx.db, async (tx) => {
    const row = await lockSchedule(tx, id);
    // Overrides and swaps go with it (foreign keys cascade); the audit entry keeps the name.
    await tx.deleteFrom('shift_swaps').where('schedule_id', '=', id).execute();
    await tx.deleteFrom('schedule_overrides').where('schedule_id', '=', id).execute();
    await tx.deleteFrom('schedules').where('id', '=', id).execute();
    await recordAudit(tx, ctx.actor, now, 'schedule.deleted', { type: 'schedule', id }, { name: row.name });
  });
}

/** Replaces the schedule's calendar-feed secret: the old URL stops working at once. */
export async function rotateScheduleIcalUrl(ctx: CommandContext, id: string): Promise<Row<'schedules'>> {
  const now = ctx.clock.now();
  return transact(ctx.db, async (tx) => {
    const row = await lockSchedule(tx, id);
    const feed = freshFeed(await feedKey(tx), 'schedule', id);
    await tx.updateTable('schedules').set({ ical_nonce: feed.nonce, ical_token_hash: feed.hash, updated_at: now }).where('id', '=', id).execute();
    await recordAudit(tx, ctx.actor, now, 'schedule.ical_url_rotated', { type: 'schedule', id });
    return { ...row, ical_nonce: feed.nonce, ical_token_hash: feed.hash, updated_at: now };
  });
}
