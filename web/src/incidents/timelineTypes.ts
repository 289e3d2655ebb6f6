/** What each kind of timeline entry is called on the incident page, and the colour it is drawn in. */

const TYPE_LABEL: Record<string, string> = {
  note: 'Note',
  status_update: 'Status update',
  'incident.triggered': 'Triggered',
  'incident.acknowledged': 'Acknowledged',
  'incident.unacknowledged': 'Unacknowledged',
  'incident.resolved': 'Resolved',
  'incident.retriggered': 'Triggered again',
  'incident.snoozed': 'Snoozed',
  'incident.unsnoozed': 'Snooze ended',
  'incident.escalated': 'Escalated',
  'incident.reassigned': 'Reassigned',
  'incident.merged': 'Merged',
  'incident.urgency_changed': 'Urgency',
  'incident.priority_changed': 'Priority',
  'incident.ack_timeout': 'Acknowledgement timed out',
  'alert.grouped': 'Alert joined',
  'alert.resolved': 'Alert resolved',
  'alert.acknowledged': 'Alert acknowledged',
  // Paging: the escalation's decisions and each message's fate.
  'notification.sent': 'Notified',
  'notification.delivered': 'Delivered',
  'notification.failed': 'Notification failed',
  'notification.held': 'Held by the throttle',
  'notification.skipped': 'Not notified',
  'notification.failover': 'Trying another method',
  'notification.no_failover': 'No other method',
  'notification.method_disabled': 'Contact method disabled',
  'escalation.level_paged': 'Level paged',
  'escalation.round_robin_turn': 'Round robin',
  'escalation.schedule_empty': 'Nobody on call',
  'escalation.user_missing': 'Person gone',
  'escalation.no_rules': 'No notification rules',
  'escalation.level_empty': 'Level reached nobody',
  'escalation.nobody_reachable': 'Nobody reachable',
  'escalation.admins_paged': 'Admins paged',
  'escalation.admins_unreachable': 'Admins unreachable',
  'escalation.exhausted': 'Policy ran out',
};

export function typeLabel(type: string): string {
  return TYPE_LABEL[type] ?? type.replace(/^[a-z]+\./, '').replace(/_/g, ' ');
}

/** Paging that went wrong or reached nobody: shown as a warning. */
const PAGING_PROBLEMS = new Set([
  'notification.failed',
  'notification.skipped',
  'notification.no_failover',
  'notification.method_disabled',
  'escalation.schedule_empty',
  'escalation.user_missing',
  'escalation.no_rules',
  'escalation.level_empty',
  'escalation.nobody_reachable',
  'escalation.admins_unreachable',
  'escalation.exhausted',
]);

export function timelineTone(type: string): string {
  if (type === 'note') return 'note';
  if (type === 'status_update') return 'update';
  if (PAGING_PROBLEMS.has(type)) return 'problem';
  if (type.startsWith('notification.') || type.startsWith('escalation.')) return 'paging';
  if (type.endsWith('.resolved')) return 'resolved';
  if (type.endsWith('.acknowledged') || type.endsWith('.snoozed')) return 'acknowledged';
  if (type.endsWith('triggered') || type.endsWith('.escalated') || type.endsWith('.ack_timeout')) return 'triggered';
  return 'plain';
}
