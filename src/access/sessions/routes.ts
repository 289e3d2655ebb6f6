import { Type } from 'typebox';
import type { App } from '../../app-context.js';
import { SESSION_COOKIE } from '../authenticate.js';
import { getUser } from '../users/queries.js';
import { serializeUser, User } from '../users/schemas.js';
import { logIn, logOut } from './commands.js';
import './policy.js';

export async function sessionRoutes(app: App): Promise<void> {
  const secure = app.deps.config.publicUrl.startsWith('https:');

  app.post(
    '/api/v1/session',
    {
      config: { policy: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['session'],
        summary: 'Sign in to the web console; sets an httpOnly session cookie',
        security: [],
        body: Type.Object(
          { email: Type.String({ minLength: 3, maxLength: 254 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
          { additionalProperties: false },
        ),
        response: { 200: User },
      },
    },
    async (req, reply) => {
      const { user, secret, expiresAt } = await logIn(app.deps.db, app.deps.clock, req.body.email, req.body.password);
      reply.setCookie(SESSION_COOKIE, secret, {
        httpOnly: true,
        sameSite: 'strict',
        secure,
        path: '/',
        expires: new Date(expiresAt),
      });
      return serializeUser(user);
    },
  );

  app.delete(
    '/api/v1/session',
    { config: { policy: 'public' }, schema: { tags: ['session'], summary: 'Sign out', security: [], response: { 204: Type.Null() } } },
    async (req, reply) => {
      const secret = req.cookies[SESSION_COOKIE];
      if (secret) await logOut(app.deps.db, secret);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/me',
    { config: { policy: 'session.me' }, schema: { tags: ['session'], summary: 'The signed-in user (or the token’s user)', response: { 200: Type.Object({ actor: Type.Object({ type: Type.String(), id: Type.Union([Type.String(), Type.Null()]), role: Type.String(), name: Type.String() }), user: Type.Union([User, Type.Null()]) }) } },
    },
    async (req) => {
      const actor = req.actor!;
      const user = actor.userId ? serializeUser(await getUser(app.deps.db, actor.userId)) : null;
      return { actor: { type: actor.type, id: actor.id, role: actor.role, name: actor.name }, user };
    },
  );
}
