// Applies a batch of normalized events inside one transaction: rules, maintenance, dedup on
// (integration, dedup_key), alert created/updated/acknowledged/resolved, grouping into
// incidents, timeline, escalation. State is read up front in a few set queries and kept in
// memory for the batch, so an event costs almost no statements of its own; every write is
// collected in a Changes and flushed at the end.

import { sql } from 'kysely';
import { newId } from '../platform/ids.js';
import { selectTogether } from '../platform/db/select-together.js';
import { subscriptionTypesQuery } from '../subscriptions/fanout.js';
import type { Tx } from '../platform/db/transaction.js';
import type { NewRow } from '../platform/db/tables.js';
import { Changes, numberLabel, type AlertRow, type IncidentRow } from '../incidents/changes.js';
import { chooseIncident, groupingValues, type GroupCandidate, type GroupingInput } from '../incidents/grouping.js';
import { acknowledge, integrationActor, openIncident, resolve, scheduleAlertRelease, scheduleAutoResolve } from '../incidents/lifecycle.js';
import { alertReleaseKey } from '../incidents/keys.js';
import { urgencyFor, type Urgency } from '../incidents/settings.js';
import { timelineEntry, type TimelineActor } from '../incidents/timeline.js';
import type { ChangeEvent, NormalizedEvent } from './formats/types.js';
import type { CachedService } from './integrations/cache.js';
import type { PipelineHooks, RuleOutcome } from './pipeline-hooks.js';

export interface IntegrationRef {
  id: string;
  name: string;
}

export type IngestItem =
  | { kind: 'alert'; integration: IntegrationRef; service: CachedService; event: NormalizedEvent; receivedAt: number }
  | { kind: 'change'; integration: IntegrationRef; service: CachedService; change: ChangeEvent; receivedAt: number };

export type EventOutcome = 'created' | 'updated' | 'acknowledged' | 'resolved' | 'ignored' | 'dropped' | 'suppressed' | 'paused' | 'change';

export interface IngestResult {
  /** The dedup key to answer with: the sender's, or the one generated for a trigger without one. */
  dedupKey: string | null;
  outcome: EventOutcome;
  alertId: string | null;
  incidentId: string | null;
}

export interface ServiceSource {
  service(ex: Tx, id: string): Promise<CachedService | null>;
}

export interface ApplyContext {
  hooks: PipelineHooks;
  services: ServiceSource;
}

/** What PagerDuty does for a trigger without a dedup_key: a fresh 32-character key. */
export function generateDedupKey(): string {
  return newId().replace(/-/g, '');
}

const pairKey = (integrationId: string, dedupKey: string) => `${integrationId}\u0000${dedupKey}`;

export interface AlertDetails {
  custom_details: unknown;
  images: unknown[];
  links: unknown[];
  annotations: Record<string, string>;
  extracted: Record<string, string>;
  timestamp: number | null;
}

export function alertDetails(alert: AlertRow): AlertDetails {
  try {
    return JSON.parse(alert.details) as AlertDetails;
  } catch {
    return { custom_details: null, images: [], links: [], annotations: {}, extracted: {}, timestamp: null };
  }
}

/** The grouping view of a stored alert (auto-paused alerts are grouped when released). */
export function groupingInputOf(alert: AlertRow): GroupingInput {
  const d = alertDetails(alert);
  return {
    dedupKey: alert.dedup_key,
    extracted: d.extracted,
    annotations: d.annotations,
    event: {
      action: 'trigger',
      dedupKey: alert.dedup_key,
      summary: alert.summary,
      source: alert.source,
      severity: alert.severity as NormalizedEvent['severity'],
      timestamp: d.timestamp,
      component: alert.component,
      group: alert.group_name,
      class: alert.class,
      customDetails: d.custom_details,
      images: [],
      links: [],
      client: alert.client,
      clientUrl: alert.client_url,
    },
  };
}

/**
 * The in-memory view of the rows a batch touches. Also used by the job handlers that page a
 * held alert (auto-pause release), so grouping works the same way everywhere.
 */
export class IngestState {
  readonly open = new Map<string, AlertRow>();
  private readonly incidents = new Map<string, IncidentRow>();
  private readonly openCounts = new Map<string, number>();
  private readonly candidates = new Map<string, GroupCandidate[]>();

