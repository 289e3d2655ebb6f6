import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/access/actor.js';
import type { CommandContext } from '../../src/access/context.js';
import { createMaintenanceWindow, endMaintenanceWindow } from '../../src/incidents/maintenance/commands.js';
import { createService } from '../../src/incidents/services/commands.js';
import type { NormalizedEvent } from '../../src/ingest/formats/types.js';
import { createPipelineHooks } from '../../src/ingest/hooks.js';
import { RulesetCache } from '../../src/ingest/rules/cache.js';
import { replaceRules } from '../../src/ingest/rules/commands.js';
import { testEvent } from '../../src/ingest/rules/fixtures.js';
import { ManualClock } from '../../src/platform/clock.js';
import { transact } from '../../src/platform/db/transaction.js';
import type { Row } from '../../src/platform/db/tables.js';
import { createMetrics } from '../../src/platform/metrics.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

const HOUR = 3_600_000;
let tdb: TestDatabase;
let clock: ManualClock;
let ctx: CommandContext;

beforeEach(async () => {
  tdb = await createTestDatabase();
  clock = new ManualClock(Date.UTC(2026, 0, 5, 12, 0, 0));
  ctx = { db: tdb.db, clock, actor: systemActor };
});
afterEach(async () => tdb.drop());

async function service(name: string): Promise<Row<'services'>> {
  return createService(ctx, { name });
}

describe('route hook', () => {
  it('returns no change without rules', async () => {
    const svc = await service('a');
    const hooks = createPipelineHooks({ cache: new RulesetCache() });
    expect(await transact(tdb.db, (tx) => hooks.route(tx, testEvent(), svc, clock.now()))).toEqual({});
  });

  it('applies the router, then the rules of the service it chose', async () => {
    const entry = await service('entry');
    const db = await service('databases');
    await replaceRules(ctx, { kind: 'router' }, {
      rules: [{ id: 'to-db', condition: "event.component == 'postgres'", actions: { route_to_service_id: db.id, severity: 'error', annotate: { routed: 'yes' } } }],
    });
    await replaceRules(ctx, { kind: 'service', serviceId: db.id }, {
      rules: [
        { id: 'db-crit', condition: "event.severity == 'error' && event.custom_details.env == 'prod'", actions: { urgency: 'high', annotate: { team: 'dba' } } },
      ],
    });
    // The entry service's own rules are not used once the router sends the event elsewhere.
    await replaceRules(ctx, { kind: 'service', serviceId: entry.id }, { rules: [{ id: 'entry-drop', condition: 'true', actions: { drop: true } }] });
    const hooks = createPipelineHooks({ cache: new RulesetCache() });
    const outcome = await transact(tdb.db, (tx) => hooks.route(tx, testEvent(), entry, clock.now()));
    expect(outcome).toEqual({
      routeToServiceId: db.id,
      severity: 'error',
      urgency: 'high',
      annotations: { routed: 'yes', team: 'dba' },
      matchedRuleId: 'db-crit',
    });
    // Not routed: the entry service's rules apply.
    const other = await transact(tdb.db, (tx) => hooks.route(tx, testEvent({ component: 'nginx' }), entry, clock.now()));
    expect(other).toEqual({ drop: true, matchedRuleId: 'entry-drop' });
  });

  it('stops at a router drop', async () => {
    const svc = await service('a');
    await replaceRules(ctx, { kind: 'router' }, { rules: [{ id: 'noise', condition: "event.summary.startsWith('TEST')", actions: { drop: true } }] });
    await replaceRules(ctx, { kind: 'service', serviceId: svc.id }, { rules: [{ condition: 'true', actions: { priority: 'P1' } }] });
    const hooks = createPipelineHooks({ cache: new RulesetCache() });
    expect(await transact(tdb.db, (tx) => hooks.route(tx, testEvent({ summary: 'TEST ping' }), svc, clock.now()))).toEqual({ drop: true, matchedRuleId: 'noise' });
  });

  it('sees a save at the next event (cache keyed by version)', async () => {
    const svc = await service('a');
    const cache = new RulesetCache();
    const hooks = createPipelineHooks({ cache });
    await replaceRules(ctx, { kind: 'service', serviceId: svc.id }, { rules: [{ id: 'v1', condition: 'true', actions: { priority: 'P1' } }] });
    const route = (e: NormalizedEvent) => transact(tdb.db, (tx) => hooks.route(tx, e, svc, clock.now()));
    expect(await route(testEvent())).toEqual({ priority: 'P1', matchedRuleId: 'v1' });
    expect(cache.size).toBe(1);
    // A save through another process's cache: only the version tells this one.
    await replaceRules(ctx, { kind: 'service', serviceId: svc.id }, { rules: [{ id: 'v2', condition: 'true', actions: { priority: 'P2' } }] });
    expect(await route(testEvent())).toEqual({ priority: 'P2', matchedRuleId: 'v2' });
  });

  it('counts rules failing at run time, and never throws', async () => {
    const svc = await service('a');
    const metrics = createMetrics();
    const hooks = createPipelineHooks({ cache: new RulesetCache(), metrics });
    await replaceRules(ctx, { kind: 'service', serviceId: svc.id }, {
      rules: [
        { id: 'needs-env', condition: "event.custom_details.env == 'prod'", actions: { priority: 'P1' } },
        { id: 'fallback', condition: 'true', actions: { priority: 'P5' } },
      ],
    });
    const outcome = await transact(tdb.db, (tx) => hooks.route(tx, testEvent({ customDetails: 'plain text' }), svc, clock.now()));
    expect(outcome).toEqual({ priority: 'P5', matchedRuleId: 'fallback' });
    expect(hooks.stats().ruleErrors).toBe(1);
    expect(await metrics.registry.getSingleMetricAsString('tocsin_event_rule_errors_total')).toMatch(/tocsin_event_rule_errors_total\{kind="rule"\} 1/);
    // A second hooks instance on the same registry reuses the counter.
    expect(() => createPipelineHooks({ metrics })).not.toThrow();
  });
});

