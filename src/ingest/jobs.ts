import type { AppDeps } from '../app-context.js';
import { transact } from '../platform/db/transaction.js';
import { enqueue, type JobRegistry } from '../platform/jobs/index.js';
import { heartbeatCheckHandler } from './heartbeat.js';
import { HEARTBEAT_CHECK_JOB } from './heartbeat-keys.js';
import { ingestDirectory } from './integrations/cache.js';
import { ingestSettings } from './integrations/settings.js';
import { pipelineHooksFor } from './pipeline-hooks.js';
import type { ApplyContext } from './apply.js';

export const EVENTS_PRUNE_JOB = 'events.prune';
const DAY = 86_400_000;

export function applyContextFor(deps: AppDeps): ApplyContext {
  const directory = ingestDirectory(deps.db);
  return { hooks: pipelineHooksFor(deps), services: { service: (ex, id) => directory.service(ex, id) } };
}

/** Deletes events older than the retention in chunks, then schedules itself for tomorrow. */
export async function pruneEvents(deps: AppDeps, now: number): Promise<number> {
  const before = now - ingestSettings(deps.config).eventRetentionDays * DAY;
  let total = 0;
  for (;;) {
    const ids = await deps.db.selectFrom('events').select('id').where('received_at', '<', before).limit(5000).execute();
    if (ids.length === 0) break;
    const r = await deps.db.deleteFrom('events').where('id', 'in', ids.map((i) => i.id)).executeTakeFirst();
    total += Number(r.numDeletedRows);
    if (ids.length < 5000) break;
  }
  return total;
}

export function registerIngestJobs(registry: JobRegistry, deps: AppDeps): void {
  registry.register(HEARTBEAT_CHECK_JOB, heartbeatCheckHandler(applyContextFor(deps)));
  registry.register(EVENTS_PRUNE_JOB, async (_job, ctx) => {
    const now = ctx.clock.now();
    const deleted = await pruneEvents(deps, now);
    if (deleted) ctx.log.info({ deleted }, 'pruned old events');
    await ctx.complete((tx) => enqueue(tx, now, EVENTS_PRUNE_JOB, {}, { key: EVENTS_PRUNE_JOB, replace: true, runAt: now + DAY }));
  });
}

/** Seeds the daily event-log prune; idempotent thanks to its key. */
export async function scheduleIngestMaintenance(deps: AppDeps): Promise<void> {
  const now = deps.clock.now();
  await transact(deps.db, (tx) => enqueue(tx, now, EVENTS_PRUNE_JOB, {}, { key: EVENTS_PRUNE_JOB, runAt: now + 3600_000 }));
}
