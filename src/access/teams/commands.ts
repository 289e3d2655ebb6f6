import { newId } from '../../platform/ids.js';
import { transact, type Executor } from '../../platform/db/transaction.js';
import type { Row } from '../../platform/db/tables.js';
import { Conflict } from '../../platform/http/errors.js';
import { recordAudit } from '../audit/record.js';
import type { CommandContext } from '../context.js';
import type { TeamRole } from '../roles.js';
import { getUser } from '../users/queries.js';
import { getTeam } from './queries.js';

async function nameTaken(tx: Executor, name: string, except?: string): Promise<boolean> {
  let q = tx.selectFrom('teams').select('id').where('name', '=', name);
  if (except) q = q.where('id', '!=', except);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function createTeam(ctx: CommandContext, input: { name: string; description?: string }): Promise<Row<'teams'>> {
  const now = ctx.clock.now();
  const team: Row<'teams'> = { id: newId(), name: input.name.trim(), description: input.description ?? '', created_at: now, updated_at: now };
  return transact(ctx.db, async (tx) => {
    if (await nameTaken(tx, team.name)) throw new Conflict(`a team named "${team.name}" already exists`, 'name');
    await tx.insertInto('teams').values(team).execute();
    await recordAudit(tx, ctx.actor, now, 'team.created', { type: 'team', id: team.id }, { name: team.name });
    return team;
  });
}

export async function updateTeam(ctx: CommandContext, id: string, input: { name?: string; description?: string }): Promise<Row<'teams'>> {
  const now = ctx.clock.now();
  return transact(ctx.db, async (tx) => {
    const team = await getTeam(tx, id);
    const name = input.name?.trim();
    if (name && (await nameTaken(tx, name, id))) throw new Conflict(`a team named "${name}" already exists`, 'name');
    const changes = { ...(name ? { name } : {}), ...(input.description !== undefined ? { description: input.description } : {}), updated_at: now };
    await tx.updateTable('teams').set(changes).where('id', '=', id).execute();
    await recordAudit(tx, ctx.actor, now, 'team.updated', { type: 'team', id }, { changed: Object.keys(changes).filter((k) => k !== 'updated_at') });
    return { ...team, ...changes };
  });
}

export async function deleteTeam(ctx: CommandContext, id: string): Promise<void> {
  const now = ctx.clock.now();
  await transact(ctx.db, async (tx) => {
    const team = await getTeam(tx, id);
    await tx.deleteFrom('team_members').where('team_id', '=', id).execute();
    await tx.deleteFrom('teams').where('id', '=', id).execute();
    await recordAudit(tx, ctx.actor, now, 'team.deleted', { type: 'team', id }, { name: team.name });
  });
}

export async function setTeamMember(ctx: CommandContext, teamId: string, userId: string, role: TeamRole): Promise<void> {
  const now = ctx.clock.now();
  await transact(ctx.db, async (tx) => {
    await getTeam(tx, teamId);
    await getUser(tx, userId);
    await tx
      .insertInto('team_members')
      .values({ team_id: teamId, user_id: userId, role, created_at: now })
      .onConflict((oc) => oc.columns(['team_id', 'user_id']).doUpdateSet({ role }))
      .execute();
    await recordAudit(tx, ctx.actor, now, 'team.member_set', { type: 'team', id: teamId }, { user_id: userId, role });
  });
}

export async function removeTeamMember(ctx: CommandContext, teamId: string, userId: string): Promise<void> {
  const now = ctx.clock.now();
  await transact(ctx.db, async (tx) => {
    await getTeam(tx, teamId);
    await tx.deleteFrom('team_members').where('team_id', '=', teamId).where('user_id', '=', userId).execute();
    await recordAudit(tx, ctx.actor, now, 'team.member_removed', { type: 'team', id: teamId }, { user_id: userId });
  });
}
