import { recordAudit } from '../../access/audit/record.js';
import type { CommandContext } from '../../access/context.js';
import { transact } from '../../platform/db/transaction.js';
import { invalid } from '../../platform/http/errors.js';
import { getService } from '../services/queries.js';
import { Changes, type IncidentRow } from '../changes.js';
import { openIncident } from '../lifecycle.js';
import { serviceSettings, type Urgency } from '../settings.js';
import { timelineActor } from './common.js';

export interface CreateIncidentInput {
  service_id: string;
  title: string;
  description?: string;
  urgency?: Urgency;
  priority?: string | null;
  assignees?: string[];
}

/** A manual page: an incident with no alert, escalating like any other. */
export async function createIncident(ctx: CommandContext, input: CreateIncidentInput): Promise<IncidentRow> {
  const now = ctx.clock.now();
  return transact(ctx.db, async (tx) => {
    const service = serviceSettings(await getService(tx, input.service_id).catch(() => {
      throw invalid('service_id', `service ${input.service_id} does not exist`);
    }));
    const assignees = [...new Set(input.assignees ?? [])];
    if (assignees.length) {
      const found = await tx.selectFrom('users').select('id').where('id', 'in', assignees).where('deleted_at', 'is', null).execute();
      const missing = assignees.filter((a) => !found.some((u) => u.id === a));
      if (missing.length) throw invalid('assignees', `no such user: ${missing.join(', ')}`);
    }
    const actor = timelineActor(ctx.actor);
    const ch = new Changes(now);
    const inc = openIncident(ch, {
      title: input.title,
      description: input.description,
      service,
      urgency: input.urgency ?? (service.urgency === 'low' ? 'low' : 'high'),
      priority: input.priority ?? null,
      assignees,
      actor,
      message: `Incident triggered manually by ${actor.name}: ${input.title}`,
    });
    await ch.flush(tx);
    await recordAudit(tx, ctx.actor, now, 'incident.created', { type: 'incident', id: inc.id }, { service_id: service.id, number: inc.number });
    return inc;
  });
}
