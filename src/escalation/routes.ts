import { Type } from 'typebox';
import type { App } from '../app-context.js';
import { decodeCursor, IdParams, pageOf, PageQuery, paginate } from '../platform/http/pagination.js';
import { createEscalationPolicy, deleteEscalationPolicy, updateEscalationPolicy } from './commands.js';
import { getEscalationPolicy, listEscalationPolicies } from './queries.js';
import { CreateEscalationPolicyBody, EscalationPolicyOut, serializeEscalationPolicy, UpdateEscalationPolicyBody } from './schemas.js';
import './policy.js';

export async function escalationPolicyRoutes(app: App): Promise<void> {
  const tags = ['escalation-policies'];

  app.get(
    '/api/v1/escalation-policies',
    {
      config: { policy: 'escalation_policies.list' },
      schema: {
        tags,
        summary: 'List escalation policies',
        querystring: Type.Intersect([PageQuery, Type.Object({ team_id: Type.Optional(Type.String({ maxLength: 64 })), q: Type.Optional(Type.String({ maxLength: 100 })) })]),
        response: { 200: pageOf(EscalationPolicyOut) },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 50;
      const rows = await listEscalationPolicies(app.deps.db, { limit, after: decodeCursor(req.query.cursor), teamId: req.query.team_id, q: req.query.q });
      const page = paginate(rows, limit, (r) => r.id);
      return { data: page.rows.map(serializeEscalationPolicy), next_cursor: page.next_cursor };
    },
  );

  app.post(
    '/api/v1/escalation-policies',
    {
      config: { policy: 'escalation_policies.create' },
      schema: { tags, summary: 'Create an escalation policy', body: CreateEscalationPolicyBody, response: { 201: EscalationPolicyOut } },
    },
    async (req, reply) => reply.status(201).send(serializeEscalationPolicy(await createEscalationPolicy(app.ctx(req), req.body))),
  );

  app.get(
    '/api/v1/escalation-policies/:id',
    { config: { policy: 'escalation_policies.get' }, schema: { tags, summary: 'Get an escalation policy', params: IdParams, response: { 200: EscalationPolicyOut } } },
    async (req) => serializeEscalationPolicy(await getEscalationPolicy(app.deps.db, req.params.id)),
  );

  app.put(
    '/api/v1/escalation-policies/:id',
    {
      config: { policy: 'escalation_policies.update' },
      schema: { tags, summary: 'Replace an escalation policy (absent optional fields reset)', params: IdParams, body: CreateEscalationPolicyBody, response: { 200: EscalationPolicyOut } },
    },
    async (req) => {
      const b = req.body;
      return serializeEscalationPolicy(
        await updateEscalationPolicy(app.ctx(req), req.params.id, { name: b.name, description: b.description ?? '', team_id: b.team_id ?? null, levels: b.levels, repeat: b.repeat ?? 0 }),
      );
    },
  );

  app.patch(
    '/api/v1/escalation-policies/:id',
    {
      config: { policy: 'escalation_policies.update' },
      schema: { tags, summary: 'Change some fields of an escalation policy', params: IdParams, body: UpdateEscalationPolicyBody, response: { 200: EscalationPolicyOut } },
    },
    async (req) => serializeEscalationPolicy(await updateEscalationPolicy(app.ctx(req), req.params.id, req.body)),
  );

  app.delete(
    '/api/v1/escalation-policies/:id',
    {
      config: { policy: 'escalation_policies.delete' },
      schema: { tags, summary: 'Delete an escalation policy no service uses', params: IdParams, response: { 204: Type.Null() } },
    },
    async (req, reply) => {
      await deleteEscalationPolicy(app.ctx(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
}
