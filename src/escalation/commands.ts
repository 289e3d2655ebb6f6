import { recordAudit } from '../access/audit/record.js';
import type { CommandContext } from '../access/context.js';
import { newId } from '../platform/ids.js';
import { dialectOf, transact, type Executor, type Tx } from '../platform/db/transaction.js';
import type { Row } from '../platform/db/tables.js';
import { Conflict, NotFound, ValidationFailed, type FieldProblem } from '../platform/http/errors.js';
import type { Level, Target } from './types.js';

// Commands on escalation policies: one transaction each, with its audit entry.

export interface LevelInput {
  delay_minutes: number;
  targets: Target[];
  round_robin?: boolean;
}

export interface EscalationPolicyInput {
  name?: string;
  description?: string;
  team_id?: string | null;
  levels?: LevelInput[];
  repeat?: number;
}

function normalizeLevels(levels: readonly LevelInput[]): Level[] {
  return levels.map((l) => ({ delay_minutes: l.delay_minutes, targets: l.targets.map((t) => ({ type: t.type, id: t.id })), round_robin: l.round_robin ?? false }));
}

/** Field problems for targets that name no existing user or schedule ("levels/2/targets/0/id"). */
async function checkTargets(tx: Executor, levels: readonly LevelInput[], problems: FieldProblem[]): Promise<void> {
  const userIds = [...new Set(levels.flatMap((l) => l.targets.filter((t) => t.type === 'user').map((t) => t.id)))];
  const scheduleIds = [...new Set(levels.flatMap((l) => l.targets.filter((t) => t.type === 'schedule').map((t) => t.id)))];
  const users = new Set(
    userIds.length === 0 ? [] : (await tx.selectFrom('users').select('id').where('id', 'in', userIds).where('deleted_at', 'is', null).execute()).map((r) => r.id),
  );
  const schedules = new Set(scheduleIds.length === 0 ? [] : (await tx.selectFrom('schedules').select('id').where('id', 'in', scheduleIds).execute()).map((r) => r.id));
  levels.forEach((level, i) => {
    const seen = new Set<string>();
    level.targets.forEach((t, j) => {
      const known = t.type === 'user' ? users.has(t.id) : schedules.has(t.id);
      if (!known) problems.push({ field: `levels/${i}/targets/${j}/id`, message: `no such ${t.type}: ${t.id}` });
      const key = `${t.type}:${t.id}`;
      if (seen.has(key)) problems.push({ field: `levels/${i}/targets/${j}`, message: `${t.type} ${t.id} is already a target of this level` });
      seen.add(key);
    });
  });
}

async function checkTeam(tx: Executor, teamId: string | null | undefined, problems: FieldProblem[]): Promise<void> {
  if (teamId === undefined || teamId === null) return;
  if (!(await tx.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst())) problems.push({ field: 'team_id', message: 'no such team' });
}

async function nameTaken(tx: Executor, name: string, except?: string): Promise<boolean> {
  let q = tx.selectFrom('escalation_policies').select('id').where('name', '=', name);
  if (except) q = q.where('id', '!=', except);
  return (await q.executeTakeFirst()) !== undefined;
}

async function lockPolicy(tx: Tx, id: string): Promise<Row<'escalation_policies'>> {
  let q = tx.selectFrom('escalation_policies').selectAll().where('id', '=', id);
  // SQLite has no row locks; its write transactions already run one at a time.
  if (dialectOf(tx) === 'postgres') q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw new NotFound('escalation policy', id);
  return row;
}

