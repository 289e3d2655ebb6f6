import type { Executor } from '../../platform/db/transaction.js';
import type { Row } from '../../platform/db/tables.js';
import { NotFound } from '../../platform/http/errors.js';

export async function findService(ex: Executor, id: string): Promise<Row<'services'> | undefined> {
  return ex.selectFrom('services').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getService(ex: Executor, id: string): Promise<Row<'services'>> {
  const row = await findService(ex, id);
  if (!row) throw new NotFound('service', id);
  return row;
}

export async function listServices(ex: Executor, opts: { limit: number; after?: string; team_id?: string }): Promise<Row<'services'>[]> {
  let q = ex.selectFrom('services').selectAll().orderBy('id').limit(opts.limit + 1);
  if (opts.after) q = q.where('id', '>', opts.after);
  if (opts.team_id) q = q.where('team_id', '=', opts.team_id);
  return q.execute();
}
