import type { FastifyRequest } from 'fastify';
import { sha256Hex } from '../platform/crypto.js';
import type { Db } from '../platform/db/transaction.js';
import type { Actor } from './actor.js';

export const SESSION_COOKIE = 'tocsin_session';
/** Token prefix: makes a leaked token recognisable to secret scanners and people. */
export const TOKEN_PREFIX = 'tcs_';
// Writing last-used on every request would turn reads into writes; a minute is precise enough.
const LAST_USED_RESOLUTION_MS = 60_000;

export async function actorFromToken(db: Db, token: string, now: number): Promise<Actor | null> {
  const row = await db
    .selectFrom('api_tokens')
    .leftJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['api_tokens.id', 'api_tokens.name', 'api_tokens.role', 'api_tokens.user_id', 'api_tokens.last_used_at', 'api_tokens.expires_at', 'users.deleted_at', 'users.role as user_role'])
    .where('api_tokens.token_hash', '=', sha256Hex(token))
    .where('api_tokens.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  if (row.expires_at !== null && row.expires_at <= now) return null;
  if (row.user_id && (row.deleted_at !== null || row.user_role === null)) return null;
  if (row.last_used_at === null || now - row.last_used_at > LAST_USED_RESOLUTION_MS) {
    await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return { type: 'token', id: row.id, userId: row.user_id, role: row.role, name: row.name };
}

export async function actorFromSession(db: Db, secret: string, now: number): Promise<Actor | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.id_hash', 'sessions.expires_at', 'sessions.last_seen_at', 'users.id', 'users.role', 'users.name', 'users.deleted_at'])
    .where('sessions.id_hash', '=', sha256Hex(secret))
    .executeTakeFirst();
  if (!row || row.expires_at <= now || row.deleted_at !== null) return null;
  if (now - row.last_seen_at > LAST_USED_RESOLUTION_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id_hash', '=', row.id_hash).execute();
  }
  return { type: 'user', id: row.id, userId: row.id, role: row.role, name: row.name };
}

/** Bearer token first (automation), then the console's session cookie. */
export async function authenticate(db: Db, req: FastifyRequest, now: number): Promise<Actor | null> {
  const header = req.headers.authorization;
  if (header) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) return null;
    return actorFromToken(db, m[1]!, now);
  }
  const cookie = req.cookies[SESSION_COOKIE];
  if (cookie) return actorFromSession(db, cookie, now);
  return null;
}
