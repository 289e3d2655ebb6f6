import { recordAudit } from '../../access/audit/record.js';
import type { CommandContext } from '../../access/context.js';
import { newId } from '../../platform/ids.js';
import { afterCommit, transact } from '../../platform/db/transaction.js';
import type { Row } from '../../platform/db/tables.js';
import { Conflict, ValidationFailed } from '../../platform/http/errors.js';
import { rulesetCache } from './cache.js';
import { compileRules } from './compile.js';
import { existingServices, findRuleset, requireService, scopeKey } from './queries.js';
import type { RuleInput, RulesetScope } from './types.js';

export interface ReplaceRulesInput {
  rules: RuleInput[];
  /** The version the caller last read (0 for a ruleset never saved); omitted means "whatever is there". */
  expectedVersion?: number;
}

function conflict(expected: number, actual: number): Conflict {
  return new Conflict(
    `the rules changed since version ${expected} (they are now at version ${actual}); load them again and reapply your change`,
    'version',
  );
}

/**
 * Replaces a whole ordered ruleset atomically. Every rule is compiled first; any problem is a
 * 400 naming the rule's field. A stale `expectedVersion` is a 409.
 */
export async function replaceRules(ctx: CommandContext, scope: RulesetScope, input: ReplaceRulesInput): Promise<Row<'event_rulesets'>> {
  const compiled = compileRules(input.rules, { scope: scope.kind, newId });
  if (compiled.problems.length > 0) throw new ValidationFailed(compiled.problems);
  const now = ctx.clock.now();
  const key = scopeKey(scope);
  return transact(ctx.db, async (tx) => {
    if (scope.kind === 'service') await requireService(tx, scope.serviceId);
    const targets = [...new Set(compiled.stored.map((r) => r.actions.route_to_service_id).filter((id): id is string => id !== undefined))];
    if (targets.length > 0) {
      const found = await existingServices(tx, targets);
      const problems = compiled.stored.flatMap((r, i) => {
        const target = r.actions.route_to_service_id;
        return target !== undefined && !found.has(target) ? [{ field: `rules/${i}/actions/route_to_service_id`, message: `service ${target} does not exist` }] : [];
      });
      if (problems.length > 0) throw new ValidationFailed(problems);
    }
    const current = await findRuleset(tx, scope);
    const currentVersion = current ? Number(current.version) : 0;
    if (input.expectedVersion !== undefined && input.expectedVersion !== currentVersion) throw conflict(input.expectedVersion, currentVersion);
    const rules = JSON.stringify(compiled.stored);
    const updatedBy = ctx.actor.id;
    let row: Row<'event_rulesets'>;
    if (current) {
      row = { ...current, version: currentVersion + 1, rules, updated_at: now, updated_by: updatedBy };
      // Compare-and-set on the version: a concurrent save that got in first makes this a 409.
      const res = await tx
        .updateTable('event_rulesets')
        .set({ version: row.version, rules, updated_at: now, updated_by: updatedBy })
        .where('id', '=', current.id)
        .where('version', '=', currentVersion)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw conflict(currentVersion, currentVersion + 1);
    } else {
      row = {
        id: newId(),
        scope: key,
        service_id: scope.kind === 'service' ? scope.serviceId : null,
        version: 1,
        rules,
        created_at: now,
        updated_at: now,
        updated_by: updatedBy,
      };
      const res = await tx.insertInto('event_rulesets').values(row).onConflict((oc) => oc.column('scope').doNothing()).executeTakeFirst();
      if (Number(res.numInsertedOrUpdatedRows ?? 0n) !== 1) throw conflict(0, 1);
    }
    await recordAudit(
      tx,
      ctx.actor,
      now,
      'event_rules.replaced',
      scope.kind === 'router' ? { type: 'event_router', id: null } : { type: 'service', id: scope.serviceId },
      { version: row.version, rules: compiled.stored.length },
    );
    const id = row.id;
    afterCommit(tx, () => rulesetCache.invalidate(id));
    return row;
  });
}
