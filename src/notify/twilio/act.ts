import type { Actor } from '../../access/actor.js';
import { allows } from '../../access/policies.js';
import type { Role } from '../../access/roles.js';
import { acknowledgeIncident } from '../../incidents/commands/acknowledge-incident.js';
import { resolveIncident } from '../../incidents/commands/resolve-incident.js';
import type { Clock } from '../../platform/clock.js';
import type { Db, Executor } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/http/errors.js';
import { itemsOf, type NotificationRow } from '../records.js';
import type { ReplyAction } from './replies.js';
import '../../incidents/policy.js';

// Acting on incidents from a phone: the person is known by their verified number (SMS) or by
// the page they were called about (key press), and acts through the same commands and the
// same policy rule as the API.

export interface Responder {
  userId: string;
  name: string;
  role: Role;
}

/** The person, named on the timeline with how they acted: "Acknowledged by Alice (by SMS)". */
export function responderActor(r: Responder, via: 'SMS' | 'phone'): Actor {
  return { type: 'user', id: r.userId, userId: r.userId, role: r.role, name: `${r.name} (by ${via})` };
}

/** The rule POST /api/v1/incidents/:id/acknowledge and /resolve check. */
export const ACT_POLICY = 'incidents.act';

export function mayAct(actor: Actor): boolean {
  return allows(actor, ACT_POLICY);
}

export async function responderById(ex: Executor, userId: string | null): Promise<Responder | null> {
  if (!userId) return null;
  const u = await ex.selectFrom('users').select(['id', 'name', 'role']).where('id', '=', userId).where('deleted_at', 'is', null).executeTakeFirst();
  return u ? { userId: u.id, name: u.name, role: u.role } : null;
}

export type ActOutcome = 'done' | 'already' | 'resolved';

export interface ActResult {
  number: number;
  title: string;
  outcome: ActOutcome;
}

/** Runs the command on each incident, in turn; an incident already in that state is reported, not an error. */
export async function actOn(deps: { db: Db; clock: Clock }, actor: Actor, action: ReplyAction, incidentIds: readonly string[]): Promise<ActResult[]> {
  const out: ActResult[] = [];
  for (const id of incidentIds) {
    const inc = await deps.db.selectFrom('incidents').select(['number', 'title', 'status']).where('id', '=', id).executeTakeFirst();
    if (!inc) continue;
    const base = { number: Number(inc.number), title: inc.title };
    if (inc.status === 'resolved') {
      out.push({ ...base, outcome: 'resolved' });
      continue;
    }
    if (action === 'acknowledge' && inc.status === 'acknowledged') {
      out.push({ ...base, outcome: 'already' });
      continue;
    }
    const ctx = { db: deps.db, clock: deps.clock, actor };
    try {
      if (action === 'acknowledge') await acknowledgeIncident(ctx, id);
      else await resolveIncident(ctx, id);
      out.push({ ...base, outcome: 'done' });
    } catch (e) {
      // Resolved by someone else between the read and the command.
      if (e instanceof AppError && e.status === 409) out.push({ ...base, outcome: 'resolved' });
      else throw e;
    }
  }
  return out;
}

const DONE: Record<ReplyAction, string> = { acknowledge: 'Acknowledged', resolve: 'Resolved' };

/** One sentence per incident: "Acknowledged #12: Disk full", "#12 is already resolved". */
export function describeResults(action: ReplyAction, results: readonly ActResult[], style: 'sms' | 'voice'): string[] {
  const ref = (n: number) => (style === 'sms' ? `#${n}` : `incident ${n}`);
  return results.map((r) => {
    if (r.outcome === 'done') return `${DONE[action]} ${ref(r.number)}: ${r.title}`;
    if (r.outcome === 'already') return `${ref(r.number)} is already acknowledged: ${r.title}`;
    return `${ref(r.number)} is already resolved: ${r.title}`;
  });
}

/** The incidents of a delivery record: a bundle's items, or its one incident. */
export function incidentIdsOf(row: Pick<NotificationRow, 'incident_id' | 'items'>): string[] {
  const ids = itemsOf(row).map((i) => i.incident_id);
  return ids.length > 0 ? [...new Set(ids)] : row.incident_id ? [row.incident_id] : [];
}
