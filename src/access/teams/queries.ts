import type { Executor } from '../../platform/db/transaction.js';
import type { Row } from '../../platform/db/tables.js';
import { NotFound } from '../../platform/http/errors.js';

export async function getTeam(ex: Executor, id: string): Promise<Row<'teams'>> {
  const team = await ex.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
  if (!team) throw new NotFound('team', id);
  return team;
}

export interface MemberRow {
  team_id: string;
  user_id: string;
  role: 'member' | 'manager';
  name: string;
  email: string;
}

export async function teamMembers(ex: Executor, teamIds: string[]): Promise<MemberRow[]> {
  if (teamIds.length === 0) return [];
  return ex
    .selectFrom('team_members')
    .innerJoin('users', 'users.id', 'team_members.user_id')
    .select(['team_members.team_id', 'team_members.user_id', 'team_members.role', 'users.name', 'users.email'])
    .where('team_members.team_id', 'in', teamIds)
    .where('users.deleted_at', 'is', null)
    .orderBy('users.name')
    .execute();
}
