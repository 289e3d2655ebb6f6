// The incident state machine: triggered -> acknowledged -> resolved (and back to triggered on
// un-acknowledge, ack timeout or snooze end). Every transition writes its timeline entry,
// schedules or cancels its keyed jobs and announces the change, through a Changes collector.

import { newId } from '../platform/ids.js';
import { numberLabel, type Changes, type IncidentRow } from './changes.js';
import {
  ACK_TIMEOUT_JOB,
  ALERT_RELEASE_JOB,
  AUTO_RESOLVE_JOB,
  ESCALATE_JOB,
  ackTimeoutKey,
  alertReleaseKey,
  autoResolveKey,
  escalateKey,
  escalatePrefix,
  unsnoozeKey,
  type EscalatePayload,
} from './keys.js';
import type { ServiceSettings, Urgency } from './settings.js';
import { timelineEntry, type TimelineActor } from './timeline.js';

export type ResolveReason = 'manual' | 'source' | 'auto_timeout' | 'all_alerts_resolved' | 'merged';

export interface Acknowledger {
  type: string;
  id: string | null;
  name: string;
  at: string;
}

type TimerSettings = Pick<ServiceSettings, 'autoResolveTimeout' | 'acknowledgementTimeout'>;

export function scheduleEscalation(ch: Changes, inc: IncidentRow, level: number, opts: { replace?: boolean; runAt?: number; loop?: number; follow?: boolean } = {}): void {
  const loop = opts.loop ?? 0;
  const payload: EscalatePayload = { incident_id: inc.id, round: inc.escalation_round, loop, level, ...(opts.follow ? { follow: true } : {}) };
  ch.enqueue(ESCALATE_JOB, payload, { key: escalateKey(inc.id, inc.escalation_round, level, loop), runAt: opts.runAt ?? ch.now, replace: opts.replace ?? false });
}

/** Where a new round starts: the incident's assignees first (level 0) when it has any, else level 1. */
export function firstLevel(inc: IncidentRow): number {
  return assigneesOf(inc).length > 0 ? 0 : 1;
}

/**
 * Stops the current round and pages again from `level` in a new round (reassign, manual
 * escalate): the old round's pending steps and notifications are cancelled by prefix.
 */
export function restartEscalation(ch: Changes, inc: IncidentRow, level: number): void {
  ch.cancel(escalatePrefix(inc.id));
  ch.patchIncident(inc, { escalation_round: inc.escalation_round + 1, escalation_level: level });
  scheduleEscalation(ch, inc, level);
}

export function scheduleAutoResolve(ch: Changes, inc: IncidentRow, settings: TimerSettings): void {
  if (!settings.autoResolveTimeout) return;
  ch.enqueue(AUTO_RESOLVE_JOB, { incident_id: inc.id }, { key: autoResolveKey(inc.id), replace: true, runAt: ch.now + settings.autoResolveTimeout * 1000 });
}

export function scheduleAlertRelease(ch: Changes, alertId: string, at: number): void {
  ch.enqueue(ALERT_RELEASE_JOB, { alert_id: alertId }, { key: alertReleaseKey(alertId), replace: true, runAt: at });
}

export interface OpenIncidentInput {
  title: string;
  description?: string;
  service: Pick<ServiceSettings, 'id' | 'teamId'> & TimerSettings;
  urgency: Urgency;
  priority: string | null;
  assignees?: string[];
  groupValues?: Record<string, string | null> | null;
  actor: TimelineActor;
  /** Timeline message; defaults to "Incident triggered". */
  message?: string;
  details?: Record<string, unknown>;
}

/** A new incident in `triggered`, paging from escalation level 1 (round 0). */
export function openIncident(ch: Changes, input: OpenIncidentInput): IncidentRow {
  const now = ch.now;
  const inc: IncidentRow = {
    id: newId(),
    number: 0,
    title: input.title,
    description: input.description ?? '',
    service_id: input.service.id,
    team_id: input.service.teamId,
    urgency: input.urgency,
    priority: input.priority,
    status: 'triggered',
    assignees: JSON.stringify(input.assignees ?? []),
    acknowledgers: '[]',
    alert_count: 0,
    escalation_round: 0,
    escalation_level: input.assignees?.length ? 0 : 1,
    group_values: input.groupValues ? JSON.stringify(input.groupValues) : null,
    snoozed_until: null,
    merged_into_id: null,
    created_at: now,
    acknowledged_at: null,
    resolved_at: null,
    resolve_reason: null,
    updated_at: now,
  };
  ch.addIncident(inc);
  ch.timeline(timelineEntry(inc.id, now, 'incident.triggered', input.actor, input.message ?? `Incident ${numberLabel(inc)} triggered: ${input.title}`, { details: input.details ?? { urgency: inc.urgency } }));
  scheduleEscalation(ch, inc, firstLevel(inc));
  scheduleAutoResolve(ch, inc, input.service);
  ch.signal(inc.id, 'incident.triggered');
  return inc;
}

