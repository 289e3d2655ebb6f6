import type { Executor } from '../platform/db/transaction.js';
import type { Row } from '../platform/db/tables.js';
import { NotFound } from '../platform/http/errors.js';

export type IncidentWithService = Row<'incidents'> & { service_name: string | null };

export interface IncidentFilter {
  status?: string[];
  service_id?: string;
  team_id?: string;
  urgency?: string;
  since?: number;
  until?: number;
  limit: number;
  /** id of the last incident of the previous page (newest first). */
  before?: string;
}

function withService(ex: Executor) {
  return ex.selectFrom('incidents').leftJoin('services', 'services.id', 'incidents.service_id').selectAll('incidents').select('services.name as service_name');
}

export async function listIncidents(ex: Executor, f: IncidentFilter): Promise<IncidentWithService[]> {
  let q = withService(ex).orderBy('incidents.id', 'desc').limit(f.limit + 1);
  if (f.status?.length) q = q.where('incidents.status', 'in', f.status);
  if (f.service_id) q = q.where('incidents.service_id', '=', f.service_id);
  if (f.team_id) q = q.where('incidents.team_id', '=', f.team_id);
  if (f.urgency) q = q.where('incidents.urgency', '=', f.urgency);
  if (f.since !== undefined) q = q.where('incidents.created_at', '>=', f.since);
  if (f.until !== undefined) q = q.where('incidents.created_at', '<', f.until);
  if (f.before) q = q.where('incidents.id', '<', f.before);
  return q.execute();
}

export async function findIncident(ex: Executor, id: string): Promise<IncidentWithService | undefined> {
  return withService(ex).where('incidents.id', '=', id).executeTakeFirst();
}

export async function getIncident(ex: Executor, id: string): Promise<IncidentWithService> {
  const row = await findIncident(ex, id);
  if (!row) throw new NotFound('incident', id);
  return row;
}

export async function incidentAlerts(ex: Executor, incidentId: string): Promise<Row<'alerts'>[]> {
  return ex.selectFrom('alerts').selectAll().where('incident_id', '=', incidentId).orderBy('created_at').orderBy('id').execute();
}

export async function incidentTimeline(ex: Executor, incidentId: string, opts: { limit: number; after?: string }): Promise<Row<'incident_timeline'>[]> {
  let q = ex.selectFrom('incident_timeline').selectAll().where('incident_id', '=', incidentId).orderBy('id').limit(opts.limit + 1);
  if (opts.after) q = q.where('id', '>', opts.after);
  return q.execute();
}

export const RECENT_CHANGES_WINDOW_MS = 3_600_000;
export const RECENT_CHANGES_LIMIT = 10;

/** Change events of the service in the hour before the incident opened, newest first. */
export async function recentChanges(ex: Executor, serviceId: string, before: number): Promise<Row<'change_events'>[]> {
  return ex
    .selectFrom('change_events')
    .selectAll()
    .where('service_id', '=', serviceId)
    .where('at', '>=', before - RECENT_CHANGES_WINDOW_MS)
    .where('at', '<=', before)
    .orderBy('at', 'desc')
    .limit(RECENT_CHANGES_LIMIT)
    .execute();
}

export async function getAlert(ex: Executor, id: string): Promise<Row<'alerts'>> {
  const row = await ex.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound('alert', id);
  return row;
}

export async function alertEvents(ex: Executor, alertId: string, limit = 50): Promise<Row<'events'>[]> {
  return ex.selectFrom('events').selectAll().where('alert_id', '=', alertId).orderBy('id', 'desc').limit(limit).execute();
}

export async function listAlerts(
  ex: Executor,
  f: { limit: number; before?: string; service_id?: string; integration_id?: string; dedup_key?: string; status?: string[] },
): Promise<Row<'alerts'>[]> {
  let q = ex.selectFrom('alerts').selectAll().orderBy('id', 'desc').limit(f.limit + 1);
  if (f.before) q = q.where('id', '<', f.before);
  if (f.service_id) q = q.where('service_id', '=', f.service_id);
  if (f.integration_id) q = q.where('integration_id', '=', f.integration_id);
  if (f.dedup_key) q = q.where('dedup_key', '=', f.dedup_key);
  if (f.status?.length) q = q.where('status', 'in', f.status);
  return q.execute();
}
