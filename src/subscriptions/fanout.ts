import { sql } from 'kysely';
import type { IncidentSignal } from '../incidents/live.js';
import type { Tx } from '../platform/db/transaction.js';
import type { NewRow } from '../platform/db/tables.js';
import { newId } from '../platform/ids.js';
import { announce, enqueueStatement, type EnqueueOp } from '../platform/jobs/index.js';
import { isSubscribable } from './events.js';
import { DELIVER_JOB, deliverKey, type DeliverPayload } from './keys.js';
import { filterOf, matching } from './match.js';
import { buildPayload, type IncidentFacts } from './payload.js';
import { RETRY_WINDOW_MS } from './retry.js';

// From incident changes to deliveries, in two steps so the hot path pays almost nothing:
// 1. `fanoutPayload`, inside the transaction of every command, job and ingest batch (through
//    Changes.flush): one query for the event types enabled subscriptions want (an ingest batch
//    reads it with its other reads), and, only if a signal matches one, ONE job carrying the
//    batch's signals.
// 2. The fanout job reads the incidents, matches subscriptions, writes one delivery per
//    (event, subscription) with its exact body, and enqueues one deliver job per delivery.

export interface FanoutPayload {
  /** When the changes were committed: the events' `occurred_at`. */
  at: number;
  signals: Array<{ id: string; type: string }>;
}

/** The event types the enabled subscriptions want, one JSON list per subscription (see `wantedTypes`). */
export function subscriptionTypesQuery(tx: Tx) {
  return tx.selectFrom('webhook_subscriptions').select('event_types').where('enabled', '=', sql.lit(1));
}

/**
 * Called by Changes.flush with the transaction's signals: the payload of the ONE fanout job the
 * transaction needs, or null when no enabled subscription wants any of them. `known` is the
 * result of `subscriptionTypesQuery` when the caller read it with its other reads; otherwise it
 * is read here, and only if a signal is of a subscribable type at all.
 */
export async function fanoutPayload(tx: Tx, now: number, signals: readonly IncidentSignal[], known?: ReadonlyArray<{ event_types: string }>): Promise<FanoutPayload | null> {
  if (!signals.some((s) => isSubscribable(s.type))) return null;
  const rows = known ?? (await subscriptionTypesQuery(tx).execute());
  if (rows.length === 0) return null;
  const wanted = new Set(rows.flatMap((r) => JSON.parse(r.event_types) as string[]));
  const picked = signals.filter((s) => wanted.has(s.type)).map((s) => ({ id: s.id, type: s.type }));
  if (picked.length === 0) return null;
  return { at: now, signals: picked };
}

type IncidentRow = IncidentFacts & { service_team_id: string | null };

async function incidentsById(tx: Tx, ids: readonly string[]): Promise<Map<string, IncidentRow>> {
  const out = new Map<string, IncidentRow>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await tx
      .selectFrom('incidents')
      .leftJoin('services', 'services.id', 'incidents.service_id')
      .select([
        'incidents.id',
        'incidents.number',
        'incidents.title',
        'incidents.status',
        'incidents.urgency',
        'incidents.priority',
        'incidents.service_id',
        'incidents.team_id',
        'incidents.assignees',
        'incidents.acknowledgers',
        'incidents.alert_count',
        'incidents.created_at',
        'incidents.acknowledged_at',
        'incidents.resolved_at',
        'incidents.resolve_reason',
        'services.name as service_name',
        'services.team_id as service_team_id',
      ])
      .where('incidents.id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, r);
  }
  return out;
}

/**
 * The fanout job's work, in its completing transaction. The incident is read now, a moment
 * after the change: a burst of changes can show a later state than the event's own (the
 * event_type and occurred_at say what happened, the incident what it looks like).
 */
export async function fanOut(tx: Tx, payload: FanoutPayload, now: number, publicUrl: string): Promise<number> {
  const subs = await tx.selectFrom('webhook_subscriptions').select(['id', 'event_types', 'service_ids', 'team_ids']).where('enabled', '=', sql.lit(1)).orderBy('id').execute();
  if (subs.length === 0) return 0;
  const filters = subs.map(filterOf);
  const signals = payload.signals.filter((s) => isSubscribable(s.type));
  const incidents = await incidentsById(tx, [...new Set(signals.map((s) => s.id))]);
  const rows: NewRow<'webhook_deliveries'>[] = [];
  for (const s of signals) {
    const inc = incidents.get(s.id);
    if (!inc) continue;
    for (const f of matching(filters, s.type, { serviceId: inc.service_id, teamId: inc.team_id ?? inc.service_team_id })) {
      const id = newId();
      const body = buildPayload({ eventType: s.type, occurredAt: payload.at, deliveryId: id, subscriptionId: f.id, incident: inc, publicUrl });
      rows.push({
        id,
        subscription_id: f.id,
        event_type: s.type,
        incident_id: inc.id,
        payload: JSON.stringify(body),
        status: 'queued',
        attempts: 0,
        last_status_code: null,
        last_response: null,
        next_attempt_at: now,
        retry_until: now + RETRY_WINDOW_MS,
        created_at: now,
        updated_at: now,
        delivered_at: null,
      });
    }
  }
  // 14 columns a row: 500 rows stay well under SQLite's bound-parameter limit.
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await tx.insertInto('webhook_deliveries').values(chunk).execute();
    const ops: EnqueueOp[] = chunk.map((r) => ({ kind: DELIVER_JOB, payload: { delivery_id: r.id, attempt: 1 } satisfies DeliverPayload, opts: { key: deliverKey(r.id, 1) } }));
    const enq = enqueueStatement(tx, now, ops);
    await tx.executeQuery(enq.statement.compile());
    await announce(tx, enq.runAt, enq.kinds);
  }
  return rows.length;
}
