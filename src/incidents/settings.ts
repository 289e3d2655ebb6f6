// A service's behaviour settings, as stored (JSON text columns) and as the pipeline uses them.

import type { Severity } from '../ingest/formats/types.js';
import type { Row } from '../platform/db/tables.js';

export type Urgency = 'high' | 'low';
export type UrgencyMode = Urgency | 'severity';
export type SeverityUrgency = Record<Severity, Urgency>;

export const DEFAULT_SEVERITY_URGENCY: Readonly<SeverityUrgency> = Object.freeze({
  critical: 'high',
  error: 'high',
  warning: 'low',
  info: 'low',
});

export type GroupingType = 'none' | 'time' | 'content';

export interface AlertGrouping {
  type: GroupingType;
  /** time: join an open incident created this recently; content: only incidents this recent (null: any open one). */
  window_minutes: number | null;
  /** content: the alert fields compared (see groupingValue). */
  fields: string[];
  /** content: every field equal, or any one of them. */
  match: 'all' | 'any';
}

export const DEFAULT_GROUPING: Readonly<AlertGrouping> = Object.freeze({ type: 'none', window_minutes: null, fields: [], match: 'all' });

export interface AutoPause {
  enabled: boolean;
  seconds: number;
}

export const DEFAULT_AUTO_PAUSE: Readonly<AutoPause> = Object.freeze({ enabled: false, seconds: 300 });

/** A service row with its JSON settings parsed once (kept in the integration cache). */
export interface ServiceSettings {
  id: string;
  name: string;
  teamId: string | null;
  status: 'active' | 'disabled';
  urgency: UrgencyMode;
  severityUrgency: SeverityUrgency;
  grouping: AlertGrouping;
  autoPause: AutoPause;
  autoResolveTimeout: number | null;
  acknowledgementTimeout: number | null;
  resolveIncidentWithAlerts: boolean;
}

function parseJson<T>(text: string, fallback: T): T {
  try {
    return { ...fallback, ...(JSON.parse(text) as object) };
  } catch {
    return fallback;
  }
}

export function serviceSettings(row: Row<'services'>): ServiceSettings {
  return {
    id: row.id,
    name: row.name,
    teamId: row.team_id,
    status: row.status === 'disabled' ? 'disabled' : 'active',
    urgency: row.urgency as UrgencyMode,
    severityUrgency: parseJson(row.severity_urgency, { ...DEFAULT_SEVERITY_URGENCY }),
    grouping: parseJson(row.alert_grouping, { ...DEFAULT_GROUPING }),
    autoPause: parseJson(row.auto_pause, { ...DEFAULT_AUTO_PAUSE }),
    autoResolveTimeout: row.auto_resolve_timeout,
    acknowledgementTimeout: row.acknowledgement_timeout,
    resolveIncidentWithAlerts: row.resolve_incident_with_alerts === 1,
  };
}

/** The urgency an alert of this severity gets on this service. */
export function urgencyFor(service: Pick<ServiceSettings, 'urgency' | 'severityUrgency'>, severity: Severity): Urgency {
  if (service.urgency === 'high' || service.urgency === 'low') return service.urgency;
  return service.severityUrgency[severity] ?? 'high';
}
