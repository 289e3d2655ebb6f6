// Heartbeats: a ping records its time and moves the integration's check job to one interval
// later; the check job, if it ever runs, raises the "missed" alert through the pipeline's
// applier; the next ping resolves it.

import { dialectOf, transact, type Db, type Tx } from '../platform/db/transaction.js';
import { enqueue, type JobContext, type Job } from '../platform/jobs/index.js';
import { heartbeatMissedEvent, heartbeatRecoveredEvent } from './formats/index.js';
import { applyEvents, type ApplyContext } from './apply.js';
import { HEARTBEAT_CHECK_JOB, heartbeatCheckKey } from './heartbeat-keys.js';

async function lockIntegration(tx: Tx, id: string) {
  let q = tx.selectFrom('integrations').selectAll().where('id', '=', id);
  if (dialectOf(tx) === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}

export interface PingResult {
  nextExpectedAt: number;
  recovered: boolean;
}

export async function recordPing(db: Db, ctx: ApplyContext, integrationId: string, now: number): Promise<PingResult | null> {
  return transact(db, async (tx) => {
    const row = await lockIntegration(tx, integrationId);
    if (!row || row.type !== 'heartbeat' || !row.interval_seconds) return null;
    const next = now + row.interval_seconds * 1000;
    await tx.updateTable('integrations').set({ last_ping_at: now, heartbeat_state: 'up' }).where('id', '=', row.id).execute();
    await enqueue(tx, now, HEARTBEAT_CHECK_JOB, { integration_id: row.id }, { key: heartbeatCheckKey(row.id), replace: true, runAt: next });
    const recovered = row.heartbeat_state === 'down';
    if (recovered) {
      const service = await ctx.services.service(tx, row.service_id);
      if (service) {
        const event = heartbeatRecoveredEvent({ integrationId: row.id, name: row.name, pingAt: now });
        await applyEvents(tx, [{ kind: 'alert', integration: { id: row.id, name: row.name }, service, event, receivedAt: now }], ctx, now);
      }
    }
    return { nextExpectedAt: next, recovered };
  });
}

/** The `heartbeat.check` job: no ping since the last one was due means the heartbeat is missed. */
export function heartbeatCheckHandler(ctx: ApplyContext) {
  return async (job: Job<{ integration_id: string }>, jc: JobContext): Promise<void> => {
    await jc.complete(async (tx) => {
      const now = jc.clock.now();
      const row = await lockIntegration(tx, job.payload.integration_id);
      if (!row || row.type !== 'heartbeat' || !row.interval_seconds) return;
      const due = (row.last_ping_at ?? row.created_at) + row.interval_seconds * 1000;
      if (now < due) {
        // Ran early (the interval changed): look again when the ping is really due.
        await enqueue(tx, now, HEARTBEAT_CHECK_JOB, { integration_id: row.id }, { key: heartbeatCheckKey(row.id), replace: true, runAt: due });
        return;
      }
      if (row.heartbeat_state === 'down') return;
      await tx.updateTable('integrations').set({ heartbeat_state: 'down' }).where('id', '=', row.id).execute();
      const service = await ctx.services.service(tx, row.service_id);
      if (!service) return;
      const event = heartbeatMissedEvent({ integrationId: row.id, name: row.name, intervalMs: row.interval_seconds * 1000, lastPingAt: row.last_ping_at, now });
      await applyEvents(tx, [{ kind: 'alert', integration: { id: row.id, name: row.name }, service, event, receivedAt: now }], ctx, now);
    });
  };
}
