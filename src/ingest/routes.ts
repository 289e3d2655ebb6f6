// The public ingest endpoints. The integration key (in the body for the Events API, in the URL
// otherwise) is the credential. Bodies are read raw and parsed here so that malformed JSON gets
// the answer its sender expects: PagerDuty's shape on /v2, problem+json elsewhere.

import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App } from '../app-context.js';
import { AppError, errorHandler, PROBLEM_CONTENT_TYPE, problemBody, ValidationFailed } from '../platform/http/errors.js';
import { CHANGE_EVENTS_PATH, formats, invalidEventResponse, acceptedEventResponse, mapChangeEventV2, mapEventsV2, type FieldError } from './formats/index.js';
import { EVENTS_V2_MAX_BODY_BYTES } from './formats/events-v2.js';
import { ingestDirectory, type ResolvedIntegration } from './integrations/cache.js';
import { ingestSettings } from './integrations/settings.js';
import { formatOf, type ApiIntegrationType } from './integrations/types.js';
import type { IngestItem, IngestResult } from './apply.js';
import type { IngestPipeline } from './pipeline.js';
import { ingestPipelineFor } from './ingest.js';
import { applyContextFor } from './jobs.js';
import { KeyRateLimiter } from './rate-limit.js';
import { recordPing } from './heartbeat.js';

/** The pipeline of each app, for benchmarks and tests that read its counters. */
export const ingestPipelines = new WeakMap<App, IngestPipeline>();

const RAW_BODY = { parseAs: 'buffer' as const };
const PUBLIC_INGEST = { policy: 'public', rateLimit: false as const };

/**
 * The ingest endpoints answer machines with small JSON bodies, thousands of times a second.
 * @fastify/helmet rebuilds its middleware from its options on every request (a measurable part
 * of an event's cost), so these routes opt out of it and send a fixed set of headers instead:
 * the ones that matter for a JSON API answer (no sniffing, no framing, no referrer, HSTS).
 */
const INGEST_HEADERS = Object.freeze({
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
});
const NO_HELMET = { helmet: false as const };
const ingestHeaders = async (_req: FastifyRequest, reply: FastifyReply) => {
  reply.headers(INGEST_HEADERS);
};
const KeyParams = Type.Object({ key: Type.String({ minLength: 1, maxLength: 200 }) });

function pdError(reply: FastifyReply, status: number, errors: string[], message = 'Event object is invalid') {
  return reply.status(status).send({ status: 'invalid event', message, errors });
}

function parseJson(body: unknown): { ok: true; value: unknown } | { ok: false; message: string } {
  const text = Buffer.isBuffer(body) ? body.toString('utf8') : typeof body === 'string' ? body : '';
  if (text.trim() === '') return { ok: false, message: 'the body is empty' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : 'not JSON' };
  }
}

const fieldPath = (f: string) => f.replace(/\./g, '/');
const asValidation = (errors: FieldError[]) => new ValidationFailed(errors.map((e) => ({ field: fieldPath(e.field), message: e.message })));

