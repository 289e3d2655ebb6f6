import type { CommandContext } from '../../access/context.js';
import type { Row } from '../../platform/db/tables.js';
import { timelineEntry } from '../timeline.js';
import { incidentCommand } from './common.js';

/** A status update for stakeholders (what is known, what is being done), kept on the timeline. */
export async function postStatusUpdate(ctx: CommandContext, id: string, input: { message: string }): Promise<Row<'incident_timeline'>> {
  let entry: Row<'incident_timeline'> | null = null;
  await incidentCommand(ctx, id, 'status_update_posted', ({ ch, inc, actor, now }) => {
    entry = timelineEntry(inc.id, now, 'status_update', actor, input.message) as Row<'incident_timeline'>;
    ch.timeline(entry);
    ch.signal(inc.id, 'incident.status_update');
  });
  return entry!;
}
