import type { CommandContext } from '../../access/context.js';
import { Conflict } from '../../platform/http/errors.js';
import type { IncidentRow } from '../changes.js';
import { escalatePrefix } from '../keys.js';
import { scheduleEscalation } from '../lifecycle.js';
import { timelineEntry } from '../timeline.js';
import { incidentCommand } from './common.js';

/** Pages a given escalation level now. An acknowledged incident is triggered again (a new round). */
export async function escalateIncident(ctx: CommandContext, id: string, input: { level: number }): Promise<IncidentRow> {
  return incidentCommand(ctx, id, 'escalated', ({ ch, inc, actor }) => {
    if (inc.status === 'resolved') throw new Conflict(`incident #${inc.number} is resolved`);
    const wasAcked = inc.status === 'acknowledged';
    ch.cancel(escalatePrefix(inc.id));
    ch.patchIncident(inc, {
      escalation_level: input.level,
      ...(wasAcked ? { status: 'triggered', acknowledged_at: null, acknowledgers: '[]', snoozed_until: null, escalation_round: inc.escalation_round + 1 } : {}),
    });
    scheduleEscalation(ch, inc, input.level, { replace: true });
    ch.timeline(timelineEntry(inc.id, ch.now, 'incident.escalated', actor, `Escalated to level ${input.level} by ${actor.name}`, { details: { level: input.level } }));
    ch.signal(inc.id, wasAcked ? 'incident.triggered' : 'incident.updated');
    return { level: input.level };
  });
}
