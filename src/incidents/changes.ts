// Changes: the writes of one command, job or ingest batch, collected in memory and written in
// as few statements as possible when `flush` runs inside the transaction. The pipeline applies
// hundreds of events through one of these; a command applies one transition.

import type { Compilable } from 'kysely';
import { insertRows } from '../platform/db/insert-rows.js';
import { executeAll, type Tx } from '../platform/db/transaction.js';
import type { NewRow, Row } from '../platform/db/tables.js';
import { announce, cancelStatements, enqueueStatement, type EnqueueOptions } from '../platform/jobs/index.js';
import { reserveNumbers } from './counters.js';
import { publishIncidents, type IncidentEventType, type IncidentSignal } from './live.js';
import type { TimelineRow } from './timeline.js';
import { fanoutPayload } from '../subscriptions/fanout.js';
import { FANOUT_JOB } from '../subscriptions/keys.js';

export type IncidentRow = Row<'incidents'>;
export type AlertRow = Row<'alerts'>;

type JobOp = { op: 'enqueue'; kind: string; payload: unknown; opts: EnqueueOptions } | { op: 'cancel'; prefix: string } | { op: 'cancelKey'; key: string };

interface Patch<T> {
  set: Partial<T>;
  delta: number;
}

/** Placeholder for an incident number not yet reserved; replaced in texts at flush. */
export const numberLabel = (inc: IncidentRow): string => (inc.number > 0 ? `#${inc.number}` : `#{inc:${inc.id}}`);
const PLACEHOLDER = /#\{inc:([0-9a-f-]+)\}/g;

export class Changes {
  readonly newIncidents = new Map<string, IncidentRow>();
  private readonly incidentPatches = new Map<string, Patch<IncidentRow>>();
  readonly newAlerts = new Map<string, AlertRow>();
  private readonly alertPatches = new Map<string, Patch<AlertRow>>();
  private readonly timelineRows: TimelineRow[] = [];
  readonly eventRows: NewRow<'events'>[] = [];
  readonly changeRows: NewRow<'change_events'>[] = [];
  private readonly jobOps: JobOp[] = [];
  private readonly signals: IncidentSignal[] = [];
  private readonly sqlOps: Array<(tx: Tx) => Promise<void>> = [];
  /** The enabled subscriptions' event types, when the caller read them with its other reads (an ingest batch). */
  subscriptionTypes: ReadonlyArray<{ event_types: string }> | undefined;

  constructor(readonly now: number) {}

  addIncident(inc: IncidentRow): void {
    this.newIncidents.set(inc.id, inc);
  }

  patchIncident(inc: IncidentRow, set: Partial<IncidentRow>): void {
    Object.assign(inc, set);
    if (this.newIncidents.has(inc.id)) return;
    const p = this.incidentPatches.get(inc.id) ?? { set: {}, delta: 0 };
    Object.assign(p.set, set);
    this.incidentPatches.set(inc.id, p);
  }

  /** Relative change of alert_count, so concurrent writers on PostgreSQL never lose a count. */
  bumpAlertCount(inc: IncidentRow, delta: number): void {
    inc.alert_count += delta;
    if (this.newIncidents.has(inc.id)) return;
    const p = this.incidentPatches.get(inc.id) ?? { set: {}, delta: 0 };
    p.delta += delta;
    this.incidentPatches.set(inc.id, p);
  }

  addAlert(alert: AlertRow): void {
    this.newAlerts.set(alert.id, alert);
  }

  patchAlert(alert: AlertRow, set: Partial<AlertRow>, eventCountDelta = 0): void {
    Object.assign(alert, set);
    alert.event_count += eventCountDelta;
    if (this.newAlerts.has(alert.id)) return;
    const p = this.alertPatches.get(alert.id) ?? { set: {}, delta: 0 };
    Object.assign(p.set, set);
    p.delta += eventCountDelta;
    this.alertPatches.set(alert.id, p);
  }

  timeline(row: TimelineRow): void {
    this.timelineRows.push(row);
  }

