// Job kinds and keys of the incident domain, in one place: commands cancel by these prefixes.

export const ESCALATE_JOB = 'incident.escalate';
export const ACK_TIMEOUT_JOB = 'incident.ack_timeout';
export const AUTO_RESOLVE_JOB = 'incident.auto_resolve';
export const UNSNOOZE_JOB = 'incident.unsnooze';
export const ALERT_RELEASE_JOB = 'alert.release';

/**
 * `escalate:<incident>:<round>:<loop>:<level>`: one step per (incident, loop, level). The round
 * grows each time the incident (re)enters `triggered` (new, un-acknowledged, ack timeout, snooze
 * over, reassigned, escalated by hand), so a new round's steps never collide with the done keys
 * of an earlier one. Level 0 is "page the incident's assignees".
 */
export const escalateKey = (incidentId: string, round: number, level: number, loop = 0) => `escalate:${incidentId}:${round}:${loop}:${level}`;
/**
 * Every pending step and notification of an incident starts with this, so acknowledge and
 * resolve stop both with one prefix cancel.
 */
export const escalatePrefix = (incidentId: string) => `escalate:${incidentId}:`;
/** A notification planned by a step: `escalate:<incident>:<round>:n:<loop>:<level>:<user>:<method>`. */
export const notifyKey = (incidentId: string, round: number, loop: number, level: number | null, userId: string, methodId: string) =>
  `escalate:${incidentId}:${round}:n:${loop}:${level ?? 'admin'}:${userId}:${methodId}`;
export const ackTimeoutKey = (incidentId: string) => `incident.ack_timeout:${incidentId}`;
export const autoResolveKey = (incidentId: string) => `incident.auto_resolve:${incidentId}`;
export const unsnoozeKey = (incidentId: string) => `incident.unsnooze:${incidentId}`;
export const alertReleaseKey = (alertId: string) => `alert.release:${alertId}`;

export interface EscalatePayload {
  incident_id: string;
  round: number;
  /** Missing in steps enqueued before loops were keyed: 0. */
  loop?: number;
  level: number;
  /** A step the escalation scheduled itself (the policy moving on), not the start of a round. */
  follow?: boolean;
}