  constructor(
    readonly tx: Tx,
    readonly ch: Changes,
    readonly services: ServiceSource,
  ) {}

  /**
   * Loads the open alerts of these (integration, dedup_key) pairs and, for the pairs marked
   * `withIncident` (acknowledges and resolves: the events that act on an incident), their
   * incidents and open-alert counts. A trigger that only dedups into its open alert needs neither.
   * With them come the event types that webhook subscriptions want (for the batch's one fanout
   * job): all in one statement, which on PostgreSQL is one round trip.
   */
  async prefetch(pairs: Array<{ integrationId: string; dedupKey: string; withIncident: boolean }>): Promise<void> {
    const unique = new Map(pairs.map((p) => [pairKey(p.integrationId, p.dedupKey), [p.integrationId, p.dedupKey] as const]));
    const needed = new Set(pairs.filter((p) => p.withIncident).map((p) => pairKey(p.integrationId, p.dedupKey)));
    const list = [...unique.values()];
    for (let i = 0; i < list.length; i += 400) {
      const chunk = list.slice(i, i + 400);
      const acting = chunk.filter((p) => needed.has(pairKey(p[0], p[1])));
      const found = await selectTogether(this.tx, {
        alerts: this.openAlerts(chunk).selectAll(),
        // The IN lists cross, so this can load a few incidents more than needed: harmless.
        incidents: this.incidentsWithOpenCounts().where((eb) =>
          acting.length > 0 ? eb('incidents.id', 'in', this.openAlerts(acting).select('incident_id')) : sql<boolean>`1 = 0`,
        ),
        subscriptions: subscriptionTypesQuery(this.tx),
      });
      for (const r of found.alerts) this.open.set(pairKey(r.integration_id, r.dedup_key), r);
      this.remember(found.incidents);
      this.ch.subscriptionTypes = found.subscriptions;
    }
  }

  /** Open alerts of these pairs (the IN lists cross; callers match pairs exactly). */
  private openAlerts(pairs: ReadonlyArray<readonly [string, string]>) {
    // `resolved` as a literal, not a parameter: only then can SQLite use the partial index
    // alerts_open_dedup (WHERE status != 'resolved'); with a parameter it scans every alert.
    return this.tx
      .selectFrom('alerts')
      .where('status', '!=', sql.lit('resolved'))
      .where('integration_id', 'in', [...new Set(pairs.map((p) => p[0]))])
      .where('dedup_key', 'in', [...new Set(pairs.map((p) => p[1]))]);
  }

  /** Incidents, each with the number of its open alerts. */
  private incidentsWithOpenCounts() {
    return this.tx
      .selectFrom('incidents')
      .selectAll('incidents')
      .select((eb) =>
        eb
          .selectFrom('alerts')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('alerts.incident_id', '=', 'incidents.id')
          .where('alerts.status', '!=', sql.lit('resolved'))
          .as('open_alert_count'),
      );
  }

  private remember(rows: ReadonlyArray<IncidentRow & { open_alert_count: number | string | null }>): void {
    for (const { open_alert_count, ...r } of rows) {
      this.incidents.set(r.id, r);
      this.openCounts.set(r.id, Number(open_alert_count ?? 0));
    }
  }

  private async loadIncidents(ids: string[]): Promise<void> {
    const missing = ids.filter((id) => !this.incidents.has(id));
    for (let i = 0; i < missing.length; i += 400) {
      const chunk = missing.slice(i, i + 400);
      for (const id of chunk) this.openCounts.set(id, 0);
      this.remember(await this.incidentsWithOpenCounts().where('incidents.id', 'in', chunk).execute());
    }
  }

  async incident(id: string): Promise<IncidentRow | undefined> {
    if (!this.incidents.has(id)) await this.loadIncidents([id]);
    return this.incidents.get(id);
  }

