import type { CommandContext } from '../../access/context.js';
import { Conflict, invalid } from '../../platform/http/errors.js';
import type { IncidentRow } from '../changes.js';
import { assigneesOf, restartEscalation, retrigger } from '../lifecycle.js';
import { timelineEntry } from '../timeline.js';
import { incidentCommand } from './common.js';

/** Sets who the incident is assigned to. An acknowledged incident goes back to triggered so the new assignees are paged. */
export async function reassignIncident(ctx: CommandContext, id: string, input: { assignees: string[] }): Promise<IncidentRow> {
  const assignees = [...new Set(input.assignees)];
  return incidentCommand(ctx, id, 'reassigned', async ({ tx, ch, inc, actor }) => {
    if (inc.status === 'resolved') throw new Conflict(`incident #${inc.number} is resolved`);
    if (assignees.length) {
      const found = await tx.selectFrom('users').select(['id', 'name']).where('id', 'in', assignees).where('deleted_at', 'is', null).execute();
      const missing = assignees.filter((a) => !found.some((u) => u.id === a));
      if (missing.length) throw invalid('assignees', `no such user: ${missing.join(', ')}`);
    }
    const before = assigneesOf(inc);
    ch.patchIncident(inc, { assignees: JSON.stringify(assignees) });
    ch.timeline(timelineEntry(inc.id, ch.now, 'incident.reassigned', actor, `Reassigned by ${actor.name}`, { details: { from: before, to: assignees } }));
    // The new assignees are paged at once (a new round from level 0); with nobody assigned the
    // escalation policy simply carries on.
    if (inc.status === 'acknowledged') retrigger(ch, inc, actor, 'incident.retriggered', 'Back to triggered: reassigned');
    else {
      if (assignees.length) restartEscalation(ch, inc, 0);
      ch.signal(inc.id, 'incident.reassigned');
    }
    return { from: before, to: assignees };
  });
}
