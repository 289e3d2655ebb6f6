import type { Executor } from '../platform/db/transaction.js';
import type { Row } from '../platform/db/tables.js';
import { NotFound } from '../platform/http/errors.js';
import { parseLevels } from './schemas.js';
import type { Policy } from './types.js';
import { containsPattern } from '../platform/db/search.js';

export async function findEscalationPolicy(ex: Executor, id: string): Promise<Row<'escalation_policies'> | undefined> {
  return ex.selectFrom('escalation_policies').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getEscalationPolicy(ex: Executor, id: string): Promise<Row<'escalation_policies'>> {
  const row = await findEscalationPolicy(ex, id);
  if (!row) throw new NotFound('escalation policy', id);
  return row;
}

/** A stored policy as the pure core reads it. */
export function policyOf(row: Row<'escalation_policies'>): Policy {
  return { levels: parseLevels(row), repeat: row.repeat };
}

export async function listEscalationPolicies(
  ex: Executor,
  opts: { limit: number; after?: string; teamId?: string; q?: string; ids?: string[] },
): Promise<Row<'escalation_policies'>[]> {
  let q = ex.selectFrom('escalation_policies').selectAll().orderBy('id').limit(opts.limit + 1);
  if (opts.after) q = q.where('id', '>', opts.after);
  if (opts.teamId) q = q.where('team_id', '=', opts.teamId);
  if (opts.ids) q = opts.ids.length === 0 ? q.where('id', '=', '') : q.where('id', 'in', opts.ids);
  if (opts.q) {
    const like = containsPattern(opts.q);
    q = q.where((eb) => eb(eb.fn('lower', ['name']), 'like', like));
  }
  return q.execute();
}

/** Round-robin turns per level number, as decide() takes them. */
export async function roundRobinTurns(ex: Executor, policyId: string): Promise<Record<number, number>> {
  const rows = await ex.selectFrom('escalation_round_robin').select(['level', 'turns']).where('policy_id', '=', policyId).execute();
  return Object.fromEntries(rows.map((r) => [Number(r.level), Number(r.turns)]));
}