  private async candidatesFor(service: CachedService): Promise<GroupCandidate[]> {
    let list = this.candidates.get(service.row.id);
    if (list) return list;
    const g = service.settings.grouping;
    let q = this.tx
      .selectFrom('incidents')
      .selectAll()
      .where('service_id', '=', service.row.id)
      .where('status', '!=', sql.lit('resolved')) // a literal, so the partial index incidents_service_open serves it
      .orderBy('created_at', 'desc')
      .limit(200);
    if (g.window_minutes) q = q.where('created_at', '>=', this.ch.now - g.window_minutes * 60_000);
    const rows = await q.execute();
    await this.loadIncidents(rows.map((r) => r.id));
    list = rows.map((r) => ({ id: r.id, label: numberLabel(r), createdAt: r.created_at, groupValues: r.group_values ? (JSON.parse(r.group_values) as Record<string, string | null>) : null }));
    this.candidates.set(service.row.id, list);
    return list;
  }

  /** Puts an open, unpaused alert into an incident: an existing one by grouping, or a new one that pages. */
  async attach(alert: AlertRow, service: CachedService, input: GroupingInput, actor: TimelineActor, priority: string | null, opts: { message?: string } = {}): Promise<IncidentRow> {
    const ch = this.ch;
    const settings = service.settings;
    const values = groupingValues(settings.grouping, input);
    const decision = settings.grouping.type === 'none' ? null : chooseIncident(settings.grouping, values, await this.candidatesFor(service), ch.now);
    const joined = decision ? await this.incident(decision.incidentId) : undefined;
    if (decision && joined && joined.status !== 'resolved') {
      ch.bumpAlertCount(joined, 1);
      this.openCounts.set(joined.id, (this.openCounts.get(joined.id) ?? 0) + 1);
      ch.patchAlert(alert, { incident_id: joined.id, group_reason: decision.reason });
      ch.timeline(timelineEntry(joined.id, ch.now, 'alert.grouped', actor, `Alert "${alert.summary}" joined this incident — ${decision.reason}`, { alertId: alert.id, details: { reason: decision.reason } }));
      scheduleAutoResolve(ch, joined, settings);
      return joined;
    }
    const inc = openIncident(ch, {
      title: alert.summary || alert.dedup_key,
      service: settings,
      urgency: alert.urgency as Urgency,
      priority,
      groupValues: values,
      actor,
      message: opts.message ?? `Triggered by alert "${alert.summary}" from ${actor.name}`,
      details: { alert_id: alert.id, urgency: alert.urgency },
    });
    ch.bumpAlertCount(inc, 1);
    this.incidents.set(inc.id, inc);
    this.openCounts.set(inc.id, 1);
    if (settings.grouping.type !== 'none') {
      const list = await this.candidatesFor(service);
      list.push({ id: inc.id, label: numberLabel(inc), createdAt: inc.created_at, groupValues: values });
    }
    ch.patchAlert(alert, { incident_id: inc.id, group_reason: 'opened this incident' });
    return inc;
  }

  /** An open alert of an incident resolved: the incident resolves with its last open alert (if the service says so). */
  async alertResolved(alert: AlertRow, actor: TimelineActor): Promise<void> {
    if (!alert.incident_id) return;
    const inc = await this.incident(alert.incident_id);
    if (!inc) return;
    const left = Math.max(0, (this.openCounts.get(inc.id) ?? 1) - 1);
    this.openCounts.set(inc.id, left);
    this.ch.timeline(timelineEntry(inc.id, this.ch.now, 'alert.resolved', actor, `Alert "${alert.summary}" resolved`, { alertId: alert.id }));
    if (left > 0 || inc.status === 'resolved') return;
    const service = await this.services.service(this.tx, inc.service_id);
    if (service && !service.settings.resolveIncidentWithAlerts) return;
    resolve(this.ch, inc, actor, inc.alert_count <= 1 ? 'source' : 'all_alerts_resolved', { resolveAlerts: false });
  }
}

interface Prepared {
  item: Extract<IngestItem, { kind: 'alert' }>;
  event: NormalizedEvent;
  rule: RuleOutcome;
  service: CachedService;
  dedupKey: string;
  responseKey: string | null;
}

