import type { Executor } from '../../platform/db/transaction.js';
import type { Row } from '../../platform/db/tables.js';
import { NotFound } from '../../platform/http/errors.js';
import type { WindowState } from './active.js';

export type WindowRow = Row<'maintenance_windows'>;
export interface WindowWithServices extends WindowRow {
  service_ids: string[];
}

export async function findWindow(ex: Executor, id: string): Promise<WindowRow | undefined> {
  return ex.selectFrom('maintenance_windows').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getWindow(ex: Executor, id: string): Promise<WindowRow> {
  const w = await findWindow(ex, id);
  if (!w) throw new NotFound('maintenance window', id);
  return w;
}

/** The service ids of each window, in id order. */
export async function servicesOf(ex: Executor, windowIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(windowIds.map((id) => [id, []]));
  if (windowIds.length === 0) return out;
  const rows = await ex
    .selectFrom('maintenance_window_services')
    .select(['window_id', 'service_id'])
    .where('window_id', 'in', windowIds)
    .orderBy('service_id')
    .execute();
  for (const r of rows) out.get(r.window_id)?.push(r.service_id);
  return out;
}

export async function withServices(ex: Executor, rows: WindowRow[]): Promise<WindowWithServices[]> {
  const services = await servicesOf(ex, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, service_ids: services.get(r.id) ?? [] }));
}

export async function getWindowWithServices(ex: Executor, id: string): Promise<WindowWithServices> {
  const [w] = await withServices(ex, [await getWindow(ex, id)]);
  return w!;
}

export interface ListWindowsOptions {
  limit: number;
  after?: string;
  state?: WindowState;
  serviceId?: string;
  now: number;
}

export async function listWindows(ex: Executor, opts: ListWindowsOptions): Promise<WindowWithServices[]> {
  let q = ex.selectFrom('maintenance_windows').selectAll().orderBy('id').limit(opts.limit + 1);
  if (opts.after) q = q.where('id', '>', opts.after);
  if (opts.state === 'future') q = q.where('start_at', '>', opts.now);
  if (opts.state === 'active') q = q.where('start_at', '<=', opts.now).where('end_at', '>', opts.now);
  if (opts.state === 'past') q = q.where('end_at', '<=', opts.now);
  if (opts.serviceId !== undefined) {
    const serviceId = opts.serviceId;
    q = q.where('id', 'in', (eb) => eb.selectFrom('maintenance_window_services').select('window_id').where('service_id', '=', serviceId));
  }
  return withServices(ex, await q.execute());
}

/** Windows covering any of these services at `now`, by service: one query for an ingest batch. */
export async function windowsActiveForServices(ex: Executor, serviceIds: readonly string[], now: number): Promise<Map<string, WindowWithServices[]>> {
  if (serviceIds.length === 0) return new Map();
  return windowsByService(await windowsActiveQuery(ex, serviceIds, now).execute(), serviceIds);
}

/** The select behind `windowsActiveForServices` (serviceIds must not be empty), for callers that batch their reads. */
export function windowsActiveQuery(ex: Executor, serviceIds: readonly string[], now: number) {
  return ex
    .selectFrom('maintenance_windows as w')
    .innerJoin('maintenance_window_services as s', 's.window_id', 'w.id')
    .selectAll('w')
    .select('s.service_id as for_service_id')
    .where('s.service_id', 'in', [...serviceIds])
    .where('w.start_at', '<=', now)
    .where('w.end_at', '>', now);
}

/** The rows of `windowsActiveQuery`, by service (every service asked for has an entry). */
export function windowsByService(rows: ReadonlyArray<Row<'maintenance_windows'> & { for_service_id: string }>, serviceIds: readonly string[]): Map<string, WindowWithServices[]> {
  const out = new Map<string, WindowWithServices[]>(serviceIds.map((id) => [id, []]));
  for (const { for_service_id, ...w } of rows) out.get(for_service_id)?.push({ ...w, service_ids: [for_service_id] });
  return out;
}
