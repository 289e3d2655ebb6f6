import type { Clock } from '../../platform/clock.js';
import type { Db, Executor } from '../../platform/db/transaction.js';
import { actOn, describeResults, incidentIdsOf, mayAct, responderActor, type Responder } from './act.js';
import { parseReply, REPLY_HELP } from './replies.js';

// An SMS to the Tocsin number: who sent it (a verified SMS contact method), what they mean
// (replies.ts) and which incidents (the number they name, or the last page their phone got).

interface Sender {
  responder: Responder;
  methodIds: string[];
}

/** The person whose verified SMS number this is; null when nobody's, 'ambiguous' when several people share it. */
export async function senderOf(ex: Executor, from: string): Promise<Sender | null | 'ambiguous'> {
  const rows = await ex
    .selectFrom('contact_methods as cm')
    .innerJoin('users as u', 'u.id', 'cm.user_id')
    .select(['cm.id', 'u.id as user_id', 'u.name', 'u.role'])
    .where('cm.type', '=', 'sms')
    .where('cm.address', '=', from.trim())
    .where('cm.verified', '=', 1)
    .where('u.deleted_at', 'is', null)
    .execute();
  if (rows.length === 0) return null;
  const first = rows[0]!;
  if (rows.some((r) => r.user_id !== first.user_id)) return 'ambiguous';
  return { responder: { userId: first.user_id, name: first.name, role: first.role }, methodIds: rows.map((r) => r.id) };
}

/** How far back a bare "4" looks for the page it answers. */
const RECENT_PAGES = 20;

/** The open incidents of the newest page these methods got (all of a bundle's), or none. */
export async function lastPagedIncidents(ex: Executor, methodIds: readonly string[]): Promise<string[]> {
  const rows = await ex
    .selectFrom('notifications')
    .select(['id', 'incident_id', 'items'])
    .where('contact_method_id', 'in', methodIds)
    .where('kind', 'in', ['incident', 'bundle'])
    // Held and bundled records never reached the phone themselves; cancelled ones never went out.
    .where('status', 'not in', ['held', 'bundled', 'cancelled'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(RECENT_PAGES)
    .execute();
  for (const row of rows) {
    const ids = incidentIdsOf(row);
    if (ids.length === 0) continue;
    const open = await ex.selectFrom('incidents').select('id').where('id', 'in', ids).where('status', '!=', 'resolved').execute();
    if (open.length > 0) {
      const openIds = new Set(open.map((o) => o.id));
      return ids.filter((id) => openIds.has(id));
    }
  }
  return [];
}

/** The SMS answer to a reply, in words (the route wraps it in TwiML). */
export async function answerSms(deps: { db: Db; clock: Clock }, from: string, body: string): Promise<string> {
  const sender = await senderOf(deps.db, from);
  if (sender === null) return 'Tocsin: this number is not a verified SMS contact method of anyone here, so it cannot act on incidents. Add and verify it on your profile.';
  if (sender === 'ambiguous') return 'Tocsin: this number is verified for more than one person, so a reply cannot tell who you are. Act in the web console instead.';
  const reply = parseReply(body);
  if (!reply) return REPLY_HELP;
  const actor = responderActor(sender.responder, 'SMS');
  if (!mayAct(actor)) return `Tocsin: your role (${actor.role}) may not ${reply.action} incidents.`;
  let ids: string[];
  if (reply.number !== null) {
    const inc = await deps.db.selectFrom('incidents').select('id').where('number', '=', reply.number).executeTakeFirst();
    if (!inc) return `Tocsin: there is no incident #${reply.number}.`;
    ids = [inc.id];
  } else {
    ids = await lastPagedIncidents(deps.db, sender.methodIds);
    if (ids.length === 0) return 'Tocsin: no open incident was paged to this number lately. Reply "ack 123" or "resolve 123" with the incident number.';
  }
  const results = await actOn(deps, actor, reply.action, ids);
  return results.length > 0 ? describeResults(reply.action, results, 'sms').join('\n') : 'Tocsin: that incident no longer exists.';
}
