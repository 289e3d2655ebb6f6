import { Type } from 'typebox';
import type { App } from '../app-context.js';
import { decodeCursor, IdParams, iso, pageOf, PageQuery, paginate } from '../platform/http/pagination.js';
import { NotFound } from '../platform/http/errors.js';
import { listJobs, retryDeadJob, type JobRow } from '../platform/jobs/index.js';
import './policy.js';

const Job = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  key: Type.Union([Type.String(), Type.Null()]),
  state: Type.String(),
  payload: Type.Unknown(),
  run_at: Type.String({ format: 'date-time' }),
  attempts: Type.Integer(),
  max_attempts: Type.Integer(),
  locked_by: Type.Union([Type.String(), Type.Null()]),
  last_error: Type.Union([Type.String(), Type.Null()]),
  created_at: Type.String({ format: 'date-time' }),
});

const serialize = (j: JobRow) => ({
  id: j.id,
  kind: j.kind,
  key: j.key,
  state: j.state,
  payload: JSON.parse(j.payload) as unknown,
  run_at: iso(j.run_at)!,
  attempts: j.attempts,
  max_attempts: j.max_attempts,
  locked_by: j.locked_by,
  last_error: j.last_error,
  created_at: iso(j.created_at)!,
});

/** Operators' view of the durable job queue: what is waiting, what died and why. */
export async function jobRoutes(app: App): Promise<void> {
  app.get(
    '/api/v1/jobs',
    {
      config: { policy: 'jobs.list' },
      schema: {
        tags: ['operations'],
        summary: 'List jobs in the durable queue (e.g. state=dead)',
        querystring: Type.Intersect([
          PageQuery,
          Type.Object({ state: Type.Optional(Type.Union([Type.Literal('queued'), Type.Literal('done'), Type.Literal('dead')])), kind: Type.Optional(Type.String({ maxLength: 100 })) }),
        ]),
        response: { 200: pageOf(Job) },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 50;
      const rows = await listJobs(app.deps.db, { limit: limit + 1, after: decodeCursor(req.query.cursor), state: req.query.state, kind: req.query.kind });
      const page = paginate(rows, limit, (j) => j.id);
      return { data: page.rows.map(serialize), next_cursor: page.next_cursor };
    },
  );

  app.post(
    '/api/v1/jobs/:id/retry',
    { config: { policy: 'jobs.retry' }, schema: { tags: ['operations'], summary: 'Put a dead job back in the queue', params: IdParams, response: { 204: Type.Null() } } },
    async (req, reply) => {
      if (!(await retryDeadJob(app.deps.db, req.params.id, app.deps.clock.now()))) throw new NotFound('dead job', req.params.id);
      return reply.status(204).send(null);
    },
  );
}
