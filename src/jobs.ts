import type { AppDeps } from './app-context.js';
import { JobRegistry, purgeDoneJobs, enqueue } from './platform/jobs/index.js';
import { transact } from './platform/db/transaction.js';
import { registerIncidentJobs } from './incidents/jobs.js';
import { registerIngestJobs, scheduleIngestMaintenance } from './ingest/jobs.js';
import { registerEscalationJobs } from './escalation/jobs.js';
import { registerNotifyJobs } from './notify/dispatch.js';
import { registerSubscriptionJobs } from './subscriptions/jobs.js';

const DAY = 24 * 3600 * 1000;

/** Every job handler, registered by kind: the worker's one table of background work. */
export function buildJobRegistry(deps: AppDeps): JobRegistry {
  const registry = new JobRegistry();
  registry.register('jobs.purge', async (_job, ctx) => {
    await ctx.complete(async (tx) => {
      const now = ctx.clock.now();
      await purgeDoneJobs(tx, now - 7 * DAY);
      await enqueue(tx, now, 'jobs.purge', {}, { key: 'jobs.purge', replace: true, runAt: now + DAY });
    });
  });
  registerIngestJobs(registry, deps);
  registerIncidentJobs(registry, deps);
  registerEscalationJobs(registry, deps);
  registerNotifyJobs(registry, deps);
  registerSubscriptionJobs(registry, deps);
  return registry;
}

/** Seeds the recurring maintenance jobs; idempotent thanks to their keys. */
export async function scheduleMaintenance(deps: AppDeps): Promise<void> {
  await transact(deps.db, async (tx) => {
    await enqueue(tx, deps.clock.now(), 'jobs.purge', {}, { key: 'jobs.purge', runAt: deps.clock.now() + 3600_000 });
  });
  await scheduleIngestMaintenance(deps);
}
