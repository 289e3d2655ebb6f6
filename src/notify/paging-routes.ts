import { Liquid } from 'liquidjs';
import { Type } from 'typebox';
import type { App } from '../app-context.js';
import { PUBLIC } from '../access/policies.js';
import { NotFound } from '../platform/http/errors.js';
import { CONTACT_TYPES } from './channels/index.js';
import { actOnLink, inspectActionLink, type LinkOutcome } from './link-commands.js';
import { LimitOut, NotificationOut, serializeNotification } from './paging-schemas.js';
import { throttleLimitsFor } from './runtime.js';
import './policy.js';

// The paging path's own routes: acting on a notification's signed link, each incident's
// delivery records, and the throttle limits in force.

const engine = new Liquid({ strictFilters: true });

// GET only shows what the link will do: mail scanners fetch links, and a fetch must not
// acknowledge anything. The button POSTs.
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ heading }} · Tocsin</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1f2328}
h1{font-size:1.4rem}button{font-size:1rem;padding:.6rem 1.2rem;border:0;border-radius:6px;background:#1f6feb;color:#fff;cursor:pointer}
.resolve button{background:#1a7f37}p.muted{color:#656d76}</style></head>
<body><h1>{{ heading }}</h1><p>{{ text }}</p>
{% if form %}<form method="post" enctype="text/plain" class="{{ action }}"><button type="submit">{{ button }}</button></form>{% endif %}
<p class="muted"><a href="{{ console }}">Open the Tocsin console</a></p></body></html>`;

const REASONS: Record<string, string> = {
  malformed: 'This link is not a valid Tocsin link.',
  bad_signature: 'This link is not a valid Tocsin link.',
  expired: 'This link has expired. Open the console to act on the incident.',
  used: 'This link has already been used.',
  user_gone: 'The person this link was sent to no longer has an account.',
  not_allowed: 'The person this link was sent to may not act on incidents.',
  incident_gone: 'The incident no longer exists.',
};

export async function pagingRoutes(app: App): Promise<void> {
  const deps = app.deps;
  const render = (vars: Record<string, unknown>) => engine.parseAndRender(PAGE, { console: deps.config.publicUrl, ...vars });
  const TokenParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 2000 }) });

  app.get(
    '/api/v1/action-links/:token',
    { config: { policy: PUBLIC }, schema: { hide: true, params: TokenParams } },
    async (req, reply) => {
      const seen = await inspectActionLink(deps.db, deps.clock, req.params.token);
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      if (!seen.ok) return reply.status(seen.reason === 'used' ? 410 : 400).send(await render({ heading: 'Link not usable', text: REASONS[seen.reason] }));
      const verb = seen.action === 'acknowledge' ? 'Acknowledge' : 'Resolve';
      return render({
        heading: `${verb} incident #${seen.number}?`,
        text: `${seen.title} (currently ${seen.status}).`,
        form: true,
        action: seen.action,
        button: verb,
      });
    },
  );

  app.post(
    '/api/v1/action-links/:token',
    { config: { policy: PUBLIC }, schema: { hide: true, params: TokenParams } },
    async (req, reply) => {
      const outcome: LinkOutcome = await actOnLink(deps.db, deps.clock, req.params.token);
      const wantsJson = (req.headers.accept ?? '').includes('application/json');
      const status = outcome.result === 'invalid' ? (outcome.reason === 'used' ? 410 : outcome.reason === 'not_allowed' ? 403 : 400) : 200;
      if (wantsJson) return reply.status(status).send(outcome);
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      if (outcome.result === 'invalid') return reply.status(status).send(await render({ heading: 'Link not usable', text: REASONS[outcome.reason] }));
      const done = outcome.action === 'acknowledge' ? 'acknowledged' : 'resolved';
      return render({
        heading: outcome.result === 'done' ? `Incident #${outcome.number} ${done}` : `Incident #${outcome.number} is already ${outcome.status}`,
        text: outcome.title,
      });
    },
  );

  app.get(
    '/api/v1/incidents/:id/notifications',
    {
      config: { policy: 'incidents.get' },
      schema: {
        tags: ['incidents'],
        summary: 'Every notification sent (or held, or failed) about an incident, oldest first',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: { 200: Type.Object({ notifications: Type.Array(NotificationOut) }) },
      },
    },
    async (req) => {
      const db = deps.db;
      const inc = await db.selectFrom('incidents').select('id').where('id', '=', req.params.id).executeTakeFirst();
      if (!inc) throw new NotFound('incident', req.params.id);
      // A bundle lists its incidents in `items`; its record points at the first only, so held
      // pages of this incident lead to the bundles that carried them.
      const direct = await db.selectFrom('notifications').selectAll().where('incident_id', '=', inc.id).orderBy('created_at').orderBy('id').execute();
      const bundleIds = [...new Set(direct.map((r) => r.bundle_id).filter((b): b is string => b !== null))].filter((b) => !direct.some((r) => r.id === b));
      const bundles = bundleIds.length ? await db.selectFrom('notifications').selectAll().where('id', 'in', bundleIds).execute() : [];
      const rows = [...direct, ...bundles].sort((a, b) => Number(a.created_at) - Number(b.created_at) || (a.id < b.id ? -1 : 1));
      const userIds = [...new Set(rows.map((r) => r.user_id).filter((u): u is string => u !== null))];
      const users = userIds.length ? await db.selectFrom('users').select(['id', 'name']).where('id', 'in', userIds).execute() : [];
      const names = new Map(users.map((u) => [u.id, u.name]));
      return { notifications: rows.map((r) => serializeNotification(r, r.user_id ? (names.get(r.user_id) ?? null) : null)) };
    },
  );

  app.get(
    '/api/v1/notification-limits',
    {
      config: { policy: 'notification_limits.get' },
      schema: {
        tags: ['notification-rules'],
        summary: 'The throttle in force per contact type (TOCSIN_THROTTLE): more messages than this are bundled',
        response: { 200: Type.Object({ limits: Type.Array(LimitOut) }) },
      },
    },
    async () => {
      const table = throttleLimitsFor(deps);
      return {
        limits: CONTACT_TYPES.map((type) => {
          const limit = table[type];
          return { contact_type: type, max: limit?.max ?? null, window_seconds: limit ? Math.round(limit.windowMs / 1000) : null };
        }),
      };
    },
  );
}
