import { Type } from 'typebox';
import type { App } from '../../app-context.js';
import type { Row } from '../../platform/db/tables.js';
import { decodeCursor, IdParams, iso, pageOf, PageQuery, paginate } from '../../platform/http/pagination.js';
import { invalid } from '../../platform/http/errors.js';
import { RoleSchema } from '../users/schemas.js';
import { createToken, getVisibleToken, renameToken, revokeToken } from './commands.js';
import './policy.js';

const Token = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    prefix: Type.String({ description: 'First characters of the secret, to recognise it' }),
    role: RoleSchema,
    user_id: Type.Union([Type.String(), Type.Null()]),
    created_at: Type.String({ format: 'date-time' }),
    last_used_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    expires_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    revoked_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { $id: 'Token' },
);

const serialize = (t: Row<'api_tokens'>) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  role: t.role,
  user_id: t.user_id,
  created_at: iso(t.created_at)!,
  last_used_at: iso(t.last_used_at),
  expires_at: iso(t.expires_at),
  revoked_at: iso(t.revoked_at),
});

export async function tokenRoutes(app: App): Promise<void> {
  app.get(
    '/api/v1/tokens',
    {
      config: { policy: 'tokens.list' },
      schema: { tags: ['tokens'], summary: 'List API tokens (admins see all, others their own)', querystring: PageQuery, response: { 200: pageOf(Token) } },
    },
    async (req) => {
      const limit = req.query.limit ?? 50;
      const after = decodeCursor(req.query.cursor);
      const actor = req.actor!;
      let q = app.deps.db.selectFrom('api_tokens').selectAll().orderBy('id').limit(limit + 1);
      if (after) q = q.where('id', '>', after);
      if (actor.role !== 'admin') {
        const uid = actor.userId ?? '-';
        q = q.where((eb) => eb.or([eb('user_id', '=', uid), eb('created_by', '=', uid)]));
      }
      const page = paginate(await q.execute(), limit, (t) => t.id);
      return { data: page.rows.map(serialize), next_cursor: page.next_cursor };
    },
  );

  app.post(
    '/api/v1/tokens',
    {
      config: { policy: 'tokens.create' },
      schema: {
        tags: ['tokens'],
        summary: 'Create an API token; the secret is in this answer only',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 100 }),
            role: Type.Optional(RoleSchema),
            expires_at: Type.Optional(Type.String({ format: 'date-time' })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Intersect([Token, Type.Object({ token: Type.String({ description: 'The secret; shown once' }) })]) },
      },
    },
    async (req, reply) => {
      const expires = req.body.expires_at ? Date.parse(req.body.expires_at) : null;
      if (expires !== null && expires <= app.deps.clock.now()) throw invalid('expires_at', 'must be in the future');
      const { row, secret } = await createToken(app.ctx(req), { name: req.body.name, role: req.body.role, expires_at: expires });
      return reply.status(201).send({ ...serialize(row), token: secret });
    },
  );

  app.get(
    '/api/v1/tokens/:id',
    { config: { policy: 'tokens.get' }, schema: { tags: ['tokens'], summary: 'Get a token', params: IdParams, response: { 200: Token } } },
    async (req) => serialize(await getVisibleToken(app.deps.db, req.actor!, req.params.id)),
  );

  app.patch(
    '/api/v1/tokens/:id',
    {
      config: { policy: 'tokens.update' },
      schema: {
        tags: ['tokens'],
        summary: 'Rename a token',
        params: IdParams,
        body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false }),
        response: { 200: Token },
      },
    },
    async (req) => serialize(await renameToken(app.ctx(req), req.params.id, req.body.name)),
  );

  app.delete(
    '/api/v1/tokens/:id',
    { config: { policy: 'tokens.delete' }, schema: { tags: ['tokens'], summary: 'Revoke a token', params: IdParams, response: { 204: Type.Null() } } },
    async (req, reply) => {
      await revokeToken(app.ctx(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
}