describe('maintenance hook', () => {
  it('finds the window active now for the service and matching the event', async () => {
    const a = await service('a');
    const b = await service('b');
    const hooks = createPipelineHooks();
    const check = (serviceId: string, e = testEvent()) => transact(tdb.db, (tx) => hooks.maintenance(tx, serviceId, e, clock.now()));
    expect(await check(a.id)).toBeNull();
    const w = await createMaintenanceWindow(ctx, { description: 'firewall swap', end: clock.now() + HOUR, service_ids: [a.id], condition: "event.custom_details.device == 'fw-01'" });
    expect(await check(a.id)).toEqual({ windowId: w.id });
    expect(await check(b.id)).toBeNull();
    expect(await check(a.id, testEvent({ customDetails: { device: 'fw-02' } }))).toBeNull();
    // A condition failing at run time pages as usual, and is counted.
    expect(await check(a.id, testEvent({ customDetails: null }))).toBeNull();
    expect(hooks.stats().maintenanceErrors).toBe(1);
    clock.advance(10 * 60_000);
    await endMaintenanceWindow(ctx, w.id);
    expect(await check(a.id)).toBeNull();
  });

  it('starts and ends on time', async () => {
    const a = await service('a');
    const hooks = createPipelineHooks();
    const check = () => transact(tdb.db, (tx) => hooks.maintenance(tx, a.id, testEvent(), clock.now()));
    const w = await createMaintenanceWindow(ctx, { start: clock.now() + HOUR, end: clock.now() + 2 * HOUR, service_ids: [a.id] });
    expect(await check()).toBeNull();
    clock.advance(HOUR);
    expect(await check()).toEqual({ windowId: w.id });
    clock.advance(HOUR);
    expect(await check()).toBeNull();
  });
});

describe('damaged rules', () => {
  it('lets events through unchanged when a stored ruleset is unreadable', async () => {
    const svc = await service('a');
    await replaceRules(ctx, { kind: 'service', serviceId: svc.id }, { rules: [{ condition: 'true', actions: { drop: true } }] });
    await tdb.db.updateTable('event_rulesets').set({ rules: '{not json', version: 99 }).where('service_id', '=', svc.id).execute();
    const hooks = createPipelineHooks({ cache: new RulesetCache() });
    expect(await transact(tdb.db, (tx) => hooks.route(tx, testEvent(), svc, clock.now()))).toEqual({});
    await tdb.db.updateTable('event_rulesets').set({ rules: '[{"id":"x"}]', version: 100 }).where('service_id', '=', svc.id).execute();
    expect(await transact(tdb.db, (tx) => hooks.route(tx, testEvent(), svc, clock.now()))).toEqual({});
  });
});
