import type { CommandContext } from '../../access/context.js';
import type { IncidentRow } from '../changes.js';
import type { Urgency } from '../settings.js';
import { timelineEntry } from '../timeline.js';
import { incidentCommand } from './common.js';

export async function setUrgency(ctx: CommandContext, id: string, input: { urgency: Urgency }): Promise<IncidentRow> {
  return incidentCommand(ctx, id, 'urgency_changed', ({ ch, inc, actor, now }) => {
    const from = inc.urgency;
    if (from === input.urgency) return { unchanged: true };
    ch.patchIncident(inc, { urgency: input.urgency });
    ch.timeline(timelineEntry(inc.id, now, 'incident.urgency_changed', actor, `Urgency changed from ${from} to ${input.urgency} by ${actor.name}`, { details: { from, to: input.urgency } }));
    ch.signal(inc.id, 'incident.updated');
    return { from, to: input.urgency };
  });
}
