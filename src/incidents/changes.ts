// Changes: the writes of one command, job or ingest batch, collected in memory and written in
// as few statements as possible when `flush` runs inside the transaction. The pipeline applies
// hundreds of events through one of these; a command applies one transition.

import { sql } from 'kysely';
import { dialectOf, type Tx } from '../platform/db/transaction.js';
import type { NewRow, Row } from '../platform/db/tables.js';
import { announce, cancel, DEFAULT_MAX_ATTEMPTS, enqueue, type EnqueueOptions } from '../platform/jobs/index.js';
import { newId } from '../platform/ids.js';
import { reserveNumbers } from './counters.js';
import { publishIncidents, type IncidentEventType, type IncidentSignal } from './live.js';
import { addTimeline, insertChunked, type TimelineRow } from './timeline.js';

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
    // Existing alerts first: a resolve frees its dedup key for an alert inserted below.
    // Patches that set the same values are written in one statement (a batch's dedup updates,
    // its resolves): one round trip instead of one per alert.
    for (const [p, ids] of groupPatches(this.alertPatches)) {
      const delta = p.delta;
      for (let i = 0; i < ids.length; i += 500) {
        await tx
          .updateTable('alerts')
          .set((eb) => ({ ...p.set, updated_at: this.now, ...(delta ? { event_count: eb('event_count', '+', delta) } : {}) }))
          .where('id', 'in', ids.slice(i, i + 500))
          .execute();
      }
    }
    await insertChunked(tx, 'incidents', [...this.newIncidents.values()], 24);
    await insertChunked(tx, 'alerts', [...this.newAlerts.values()], 33);
    for (const [p, ids] of groupPatches(this.incidentPatches)) {
      const delta = p.delta;
      for (let i = 0; i < ids.length; i += 500) {
        await tx
          .updateTable('incidents')
          .set((eb) => ({ ...p.set, updated_at: this.now, ...(delta ? { alert_count: eb('alert_count', '+', delta) } : {}) }))
          .where('id', 'in', ids.slice(i, i + 500))
          .execute();
      }
    }
    for (const op of this.sqlOps) await op(tx);
    await addTimeline(tx, this.timelineRows);
    await insertChunked(tx, 'events', this.eventRows, 9);
    if (this.changeRows.length) await tx.insertInto('change_events').values(this.changeRows).execute();
    await this.flushJobs(tx);
    await publishIncidents(tx, this.signals);
  }

  private async flushJobs(tx: Tx): Promise<void> {
    // Consecutive cancels fold into one statement per 50 prefixes; consecutive plain enqueues
    // (no replace) into one multi-row insert.
    let cancels: string[] = [];
    let keys: string[] = [];
    let inserts: Array<Extract<JobOp, { op: 'enqueue' }>> = [];
    const flushCancels = async () => {
      if (cancels.length === 1 && dialectOf(tx) === 'postgres') await cancel(tx, cancels[0]!);
      else if (cancels.length > 0) await cancelMany(tx, cancels);
      if (keys.length > 0) await tx.deleteFrom('jobs').where('key', 'in', keys).where('state', '=', 'queued').execute();
      cancels = [];
      keys = [];
    };
    const flushInserts = async () => {
      if (inserts.length === 1) await enqueue(tx, this.now, inserts[0]!.kind, inserts[0]!.payload, inserts[0]!.opts);
      else if (inserts.length > 1) await enqueueMany(tx, this.now, inserts);
      inserts = [];
    };
    for (const op of this.jobOps) {
      if (op.op === 'cancel' || op.op === 'cancelKey') {
        await flushInserts();
        if (op.op === 'cancel') cancels.push(op.prefix);
        else keys.push(op.key);
        if (cancels.length >= 50 || keys.length >= 500) await flushCancels();
      } else if (!op.opts.replace) {
        await flushCancels();
        inserts.push(op);
        if (inserts.length >= 500) await flushInserts();
      } else {
        await flushCancels();
        await flushInserts();
        await enqueue(tx, this.now, op.kind, op.payload, op.opts);
      }
    }
    await flushCancels();
    await flushInserts();
  }
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

/**
 * The platform's `enqueue` (without replace) for many jobs in one statement: same row shape,
 * duplicates by key ignored, one wake-up for all.
 */
async function enqueueMany(tx: Tx, now: number, ops: Array<{ kind: string; payload: unknown; opts: EnqueueOptions }>): Promise<void> {
  const rows = ops.map((op) => ({
    id: newId(),
    kind: op.kind,
    key: op.opts.key ?? null,
    payload: JSON.stringify(op.payload ?? null),
    state: 'queued' as const,
    run_at: op.opts.runAt ?? now,
    attempts: 0,
    max_attempts: op.opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    locked_by: null,
    locked_until: null,
    last_error: null,
    created_at: now,
    updated_at: now,
  }));
  const inserted = await tx
    .insertInto('jobs')
    .values(rows)
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('run_at')
    .execute();
  if (inserted.length) await announce(tx, Math.min(...inserted.map((r) => r.run_at)));
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The platform's `cancel` for several prefixes in one statement. On SQLite, GLOB (case-sensitive)
 * lets the unique index on jobs.key serve a prefix; LIKE with ESCAPE scans the table. Our
 * prefixes hold no GLOB metacharacters (ids are UUIDs).
 */
async function cancelMany(tx: Tx, prefixes: string[]): Promise<void> {
  const sqlite = dialectOf(tx) === 'sqlite' && prefixes.every((p) => !/[*?[\]]/.test(p));
  await tx
    .deleteFrom('jobs')
    .where('state', '=', 'queued')
    .where((eb) =>
      eb.or(prefixes.map((p) => (sqlite ? sql<boolean>`${sql.ref('key')} glob ${`${p}*`}` : eb('key', 'like', sql<string>`${escapeLike(p) + '%'} escape '\\'`)))),
    )
    .execute();
}