/** Applies `items` in order within `tx`; returns one result per item. */
export async function applyEvents(tx: Tx, items: IngestItem[], ctx: ApplyContext, now: number): Promise<IngestResult[]> {
  const ch = new Changes(now);
  const state = new IngestState(tx, ch, ctx.services);
  const results: IngestResult[] = new Array(items.length);
  const prepared: Array<Prepared | null> = new Array(items.length).fill(null);

  await ctx.hooks.prepare?.(tx, [...new Set(items.map((it) => it.service.row.id))], now);
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.kind === 'change') continue;
    let event = item.event;
    if (event.dedupKey === null) event = { ...event, dedupKey: generateDedupKey() };
    const rule = await ctx.hooks.route(tx, event, item.service.row, now);
    let service = item.service;
    if (rule.routeToServiceId && rule.routeToServiceId !== service.row.id) service = (await ctx.services.service(tx, rule.routeToServiceId)) ?? service;
    prepared[i] = { item, event, rule, service, dedupKey: rule.dedupKey ?? event.dedupKey!, responseKey: event.dedupKey };
  }
  await state.prefetch(
    prepared.filter((p): p is Prepared => p !== null).map((p) => ({ integrationId: p.item.integration.id, dedupKey: p.dedupKey, withIncident: p.event.action !== 'trigger' })),
  );

  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.kind === 'change') {
      const c = item.change;
      ch.changeRows.push({
        id: newId(),
        service_id: item.service.row.id,
        integration_id: item.integration.id,
        at: c.timestamp ?? item.receivedAt,
        received_at: item.receivedAt,
        summary: c.summary,
        source: c.source,
        details: JSON.stringify({ custom_details: c.customDetails, links: c.links }),
      });
      logEvent(ch, item, 'change', null, 'change', null, c);
      results[i] = { dedupKey: null, outcome: 'change', alertId: null, incidentId: null };
      continue;
    }
    const p = prepared[i]!;
    const r = await applyOne(state, ctx, p, now);
    logEvent(ch, item, p.event.action, p.dedupKey, r.outcome, r.alertId, p.event);
    results[i] = r;
  }
  await ch.flush(tx);
  return results;
}

function logEvent(ch: Changes, item: IngestItem, action: string, dedupKey: string | null, outcome: EventOutcome, alertId: string | null, payload: unknown): void {
  const row: NewRow<'events'> = {
    id: newId(),
    integration_id: item.integration.id,
    service_id: item.service.row.id,
    received_at: item.receivedAt,
    action,
    dedup_key: dedupKey,
    outcome,
    alert_id: alertId,
    payload: JSON.stringify(payload),
  };
  ch.eventRows.push(row);
}

/**
 * A trigger for an alert that was suppressed when it arrived: suppression lasts only as long as
 * its reason. If no maintenance window covers this event now and no rule suppresses it, the alert
 * leaves suppression and pages (the window ended, or the problem changed so the rule no longer
 * applies). `maintenance_window_id` stays as a record of the window that held it.
 */
async function releaseSuppressed(state: IngestState, ctx: ApplyContext, p: Prepared, alert: AlertRow, now: number): Promise<void> {
  const { rule, event } = p;
  if (rule.suppress) return;
  const service = alert.service_id === p.service.row.id ? p.service : await ctx.services.service(state.tx, alert.service_id);
  if (!service || service.settings.status === 'disabled') return;
  if (await ctx.hooks.maintenance(state.tx, alert.service_id, event, now)) return;
  const reason = alert.suppressed_by;
  state.ch.patchAlert(alert, { suppressed_by: null });
  const d = alertDetails(alert);
  const input = { event, dedupKey: alert.dedup_key, extracted: { ...d.extracted, ...rule.extracted }, annotations: { ...d.annotations, ...rule.annotations } };
  const actor = integrationActor(p.item.integration);
  await state.attach(alert, service, input, actor, alert.priority, {
    message: `Triggered by alert "${alert.summary}" from ${actor.name}, suppressed (${reason === 'maintenance' ? 'maintenance window' : 'event rule'}) until now`,
  });
}

