import type { CommandContext } from '../../access/context.js';
import { Conflict } from '../../platform/http/errors.js';
import type { IncidentRow } from '../changes.js';
import { ackTimeoutKey, unsnoozeKey } from '../keys.js';
import { restartEscalation } from '../lifecycle.js';
import { timelineEntry } from '../timeline.js';
import { incidentCommand } from './common.js';

/**
 * Pages a given escalation level now, in a new round: whatever the old round still had pending
 * is cancelled. An acknowledged incident is triggered again.
 */
export async function escalateIncident(ctx: CommandContext, id: string, input: { level: number }): Promise<IncidentRow> {
  return incidentCommand(ctx, id, 'escalated', ({ ch, inc, actor }) => {
    if (inc.status === 'resolved') throw new Conflict(`incident #${inc.number} is resolved`);
    const wasAcked = inc.status === 'acknowledged';
    if (wasAcked) {
      ch.patchIncident(inc, { status: 'triggered', acknowledged_at: null, acknowledgers: '[]', snoozed_until: null });
      ch.cancelKey(ackTimeoutKey(inc.id));
      ch.cancelKey(unsnoozeKey(inc.id));
    }
    restartEscalation(ch, inc, input.level);
    ch.timeline(timelineEntry(inc.id, ch.now, 'incident.escalated', actor, `Escalated to level ${input.level} by ${actor.name}`, { details: { level: input.level } }));
    ch.signal(inc.id, wasAcked ? 'incident.triggered' : 'incident.escalated');
    return { level: input.level };
  });
}
