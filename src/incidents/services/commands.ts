import { recordAudit } from '../../access/audit/record.js';
import type { CommandContext } from '../../access/context.js';
import { newId } from '../../platform/ids.js';
import { afterCommit, transact, type Executor } from '../../platform/db/transaction.js';
import type { Row } from '../../platform/db/tables.js';
import { Conflict, ValidationFailed, type FieldProblem } from '../../platform/http/errors.js';
import { invalidateIngestCaches } from '../../ingest/integrations/cache.js';
import { GROUPING_FIELDS_HELP, isGroupingField } from '../grouping.js';
import { DEFAULT_AUTO_PAUSE, DEFAULT_GROUPING, DEFAULT_SEVERITY_URGENCY, serviceSettings, type AlertGrouping, type AutoPause } from '../settings.js';
import type { CreateServiceBody, UpdateServiceBody } from './schemas.js';
import { getService } from './queries.js';

function grouping(input: NonNullable<CreateServiceBody['alert_grouping']>, problems: FieldProblem[]): AlertGrouping {
  const g: AlertGrouping = {
    type: input.type,
    window_minutes: input.window_minutes ?? null,
    fields: input.fields ?? [],
    match: input.match ?? 'all',
  };
  if (g.type === 'time' && g.window_minutes === null) problems.push({ field: 'alert_grouping/window_minutes', message: 'is required for time grouping' });
  if (g.type === 'content') {
    if (g.fields.length === 0) problems.push({ field: 'alert_grouping/fields', message: 'needs at least one field for content grouping' });
    g.fields.forEach((f, i) => {
      if (!isGroupingField(f)) problems.push({ field: `alert_grouping/fields/${i}`, message: `"${f}" is not a grouping field (one of: ${GROUPING_FIELDS_HELP})` });
    });
  }
  return g;
}

async function checkTeam(ex: Executor, teamId: string | null | undefined, problems: FieldProblem[]): Promise<void> {
  if (!teamId) return;
  const team = await ex.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst();
  if (!team) problems.push({ field: 'team_id', message: `team ${teamId} does not exist` });
}

export async function createService(ctx: CommandContext, input: CreateServiceBody): Promise<Row<'services'>> {
  const now = ctx.clock.now();
  return transact(ctx.db, async (tx) => {
    const problems: FieldProblem[] = [];
    await checkTeam(tx, input.team_id, problems);
    const g = input.alert_grouping ? grouping(input.alert_grouping, problems) : DEFAULT_GROUPING;
    if (problems.length) throw new ValidationFailed(problems);
    const pause: AutoPause = { ...DEFAULT_AUTO_PAUSE, ...input.auto_pause };
    const row: Row<'services'> = {
      id: newId(),
      name: input.name.trim(),
      description: input.description ?? '',
      team_id: input.team_id ?? null,
      escalation_policy_id: input.escalation_policy_id ?? null,
      urgency: input.urgency ?? 'high',
      severity_urgency: JSON.stringify({ ...DEFAULT_SEVERITY_URGENCY, ...input.severity_urgency }),
      auto_resolve_timeout: input.auto_resolve_timeout ?? null,
      acknowledgement_timeout: input.acknowledgement_timeout ?? null,
      alert_grouping: JSON.stringify(g),
      auto_pause: JSON.stringify(pause),
      resolve_incident_with_alerts: input.resolve_incident_with_alerts === false ? 0 : 1,
      status: input.status ?? 'active',
      created_at: now,
      updated_at: now,
    };
    await tx.insertInto('services').values(row).execute();
    await recordAudit(tx, ctx.actor, now, 'service.created', { type: 'service', id: row.id }, { name: row.name });
    return row;
  });
}

export async function updateService(ctx: CommandContext, id: string, input: UpdateServiceBody): Promise<Row<'services'>> {
  const now = ctx.clock.now();
  return transact(ctx.db, async (tx) => {
    const current = await getService(tx, id);
    const settings = serviceSettings(current);
    const problems: FieldProblem[] = [];
    if (input.team_id !== undefined) await checkTeam(tx, input.team_id, problems);
    const g = input.alert_grouping ? grouping(input.alert_grouping, problems) : undefined;
    if (problems.length) throw new ValidationFailed(problems);
    const changes: Partial<Row<'services'>> = {
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.team_id !== undefined ? { team_id: input.team_id } : {}),
      ...(input.escalation_policy_id !== undefined ? { escalation_policy_id: input.escalation_policy_id } : {}),
      ...(input.urgency !== undefined ? { urgency: input.urgency } : {}),
      ...(input.severity_urgency !== undefined ? { severity_urgency: JSON.stringify({ ...settings.severityUrgency, ...input.severity_urgency }) } : {}),
      ...(input.auto_resolve_timeout !== undefined ? { auto_resolve_timeout: input.auto_resolve_timeout } : {}),
      ...(input.acknowledgement_timeout !== undefined ? { acknowledgement_timeout: input.acknowledgement_timeout } : {}),
      ...(g ? { alert_grouping: JSON.stringify(g) } : {}),
      ...(input.auto_pause !== undefined ? { auto_pause: JSON.stringify({ ...settings.autoPause, ...input.auto_pause }) } : {}),
      ...(input.resolve_incident_with_alerts !== undefined ? { resolve_incident_with_alerts: input.resolve_incident_with_alerts ? 1 : 0 } : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
    };
    const next = { ...current, ...changes, updated_at: now };
    await tx.updateTable('services').set({ ...changes, updated_at: now }).where('id', '=', id).execute();
    await recordAudit(tx, ctx.actor, now, 'service.updated', { type: 'service', id }, { changed: Object.keys(changes) });
    afterCommit(tx, invalidateIngestCaches);
    return next;
  });
}

/** Deletes a service and its integrations. A service with incidents is kept: disable it instead. */
export async function deleteService(ctx: CommandContext, id: string): Promise<void> {
  const now = ctx.clock.now();
  await transact(ctx.db, async (tx) => {
    const service = await getService(tx, id);
    const incident = await tx.selectFrom('incidents').select('id').where('service_id', '=', id).limit(1).executeTakeFirst();
    if (incident) throw new Conflict('this service has incidents, which keep its history; set its status to disabled instead');
    const integrations = await tx.selectFrom('integrations').select('id').where('service_id', '=', id).execute();
    for (const i of integrations) await tx.deleteFrom('jobs').where('key', '=', `heartbeat.check:${i.id}`).execute();
    await tx.deleteFrom('integrations').where('service_id', '=', id).execute();
    await tx.deleteFrom('services').where('id', '=', id).execute();
    await recordAudit(tx, ctx.actor, now, 'service.deleted', { type: 'service', id }, { name: service.name });
    afterCommit(tx, invalidateIngestCaches);
  });
}
