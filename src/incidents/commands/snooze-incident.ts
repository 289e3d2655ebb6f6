import type { CommandContext } from '../../access/context.js';
import { Conflict } from '../../platform/http/errors.js';
import type { IncidentRow } from '../changes.js';
import { UNSNOOZE_JOB, ackTimeoutKey, unsnoozeKey } from '../keys.js';
import { timelineEntry } from '../timeline.js';
import { incidentCommand } from './common.js';

/** Keeps an acknowledged incident quiet for a while; when the snooze ends it triggers again (job `incident.unsnooze`). */
export async function snoozeIncident(ctx: CommandContext, id: string, input: { duration_seconds: number }): Promise<IncidentRow> {
  return incidentCommand(ctx, id, 'snoozed', ({ ch, inc, actor, now }) => {
    if (inc.status !== 'acknowledged') throw new Conflict(`only an acknowledged incident can be snoozed; #${inc.number} is ${inc.status}`);
    const until = now + input.duration_seconds * 1000;
    ch.patchIncident(inc, { snoozed_until: until });
    ch.cancelKey(ackTimeoutKey(inc.id));
    ch.enqueue(UNSNOOZE_JOB, { incident_id: inc.id }, { key: unsnoozeKey(inc.id), replace: true, runAt: until });
    ch.timeline(timelineEntry(inc.id, now, 'incident.snoozed', actor, `Snoozed by ${actor.name} until ${new Date(until).toISOString()}`, { details: { until } }));
    ch.signal(inc.id, 'incident.updated');
    return { duration_seconds: input.duration_seconds };
  });
}
