import type { CommandContext } from '../../access/context.js';
import { Conflict } from '../../platform/http/errors.js';
import type { IncidentRow } from '../changes.js';
import { acknowledge } from '../lifecycle.js';
import { incidentCommand } from './common.js';

/** Stops escalation. Acknowledging an acknowledged incident changes nothing; a resolved one is a conflict. */
export async function acknowledgeIncident(ctx: CommandContext, id: string): Promise<IncidentRow> {
  return incidentCommand(ctx, id, 'acknowledged', ({ ch, inc, settings, actor }) => {
    if (inc.status === 'resolved') throw new Conflict(`incident #${inc.number} is resolved`);
    if (inc.status === 'acknowledged') return { unchanged: true };
    acknowledge(ch, inc, actor, settings);
  });
}
