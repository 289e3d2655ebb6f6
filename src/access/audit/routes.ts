import { Type } from 'typebox';
import type { App } from '../../app-context.js';
import { decodeCursor, iso, pageOf, PageQuery, paginate } from '../../platform/http/pagination.js';
import './policy.js';

const AuditEntry = Type.Object({
  id: Type.String(),
  at: Type.String({ format: 'date-time' }),
  actor_type: Type.String(),
  actor_id: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  object_type: Type.String(),
  object_id: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
});

export async function auditRoutes(app: App): Promise<void> {
  app.get(
    '/api/v1/audit',
    {
      config: { policy: 'audit.list' },
      schema: {
        tags: ['audit'],
        summary: 'Audit log, newest first',
        querystring: Type.Intersect([
          PageQuery,
          Type.Object({
            object_type: Type.Optional(Type.String({ maxLength: 64 })),
            object_id: Type.Optional(Type.String({ maxLength: 64 })),
            actor_id: Type.Optional(Type.String({ maxLength: 64 })),
          }),
        ]),
        response: { 200: pageOf(AuditEntry) },
      },
    },
    async (req) => {
      const q = req.query;
      const limit = q.limit ?? 50;
      const before = decodeCursor(q.cursor);
      let query = app.deps.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit + 1);
      if (before) query = query.where('id', '<', before);
      if (q.object_type) query = query.where('object_type', '=', q.object_type);
      if (q.object_id) query = query.where('object_id', '=', q.object_id);
      if (q.actor_id) query = query.where('actor_id', '=', q.actor_id);
      const page = paginate(await query.execute(), limit, (r) => r.id);
      return {
        data: page.rows.map((r) => ({ ...r, at: iso(r.at)!, details: JSON.parse(r.details) as Record<string, unknown> })),
        next_cursor: page.next_cursor,
      };
    },
  );
}