export async function ingestRoutes(app: App): Promise<void> {
  const deps = app.deps;
  const settings = ingestSettings(app.deps.config);
  const directory = ingestDirectory(deps.db);
  const applyCtx = applyContextFor(deps);
  const pipeline = ingestPipelineFor(deps);
  ingestPipelines.set(app, pipeline);
  app.addHook('onClose', async () => pipeline.close());
  const limiter = new KeyRateLimiter(settings.rateLimitPerMinute, settings.rateLimitBurst, () => deps.clock.now());

  /** Looks an integration up by key and takes rate-limit tokens; null means "unknown key". */
  async function resolveKey(key: string, types: ApiIntegrationType[], reply: FastifyReply, events: number): Promise<ResolvedIntegration | null | 'limited'> {
    const integration = await directory.integration(key);
    if (!integration || !types.includes(integration.type)) return null;
    const wait = limiter.take(key, Math.max(1, events));
    if (wait > 0) {
      reply.header('retry-after', String(Math.max(1, Math.ceil(wait / 1000))));
      return 'limited';
    }
    return integration;
  }

  const submit = (items: IngestItem[]): Promise<IngestResult[]> => pipeline.submit(items);

  // PagerDuty Events API v2: its own error shape for everything, bad JSON and big bodies included.
  await app.register(async (instance) => {
    const pd = instance as unknown as App;
    pd.addHook('onRequest', ingestHeaders);
    pd.removeAllContentTypeParsers();
    pd.addContentTypeParser('*', RAW_BODY, (_req, body, done) => done(null, body));
    pd.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
      if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.statusCode === 413) {
        return pdError(reply, 413, [`Request body is larger than ${EVENTS_V2_MAX_BODY_BYTES} bytes`], 'Request body is too large');
      }
      if (err instanceof AppError || (typeof err.statusCode === 'number' && err.statusCode < 500)) return errorHandler(err, req, reply);
      req.log.error({ err }, 'ingest failed');
      reply.header('retry-after', '1');
      return reply.status(503).send({ status: 'error', message: 'The event could not be stored; retry it', errors: [] });
    });

    pd.post(
      '/v2/enqueue',
      { ...NO_HELMET, config: PUBLIC_INGEST, bodyLimit: EVENTS_V2_MAX_BODY_BYTES, schema: { tags: ['ingest'], summary: 'PagerDuty Events API v2: trigger, acknowledge or resolve an alert' } },
      async (req, reply) => {
        const receivedAt = deps.clock.now();
        const parsed = parseJson(req.body);
        if (!parsed.ok) return pdError(reply, 400, [`Request body is not valid JSON: ${parsed.message}`]);
        const mapped = mapEventsV2(parsed.value);
        if (!mapped.ok) return reply.status(400).send(invalidEventResponse(mapped.errors));
        const integration = await resolveKey(mapped.value.routingKey, ['events_v2'], reply, 1);
        if (integration === null) return pdError(reply, 400, ["'routing_key' is not a known integration key"]);
        if (integration === 'limited') return reply.status(429).send({ status: 'throttle event', message: 'Too many events for this routing key; retry later', errors: [] });
        const [result] = await submit([{ kind: 'alert', integration, service: integration.service, event: mapped.value.event, receivedAt }]);
        return reply.status(202).send(acceptedEventResponse(result!.dedupKey ?? ''));
      },
    );

    pd.post(
      CHANGE_EVENTS_PATH,
      { ...NO_HELMET, config: PUBLIC_INGEST, bodyLimit: EVENTS_V2_MAX_BODY_BYTES, schema: { tags: ['ingest'], summary: 'PagerDuty change events: context shown on incidents, never pages' } },
      async (req, reply) => {
        const receivedAt = deps.clock.now();
        const parsed = parseJson(req.body);
        if (!parsed.ok) return pdError(reply, 400, [`Request body is not valid JSON: ${parsed.message}`]);
        const mapped = mapChangeEventV2(parsed.value);
        if (!mapped.ok) return reply.status(400).send(invalidEventResponse(mapped.errors));
        const integration = await resolveKey(mapped.value.routingKey, ['events_v2'], reply, 1);
        if (integration === null) return pdError(reply, 400, ["'routing_key' is not a known integration key"]);
        if (integration === 'limited') return reply.status(429).send({ status: 'throttle event', message: 'Too many events for this routing key; retry later', errors: [] });
        await submit([{ kind: 'change', integration, service: integration.service, change: mapped.value.event, receivedAt }]);
        return reply.status(202).send({ status: 'success', message: 'Change event processed' });
      },
    );
  });

  // Alertmanager, Grafana, generic webhooks and heartbeats: the key is in the URL.
  await app.register(async (instance) => {
    const hooks = instance as unknown as App;
    hooks.addHook('onRequest', ingestHeaders);
    hooks.removeAllContentTypeParsers();
    hooks.addContentTypeParser('*', RAW_BODY, (_req, body, done) => done(null, body));
    hooks.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
      if (err instanceof AppError || (typeof err.statusCode === 'number' && err.statusCode < 500)) return errorHandler(err, req, reply);
      req.log.error({ err }, 'ingest failed');
      reply.header('retry-after', '1');
      const e = new AppError(503, 'ingest-unavailable', 'Event not stored', 'The event could not be stored; retry it');
      return reply.status(503).type(PROBLEM_CONTENT_TYPE).send(problemBody(req, e));
    });

    const unknownKey = () => new AppError(404, 'unknown-integration-key', 'Unknown integration key', 'No integration of this type has this key', [{ field: 'key', message: 'is not a known integration key' }]);
    const limited = () => new AppError(429, 'rate-limited', 'Too many requests', 'Too many events for this integration key; retry later');

    for (const type of ['alertmanager', 'grafana', 'generic'] as const) {
      const format = formats[formatOf(type)];
      hooks.post(
        `/integrations/${type}/:key`,
        { ...NO_HELMET, config: PUBLIC_INGEST, bodyLimit: format.maxBodyBytes, schema: { tags: ['ingest'], summary: `${format.title} webhook`, params: KeyParams } },
        async (req, reply) => {
          const receivedAt = deps.clock.now();
          const integration = await directory.integration(req.params.key);
          if (!integration || integration.type !== type) throw unknownKey();
          const parsed = parseJson(req.body);
          if (!parsed.ok) throw new AppError(400, 'malformed-json', 'Malformed JSON', `The body is not valid JSON: ${parsed.message}`, [{ field: 'body', message: 'is not valid JSON' }]);
          if (!integration.mapper) throw new AppError(409, 'integration-misconfigured', 'Integration misconfigured', 'This integration\'s stored configuration no longer validates; fix it in its settings');
          const mapped = integration.mapper(parsed.value);
          if (!mapped.ok) throw asValidation(mapped.errors);
          const events = mapped.value.events;
          const ok = await resolveKey(req.params.key, [type], reply, events.length);
          if (ok === 'limited') throw limited();
          if (ok === null) throw unknownKey();
          const results = await submit(events.map((event) => ({ kind: 'alert' as const, integration, service: integration.service, event, receivedAt })));
          return reply.status(202).send({ status: 'accepted', events: results.length, dedup_keys: results.map((r) => r.dedupKey) });
        },
      );
    }

    const ping = async (req: FastifyRequest<{ Params: { key: string } }>, reply: FastifyReply) => {
      const now = deps.clock.now();
      const integration = await resolveKey(req.params.key, ['heartbeat'], reply, 1);
      if (integration === null) throw unknownKey();
      if (integration === 'limited') throw limited();
      const result = await recordPing(deps.db, applyCtx, integration.id, now);
      if (!result) throw unknownKey();
      return reply.status(202).send({ status: 'ok', recovered: result.recovered, next_expected_at: new Date(result.nextExpectedAt).toISOString() });
    };
    const pingSchema = { tags: ['ingest'], summary: 'Heartbeat ping (the body, if any, is ignored)', params: KeyParams };
    hooks.get('/integrations/heartbeat/:key', { ...NO_HELMET, config: PUBLIC_INGEST, schema: pingSchema }, ping);
    hooks.post('/integrations/heartbeat/:key', { ...NO_HELMET, config: PUBLIC_INGEST, bodyLimit: formats.heartbeat.maxBodyBytes, schema: pingSchema }, ping);
  });
}
