import type { CommandContext } from '../../access/context.js';
import { Conflict } from '../../platform/http/errors.js';
import type { IncidentRow } from '../changes.js';
import { resolve } from '../lifecycle.js';
import { incidentCommand } from './common.js';

/** Resolves the incident and its open alerts; a later event with the same dedup key opens a new alert. */
export async function resolveIncident(ctx: CommandContext, id: string, input: { message?: string } = {}): Promise<IncidentRow> {
  return incidentCommand(ctx, id, 'resolved', ({ ch, inc, actor }) => {
    if (inc.status === 'resolved') throw new Conflict(`incident #${inc.number} is already resolved`);
    resolve(ch, inc, actor, 'manual', { resolveAlerts: true, message: input.message ? `Resolved by ${actor.name}: ${input.message}` : undefined });
  });
}
