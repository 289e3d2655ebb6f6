import { sql } from 'kysely';
import { newId } from '../platform/ids.js';
import type { Executor, Tx } from '../platform/db/transaction.js';
import type { Row } from '../platform/db/tables.js';
import type { IncidentSummary } from './channels/types.js';
import { incidentUrl } from './messages.js';
import type { ThrottleItem, ThrottleState } from './throttle.js';
import type { NotificationKind, NotificationStatus, NotificationsTable } from './tables.js';

// The delivery records (table notifications) and the throttle's memory (throttle_state).

export type NotificationRow = Row<'notifications'>;

export function itemsOf(row: Pick<NotificationRow, 'items'>): ThrottleItem[] {
  try {
    return JSON.parse(row.items) as ThrottleItem[];
  } catch {
    return [];
  }
}

export interface NewNotification {
  incident_id: string | null;
  user_id: string | null;
  contact_method: Pick<Row<'contact_methods'>, 'id' | 'type' | 'label' | 'address'>;
  kind: NotificationKind;
  status: NotificationStatus;
  round: number | null;
  loop: number | null;
  level: number | null;
  items: ThrottleItem[];
  idempotency_key: string;
  now: number;
}

export async function insertNotification(tx: Tx, n: NewNotification): Promise<NotificationRow> {
  const row: NotificationsTable = {
    id: newId(),
    incident_id: n.incident_id,
    bundle_id: null,
    user_id: n.user_id,
    contact_method_id: n.contact_method.id,
    contact_type: n.contact_method.type,
    contact_label: `${n.contact_method.label} (${n.contact_method.address})`.slice(0, 300),
    kind: n.kind,
    status: n.status,
    escalation_round: n.round,
    loop: n.loop,
    level: n.level,
    items: JSON.stringify(n.items),
    attempts: 0,
    idempotency_key: n.idempotency_key,
    provider_id: null,
    provider_response: null,
    failed_over: 0,
    created_at: n.now,
    updated_at: n.now,
    sent_at: null,
    delivered_at: null,
    failed_at: null,
  };
  await tx.insertInto('notifications').values(row).execute();
  return row;
}

export async function notificationByKey(ex: Executor, key: string): Promise<NotificationRow | undefined> {
  return ex.selectFrom('notifications').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
}

export async function notificationById(ex: Executor, id: string): Promise<NotificationRow | undefined> {
  return ex.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function heldNotifications(ex: Executor, contactMethodId: string): Promise<NotificationRow[]> {
  return ex.selectFrom('notifications').selectAll().where('contact_method_id', '=', contactMethodId).where('status', '=', sql.lit('held')).orderBy('created_at').orderBy('id').execute();
}

/** The throttle state of a method: its recent sends from throttle_state, its held items from the held records. */
export async function throttleState(ex: Executor, contactMethodId: string): Promise<{ state: ThrottleState; held: NotificationRow[] }> {
  const row = await ex.selectFrom('throttle_state').select('sent').where('contact_method_id', '=', contactMethodId).executeTakeFirst();
  let sent: number[] = [];
  try {
    sent = row ? (JSON.parse(row.sent) as number[]) : [];
  } catch {
    sent = [];
  }
  const held = await heldNotifications(ex, contactMethodId);
  return { state: { sent, held: held.flatMap(itemsOf) }, held };
}

export async function saveSends(tx: Tx, contactMethodId: string, sent: readonly number[], now: number): Promise<void> {
  const value = JSON.stringify(sent);
  await tx
    .insertInto('throttle_state')
    .values({ contact_method_id: contactMethodId, sent: value, updated_at: now })
    .onConflict((oc) => oc.column('contact_method_id').doUpdateSet({ sent: value, updated_at: now }))
    .execute();
}

/** What a page needs to know about each incident, read fresh (status and title may have moved on). */
export async function incidentSummaries(ex: Executor, ids: readonly string[], publicUrl: string): Promise<Map<string, IncidentSummary>> {
  const out = new Map<string, IncidentSummary>();
  if (ids.length === 0) return out;
  const rows = await ex
    .selectFrom('incidents as i')
    .leftJoin('services as s', 's.id', 'i.service_id')
    .select(['i.id', 'i.number', 'i.title', 'i.urgency', 'i.status', 'i.service_id', 's.name as service_name'])
    .where('i.id', 'in', [...new Set(ids)])
    .execute();
  for (const r of rows) {
    out.set(r.id, {
      id: r.id,
      number: Number(r.number),
      title: r.title,
      service: { id: r.service_id, name: r.service_name ?? '(deleted service)' },
      urgency: r.urgency as IncidentSummary['urgency'],
      status: r.status,
      url: incidentUrl(publicUrl, r.id),
    });
  }
  return out;
}
