import { Type } from 'typebox';
import type { App } from '../../app-context.js';
import type { Row } from '../../platform/db/tables.js';
import { decodeCursor, IdParams, iso, pageOf, PageQuery, paginate } from '../../platform/http/pagination.js';
import { createTeam, deleteTeam, removeTeamMember, setTeamMember, updateTeam } from './commands.js';
import { getTeam, teamMembers, type MemberRow } from './queries.js';
import './policy.js';

const TeamRole = Type.Union([Type.Literal('manager'), Type.Literal('member')]);
const Member = Type.Object({ user_id: Type.String(), name: Type.String(), email: Type.String(), role: TeamRole });
const Team = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    description: Type.String(),
    members: Type.Array(Member),
    created_at: Type.String({ format: 'date-time' }),
    updated_at: Type.String({ format: 'date-time' }),
  },
  { $id: 'Team' },
);
const MemberParams = Type.Object({ id: Type.String({ maxLength: 64 }), user_id: Type.String({ maxLength: 64 }) });

function serialize(team: Row<'teams'>, members: MemberRow[]) {
  return {
    id: team.id,
    name: team.name,
    description: team.description,
    members: members.filter((m) => m.team_id === team.id).map((m) => ({ user_id: m.user_id, name: m.name, email: m.email, role: m.role })),
    created_at: iso(team.created_at)!,
    updated_at: iso(team.updated_at)!,
  };
}

export async function teamRoutes(app: App): Promise<void> {
  const db = () => app.deps.db;
  const one = async (id: string) => {
    const team = await getTeam(db(), id);
    return serialize(team, await teamMembers(db(), [id]));
  };

  app.get(
    '/api/v1/teams',
    { config: { policy: 'teams.list' }, schema: { tags: ['teams'], summary: 'List teams with their members', querystring: PageQuery, response: { 200: pageOf(Team) } } },
    async (req) => {
      const limit = req.query.limit ?? 50;
      const after = decodeCursor(req.query.cursor);
      let q = db().selectFrom('teams').selectAll().orderBy('id').limit(limit + 1);
      if (after) q = q.where('id', '>', after);
      const page = paginate(await q.execute(), limit, (t) => t.id);
      const members = await teamMembers(db(), page.rows.map((t) => t.id));
      return { data: page.rows.map((t) => serialize(t, members)), next_cursor: page.next_cursor };
    },
  );

  app.post(
    '/api/v1/teams',
    {
      config: { policy: 'teams.create' },
      schema: {
        tags: ['teams'],
        summary: 'Create a team',
        body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }), description: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false }),
        response: { 201: Team },
      },
    },
    async (req, reply) => {
      const team = await createTeam(app.ctx(req), req.body);
      return reply.status(201).send(serialize(team, []));
    },
  );

  app.get(
    '/api/v1/teams/:id',
    { config: { policy: 'teams.get' }, schema: { tags: ['teams'], summary: 'Get a team', params: IdParams, response: { 200: Team } } },
    async (req) => one(req.params.id),
  );

  app.patch(
    '/api/v1/teams/:id',
    {
      config: { policy: 'teams.update' },
      schema: {
        tags: ['teams'],
        summary: 'Update a team',
        params: IdParams,
        body: Type.Object({ name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })), description: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false }),
        response: { 200: Team },
      },
    },
    async (req) => {
      await updateTeam(app.ctx(req), req.params.id, req.body);
      return one(req.params.id);
    },
  );

  app.delete(
    '/api/v1/teams/:id',
    { config: { policy: 'teams.delete' }, schema: { tags: ['teams'], summary: 'Delete a team', params: IdParams, response: { 204: Type.Null() } } },
    async (req, reply) => {
      await deleteTeam(app.ctx(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/v1/teams/:id/members/:user_id',
    {
      config: { policy: 'teams.members' },
      schema: {
        tags: ['teams'],
        summary: 'Add a member or change their team role',
        params: MemberParams,
        body: Type.Object({ role: Type.Optional(TeamRole) }, { additionalProperties: false }),
        response: { 200: Team },
      },
    },
    async (req) => {
      await setTeamMember(app.ctx(req), req.params.id, req.params.user_id, req.body?.role ?? 'member');
      return one(req.params.id);
    },
  );

  app.delete(
    '/api/v1/teams/:id/members/:user_id',
    { config: { policy: 'teams.members' }, schema: { tags: ['teams'], summary: 'Remove a member', params: MemberParams, response: { 200: Team } } },
    async (req) => {
      await removeTeamMember(app.ctx(req), req.params.id, req.params.user_id);
      return one(req.params.id);
    },
  );
}