export async function createEscalationPolicy(ctx: CommandContext, input: EscalationPolicyInput & { name: string; levels: LevelInput[] }): Promise<Row<'escalation_policies'>> {
  const now = ctx.clock.now();
  return transact(ctx.db, async (tx) => {
    const name = input.name.trim();
    const problems: FieldProblem[] = [];
    if (name === '') problems.push({ field: 'name', message: 'must not be blank' });
    await checkTeam(tx, input.team_id, problems);
    await checkTargets(tx, input.levels, problems);
    if (problems.length > 0) throw new ValidationFailed(problems);
    if (await nameTaken(tx, name)) throw new Conflict(`an escalation policy named "${name}" already exists`, 'name');
    const row: Row<'escalation_policies'> = {
      id: newId(),
      name,
      description: input.description ?? '',
      team_id: input.team_id ?? null,
      levels: JSON.stringify(normalizeLevels(input.levels)),
      repeat: input.repeat ?? 0,
      created_at: now,
      updated_at: now,
    };
    await tx.insertInto('escalation_policies').values(row).execute();
    await recordAudit(tx, ctx.actor, now, 'escalation_policy.created', { type: 'escalation_policy', id: row.id }, { name, levels: input.levels.length, repeat: row.repeat });
    return row;
  });
}

/** PATCH: only the fields given change. PUT sends every field (absent optional ones reset). */
export async function updateEscalationPolicy(ctx: CommandContext, id: string, input: EscalationPolicyInput): Promise<Row<'escalation_policies'>> {
  const now = ctx.clock.now();
  return transact(ctx.db, async (tx) => {
    const row = await lockPolicy(tx, id);
    const problems: FieldProblem[] = [];
    const name = input.name?.trim();
    if (name === '') problems.push({ field: 'name', message: 'must not be blank' });
    await checkTeam(tx, input.team_id, problems);
    if (input.levels) await checkTargets(tx, input.levels, problems);
    if (problems.length > 0) throw new ValidationFailed(problems);
    if (name && name !== row.name && (await nameTaken(tx, name, id))) throw new Conflict(`an escalation policy named "${name}" already exists`, 'name');
    const changes = {
      ...(name ? { name } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.team_id !== undefined ? { team_id: input.team_id } : {}),
      ...(input.levels ? { levels: JSON.stringify(normalizeLevels(input.levels)) } : {}),
      ...(input.repeat !== undefined ? { repeat: input.repeat } : {}),
      updated_at: now,
    };
    await tx.updateTable('escalation_policies').set(changes).where('id', '=', id).execute();
    if (input.levels) {
      // Turns of levels that are gone would hand a future level someone else's place in line.
      await tx.deleteFrom('escalation_round_robin').where('policy_id', '=', id).where('level', '>', input.levels.length).execute();
    }
    const changed = Object.keys(changes).filter((k) => k !== 'updated_at');
    await recordAudit(tx, ctx.actor, now, 'escalation_policy.updated', { type: 'escalation_policy', id }, { changed });
    return { ...row, ...changes };
  });
}

export async function deleteEscalationPolicy(ctx: CommandContext, id: string): Promise<void> {
  const now = ctx.clock.now();
  await transact(ctx.db, async (tx) => {
    const row = await lockPolicy(tx, id);
    const users = await tx.selectFrom('services').select('name').where('escalation_policy_id', '=', id).orderBy('name').execute();
    if (users.length > 0) {
      throw new Conflict(`services still page through this policy: ${users.map((s) => s.name).join(', ')}; point them at another policy first`);
    }
    await tx.deleteFrom('escalation_policies').where('id', '=', id).execute();
    await recordAudit(tx, ctx.actor, now, 'escalation_policy.deleted', { type: 'escalation_policy', id }, { name: row.name });
  });
}

/**
 * Stores the round-robin turns decide() handed back, inside the escalate job's transaction.
 * Not a command of its own: the job's transaction is the one that writes it.
 */
export async function saveRoundRobinTurns(tx: Tx, policyId: string, turns: Readonly<Record<number, number>>, now: number): Promise<void> {
  for (const [level, count] of Object.entries(turns)) {
    await tx
      .insertInto('escalation_round_robin')
      .values({ policy_id: policyId, level: Number(level), turns: count, updated_at: now })
      .onConflict((oc) => oc.columns(['policy_id', 'level']).doUpdateSet({ turns: count, updated_at: now }))
      .execute();
  }
}
