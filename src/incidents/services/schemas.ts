import { Type, type Static } from 'typebox';
import { iso } from '../../platform/http/pagination.js';
import type { Row } from '../../platform/db/tables.js';
import { serviceSettings } from '../settings.js';

const UrgencyValue = Type.Union([Type.Literal('high'), Type.Literal('low')]);
export const UrgencyMode = Type.Union([Type.Literal('high'), Type.Literal('low'), Type.Literal('severity')], {
  description: 'high, low, or severity (each alert\'s severity mapped by severity_urgency)',
});
export const SeverityUrgency = Type.Object(
  { critical: Type.Optional(UrgencyValue), error: Type.Optional(UrgencyValue), warning: Type.Optional(UrgencyValue), info: Type.Optional(UrgencyValue) },
  { additionalProperties: false, description: 'Urgency per severity when urgency is "severity" (default: critical/error high, warning/info low)' },
);
export const AlertGrouping = Type.Object(
  {
    type: Type.Union([Type.Literal('none'), Type.Literal('time'), Type.Literal('content')]),
    window_minutes: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 10080 }), Type.Null()])),
    fields: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 20 })),
    match: Type.Optional(Type.Union([Type.Literal('all'), Type.Literal('any')])),
  },
  { additionalProperties: false },
);
export const AutoPause = Type.Object(
  { enabled: Type.Boolean(), seconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 86_400 })) },
  { additionalProperties: false },
);
const Seconds = Type.Union([Type.Integer({ minimum: 1, maximum: 30 * 86_400 }), Type.Null()]);
const ServiceStatus = Type.Union([Type.Literal('active'), Type.Literal('disabled')]);

export const Service = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    description: Type.String(),
    team_id: Type.Union([Type.String(), Type.Null()]),
    escalation_policy_id: Type.Union([Type.String(), Type.Null()]),
    urgency: UrgencyMode,
    severity_urgency: Type.Object({ critical: UrgencyValue, error: UrgencyValue, warning: UrgencyValue, info: UrgencyValue }),
    auto_resolve_timeout: Type.Union([Type.Integer(), Type.Null()]),
    acknowledgement_timeout: Type.Union([Type.Integer(), Type.Null()]),
    alert_grouping: Type.Object({
      type: Type.String(),
      window_minutes: Type.Union([Type.Integer(), Type.Null()]),
      fields: Type.Array(Type.String()),
      match: Type.String(),
    }),
    auto_pause: Type.Object({ enabled: Type.Boolean(), seconds: Type.Integer() }),
    resolve_incident_with_alerts: Type.Boolean(),
    status: ServiceStatus,
    created_at: Type.String({ format: 'date-time' }),
    updated_at: Type.String({ format: 'date-time' }),
  },
  { $id: 'Service' },
);

const settingsFields = {
  description: Type.Optional(Type.String({ maxLength: 5000 })),
  team_id: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
  escalation_policy_id: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
  urgency: Type.Optional(UrgencyMode),
  severity_urgency: Type.Optional(SeverityUrgency),
  auto_resolve_timeout: Type.Optional(Seconds),
  acknowledgement_timeout: Type.Optional(Seconds),
  alert_grouping: Type.Optional(AlertGrouping),
  auto_pause: Type.Optional(AutoPause),
  resolve_incident_with_alerts: Type.Optional(Type.Boolean()),
  status: Type.Optional(ServiceStatus),
};

export const CreateServiceBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }), ...settingsFields }, { additionalProperties: false });
export type CreateServiceBody = Static<typeof CreateServiceBody>;
export const UpdateServiceBody = Type.Object({ name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), ...settingsFields }, { additionalProperties: false });
export type UpdateServiceBody = Static<typeof UpdateServiceBody>;

export function serializeService(row: Row<'services'>): Static<typeof Service> {
  const s = serviceSettings(row);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    team_id: row.team_id,
    escalation_policy_id: row.escalation_policy_id,
    urgency: s.urgency,
    severity_urgency: s.severityUrgency,
    auto_resolve_timeout: row.auto_resolve_timeout,
    acknowledgement_timeout: row.acknowledgement_timeout,
    alert_grouping: s.grouping,
    auto_pause: s.autoPause,
    resolve_incident_with_alerts: s.resolveIncidentWithAlerts,
    status: s.status,
    created_at: iso(row.created_at)!,
    updated_at: iso(row.updated_at)!,
  };
}
