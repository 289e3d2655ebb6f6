import { Type } from 'typebox';
import type { App } from '../../app-context.js';
import { decodeCursor, IdParams, pageOf, PageQuery, paginate } from '../../platform/http/pagination.js';
import { createMaintenanceWindow, deleteMaintenanceWindow, endMaintenanceWindow, epochOf, updateMaintenanceWindow } from './commands.js';
import { getWindowWithServices, listWindows } from './queries.js';
import { CreateWindowBody, ListWindowsQuery, MaintenanceWindow, serializeWindow, UpdateWindowBody } from './schemas.js';
import './policy.js';

export async function maintenanceWindowRoutes(app: App): Promise<void> {
  const now = () => app.deps.clock.now();

  app.get(
    '/api/v1/maintenance-windows',
    {
      config: { policy: 'maintenance_windows.list' },
      schema: {
        tags: ['maintenance windows'],
        summary: 'List maintenance windows',
        querystring: Type.Intersect([PageQuery, ListWindowsQuery]),
        response: { 200: pageOf(MaintenanceWindow) },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 50;
      const at = now();
      const rows = await listWindows(app.deps.db, {
        limit,
        after: decodeCursor(req.query.cursor),
        ...(req.query.state ? { state: req.query.state } : {}),
        ...(req.query.service_id ? { serviceId: req.query.service_id } : {}),
        now: at,
      });
      const page = paginate(rows, limit, (w) => w.id);
      return { data: page.rows.map((w) => serializeWindow(w, at)), next_cursor: page.next_cursor };
    },
  );

  app.post(
    '/api/v1/maintenance-windows',
    {
      config: { policy: 'maintenance_windows.create' },
      schema: { tags: ['maintenance windows'], summary: 'Create a maintenance window', body: CreateWindowBody, response: { 201: MaintenanceWindow } },
    },
    async (req, reply) => {
      const b = req.body;
      const w = await createMaintenanceWindow(app.ctx(req), {
        ...(b.description !== undefined ? { description: b.description } : {}),
        ...(b.start !== undefined ? { start: epochOf('start', b.start) } : {}),
        end: epochOf('end', b.end),
        service_ids: b.service_ids,
        ...(b.condition !== undefined ? { condition: b.condition } : {}),
      });
      return reply.status(201).send(serializeWindow(w, now()));
    },
  );

  app.get(
    '/api/v1/maintenance-windows/:id',
    {
      config: { policy: 'maintenance_windows.get' },
      schema: { tags: ['maintenance windows'], summary: 'Get a maintenance window', params: IdParams, response: { 200: MaintenanceWindow } },
    },
    async (req) => serializeWindow(await getWindowWithServices(app.deps.db, req.params.id), now()),
  );

  app.patch(
    '/api/v1/maintenance-windows/:id',
    {
      config: { policy: 'maintenance_windows.update' },
      schema: {
        tags: ['maintenance windows'],
        summary: 'Change a maintenance window (a started one keeps its start; an ended one cannot change)',
        params: IdParams,
        body: UpdateWindowBody,
        response: { 200: MaintenanceWindow },
      },
    },
    async (req) => {
      const b = req.body;
      const w = await updateMaintenanceWindow(app.ctx(req), req.params.id, {
        ...(b.description !== undefined ? { description: b.description } : {}),
        ...(b.start !== undefined ? { start: epochOf('start', b.start) } : {}),
        ...(b.end !== undefined ? { end: epochOf('end', b.end) } : {}),
        ...(b.service_ids !== undefined ? { service_ids: b.service_ids } : {}),
        ...(b.condition !== undefined ? { condition: b.condition } : {}),
      });
      return serializeWindow(w, now());
    },
  );

  app.delete(
    '/api/v1/maintenance-windows/:id',
    {
      config: { policy: 'maintenance_windows.delete' },
      schema: {
        tags: ['maintenance windows'],
        summary: 'Delete a maintenance window that has not started (409 once it has: end it instead)',
        params: IdParams,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await deleteMaintenanceWindow(app.ctx(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/maintenance-windows/:id/end',
    {
      config: { policy: 'maintenance_windows.end' },
      schema: { tags: ['maintenance windows'], summary: 'End an active maintenance window now', params: IdParams, response: { 200: MaintenanceWindow } },
    },
    async (req) => serializeWindow(await endMaintenanceWindow(app.ctx(req), req.params.id), now()),
  );
}
