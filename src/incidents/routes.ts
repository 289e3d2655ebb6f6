import { Type } from 'typebox';
import type { App } from '../app-context.js';
import { invalid } from '../platform/http/errors.js';
import { decodeCursor, IdParams, pageOf, PageQuery, paginate } from '../platform/http/pagination.js';
import type { IncidentRow } from './changes.js';
import { acknowledgeIncident } from './commands/acknowledge-incident.js';
import { addNote } from './commands/add-note.js';
import { createIncident } from './commands/create-incident.js';
import { escalateIncident } from './commands/escalate-incident.js';
import { mergeIncidents } from './commands/merge-incidents.js';
import { postStatusUpdate } from './commands/post-status-update.js';
import { reassignIncident } from './commands/reassign-incident.js';
import { resolveIncident } from './commands/resolve-incident.js';
import { setPriority } from './commands/set-priority.js';
import { setUrgency } from './commands/set-urgency.js';
import { snoozeIncident } from './commands/snooze-incident.js';
import { unacknowledgeIncident } from './commands/unacknowledge-incident.js';
import { alertEvents, getAlert, listAlerts, getIncident, incidentAlerts, incidentTimeline, listIncidents, recentChanges } from './queries.js';
import {
  Alert,
  Incident,
  IncidentDetail,
  IncidentStatus,
  serializeAlert,
  serializeChange,
  serializeIncident,
  serializeTimeline,
  TimelineEntry,
  UrgencySchema,
} from './schemas.js';
import './policy.js';

const Priority = Type.Union([Type.String({ minLength: 1, maxLength: 20 }), Type.Null()]);

function parseTime(field: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const ms = Date.parse(v);
  if (Number.isNaN(ms)) throw invalid(field, 'must be an ISO 8601 date-time');
  return ms;
}

