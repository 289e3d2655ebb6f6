import type { Actor } from '../../access/actor.js';
import { recordAudit } from '../../access/audit/record.js';
import type { CommandContext } from '../../access/context.js';
import { dialectOf, transact, type Tx } from '../../platform/db/transaction.js';
import { NotFound } from '../../platform/http/errors.js';
import { Changes, type IncidentRow } from '../changes.js';
import { DEFAULT_AUTO_PAUSE, DEFAULT_GROUPING, DEFAULT_SEVERITY_URGENCY, serviceSettings, type ServiceSettings } from '../settings.js';
import type { TimelineActor } from '../timeline.js';

export function timelineActor(actor: Actor): TimelineActor {
  return { type: actor.type, id: actor.userId ?? actor.id, name: actor.name };
}

/** The incident row, locked for the rest of the transaction on PostgreSQL; undefined when there is none (jobs). */
export async function findLockedIncident(tx: Tx, id: string): Promise<IncidentRow | undefined> {
  let q = tx.selectFrom('incidents').selectAll().where('id', '=', id);
  if (dialectOf(tx) === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}

/** The incident row, locked for the rest of the transaction on PostgreSQL; 404 when there is none (commands). */
export async function lockIncident(tx: Tx, id: string): Promise<IncidentRow> {
  const row = await findLockedIncident(tx, id);
  if (!row) throw new NotFound('incident', id);
  return row;
}

export async function settingsOf(tx: Tx, serviceId: string): Promise<ServiceSettings> {
  const row = await tx.selectFrom('services').selectAll().where('id', '=', serviceId).executeTakeFirst();
  if (row) return serviceSettings(row);
  // The service was deleted: plain defaults keep the incident workable.
  return {
    id: serviceId,
    name: '(deleted service)',
    teamId: null,
    status: 'disabled',
    urgency: 'high',
    severityUrgency: { ...DEFAULT_SEVERITY_URGENCY },
    grouping: { ...DEFAULT_GROUPING },
    autoPause: { ...DEFAULT_AUTO_PAUSE },
    autoResolveTimeout: null,
    acknowledgementTimeout: null,
    resolveIncidentWithAlerts: true,
  };
}

export interface IncidentStep {
  tx: Tx;
  ch: Changes;
  inc: IncidentRow;
  settings: ServiceSettings;
  actor: TimelineActor;
  now: number;
}

/**
 * The shape of every incident command: one transaction that locks the incident, applies one
 * transition (rows, timeline, jobs, live signal via Changes) and records the audit entry.
 */
export async function incidentCommand(
  ctx: CommandContext,
  id: string,
  action: string,
  step: (s: IncidentStep) => Promise<Record<string, unknown> | void> | Record<string, unknown> | void,
): Promise<IncidentRow> {
  const now = ctx.clock.now();
  return transact(ctx.db, async (tx) => {
    const inc = await lockIncident(tx, id);
    const settings = await settingsOf(tx, inc.service_id);
    const ch = new Changes(now);
    const details = await step({ tx, ch, inc, settings, actor: timelineActor(ctx.actor), now });
    await ch.flush(tx);
    await recordAudit(tx, ctx.actor, now, `incident.${action}`, { type: 'incident', id }, details ?? {});
    return inc;
  });
}
