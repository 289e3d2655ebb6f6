import { recordAudit } from '../../access/audit/record.js';
import type { CommandContext } from '../../access/context.js';
import { newId } from '../../platform/ids.js';
import { afterCommit, transact } from '../../platform/db/transaction.js';
import type { Row } from '../../platform/db/tables.js';
import { invalid, ValidationFailed } from '../../platform/http/errors.js';
import { cancel, enqueue } from '../../platform/jobs/index.js';
import { getService } from '../../incidents/services/queries.js';
import { formats } from '../formats/index.js';
import { HEARTBEAT_CHECK_JOB, heartbeatCheckKey } from '../heartbeat-keys.js';
import { invalidateIngestCaches } from './cache.js';
import { generateIntegrationKey, hashIntegrationKey } from './keys.js';
import { getIntegration } from './queries.js';
import { formatOf, type ApiIntegrationType } from './types.js';
import type { CreateIntegrationBody, UpdateIntegrationBody } from './schemas.js';

const TITLES: Record<ApiIntegrationType, string> = {
  events_v2: 'Events API v2',
  alertmanager: 'Alertmanager',
  grafana: 'Grafana',
  generic: 'Generic webhook',
  email: 'Email',
  heartbeat: 'Heartbeat',
};

/** Checks a format's settings with the format itself (generic templates are compiled here). */
function checkConfig(type: ApiIntegrationType, config: unknown): void {
  const prepared = formats[formatOf(type)].prepare(config ?? null);
  if (!prepared.ok) {
    throw new ValidationFailed(prepared.errors.map((e) => ({ field: e.field === 'config' ? 'config' : `config/${e.field.replace(/\./g, '/')}`, message: e.message })));
  }
}

export interface CreatedIntegration {
  row: Row<'integrations'>;
  key: string;
}

export async function createIntegration(ctx: CommandContext, serviceId: string, input: CreateIntegrationBody): Promise<CreatedIntegration> {
  const now = ctx.clock.now();
  checkConfig(input.type, input.config);
  if (input.type === 'heartbeat' && input.interval_seconds === undefined) throw invalid('interval_seconds', 'is required for a heartbeat');
  if (input.type !== 'heartbeat' && input.interval_seconds !== undefined) throw invalid('interval_seconds', 'is only for heartbeat integrations');
  return transact(ctx.db, async (tx) => {
    await getService(tx, serviceId);
    const key = generateIntegrationKey();
    const row: Row<'integrations'> = {
      id: newId(),
      service_id: serviceId,
      type: input.type,
      name: input.name?.trim() || TITLES[input.type],
      config: JSON.stringify(input.config ?? {}),
      key_hash: hashIntegrationKey(key),
      key_hint: key.slice(-4),
      interval_seconds: input.interval_seconds ?? null,
      last_ping_at: null,
      heartbeat_state: input.type === 'heartbeat' ? 'waiting' : null,
      created_at: now,
      updated_at: now,
    };
    await tx.insertInto('integrations').values(row).execute();
    if (input.type === 'heartbeat') {
      // No ping within one interval of creation is a missed heartbeat too.
      await enqueue(tx, now, HEARTBEAT_CHECK_JOB, { integration_id: row.id }, { key: heartbeatCheckKey(row.id), replace: true, runAt: now + row.interval_seconds! * 1000 });
    }
    await recordAudit(tx, ctx.actor, now, 'integration.created', { type: 'integration', id: row.id }, { service_id: serviceId, type: row.type, name: row.name });
    afterCommit(tx, invalidateIngestCaches);
    return { row, key };
  });
}

export async function updateIntegration(ctx: CommandContext, serviceId: string, id: string, input: UpdateIntegrationBody): Promise<Row<'integrations'>> {
  const now = ctx.clock.now();
  return transact(ctx.db, async (tx) => {
    const current = await getIntegration(tx, serviceId, id);
    const type = current.type as ApiIntegrationType;
    if (input.config !== undefined) checkConfig(type, input.config);
    if (input.interval_seconds !== undefined && type !== 'heartbeat') throw invalid('interval_seconds', 'is only for heartbeat integrations');
    const changes: Partial<Row<'integrations'>> = {
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.config !== undefined ? { config: JSON.stringify(input.config ?? {}) } : {}),
      ...(input.interval_seconds !== undefined ? { interval_seconds: input.interval_seconds } : {}),
    };
    await tx.updateTable('integrations').set({ ...changes, updated_at: now }).where('id', '=', id).execute();
    if (input.interval_seconds !== undefined) {
      const from = current.last_ping_at ?? now;
      await enqueue(tx, now, HEARTBEAT_CHECK_JOB, { integration_id: id }, { key: heartbeatCheckKey(id), replace: true, runAt: Math.max(now, from + input.interval_seconds * 1000) });
    }
    await recordAudit(tx, ctx.actor, now, 'integration.updated', { type: 'integration', id }, { changed: Object.keys(changes) });
    afterCommit(tx, invalidateIngestCaches);
    return { ...current, ...changes, updated_at: now };
  });
}

export async function deleteIntegration(ctx: CommandContext, serviceId: string, id: string): Promise<void> {
  const now = ctx.clock.now();
  await transact(ctx.db, async (tx) => {
    const current = await getIntegration(tx, serviceId, id);
    await tx.deleteFrom('integrations').where('id', '=', id).execute();
    await cancel(tx, heartbeatCheckKey(id));
    await recordAudit(tx, ctx.actor, now, 'integration.deleted', { type: 'integration', id }, { service_id: serviceId, name: current.name });
    afterCommit(tx, invalidateIngestCaches);
  });
}

/** A new key; the old one stops working at once (in other processes within the cache TTL). */
export async function rotateIntegrationKey(ctx: CommandContext, serviceId: string, id: string): Promise<CreatedIntegration> {
  const now = ctx.clock.now();
  return transact(ctx.db, async (tx) => {
    const current = await getIntegration(tx, serviceId, id);
    const key = generateIntegrationKey();
    const changes = { key_hash: hashIntegrationKey(key), key_hint: key.slice(-4), updated_at: now };
    await tx.updateTable('integrations').set(changes).where('id', '=', id).execute();
    await recordAudit(tx, ctx.actor, now, 'integration.key_rotated', { type: 'integration', id }, { service_id: serviceId });
    afterCommit(tx, invalidateIngestCaches);
    return { row: { ...current, ...changes }, key };
  });
}
