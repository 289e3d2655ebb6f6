// The real pipeline hooks: event rules (router, then the service's own) and maintenance windows.
// The pipeline calls these inside its ingest transaction for every event, so each reads as
// little as it can: rulesets by (id, version) with compiled rules cached in memory, and only the
// windows active now for the event's service. What they read is kept for the rest of the
// transaction (one ingest batch): `prepare` reads the ruleset versions and active windows of all
// the batch's services in one statement, and an event only queries what `prepare` did not foresee
// (a service the router sent it to). A save or a window change made in any process is seen by
// the next batch.

import client from 'prom-client';
import { activeWindowFor, type WindowError, type WindowForMatch } from '../incidents/maintenance/active.js';
import { windowsActiveForServices, windowsActiveQuery, windowsByService, type WindowWithServices } from '../incidents/maintenance/queries.js';
import { selectTogether } from '../platform/db/select-together.js';
import type { Tx } from '../platform/db/transaction.js';
import { newId } from '../platform/ids.js';
import type { Logger } from '../platform/log.js';
import type { Metrics } from '../platform/metrics.js';
import type { NormalizedEvent } from './formats/types.js';
import type { PipelineHooks, RuleOutcome, ServiceRow } from './pipeline-hooks.js';
import { rulesetCache as sharedCache, type RulesetCache } from './rules/cache.js';
import { compileCondition, describeProblem, type CompiledCondition } from './rules/cel.js';
import { compileRules } from './rules/compile.js';
import { applyOutcome, combineOutcomes, evaluateRuleset, type RuleError } from './rules/evaluate.js';
import { ROUTER_SCOPE, rulesetById, rulesetVersions, rulesetVersionsQuery, storedRules, versionEntries } from './rules/queries.js';
import type { CompiledRuleset } from './rules/types.js';

export interface PipelineHooksOptions {
  log?: Logger;
  /** Registers tocsin_event_rule_errors_total on this registry when given. */
  metrics?: Metrics;
  /** Defaults to the process-wide cache that saves invalidate. */
  cache?: RulesetCache;
}

export interface PipelineHooksWithStats extends PipelineHooks {
  /** Run-time failures counted since start: rule conditions/templates, window conditions. */
  stats(): { ruleErrors: number; maintenanceErrors: number };
}

const ERRORS_METRIC = 'tocsin_event_rule_errors_total';
const CONDITION_CACHE_MAX = 1000;

function errorCounter(metrics: Metrics | undefined): client.Counter<'kind'> | null {
  if (!metrics) return null;
  const existing = metrics.registry.getSingleMetric(ERRORS_METRIC);
  if (existing) return existing as client.Counter<'kind'>;
  return new client.Counter({
    name: ERRORS_METRIC,
    help: 'Event rule and maintenance window conditions that failed at run time (counted as no match)',
    labelNames: ['kind'] as const,
    registers: [metrics.registry],
  });
}

const NO_CHANGE: RuleOutcome = Object.freeze({}) as RuleOutcome;

type VersionEntry = { id: string; scope: string; version: number };

/** What one transaction has read: ruleset versions by scope (null: none saved), windows by service. */
interface BatchMemo {
  versions: Map<string, VersionEntry | null>;
  now: number;
  windows: Map<string, WindowForMatch[]>;
}

