import type { CommandContext } from '../../access/context.js';
import { timelineEntry } from '../timeline.js';
import type { Row } from '../../platform/db/tables.js';
import { incidentCommand } from './common.js';

/** A note on the timeline, by whoever is acting. */
export async function addNote(ctx: CommandContext, id: string, input: { content: string }): Promise<Row<'incident_timeline'>> {
  let entry: Row<'incident_timeline'> | null = null;
  await incidentCommand(ctx, id, 'note_added', ({ ch, inc, actor, now }) => {
    entry = timelineEntry(inc.id, now, 'note', actor, input.content) as Row<'incident_timeline'>;
    ch.timeline(entry);
    ch.signal(inc.id, 'incident.annotated');
  });
  return entry!;
}
