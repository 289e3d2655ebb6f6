import type { CommandContext } from '../../access/context.js';
import { Conflict } from '../../platform/http/errors.js';
import type { IncidentRow } from '../changes.js';
import { retrigger } from '../lifecycle.js';
import { incidentCommand } from './common.js';

/** Back to triggered: escalation starts again from level 1. */
export async function unacknowledgeIncident(ctx: CommandContext, id: string): Promise<IncidentRow> {
  return incidentCommand(ctx, id, 'unacknowledged', ({ ch, inc, actor }) => {
    if (inc.status !== 'acknowledged') throw new Conflict(`incident #${inc.number} is ${inc.status}, not acknowledged`);
    retrigger(ch, inc, actor, 'incident.unacknowledged', `Un-acknowledged by ${actor.name}; escalating again`);
  });
}
