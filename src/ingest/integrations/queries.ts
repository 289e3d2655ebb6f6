import type { Executor } from '../../platform/db/transaction.js';
import type { Row } from '../../platform/db/tables.js';
import { NotFound } from '../../platform/http/errors.js';
import { hashIntegrationKey } from './keys.js';

export async function getIntegration(ex: Executor, serviceId: string, id: string): Promise<Row<'integrations'>> {
  const row = await ex.selectFrom('integrations').selectAll().where('id', '=', id).where('service_id', '=', serviceId).executeTakeFirst();
  if (!row) throw new NotFound('integration', id);
  return row;
}

export async function listIntegrations(ex: Executor, serviceId: string): Promise<Row<'integrations'>[]> {
  return ex.selectFrom('integrations').selectAll().where('service_id', '=', serviceId).orderBy('id').execute();
}

/** The integration an inbound key (routing key, URL key, email local part) names, if any. */
export async function findIntegrationByKey(ex: Executor, key: string): Promise<Row<'integrations'> | undefined> {
  return ex.selectFrom('integrations').selectAll().where('key_hash', '=', hashIntegrationKey(key)).executeTakeFirst();
}
