import type { AppDeps } from '../app-context.js';
import type { Job, JobRegistry } from '../platform/jobs/index.js';
import { runDeliverJob } from './deliver.js';
import { fanOut, type FanoutPayload } from './fanout.js';
import { DELIVER_JOB, FANOUT_JOB, type DeliverPayload } from './keys.js';

export function registerSubscriptionJobs(registry: JobRegistry, deps: AppDeps): void {
  registry.register(FANOUT_JOB, async (job: Job<FanoutPayload>, ctx) => {
    await ctx.complete((tx) => fanOut(tx, job.payload, ctx.clock.now(), deps.config.publicUrl));
  });
  // The job's own retries cover crashes and database errors only; a receiver's failure is an
  // outcome the handler records and schedules itself (retry.ts), so the job still completes.
  registry.register(
    DELIVER_JOB,
    async (job: Job<DeliverPayload>, ctx) => {
      await runDeliverJob({ db: deps.db, clock: ctx.clock, publicUrl: deps.config.publicUrl, allowPrivate: deps.config.allowPrivateWebhooks }, job, ctx);
    },
    { backoffBaseMs: 30_000 },
  );
}
