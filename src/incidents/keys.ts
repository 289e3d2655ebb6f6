// Job kinds and keys of the incident domain, in one place: commands cancel by these prefixes.

export const ESCALATE_JOB = 'incident.escalate';
export const ACK_TIMEOUT_JOB = 'incident.ack_timeout';
export const AUTO_RESOLVE_JOB = 'incident.auto_resolve';
export const UNSNOOZE_JOB = 'incident.unsnooze';
export const ALERT_RELEASE_JOB = 'alert.release';

/**
 * `escalate:<incident>:<round>:<level>`. The round grows each time the incident (re)enters
 * `triggered` (new, un-acknowledged, ack timeout, snooze over), so a new round's steps never
 * collide with the done keys of an earlier one.
 */
export const escalateKey = (incidentId: string, round: number, level: number) => `escalate:${incidentId}:${round}:${level}`;
export const escalatePrefix = (incidentId: string) => `escalate:${incidentId}:`;
export const ackTimeoutKey = (incidentId: string) => `incident.ack_timeout:${incidentId}`;
export const autoResolveKey = (incidentId: string) => `incident.auto_resolve:${incidentId}`;
export const unsnoozeKey = (incidentId: string) => `incident.unsnooze:${incidentId}`;
export const alertReleaseKey = (alertId: string) => `alert.release:${alertId}`;

export interface EscalatePayload {
  incident_id: string;
  round: number;
  level: number;
}