export async function incidentRoutes(app: App): Promise<void> {
  const db = () => app.deps.db;
  const one = async (id: string) => serializeIncident(await getIncident(db(), id));
  const answer = async (row: IncidentRow) => one(row.id);

  app.get(
    '/api/v1/incidents',
    {
      config: { policy: 'incidents.list' },
      schema: {
        tags: ['incidents'],
        summary: 'List incidents, newest first',
        querystring: Type.Intersect([
          PageQuery,
          Type.Object({
            status: Type.Optional(Type.Array(IncidentStatus, { description: 'repeat for several: status=triggered&status=acknowledged' })),
            service_id: Type.Optional(Type.String({ maxLength: 64 })),
            team_id: Type.Optional(Type.String({ maxLength: 64 })),
            urgency: Type.Optional(UrgencySchema),
            since: Type.Optional(Type.String({ maxLength: 40, description: 'created at or after (ISO 8601)' })),
            until: Type.Optional(Type.String({ maxLength: 40, description: 'created before (ISO 8601)' })),
          }),
        ]),
        response: { 200: pageOf(Incident) },
      },
    },
    async (req) => {
      const q = req.query;
      const limit = q.limit ?? 50;
      const rows = await listIncidents(db(), {
        limit,
        before: decodeCursor(q.cursor),
        status: q.status,
        service_id: q.service_id,
        team_id: q.team_id,
        urgency: q.urgency,
        since: parseTime('since', q.since),
        until: parseTime('until', q.until),
      });
      const page = paginate(rows, limit, (r) => r.id);
      return { data: page.rows.map(serializeIncident), next_cursor: page.next_cursor };
    },
  );

  app.post(
    '/api/v1/incidents',
    {
      config: { policy: 'incidents.create' },
      schema: {
        tags: ['incidents'],
        summary: 'Trigger an incident by hand (a manual page)',
        body: Type.Object(
          {
            service_id: Type.String({ minLength: 1, maxLength: 64 }),
            title: Type.String({ minLength: 1, maxLength: 1024 }),
            description: Type.Optional(Type.String({ maxLength: 20_000 })),
            urgency: Type.Optional(UrgencySchema),
            priority: Type.Optional(Priority),
            assignees: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 50 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Incident },
      },
    },
    async (req, reply) => reply.status(201).send(await answer(await createIncident(app.ctx(req), req.body))),
  );

  app.get(
    '/api/v1/incidents/:id',
    { config: { policy: 'incidents.get' }, schema: { tags: ['incidents'], summary: 'Get an incident with the changes made to its service in the hour before it', params: IdParams, response: { 200: IncidentDetail } } },
    async (req) => {
      const row = await getIncident(db(), req.params.id);
      const changes = await recentChanges(db(), row.service_id, row.created_at);
      return { ...serializeIncident(row), recent_changes: changes.map(serializeChange) };
    },
  );

  app.get(
    '/api/v1/incidents/:id/alerts',
    { config: { policy: 'incidents.get' }, schema: { tags: ['incidents'], summary: "An incident's alerts, each with why it joined", params: IdParams, response: { 200: Type.Object({ data: Type.Array(Alert) }) } } },
    async (req) => {
      await getIncident(db(), req.params.id);
      return { data: (await incidentAlerts(db(), req.params.id)).map(serializeAlert) };
    },
  );

  app.get(
    '/api/v1/incidents/:id/timeline',
    { config: { policy: 'incidents.get' }, schema: { tags: ['incidents'], summary: "An incident's timeline, oldest first", params: IdParams, querystring: PageQuery, response: { 200: pageOf(TimelineEntry) } } },
    async (req) => {
      await getIncident(db(), req.params.id);
      const limit = req.query.limit ?? 100;
      const rows = await incidentTimeline(db(), req.params.id, { limit, after: decodeCursor(req.query.cursor) });
      const page = paginate(rows, limit, (r) => r.id);
      return { data: page.rows.map(serializeTimeline), next_cursor: page.next_cursor };
    },
  );

  const action = (path: string, summary: string, body: ReturnType<typeof Type.Object> | null, run: (req: { params: { id: string }; body: never }, ctx: ReturnType<App['ctx']>) => Promise<IncidentRow>) => {
    app.post(
      `/api/v1/incidents/:id/${path}`,
      { config: { policy: 'incidents.act' }, schema: { tags: ['incidents'], summary, params: IdParams, ...(body ? { body } : {}), response: { 200: Incident } } },
      async (req) => answer(await run(req as never, app.ctx(req))),
    );
  };

  action('acknowledge', 'Acknowledge: stop escalating', null, (req, ctx) => acknowledgeIncident(ctx, req.params.id));
  action('unacknowledge', 'Back to triggered; escalation starts again', null, (req, ctx) => unacknowledgeIncident(ctx, req.params.id));
  const ResolveBody = Type.Object({ message: Type.Optional(Type.String({ maxLength: 5000 })) }, { additionalProperties: false });
  app.post(
    '/api/v1/incidents/:id/resolve',
    { config: { policy: 'incidents.act' }, schema: { tags: ['incidents'], summary: 'Resolve the incident and its open alerts', params: IdParams, body: Type.Optional(ResolveBody), response: { 200: Incident } } },
    async (req) => answer(await resolveIncident(app.ctx(req), req.params.id, req.body ?? {})),
  );
  const ReassignBody = Type.Object({ assignees: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 50 }) }, { additionalProperties: false });
  action('reassign', 'Set the assignees', ReassignBody, (req, ctx) => reassignIncident(ctx, req.params.id, req.body as { assignees: string[] }));
  const EscalateBody = Type.Object({ level: Type.Integer({ minimum: 1, maximum: 100 }) }, { additionalProperties: false });
  action('escalate', 'Page an escalation level now', EscalateBody, (req, ctx) => escalateIncident(ctx, req.params.id, req.body as { level: number }));
  const SnoozeBody = Type.Object({ duration_seconds: Type.Integer({ minimum: 60, maximum: 7 * 86_400 }) }, { additionalProperties: false });
  action('snooze', 'Snooze an acknowledged incident; it triggers again when the snooze ends', SnoozeBody, (req, ctx) => snoozeIncident(ctx, req.params.id, req.body as { duration_seconds: number }));
  const MergeBody = Type.Object({ source_incident_ids: Type.Array(Type.String({ maxLength: 64 }), { minItems: 1, maxItems: 100 }) }, { additionalProperties: false });
  action('merge', 'Merge other incidents (their alerts) into this one', MergeBody, (req, ctx) => mergeIncidents(ctx, req.params.id, req.body as { source_incident_ids: string[] }));
  const UrgencyBody = Type.Object({ urgency: UrgencySchema }, { additionalProperties: false });
  action('urgency', 'Change the urgency', UrgencyBody, (req, ctx) => setUrgency(ctx, req.params.id, req.body as { urgency: 'high' | 'low' }));
  const PriorityBody = Type.Object({ priority: Priority }, { additionalProperties: false });
  action('priority', 'Change the priority', PriorityBody, (req, ctx) => setPriority(ctx, req.params.id, req.body as { priority: string | null }));

  app.post(
    '/api/v1/incidents/:id/notes',
    {
      config: { policy: 'incidents.note' },
      schema: { tags: ['incidents'], summary: 'Add a note to the timeline', params: IdParams, body: Type.Object({ content: Type.String({ minLength: 1, maxLength: 20_000 }) }, { additionalProperties: false }), response: { 201: TimelineEntry } },
    },
    async (req, reply) => reply.status(201).send(serializeTimeline(await addNote(app.ctx(req), req.params.id, req.body))),
  );
  app.post(
    '/api/v1/incidents/:id/status-updates',
    {
      config: { policy: 'incidents.note' },
      schema: { tags: ['incidents'], summary: 'Post a status update', params: IdParams, body: Type.Object({ message: Type.String({ minLength: 1, maxLength: 20_000 }) }, { additionalProperties: false }), response: { 201: TimelineEntry } },
    },
    async (req, reply) => reply.status(201).send(serializeTimeline(await postStatusUpdate(app.ctx(req), req.params.id, req.body))),
  );

  app.get(
    '/api/v1/alerts',
    {
      config: { policy: 'alerts.get' },
      schema: {
        tags: ['incidents'],
        summary: 'List alerts, newest first',
        querystring: Type.Intersect([
          PageQuery,
          Type.Object({
            service_id: Type.Optional(Type.String({ maxLength: 64 })),
            integration_id: Type.Optional(Type.String({ maxLength: 64 })),
            dedup_key: Type.Optional(Type.String({ maxLength: 255 })),
            status: Type.Optional(Type.Array(IncidentStatus)),
          }),
        ]),
        response: { 200: pageOf(Alert) },
      },
    },
    async (req) => {
      const q = req.query;
      const limit = q.limit ?? 50;
      const rows = await listAlerts(db(), { limit, before: decodeCursor(q.cursor), service_id: q.service_id, integration_id: q.integration_id, dedup_key: q.dedup_key, status: q.status });
      const page = paginate(rows, limit, (r) => r.id);
      return { data: page.rows.map(serializeAlert), next_cursor: page.next_cursor };
    },
  );

  app.get(
    '/api/v1/alerts/:id',
    {
      config: { policy: 'alerts.get' },
      schema: {
        tags: ['incidents'],
        summary: 'Get an alert with its recent events',
        params: IdParams,
        response: { 200: Type.Intersect([Alert, Type.Object({ events: Type.Array(Type.Object({ id: Type.String(), received_at: Type.String(), action: Type.String(), outcome: Type.String(), payload: Type.Unknown() })) })]) },
      },
    },
    async (req) => {
      const alert = await getAlert(db(), req.params.id);
      const events = await alertEvents(db(), alert.id);
      return {
        ...serializeAlert(alert),
        events: events.map((e) => ({ id: e.id, received_at: new Date(e.received_at).toISOString(), action: e.action, outcome: e.outcome, payload: JSON.parse(e.payload) as unknown })),
      };
    },
  );
}
