import { pagingRoutes } from './notify/paging-routes.js';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type { AppDeps, App } from './app-context.js';
import { authenticate } from './access/authenticate.js';
import { allows, ruleFor, PUBLIC } from './access/policies.js';
import { Forbidden, Unauthorized } from './platform/http/errors.js';
import { createHttpServer } from './platform/http/server.js';
import { registerHealthRoutes } from './platform/http/health-routes.js';
import { registerOpenApiRoute } from './platform/http/openapi-route.js';
import { auditRoutes } from './access/audit/routes.js';
import { sessionRoutes } from './access/sessions/routes.js';
import { teamRoutes } from './access/teams/routes.js';
import { tokenRoutes } from './access/tokens/routes.js';
import { userRoutes } from './access/users/routes.js';
import { jobRoutes } from './admin/jobs-routes.js';
import { serviceRoutes } from './incidents/services/routes.js';
import { integrationRoutes } from './ingest/integrations/routes.js';
import { ingestRoutes } from './ingest/routes.js';
import { eventLogRoutes } from './ingest/event-log-routes.js';
import { incidentRoutes } from './incidents/routes.js';
import { streamRoutes } from './incidents/stream-routes.js';
import { oncallRoutes } from './oncall/routes.js';
import { eventRuleRoutes } from './ingest/rules/routes.js';
import { maintenanceWindowRoutes } from './incidents/maintenance/routes.js';
import { escalationPolicyRoutes } from './escalation/routes.js';
import { notifyRoutes } from './notify/routes.js';
import { subscriptionRoutes } from './subscriptions/routes.js';
import { twilioRoutes } from './notify/twilio/routes.js';

/** Every domain's routes, in one list: the only place route files are imported. */
const ROUTE_MODULES: Array<(app: App) => Promise<void>> = [sessionRoutes, userRoutes, teamRoutes, tokenRoutes, auditRoutes, jobRoutes, oncallRoutes, eventRuleRoutes, maintenanceWindowRoutes, serviceRoutes, integrationRoutes, ingestRoutes, eventLogRoutes, incidentRoutes, streamRoutes, escalationPolicyRoutes, notifyRoutes, pagingRoutes, subscriptionRoutes, twilioRoutes];

const here = path.dirname(fileURLToPath(import.meta.url));
/** The console's build, next to the server's build (dist/ -> web/dist) or the sources (src/ -> web/dist). */
export const WEB_ROOT = path.resolve(here, '..', 'web', 'dist');

export async function buildApp(deps: AppDeps, opts: { routes?: 'all' | 'health' } = {}): Promise<App> {
  const app = await createHttpServer({
    log: deps.log,
    metrics: deps.metrics,
    bodyLimit: deps.config.bodyLimitBytes,
    version: deps.version,
    publicUrl: deps.config.publicUrl,
  });
  app.decorate('deps', deps);
  app.decorate('ctx', (req) => ({ db: deps.db, clock: deps.clock, actor: req.actor! }));
  app.decorateRequest('actor', null);
  app.decorate('routeList', []);

  // A route that names no policy, or an unknown one, stops the service from starting.
  app.addHook('onRoute', (route) => {
    const policy = (route.config as { policy?: string } | undefined)?.policy;
    if ([route.method].flat().every((m) => m === 'HEAD') || (route.url.startsWith('/api/docs') && !policy)) return;
    if (!policy) throw new Error(`route ${String(route.method)} ${route.url} names no policy`);
    if (policy !== PUBLIC && !ruleFor(policy)) throw new Error(`route ${String(route.method)} ${route.url} names unknown policy ${policy}`);
    for (const method of [route.method].flat()) app.routeList.push({ method, url: route.url, policy });
  });

  app.addHook('onRequest', async (req) => {
    const policy = req.routeOptions.config?.policy ?? (req.routeOptions.url?.startsWith('/api/docs') ? PUBLIC : undefined);
    if (!policy || policy === PUBLIC) return;
    const actor = await authenticate(deps.db, req, deps.clock.now());
    if (!actor) throw new Unauthorized();
    req.actor = actor;
    const rule = ruleFor(policy);
    const target = rule?.self ? ((req.params as Record<string, string | undefined>).user_id ?? (req.params as Record<string, string | undefined>).id) : undefined;
    if (!allows(actor, policy, target)) throw new Forbidden(`a ${actor.role} may not ${policy.replace('.', ': ')}`);
  });

  await app.register(rateLimit, {
    hook: 'preHandler',
    keyGenerator: (req) => (req.actor ? `${req.actor.type}:${req.actor.id}` : `ip:${req.ip}`),
    max: (req) => (req.actor ? deps.config.rateLimitPerMinute : deps.config.rateLimitAnonymousPerMinute),
    timeWindow: 60_000,
    allowList: (req) => ['/healthz', '/readyz', '/metrics'].includes(req.url),
  });

  registerHealthRoutes(app, deps);
  // A worker-only process answers probes and scrapes, nothing else.
  if (opts.routes === 'health') return app;
  registerOpenApiRoute(app);
  for (const register of ROUTE_MODULES) await register(app);
  await registerConsole(app);
  return app;
}

/** Serves the web console's build, with client-side routes falling back to index.html. */
async function registerConsole(app: App): Promise<void> {
  const index = path.join(WEB_ROOT, 'index.html');
  if (!fs.existsSync(index)) {
    app.get('/', { config: { policy: PUBLIC }, schema: { hide: true } }, async (_req, reply) =>
      reply.type('text/plain').send('Tocsin is running. The web console is not built: run `npm run build`.'),
    );
    return;
  }
  // serve:false only adds reply.sendFile; the one route below keeps the console public by policy.
  await app.register(fastifyStatic, { root: WEB_ROOT, serve: false });
  const html = fs.readFileSync(index);
  app.get('/*', { config: { policy: PUBLIC }, schema: { hide: true } }, async (req, reply) => {
    const url = req.url.split('?')[0]!;
    if (url.startsWith('/api/')) return reply.callNotFound();
    if (path.extname(url)) return reply.sendFile(url.slice(1));
    return reply.type('text/html; charset=utf-8').send(html);
  });
}