export function createPipelineHooks(opts: PipelineHooksOptions = {}): PipelineHooksWithStats {
  const cache = opts.cache ?? sharedCache;
  const counter = errorCounter(opts.metrics);
  const counts = { ruleErrors: 0, maintenanceErrors: 0 };
  const conditions = new Map<string, CompiledCondition>();

  function countRuleErrors(errors: RuleError[], scope: string): void {
    if (errors.length === 0) return;
    counts.ruleErrors += errors.length;
    counter?.inc({ kind: 'rule' }, errors.length);
    opts.log?.debug({ scope, errors }, 'event rules failed at run time (treated as no match)');
  }

  async function load(tx: Tx, entry: { id: string; scope: string; version: number } | undefined): Promise<CompiledRuleset | null> {
    if (!entry) return null;
    const cached = cache.get(entry.id, entry.version);
    if (cached) return cached;
    const row = await rulesetById(tx, entry.id);
    if (!row) return null;
    let ruleset: CompiledRuleset;
    try {
      const compiled = compileRules(storedRules(row), { scope: row.scope === ROUTER_SCOPE ? 'router' : 'service', newId });
      if (compiled.problems.length > 0) {
        // Saved rules always compiled when saved; this only happens if the rules of the language
        // tightened since. The rules that still compile keep working.
        opts.log?.warn({ ruleset: row.id, scope: row.scope, version: row.version, problems: compiled.problems }, 'stored event rules no longer compile; skipping those rules');
      }
      ruleset = compiled.ruleset;
    } catch (e) {
      // A damaged row (edited by hand, say) must not stop ingest: the event passes unchanged.
      opts.log?.error({ ruleset: row.id, scope: row.scope, version: row.version, err: e }, 'stored event rules are unreadable; ignoring them');
      ruleset = { rules: [] };
    }
    cache.set(row.id, Number(row.version), ruleset);
    return ruleset;
  }

  function conditionOf(w: WindowWithServices): CompiledCondition | null {
    if (w.condition === null) return null;
    const key = `${w.id}:${w.updated_at}`;
    const hit = conditions.get(key);
    if (hit) return hit;
    const c = compileCondition(w.condition);
    // A stored condition that no longer compiles matches nothing: paging wrongly beats
    // suppressing wrongly.
    const compiled: CompiledCondition = c.ok
      ? c.condition
      : { source: w.condition, evaluate: () => ({ matched: false, error: `stored condition does not compile: ${describeProblem(c.problem)}` }) };
    if (conditions.size >= CONDITION_CACHE_MAX) conditions.clear();
    conditions.set(key, compiled);
    return compiled;
  }

  const memos = new WeakMap<Tx, BatchMemo>();

  function memoOf(tx: Tx, now: number): BatchMemo {
    let m = memos.get(tx);
    if (!m) {
      m = { versions: new Map(), now, windows: new Map() };
      memos.set(tx, m);
    }
    if (m.now !== now) {
      // Windows depend on the time; a caller that moves time within a transaction re-reads them.
      m.now = now;
      m.windows.clear();
    }
    return m;
  }

  /** The version entries of these scopes, reading only the ones this transaction has not read. */
  async function versionsOf(tx: Tx, memo: BatchMemo, scopes: string[]): Promise<Map<string, VersionEntry | null>> {
    const missing = scopes.filter((sc) => !memo.versions.has(sc));
    if (missing.length > 0) rememberVersions(memo, missing, await rulesetVersions(tx, missing));
    return memo.versions;
  }

  function rememberVersions(memo: BatchMemo, scopes: readonly string[], found: readonly VersionEntry[]): void {
    for (const sc of scopes) memo.versions.set(sc, null);
    for (const v of found) memo.versions.set(v.scope, v);
  }

  function toMatch(w: WindowWithServices): WindowForMatch {
    return { id: w.id, start: w.start_at, end: w.end_at, serviceIds: w.service_ids, condition: conditionOf(w) };
  }

  async function windowsOf(tx: Tx, memo: BatchMemo, serviceIds: readonly string[], now: number): Promise<void> {
    const missing = [...new Set(serviceIds)].filter((id) => !memo.windows.has(id));
    if (missing.length > 0) rememberWindows(memo, missing, await windowsActiveForServices(tx, missing, now));
  }

  function rememberWindows(memo: BatchMemo, serviceIds: readonly string[], found: Map<string, WindowWithServices[]>): void {
    for (const id of serviceIds) memo.windows.set(id, (found.get(id) ?? []).map(toMatch));
  }

  return {
    async prepare(tx: Tx, serviceIds: readonly string[], now: number): Promise<void> {
      const memo = memoOf(tx, now);
      const scopes = [ROUTER_SCOPE, ...new Set(serviceIds.map((id) => `service:${id}`))].filter((sc) => !memo.versions.has(sc));
      const services = [...new Set(serviceIds)].filter((id) => !memo.windows.has(id));
      if (scopes.length === 0 || services.length === 0) {
        await versionsOf(tx, memo, scopes);
        await windowsOf(tx, memo, services, now);
        return;
      }
      // Both in one statement (one round trip on PostgreSQL).
      const found = await selectTogether(tx, { versions: rulesetVersionsQuery(tx, scopes), windows: windowsActiveQuery(tx, services, now) });
      rememberVersions(memo, scopes, versionEntries(found.versions));
      rememberWindows(memo, services, windowsByService(found.windows, services));
    },

    async route(tx: Tx, event: NormalizedEvent, service: ServiceRow, now: number): Promise<RuleOutcome> {
      const memo = memoOf(tx, now);
      const serviceScope = `service:${service.id}`;
      const versions = await versionsOf(tx, memo, [ROUTER_SCOPE, serviceScope]);
      const router = await load(tx, versions.get(ROUTER_SCOPE) ?? undefined);
      let routerOutcome: RuleOutcome = NO_CHANGE;
      if (router) {
        const r = evaluateRuleset(router, event, now);
        countRuleErrors(r.errors, ROUTER_SCOPE);
        routerOutcome = r.outcome;
        if (routerOutcome.drop) return routerOutcome;
      }
      const target = routerOutcome.routeToServiceId ?? service.id;
      const targetScope = `service:${target}`;
      const entry = (await versionsOf(tx, memo, [targetScope])).get(targetScope) ?? undefined;
      const own = await load(tx, entry);
      if (!own) return routerOutcome;
      const s = evaluateRuleset(own, applyOutcome(event, routerOutcome), now);
      countRuleErrors(s.errors, targetScope);
      return combineOutcomes(routerOutcome, s.outcome);
    },

    async maintenance(tx: Tx, serviceId: string, event: NormalizedEvent, now: number): Promise<{ windowId: string } | null> {
      const memo = memoOf(tx, now);
      await windowsOf(tx, memo, [serviceId], now);
      const windows = memo.windows.get(serviceId)!;
      if (windows.length === 0) return null;
      const errors: WindowError[] = [];
      const hit = activeWindowFor(windows, serviceId, event, now, errors);
      if (errors.length > 0) {
        counts.maintenanceErrors += errors.length;
        counter?.inc({ kind: 'maintenance' }, errors.length);
        opts.log?.debug({ serviceId, errors }, 'maintenance window conditions failed at run time (treated as no match)');
      }
      return hit ? { windowId: hit.id } : null;
    },

    stats: () => ({ ...counts }),
  };
}