  enqueue(kind: string, payload: unknown, opts: EnqueueOptions): void {
    this.jobOps.push({ op: 'enqueue', kind, payload, opts });
  }

  /** Cancels queued jobs whose key starts with `prefix`. */
  cancel(prefix: string): void {
    this.jobOps.push({ op: 'cancel', prefix });
  }

  /** Cancels the queued job with exactly this key (an index lookup, unlike a prefix). */
  cancelKey(key: string): void {
    this.jobOps.push({ op: 'cancelKey', key });
  }

  signal(id: string, type: IncidentEventType): void {
    const last = this.signals[this.signals.length - 1];
    if (last && last.id === id && last.type === type) return;
    this.signals.push({ id, type });
  }

  /** A statement to run after the row writes (e.g. resolving every open alert of an incident). */
  sql(op: (tx: Tx) => Promise<void>): void {
    this.sqlOps.push(op);
  }

  async flush(tx: Tx): Promise<void> {
    if (this.newIncidents.size > 0) {
      let next = await reserveNumbers(tx, 'incident', this.newIncidents.size);
      for (const inc of this.newIncidents.values()) inc.number = next++;
      const numbers = new Map([...this.newIncidents.values()].map((i) => [i.id, i.number]));
      const fill = (s: string) => s.replace(PLACEHOLDER, (m, id: string) => (numbers.has(id) ? `#${numbers.get(id)}` : m));
      for (const row of this.timelineRows) row.message = fill(row.message);
      for (const a of this.newAlerts.values()) if (a.group_reason) a.group_reason = fill(a.group_reason);
      for (const p of this.alertPatches.values()) if (p.set.group_reason) p.set.group_reason = fill(p.set.group_reason);
    }
    // Outbound event subscriptions: at most one job for the whole batch, written with the others.
    const fanout = await fanoutPayload(tx, this.now, this.signals, this.subscriptionTypes);
    if (fanout) this.enqueue(FANOUT_JOB, fanout, {});
    // Two rounds of statements that do not depend on one another (one round trip each on
    // PostgreSQL, see executeAll), then the rare statements added with `sql`:
    // 1. updates of existing alerts and incidents, new incidents, timeline, event log, job
    //    cancels;
    // 2. new alerts (after the updates: a resolve frees its dedup key for an alert inserted
    //    here) and new jobs (after the cancels, which must not take them). The wake-ups and live
    //    notifications are collected before it, so that on PostgreSQL their NOTIFYs travel with it.
    // Patches that set the same values are one statement (a batch's dedup updates, its resolves).
    const first: Compilable[] = [];
    for (const [p, ids] of groupPatches(this.alertPatches)) {
      const delta = p.delta;
      for (let i = 0; i < ids.length; i += 500) {
        first.push(
          tx
            .updateTable('alerts')
            .set((eb) => ({ ...p.set, updated_at: this.now, ...(delta ? { event_count: eb('event_count', '+', delta) } : {}) }))
            .where('id', 'in', ids.slice(i, i + 500)),
        );
      }
    }
    for (const [p, ids] of groupPatches(this.incidentPatches)) {
      const delta = p.delta;
      for (let i = 0; i < ids.length; i += 500) {
        first.push(
          tx
            .updateTable('incidents')
            .set((eb) => ({ ...p.set, updated_at: this.now, ...(delta ? { alert_count: eb('alert_count', '+', delta) } : {}) }))
            .where('id', 'in', ids.slice(i, i + 500)),
        );
      }
    }
    first.push(...insertStatements(tx, 'incidents', [...this.newIncidents.values()], 24));
    first.push(...insertStatements(tx, 'incident_timeline', this.timelineRows, 10));
    first.push(...insertStatements(tx, 'events', this.eventRows, 9));
    if (this.changeRows.length) first.push(tx.insertInto('change_events').values(this.changeRows));
    const jobs = this.foldJobs(tx);
    first.push(...jobs.cancels);
    await executeAll(tx, first);
    for (const i of jobs.inserts) await announce(tx, i.runAt, i.kinds);
    await publishIncidents(tx, this.signals);
    await executeAll(tx, [...insertStatements(tx, 'alerts', [...this.newAlerts.values()], 33), ...jobs.inserts.map((i) => i.statement)]);
    for (const op of this.sqlOps) await op(tx);
  }

