import { Type } from 'typebox';
import { iso } from '../platform/http/pagination.js';
import type { NotificationRow } from './records.js';
import { itemsOf } from './records.js';

export const NotificationOut = Type.Object(
  {
    id: Type.String(),
    incident_id: Type.Union([Type.String(), Type.Null()]),
    bundle_id: Type.Union([Type.String(), Type.Null()], { description: 'for a held page that went out inside a bundle: that bundle' }),
    user_id: Type.Union([Type.String(), Type.Null()]),
    user_name: Type.Union([Type.String(), Type.Null()]),
    contact_method_id: Type.Union([Type.String(), Type.Null()]),
    contact_type: Type.String(),
    contact_label: Type.String(),
    kind: Type.String({ description: 'incident | bundle | test | verification' }),
    status: Type.String({ description: 'queued | held | bundled | sent | delivered | failed | cancelled' }),
    incident_ids: Type.Array(Type.String(), { description: 'every incident the message is about (several for a bundle)' }),
    attempts: Type.Integer(),
    provider_id: Type.Union([Type.String(), Type.Null()]),
    provider_response: Type.Union([Type.String(), Type.Null()]),
    escalation_round: Type.Union([Type.Integer(), Type.Null()]),
    loop: Type.Union([Type.Integer(), Type.Null()]),
    level: Type.Union([Type.Integer(), Type.Null()], { description: '0: the incident’s assignees; null: an admin paged as a last resort' }),
    created_at: Type.String(),
    updated_at: Type.String(),
    sent_at: Type.Union([Type.String(), Type.Null()]),
    delivered_at: Type.Union([Type.String(), Type.Null()]),
    failed_at: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'Notification' },
);

const isoOrNull = (v: number | null) => (v === null ? null : iso(Number(v)));


export function serializeNotification(row: NotificationRow, userName: string | null) {
  return {
    id: row.id,
    incident_id: row.incident_id,
    bundle_id: row.bundle_id,
    user_id: row.user_id,
    user_name: userName,
    contact_method_id: row.contact_method_id,
    contact_type: row.contact_type,
    contact_label: row.contact_label,
    kind: row.kind,
    status: row.status,
    incident_ids: [...new Set(itemsOf(row).map((i) => i.incident_id))],
    attempts: Number(row.attempts),
    provider_id: row.provider_id,
    provider_response: row.provider_response,
    escalation_round: row.escalation_round === null ? null : Number(row.escalation_round),
    loop: row.loop === null ? null : Number(row.loop),
    level: row.level === null ? null : Number(row.level),
    created_at: new Date(Number(row.created_at)).toISOString(),
    updated_at: new Date(Number(row.updated_at)).toISOString(),
    sent_at: isoOrNull(row.sent_at),
    delivered_at: isoOrNull(row.delivered_at),
    failed_at: isoOrNull(row.failed_at),
  };
}

export const LimitOut = Type.Object({
  contact_type: Type.String(),
  max: Type.Union([Type.Integer(), Type.Null()], { description: 'null: unthrottled' }),
  window_seconds: Type.Union([Type.Integer(), Type.Null()]),
});