export function acknowledgersOf(inc: IncidentRow): Acknowledger[] {
  try {
    return JSON.parse(inc.acknowledgers) as Acknowledger[];
  } catch {
    return [];
  }
}

export function assigneesOf(inc: IncidentRow): string[] {
  try {
    return JSON.parse(inc.assignees) as string[];
  } catch {
    return [];
  }
}

/** triggered -> acknowledged: stops escalation; an acknowledgement timeout re-triggers later. Returns false if not triggered. */
export function acknowledge(ch: Changes, inc: IncidentRow, actor: TimelineActor, settings: TimerSettings, message?: string): boolean {
  if (inc.status !== 'triggered') return false;
  const now = ch.now;
  const who: Acknowledger = { type: actor.type, id: actor.id, name: actor.name, at: new Date(now).toISOString() };
  ch.patchIncident(inc, { status: 'acknowledged', acknowledged_at: now, acknowledgers: JSON.stringify([...acknowledgersOf(inc), who]) });
  ch.cancel(escalatePrefix(inc.id));
  ch.cancelKey(unsnoozeKey(inc.id));
  if (settings.acknowledgementTimeout) {
    ch.enqueue(ACK_TIMEOUT_JOB, { incident_id: inc.id, round: inc.escalation_round }, { key: ackTimeoutKey(inc.id), replace: true, runAt: now + settings.acknowledgementTimeout * 1000 });
  }
  ch.timeline(timelineEntry(inc.id, now, 'incident.acknowledged', actor, message ?? `Acknowledged by ${actor.name}`));
  ch.signal(inc.id, 'incident.acknowledged');
  return true;
}

/** Back to `triggered` in a new escalation round, paging again from level 1. */
export function retrigger(ch: Changes, inc: IncidentRow, actor: TimelineActor, type: string, message: string): boolean {
  if (inc.status === 'resolved') return false;
  ch.patchIncident(inc, {
    status: 'triggered',
    acknowledged_at: null,
    acknowledgers: '[]',
    snoozed_until: null,
    escalation_round: inc.escalation_round + 1,
    escalation_level: firstLevel(inc),
  });
  ch.cancelKey(ackTimeoutKey(inc.id));
  ch.cancelKey(unsnoozeKey(inc.id));
  ch.cancel(escalatePrefix(inc.id));
  scheduleEscalation(ch, inc, firstLevel(inc));
  ch.timeline(timelineEntry(inc.id, ch.now, type, actor, message));
  ch.signal(inc.id, 'incident.triggered');
  return true;
}

/** -> resolved: every pending job of the incident is cancelled. With `resolveAlerts` its open alerts resolve too. */
export function resolve(
  ch: Changes,
  inc: IncidentRow,
  actor: TimelineActor,
  reason: ResolveReason,
  opts: { resolveAlerts: boolean; message?: string },
): boolean {
  if (inc.status === 'resolved') return false;
  const now = ch.now;
  ch.patchIncident(inc, { status: 'resolved', resolved_at: now, resolve_reason: reason, snoozed_until: null });
  ch.cancel(escalatePrefix(inc.id));
  ch.cancelKey(ackTimeoutKey(inc.id));
  ch.cancelKey(autoResolveKey(inc.id));
  ch.cancelKey(unsnoozeKey(inc.id));
  if (opts.resolveAlerts) {
    const id = inc.id;
    const alertReason = reason === 'merged' ? 'merged' : 'incident_resolved';
    ch.sql(async (tx) => {
      await tx
        .updateTable('alerts')
        .set({ status: 'resolved', resolved_at: now, resolve_reason: alertReason, updated_at: now })
        .where('incident_id', '=', id)
        .where('status', '!=', 'resolved')
        .execute();
    });
  }
  const words: Record<ResolveReason, string> = {
    manual: `Resolved by ${actor.name}`,
    source: `Resolved by ${actor.name}: its alert resolved`,
    auto_timeout: 'Resolved automatically: the auto-resolve timeout passed',
    all_alerts_resolved: 'Resolved: all its alerts resolved',
    merged: `Merged by ${actor.name}`,
  };
  ch.timeline(timelineEntry(inc.id, now, 'incident.resolved', actor, opts.message ?? words[reason], { details: { reason } }));
  ch.signal(inc.id, 'incident.resolved');
  return true;
}

export const SYSTEM_ACTOR: TimelineActor = { type: 'system', id: null, name: 'Tocsin' };

export function integrationActor(integration: { id: string; name: string }): TimelineActor {
  return { type: 'integration', id: integration.id, name: integration.name };
}
