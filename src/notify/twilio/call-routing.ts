import { recordAudit } from '../../access/audit/record.js';
import type { CommandContext } from '../../access/context.js';
import { newId } from '../../platform/ids.js';
import { transact, type Executor } from '../../platform/db/transaction.js';
import { ValidationFailed, type FieldProblem } from '../../platform/http/errors.js';

// The phone menu of live call routing: greeting plus one entry per digit, each a service. It
// is replaced as a whole (PUT), which keeps "digits are unique" a check on one list.

export interface CallMenuEntry {
  digit: number;
  service_id: string;
  label: string;
}

export interface CallMenu {
  greeting: string;
  entries: Array<CallMenuEntry & { service_name: string }>;
  updated_at: number | null;
}

export const DEFAULT_GREETING = 'You have reached the on-call line.';
const SETTINGS_ID = 'default';

export async function getCallMenu(ex: Executor): Promise<CallMenu> {
  const settings = await ex.selectFrom('call_routing_settings').select(['greeting', 'updated_at']).where('id', '=', SETTINGS_ID).executeTakeFirst();
  const rows = await ex
    .selectFrom('call_routes as r')
    .innerJoin('services as s', 's.id', 'r.service_id')
    .select(['r.digit', 'r.service_id', 'r.label', 's.name as service_name'])
    .orderBy('r.digit')
    .execute();
  return {
    greeting: settings?.greeting ?? DEFAULT_GREETING,
    entries: rows.map((r) => ({ digit: Number(r.digit), service_id: r.service_id, label: r.label, service_name: r.service_name })),
    updated_at: settings ? Number(settings.updated_at) : null,
  };
}

/** What is wrong with a menu, field by field (`entries/<i>/digit`, `entries/<i>/service_id`). Pure. */
export function menuProblems(entries: readonly CallMenuEntry[], knownServices: ReadonlySet<string>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Map<number, number>();
  entries.forEach((e, i) => {
    if (!Number.isInteger(e.digit) || e.digit < 1 || e.digit > 9) problems.push({ field: `entries/${i}/digit`, message: 'must be a digit from 1 to 9' });
    else if (seen.has(e.digit)) problems.push({ field: `entries/${i}/digit`, message: `${e.digit} is already used by entries/${seen.get(e.digit)}` });
    else seen.set(e.digit, i);
    if (!knownServices.has(e.service_id)) problems.push({ field: `entries/${i}/service_id`, message: `service ${e.service_id} does not exist` });
    if (e.label.trim() === '') problems.push({ field: `entries/${i}/label`, message: 'must say what the digit is for' });
  });
  return problems;
}

export async function replaceCallMenu(ctx: CommandContext, input: { greeting?: string; entries: readonly CallMenuEntry[] }): Promise<CallMenu> {
  const now = ctx.clock.now();
  return transact(ctx.db, async (tx) => {
    const ids = [...new Set(input.entries.map((e) => e.service_id))];
    const found = ids.length ? await tx.selectFrom('services').select('id').where('id', 'in', ids).execute() : [];
    const problems = menuProblems(input.entries, new Set(found.map((s) => s.id)));
    if (problems.length) throw new ValidationFailed(problems);
    const greeting = (input.greeting ?? DEFAULT_GREETING).trim();
    await tx
      .insertInto('call_routing_settings')
      .values({ id: SETTINGS_ID, greeting, updated_at: now })
      .onConflict((oc) => oc.column('id').doUpdateSet({ greeting, updated_at: now }))
      .execute();
    await tx.deleteFrom('call_routes').execute();
    if (input.entries.length) {
      await tx
        .insertInto('call_routes')
        .values(input.entries.map((e) => ({ id: newId(), digit: e.digit, service_id: e.service_id, label: e.label.trim(), created_at: now, updated_at: now })))
        .execute();
    }
    await recordAudit(tx, ctx.actor, now, 'call_routing.updated', { type: 'call_routing', id: null }, { digits: input.entries.map((e) => e.digit).sort() });
    return getCallMenu(tx);
  });
}
