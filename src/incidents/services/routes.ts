import { Type } from 'typebox';
import type { App } from '../../app-context.js';
import { decodeCursor, IdParams, pageOf, PageQuery, paginate } from '../../platform/http/pagination.js';
import { createService, deleteService, updateService } from './commands.js';
import { getService, listServices } from './queries.js';
import { CreateServiceBody, Service, serializeService, UpdateServiceBody } from './schemas.js';
import './policy.js';

export async function serviceRoutes(app: App): Promise<void> {
  app.get(
    '/api/v1/services',
    {
      config: { policy: 'services.list' },
      schema: {
        tags: ['services'],
        summary: 'List services',
        querystring: Type.Intersect([PageQuery, Type.Object({ team_id: Type.Optional(Type.String({ maxLength: 64 })) })]),
        response: { 200: pageOf(Service) },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 50;
      const rows = await listServices(app.deps.db, { limit, after: decodeCursor(req.query.cursor), team_id: req.query.team_id });
      const page = paginate(rows, limit, (s) => s.id);
      return { data: page.rows.map(serializeService), next_cursor: page.next_cursor };
    },
  );

  app.post(
    '/api/v1/services',
    { config: { policy: 'services.create' }, schema: { tags: ['services'], summary: 'Create a service', body: CreateServiceBody, response: { 201: Service } } },
    async (req, reply) => reply.status(201).send(serializeService(await createService(app.ctx(req), req.body))),
  );

  app.get(
    '/api/v1/services/:id',
    { config: { policy: 'services.get' }, schema: { tags: ['services'], summary: 'Get a service', params: IdParams, response: { 200: Service } } },
    async (req) => serializeService(await getService(app.deps.db, req.params.id)),
  );

  app.patch(
    '/api/v1/services/:id',
    { config: { policy: 'services.update' }, schema: { tags: ['services'], summary: 'Update a service', params: IdParams, body: UpdateServiceBody, response: { 200: Service } } },
    async (req) => serializeService(await updateService(app.ctx(req), req.params.id, req.body)),
  );

  app.delete(
    '/api/v1/services/:id',
    { config: { policy: 'services.delete' }, schema: { tags: ['services'], summary: 'Delete a service without incidents', params: IdParams, response: { 204: Type.Null() } } },
    async (req, reply) => {
      await deleteService(app.ctx(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
}
