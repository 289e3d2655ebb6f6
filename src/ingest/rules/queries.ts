import type { Executor } from '../../platform/db/transaction.js';
import type { Row } from '../../platform/db/tables.js';
import { NotFound } from '../../platform/http/errors.js';
import type { RulesetScope, StoredRule } from './types.js';

export const ROUTER_SCOPE = 'router';

/** The unique `scope` column value of a ruleset. */
export function scopeKey(scope: RulesetScope): string {
  return scope.kind === 'router' ? ROUTER_SCOPE : `service:${scope.serviceId}`;
}

export async function findRuleset(ex: Executor, scope: RulesetScope): Promise<Row<'event_rulesets'> | undefined> {
  return ex.selectFrom('event_rulesets').selectAll().where('scope', '=', scopeKey(scope)).executeTakeFirst();
}

/** Ids and versions only: what the ingest path reads per event to find its cached rules. */
export async function rulesetVersions(ex: Executor, scopes: string[]): Promise<{ id: string; scope: string; version: number }[]> {
  if (scopes.length === 0) return [];
  return versionEntries(await rulesetVersionsQuery(ex, scopes).execute());
}

/** The select behind `rulesetVersions` (scopes must not be empty), for callers that batch their reads. */
export function rulesetVersionsQuery(ex: Executor, scopes: string[]) {
  return ex.selectFrom('event_rulesets').select(['id', 'scope', 'version']).where('scope', 'in', scopes);
}

export function versionEntries(rows: ReadonlyArray<{ id: string; scope: string; version: number | string }>): { id: string; scope: string; version: number }[] {
  return rows.map((r) => ({ id: r.id, scope: r.scope, version: Number(r.version) }));
}

export async function rulesetById(ex: Executor, id: string): Promise<Row<'event_rulesets'> | undefined> {
  return ex.selectFrom('event_rulesets').selectAll().where('id', '=', id).executeTakeFirst();
}

export function storedRules(row: Pick<Row<'event_rulesets'>, 'rules'> | undefined): StoredRule[] {
  if (!row) return [];
  const parsed: unknown = JSON.parse(row.rules);
  return Array.isArray(parsed) ? (parsed as StoredRule[]) : [];
}

export async function serviceExists(ex: Executor, id: string): Promise<boolean> {
  return (await ex.selectFrom('services').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function requireService(ex: Executor, id: string): Promise<void> {
  if (!(await serviceExists(ex, id))) throw new NotFound('service', id);
}

/** Which of these service ids exist. */
export async function existingServices(ex: Executor, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await ex.selectFrom('services').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}
