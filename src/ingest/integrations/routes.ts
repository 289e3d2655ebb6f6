import { Type } from 'typebox';
import type { App } from '../../app-context.js';
import { compileGenericMapping, dryRunGeneric } from '../formats/index.js';
import { ingestSettings } from './settings.js';
import { createIntegration, deleteIntegration, rotateIntegrationKey, updateIntegration } from './commands.js';
import { getIntegration, listIntegrations } from './queries.js';
import { CreateIntegrationBody, Integration, serializeIntegration, UpdateIntegrationBody, type Addresses } from './schemas.js';
import { getService } from '../../incidents/services/queries.js';
import './policy.js';

const ServiceParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const IntegrationParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), iid: Type.String({ minLength: 1, maxLength: 64 }) });
const FieldError = Type.Object({ field: Type.String(), message: Type.String() });

export async function integrationRoutes(app: App): Promise<void> {
  const at: Addresses = { publicUrl: app.deps.config.publicUrl, emailDomain: ingestSettings(app.deps.config).emailDomain };

  app.get(
    '/api/v1/services/:id/integrations',
    {
      config: { policy: 'integrations.list' },
      schema: { tags: ['integrations'], summary: "List a service's integrations", params: ServiceParams, response: { 200: Type.Object({ data: Type.Array(Integration) }) } },
    },
    async (req) => {
      await getService(app.deps.db, req.params.id);
      const rows = await listIntegrations(app.deps.db, req.params.id);
      return { data: rows.map((r) => serializeIntegration(r, at)) };
    },
  );

  app.post(
    '/api/v1/services/:id/integrations',
    {
      config: { policy: 'integrations.create' },
      schema: {
        tags: ['integrations'],
        summary: 'Create an integration; the answer carries its key and the URL or address to paste (shown once)',
        params: ServiceParams,
        body: CreateIntegrationBody,
        response: { 201: Integration },
      },
    },
    async (req, reply) => {
      const { row, key } = await createIntegration(app.ctx(req), req.params.id, req.body);
      return reply.status(201).send(serializeIntegration(row, at, key));
    },
  );

  app.get(
    '/api/v1/services/:id/integrations/:iid',
    { config: { policy: 'integrations.get' }, schema: { tags: ['integrations'], summary: 'Get an integration', params: IntegrationParams, response: { 200: Integration } } },
    async (req) => serializeIntegration(await getIntegration(app.deps.db, req.params.id, req.params.iid), at),
  );

  app.patch(
    '/api/v1/services/:id/integrations/:iid',
    {
      config: { policy: 'integrations.update' },
      schema: { tags: ['integrations'], summary: 'Update an integration', params: IntegrationParams, body: UpdateIntegrationBody, response: { 200: Integration } },
    },
    async (req) => serializeIntegration(await updateIntegration(app.ctx(req), req.params.id, req.params.iid, req.body), at),
  );

  app.delete(
    '/api/v1/services/:id/integrations/:iid',
    { config: { policy: 'integrations.delete' }, schema: { tags: ['integrations'], summary: 'Delete an integration', params: IntegrationParams, response: { 204: Type.Null() } } },
    async (req, reply) => {
      await deleteIntegration(app.ctx(req), req.params.id, req.params.iid);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/services/:id/integrations/:iid/rotate-key',
    {
      config: { policy: 'integrations.rotate' },
      schema: { tags: ['integrations'], summary: 'Replace the key; the old one stops working', params: IntegrationParams, response: { 200: Integration } },
    },
    async (req) => {
      const { row, key } = await rotateIntegrationKey(app.ctx(req), req.params.id, req.params.iid);
      return serializeIntegration(row, at, key);
    },
  );

  app.post(
    '/api/v1/integrations/generic/dry-run',
    {
      config: { policy: 'integrations.dry_run' },
      schema: {
        tags: ['integrations'],
        summary: 'Render generic-webhook templates against a sample body',
        body: Type.Object({ config: Type.Optional(Type.Unknown()), sample: Type.Unknown() }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            valid: Type.Boolean(),
            rendered: Type.Record(Type.String(), Type.String()),
            event: Type.Union([Type.Unknown(), Type.Null()]),
            errors: Type.Array(FieldError),
          }),
        },
      },
    },
    async (req) => {
      const compiled = compileGenericMapping(req.body.config ?? null);
      if (!compiled.ok) {
        return { valid: false, rendered: {}, event: null, errors: compiled.errors.map((e) => ({ field: `config/${e.field}`, message: e.message })) };
      }
      const run = dryRunGeneric(compiled.value, req.body.sample);
      const rendered = Object.fromEntries(Object.entries(run.rendered).filter((e): e is [string, string] => typeof e[1] === 'string'));
      if (!run.result.ok) return { valid: false, rendered, event: null, errors: run.result.errors.map((e) => ({ field: e.field, message: e.message })) };
      const e = run.result.value;
      return {
        valid: true,
        rendered,
        event: { action: e.action, dedup_key: e.dedupKey, summary: e.summary, source: e.source, severity: e.severity },
        errors: [],
      };
    },
  );
}
