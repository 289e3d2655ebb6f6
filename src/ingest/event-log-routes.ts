import { Type } from 'typebox';
import type { App } from '../app-context.js';
import { definePolicy, EVERYONE } from '../access/policies.js';
import { decodeCursor, pageOf, PageQuery, paginate } from '../platform/http/pagination.js';

definePolicy('events', { list: { roles: EVERYONE } });

const EventEntry = Type.Object({
  id: Type.String(),
  integration_id: Type.String(),
  service_id: Type.String(),
  received_at: Type.String({ format: 'date-time' }),
  action: Type.String(),
  dedup_key: Type.Union([Type.String(), Type.Null()]),
  outcome: Type.String({ description: 'created, updated, acknowledged, resolved, ignored, dropped, suppressed, paused or change' }),
  alert_id: Type.Union([Type.String(), Type.Null()]),
  payload: Type.Unknown(),
});

/** The raw event log: every accepted event with what became of it, kept for TOCSIN_EVENT_RETENTION_DAYS. */
export async function eventLogRoutes(app: App): Promise<void> {
  app.get(
    '/api/v1/events',
    {
      config: { policy: 'events.list' },
      schema: {
        tags: ['ingest'],
        summary: 'List accepted events, oldest first',
        querystring: Type.Intersect([
          PageQuery,
          Type.Object({
            service_id: Type.Optional(Type.String({ maxLength: 64 })),
            integration_id: Type.Optional(Type.String({ maxLength: 64 })),
            dedup_key: Type.Optional(Type.String({ maxLength: 255 })),
            outcome: Type.Optional(Type.String({ maxLength: 20 })),
          }),
        ]),
        response: { 200: pageOf(EventEntry) },
      },
    },
    async (req) => {
      const f = req.query;
      const limit = f.limit ?? 50;
      let q = app.deps.db.selectFrom('events').selectAll().orderBy('id').limit(limit + 1);
      const after = decodeCursor(f.cursor);
      if (after) q = q.where('id', '>', after);
      if (f.service_id) q = q.where('service_id', '=', f.service_id);
      if (f.integration_id) q = q.where('integration_id', '=', f.integration_id);
      if (f.dedup_key) q = q.where('dedup_key', '=', f.dedup_key);
      if (f.outcome) q = q.where('outcome', '=', f.outcome);
      const page = paginate(await q.execute(), limit, (e) => e.id);
      return {
        data: page.rows.map((e) => ({
          id: e.id,
          integration_id: e.integration_id,
          service_id: e.service_id,
          received_at: new Date(e.received_at).toISOString(),
          action: e.action,
          dedup_key: e.dedup_key,
          outcome: e.outcome,
          alert_id: e.alert_id,
          payload: JSON.parse(e.payload) as unknown,
        })),
        next_cursor: page.next_cursor,
      };
    },
  );
}