async function applyOne(state: IngestState, ctx: ApplyContext, p: Prepared, now: number): Promise<IngestResult> {
  const { ch } = state;
  const { event, rule, service, dedupKey } = p;
  const integration = p.item.integration;
  const actor = integrationActor(integration);
  const result = (outcome: EventOutcome, alert: AlertRow | null = null): IngestResult => ({
    dedupKey: p.responseKey,
    outcome,
    alertId: alert?.id ?? null,
    incidentId: alert?.incident_id ?? null,
  });
  if (rule.drop) return result('dropped');

  const k = pairKey(integration.id, dedupKey);
  const existing = state.open.get(k);

  if (event.action === 'trigger') {
    // A disabled service takes no new work: its triggers are logged and change nothing.
    // Acknowledges and resolves still apply below, so disabling never strands open alerts.
    if (service.settings.status === 'disabled') return result('ignored');
    if (existing) {
      ch.patchAlert(existing, { last_seen_at: now }, 1);
      if (existing.suppressed_by !== null && existing.incident_id === null && existing.status === 'triggered') {
        await releaseSuppressed(state, ctx, p, existing, now);
      }
      return result('updated', existing);
    }
    const window = await ctx.hooks.maintenance(state.tx, service.row.id, event, now);
    const severity = rule.severity ?? event.severity;
    const urgency: Urgency = rule.urgency ?? urgencyFor(service.settings, severity);
    const details: AlertDetails = {
      custom_details: event.customDetails,
      images: event.images,
      links: event.links,
      annotations: rule.annotations ?? {},
      extracted: rule.extracted ?? {},
      timestamp: event.timestamp,
    };
    const alert: AlertRow = {
      id: newId(),
      integration_id: integration.id,
      service_id: service.row.id,
      incident_id: null,
      dedup_key: dedupKey,
      status: 'triggered',
      summary: event.summary,
      source: event.source,
      severity,
      urgency,
      priority: rule.priority ?? null,
      component: event.component,
      group_name: event.group,
      class: event.class,
      details: JSON.stringify(details),
      client: event.client,
      client_url: event.clientUrl,
      event_count: 1,
      event_at: event.timestamp ?? now,
      last_seen_at: now,
      acknowledged_at: null,
      resolved_at: null,
      resolve_reason: null,
      group_reason: null,
      held_until: null,
      transient: 0,
      suppressed_by: null,
      maintenance_window_id: null,
      rule_id: rule.matchedRuleId ?? null,
      created_at: now,
      updated_at: now,
    };
    ch.addAlert(alert);
    state.open.set(k, alert);
    if (window) {
      alert.suppressed_by = 'maintenance';
      alert.maintenance_window_id = window.windowId;
      return result('suppressed', alert);
    }
    if (rule.suppress) {
      alert.suppressed_by = 'rule';
      return result('suppressed', alert);
    }
    const pause = rule.pauseNotificationsSeconds ?? (service.settings.autoPause.enabled ? service.settings.autoPause.seconds : 0);
    if (pause > 0) {
      alert.held_until = now + pause * 1000;
      scheduleAlertRelease(ch, alert.id, alert.held_until);
      return result('paused', alert);
    }
    await state.attach(alert, service, { event, dedupKey, extracted: rule.extracted, annotations: rule.annotations }, actor, rule.priority ?? null);
    return result('created', alert);
  }

  if (!existing) return result('ignored');

  if (event.action === 'acknowledge') {
    if (existing.status === 'triggered') {
      ch.patchAlert(existing, { status: 'acknowledged', acknowledged_at: now, last_seen_at: now });
      if (existing.incident_id) {
        ch.timeline(timelineEntry(existing.incident_id, now, 'alert.acknowledged', actor, `Alert "${existing.summary}" acknowledged by ${actor.name}`, { alertId: existing.id }));
        const inc = await state.incident(existing.incident_id);
        const incService = inc ? await ctx.services.service(state.tx, inc.service_id) : null;
        if (inc && incService) acknowledge(ch, inc, actor, incService.settings);
      }
    } else {
      ch.patchAlert(existing, { last_seen_at: now });
    }
    return result('acknowledged', existing);
  }

  // resolve
  state.open.delete(k);
  const heldOnly = existing.held_until !== null && existing.incident_id === null && existing.suppressed_by === null;
  ch.patchAlert(existing, { status: 'resolved', resolved_at: now, resolve_reason: 'source', last_seen_at: now, transient: heldOnly ? 1 : existing.transient });
  if (heldOnly) ch.cancelKey(alertReleaseKey(existing.id));
  await state.alertResolved(existing, actor);
  return result('resolved', existing);
}
