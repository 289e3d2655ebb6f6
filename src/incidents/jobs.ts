// Job handlers of the incident domain: timers set by transitions (auto-resolve, acknowledgement
// timeout, snooze end) and the release of auto-paused alerts.

import type { AppDeps } from '../app-context.js';
import type { Tx } from '../platform/db/transaction.js';
import type { JobRegistry, JobContext, Job } from '../platform/jobs/index.js';
import { applyContextFor } from '../ingest/jobs.js';
import { IngestState, groupingInputOf } from '../ingest/apply.js';
import { Changes, type IncidentRow } from './changes.js';
import { ACK_TIMEOUT_JOB, ALERT_RELEASE_JOB, AUTO_RESOLVE_JOB, UNSNOOZE_JOB } from './keys.js';
import { SYSTEM_ACTOR, acknowledge, integrationActor, resolve, retrigger } from './lifecycle.js';
import { findLockedIncident, settingsOf } from './commands/common.js';

function incidentJob(step: (ch: Changes, inc: IncidentRow, tx: Tx, job: Job<{ incident_id: string; round?: number }>) => Promise<void> | void) {
  return async (job: Job<{ incident_id: string; round?: number }>, ctx: JobContext) => {
    await ctx.complete(async (tx) => {
      const inc = await findLockedIncident(tx, job.payload.incident_id);
      if (!inc) return;
      const ch = new Changes(ctx.clock.now());
      await step(ch, inc, tx, job);
      await ch.flush(tx);
    });
  };
}

export function registerIncidentJobs(registry: JobRegistry, deps: AppDeps): void {
  registry.register(
    AUTO_RESOLVE_JOB,
    incidentJob((ch, inc) => {
      resolve(ch, inc, SYSTEM_ACTOR, 'auto_timeout', { resolveAlerts: true });
    }),
  );

  registry.register(
    ACK_TIMEOUT_JOB,
    incidentJob(async (ch, inc, tx, job) => {
      if (inc.status !== 'acknowledged') return;
      if (job.payload.round !== undefined && job.payload.round !== inc.escalation_round) return;
      const settings = await settingsOf(tx, inc.service_id);
      const after = settings.acknowledgementTimeout ? ` after ${settings.acknowledgementTimeout} s` : '';
      retrigger(ch, inc, SYSTEM_ACTOR, 'incident.ack_timeout', `Acknowledgement timed out${after}; triggered again`);
    }),
  );

  registry.register(
    UNSNOOZE_JOB,
    incidentJob((ch, inc) => {
      if (inc.status !== 'acknowledged' || inc.snoozed_until === null || inc.snoozed_until > ch.now) return;
      retrigger(ch, inc, SYSTEM_ACTOR, 'incident.unsnoozed', 'Snooze ended; triggered again');
    }),
  );

  const applyCtx = applyContextFor(deps);
  registry.register(ALERT_RELEASE_JOB, async (job: Job<{ alert_id: string }>, ctx) => {
    await ctx.complete(async (tx) => {
      const alert = await tx.selectFrom('alerts').selectAll().where('id', '=', job.payload.alert_id).executeTakeFirst();
      // Resolved while paused (transient), or already paged: nothing to do.
      if (!alert || alert.status === 'resolved' || alert.incident_id !== null || alert.suppressed_by !== null) return;
      const service = await applyCtx.services.service(tx, alert.service_id);
      if (!service) return;
      const integration = await tx.selectFrom('integrations').select(['id', 'name']).where('id', '=', alert.integration_id).executeTakeFirst();
      const ch = new Changes(ctx.clock.now());
      const state = new IngestState(tx, ch, applyCtx.services);
      const actor = integration ? integrationActor(integration) : SYSTEM_ACTOR;
      const inc = await state.attach(alert, service, groupingInputOf(alert), actor, alert.priority);
      // An alert acknowledged while paused acknowledges the incident it opens.
      if (alert.status === 'acknowledged' && inc.status === 'triggered' && inc.alert_count === 1) {
        acknowledge(ch, inc, actor, service.settings);
      }
      await ch.flush(tx);
    });
  });
}
