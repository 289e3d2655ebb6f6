import type { Actor } from '../access/actor.js';
import { ruleFor } from '../access/policies.js';
import type { Clock } from '../platform/clock.js';
import type { Db } from '../platform/db/transaction.js';
import { acknowledge, resolve } from '../incidents/lifecycle.js';
import { incidentCommand } from '../incidents/commands/common.js';
import { consumeActionLink, verifyActionLink, type LinkAction } from './action-links.js';
import { notifyKey } from './secrets.js';

// Acting on an incident through a signed link from a notification: as the person it was sent
// to, at most once, and only while the link has not expired.

export type LinkOutcome =
  | { result: 'done'; action: LinkAction; number: number; title: string }
  | { result: 'unchanged'; action: LinkAction; number: number; title: string; status: string }
  | { result: 'invalid'; reason: 'malformed' | 'bad_signature' | 'expired' | 'used' | 'user_gone' | 'not_allowed' | 'incident_gone' };

async function linkActor(db: Db, userId: string): Promise<Actor | null> {
  const user = await db.selectFrom('users').select(['id', 'name', 'role']).where('id', '=', userId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!user) return null;
  return { type: 'user', id: user.id, userId: user.id, role: user.role, name: user.name };
}

/** What a link would do, without doing it (the confirmation page). */
export async function inspectActionLink(db: Db, clock: Clock, token: string) {
  const verified = verifyActionLink(await notifyKey(db, 'action_link_key'), token, clock.now());
  if (!verified.ok) return { ok: false as const, reason: verified.reason };
  const used = await db.selectFrom('action_link_uses').select('token_id').where('token_id', '=', verified.claims.tokenId).executeTakeFirst();
  if (used) return { ok: false as const, reason: 'used' as const };
  const inc = await db.selectFrom('incidents').select(['number', 'title', 'status']).where('id', '=', verified.claims.incidentId).executeTakeFirst();
  if (!inc) return { ok: false as const, reason: 'incident_gone' as const };
  return { ok: true as const, action: verified.claims.action, number: Number(inc.number), title: inc.title, status: inc.status };
}

/** Performs the link's action in one transaction with marking it used. */
export async function actOnLink(db: Db, clock: Clock, token: string): Promise<LinkOutcome> {
  const now = clock.now();
  const verified = verifyActionLink(await notifyKey(db, 'action_link_key'), token, now);
  if (!verified.ok) return { result: 'invalid', reason: verified.reason };
  const { claims } = verified;
  const actor = await linkActor(db, claims.userId);
  if (!actor) return { result: 'invalid', reason: 'user_gone' };
  if (!ruleFor('incidents.act')?.roles.includes(actor.role)) return { result: 'invalid', reason: 'not_allowed' };
  const exists = await db.selectFrom('incidents').select('id').where('id', '=', claims.incidentId).executeTakeFirst();
  if (!exists) return { result: 'invalid', reason: 'incident_gone' };
  let outcome: LinkOutcome = { result: 'invalid', reason: 'used' };
  await incidentCommand({ db, clock, actor }, claims.incidentId, `${claims.action === 'acknowledge' ? 'acknowledged' : 'resolved'}_by_link`, async ({ tx, ch, inc, settings, actor: who }) => {
    const by = { ...who, name: who.name };
    const used = await tx.selectFrom('action_link_uses').select('token_id').where('token_id', '=', claims.tokenId).executeTakeFirst();
    if (used) return { used: true };
    const changes = claims.action === 'acknowledge' ? inc.status === 'triggered' : inc.status !== 'resolved';
    if (!changes) {
      outcome = { result: 'unchanged', action: claims.action, number: inc.number, title: inc.title, status: inc.status };
      return { unchanged: true };
    }
    if (!(await consumeActionLink(tx, claims, now))) return { used: true };
    if (claims.action === 'acknowledge') acknowledge(ch, inc, by, settings, `Acknowledged by ${who.name} from a notification link`);
    else resolve(ch, inc, by, 'manual', { resolveAlerts: true, message: `Resolved by ${who.name} from a notification link` });
    outcome = { result: 'done', action: claims.action, number: inc.number, title: inc.title };
    return { link: claims.tokenId };
  });
  return outcome;
}
