import type { CommandContext } from '../../access/context.js';
import type { IncidentRow } from '../changes.js';
import { timelineEntry } from '../timeline.js';
import { incidentCommand } from './common.js';

export async function setPriority(ctx: CommandContext, id: string, input: { priority: string | null }): Promise<IncidentRow> {
  return incidentCommand(ctx, id, 'priority_changed', ({ ch, inc, actor, now }) => {
    const from = inc.priority;
    if (from === input.priority) return { unchanged: true };
    ch.patchIncident(inc, { priority: input.priority });
    ch.timeline(timelineEntry(inc.id, now, 'incident.priority_changed', actor, `Priority changed from ${from ?? 'none'} to ${input.priority ?? 'none'} by ${actor.name}`, { details: { from, to: input.priority } }));
    ch.signal(inc.id, 'incident.priority_changed');
    return { from, to: input.priority };
  });
}
