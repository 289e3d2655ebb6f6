import { Type } from 'typebox';
import type { App } from '../../app-context.js';
import { decodeCursor, IdParams, pageOf, PageQuery, paginate } from '../../platform/http/pagination.js';
import { RoleSchema, CreateUserBody, UpdateUserBody, serializeUser, User } from './schemas.js';
import { createUser, deleteUser, updateUser } from './commands.js';
import { getUser, listUsers } from './queries.js';
import './policy.js';

export async function userRoutes(app: App): Promise<void> {
  app.get(
    '/api/v1/users',
    {
      config: { policy: 'users.list' },
      schema: {
        tags: ['users'],
        summary: 'List users',
        querystring: Type.Intersect([PageQuery, Type.Object({ role: Type.Optional(RoleSchema), q: Type.Optional(Type.String({ maxLength: 100 })) })]),
        response: { 200: pageOf(User) },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 50;
      const rows = await listUsers(app.deps.db, { limit, after: decodeCursor(req.query.cursor), role: req.query.role, q: req.query.q });
      const page = paginate(rows, limit, (u) => u.id);
      return { data: page.rows.map(serializeUser), next_cursor: page.next_cursor };
    },
  );

  app.post(
    '/api/v1/users',
    { config: { policy: 'users.create' }, schema: { tags: ['users'], summary: 'Create a user', body: CreateUserBody, response: { 201: User } } },
    async (req, reply) => {
      const user = await createUser(app.ctx(req), req.body);
      return reply.status(201).send(serializeUser(user));
    },
  );

  app.get(
    '/api/v1/users/:id',
    { config: { policy: 'users.get' }, schema: { tags: ['users'], summary: 'Get a user', params: IdParams, response: { 200: User } } },
    async (req) => serializeUser(await getUser(app.deps.db, req.params.id)),
  );

  app.patch(
    '/api/v1/users/:id',
    {
      config: { policy: 'users.update' },
      schema: { tags: ['users'], summary: 'Update a user (admins, or the user themselves)', params: IdParams, body: UpdateUserBody, response: { 200: User } },
    },
    async (req) => serializeUser(await updateUser(app.ctx(req), req.params.id, req.body)),
  );

  app.delete(
    '/api/v1/users/:id',
    { config: { policy: 'users.delete' }, schema: { tags: ['users'], summary: 'Delete a user', params: IdParams, response: { 204: Type.Null() } } },
    async (req, reply) => {
      await deleteUser(app.ctx(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
}