  /**
   * The job operations, folded into their net effect: the deletes, then the inserts. Their
   * order matters only through their effect on each other, which is worked out here in memory:
   * a cancel removes the enqueues before it that it covers (and then deletes the queued rows that
   * existed before this batch); a later enqueue of a key stands. So the deletes can all run first,
   * then the plain enqueues in one multi-row insert and the replacing ones in one upsert.
   */
  private foldJobs(tx: Tx): { cancels: Compilable[]; inserts: Array<ReturnType<typeof enqueueStatement>> } {
    type Enq = Extract<JobOp, { op: 'enqueue' }>;
    const pending = new Map<string, Enq>();
    const prefixes: string[] = [];
    const keys = new Set<string>();
    /** Keys whose replacing enqueue was then cancelled: that upsert turned any row into a queued one, which the cancel deleted. */
    const anyState = new Set<string>();
    let unkeyed = 0;
    const drop = (key: string, op: Enq) => {
      pending.delete(key);
      if (op.opts.replace) anyState.add(key);
    };
    for (const op of this.jobOps) {
      if (op.op === 'enqueue') {
        const key = op.opts.key;
        if (key === undefined) pending.set(`\u0000${unkeyed++}`, op);
        else if (op.opts.replace || !pending.has(key)) pending.set(key, op);
      } else if (op.op === 'cancelKey') {
        const p = pending.get(op.key);
        if (p) drop(op.key, p);
        keys.add(op.key);
      } else {
        for (const [key, p] of pending) if (p.opts.key !== undefined && key.startsWith(op.prefix)) drop(key, p);
        prefixes.push(op.prefix);
      }
    }
    const cancels: Compilable[] = [];
    if (anyState.size > 0) cancels.push(tx.deleteFrom('jobs').where('key', 'in', [...anyState]));
    const keyList = [...keys];
    for (let i = 0, k = 0; i < prefixes.length || k < keyList.length; i += 200, k += 1000) {
      cancels.push(...cancelStatements(tx, { prefixes: prefixes.slice(i, i + 200), keys: keyList.slice(k, k + 1000) }));
    }
    const plain: Enq[] = [];
    const replacing: Enq[] = [];
    for (const op of pending.values()) (op.opts.replace && op.opts.key !== undefined ? replacing : plain).push(op);
    const inserts: Array<ReturnType<typeof enqueueStatement>> = [];
    for (let i = 0; i < plain.length; i += 500) inserts.push(enqueueStatement(tx, this.now, plain.slice(i, i + 500)));
    for (let i = 0; i < replacing.length; i += 500) inserts.push(enqueueStatement(tx, this.now, replacing.slice(i, i + 500), { replace: true }));
    return { cancels, inserts };
  }
}

/** Multi-row inserts, chunked under SQLite's bound-variable limit, as statements to run. */
function insertStatements<T extends 'incident_timeline' | 'events' | 'alerts' | 'incidents'>(tx: Tx, table: T, rows: NewRow<T>[], columnsPerRow: number): Compilable[] {
  const perChunk = Math.max(1, Math.floor(30_000 / columnsPerRow));
  const out: Compilable[] = [];
  for (let i = 0; i < rows.length; i += perChunk) out.push(insertRows(tx, table, rows.slice(i, i + perChunk) as Array<Record<string, unknown>>));
  return out;
}

/** Patches with identical changes, grouped: [patch, ids]. */
function groupPatches<T>(patches: Map<string, Patch<T>>): Array<[Patch<T>, string[]]> {
  const groups = new Map<string, [Patch<T>, string[]]>();
  for (const [id, p] of patches) {
    const sig = `${p.delta}|${JSON.stringify(p.set)}`;
    const g = groups.get(sig);
    if (g) g[1].push(id);
    else groups.set(sig, [p, [id]]);
  }
  return [...groups.values()];
}
