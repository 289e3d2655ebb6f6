import type { CommandContext } from '../../access/context.js';
import { Conflict, invalid } from '../../platform/http/errors.js';
import { numberLabel, type IncidentRow } from '../changes.js';
import { resolve } from '../lifecycle.js';
import { timelineEntry } from '../timeline.js';
import { incidentCommand, lockIncident } from './common.js';

/** Moves the alerts of `source_incident_ids` into the target incident and resolves the sources as merged. */
export async function mergeIncidents(ctx: CommandContext, targetId: string, input: { source_incident_ids: string[] }): Promise<IncidentRow> {
  const sources = [...new Set(input.source_incident_ids)];
  if (sources.includes(targetId)) throw invalid('source_incident_ids', 'cannot include the target incident');
  return incidentCommand(ctx, targetId, 'merged', async ({ tx, ch, inc: target, actor, now }) => {
    if (target.status === 'resolved') throw new Conflict(`incident #${target.number} is resolved; merge into an open incident`);
    const merged: number[] = [];
    for (const id of sources) {
      const source = await lockIncident(tx, id);
      if (source.status === 'resolved') throw new Conflict(`incident #${source.number} is resolved and cannot be merged`, 'source_incident_ids');
      const moved = await tx.updateTable('alerts').set({ incident_id: target.id, group_reason: `merged from incident #${source.number}`, updated_at: now }).where('incident_id', '=', source.id).executeTakeFirst();
      ch.bumpAlertCount(target, Number(moved.numUpdatedRows));
      ch.patchIncident(source, { merged_into_id: target.id });
      resolve(ch, source, actor, 'merged', { resolveAlerts: false, message: `Merged into incident ${numberLabel(target)} by ${actor.name}` });
      ch.timeline(timelineEntry(target.id, now, 'incident.merged', actor, `Incident #${source.number} (${source.title}) merged into this one by ${actor.name}`, { details: { source_incident_id: source.id, alerts: Number(moved.numUpdatedRows) } }));
      merged.push(source.number);
    }
    ch.signal(target.id, 'incident.updated');
    return { sources, numbers: merged };
  });
}
