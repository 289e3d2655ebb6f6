import { actionLinkUrl, LINK_TTL_MS, signActionLink } from './action-links.js';
import type { IncidentSummary, OutboundMessage } from './channels/types.js';
import { bundleSummary } from './throttle.js';
import type { ContactType } from './tables.js';

// What a page says. One incident: its number, title, service and urgency, with signed
// acknowledge/resolve links where the medium can carry a link; several (a throttle bundle):
// "5 new incidents on payments-api" and the list.

export function incidentUrl(publicUrl: string, incidentId: string): string {
  return `${publicUrl.replace(/\/$/, '')}/incidents/${incidentId}`;
}

/** Media where a link can be clicked (SMS and voice act by reply and key press instead). */
const LINKED: ReadonlySet<ContactType> = new Set(['email', 'slack', 'webhook']);

export interface PageInput {
  notificationId: string;
  incidents: IncidentSummary[];
  contactType: ContactType;
  userId: string | null;
  publicUrl: string;
  now: number;
  /** The installation's action_link_key (notify/secrets.ts). */
  linkKey: string;
}

export function pageMessage(input: PageInput): OutboundMessage {
  const { incidents } = input;
  const single = incidents.length === 1 ? incidents[0]! : null;
  const subject = single
    ? `[Tocsin] #${single.number} ${single.title} (${single.service.name}, ${single.urgency} urgency)`
    : `[Tocsin] ${bundleSummary(incidents.map((i) => ({ incident_id: i.id, incident_number: i.number, title: i.title, service_name: i.service.name })))}`;
  // Voice speaks the text (its own prompt offers the key presses); SMS invites a reply.
  const reply = input.contactType === 'voice' ? '' : input.contactType === 'sms' ? ` Reply "ack ${single?.number}" or "resolve ${single?.number}".` : '';
  const text = single
    ? `Tocsin ${input.contactType === 'voice' ? 'incident ' : '#'}${single.number}: ${single.title} on ${single.service.name} (${single.urgency} urgency).${reply}`
    : `Tocsin: ${bundleSummary(incidents.map((i) => ({ incident_id: i.id, incident_number: i.number, title: i.title, service_name: i.service.name })))}: ` +
      incidents.map((i) => `#${i.number} ${i.title}`).join('; ');
  const message: OutboundMessage = {
    kind: single ? 'incident' : 'bundle',
    subject,
    text,
    incidents,
    idempotencyKey: input.notificationId,
  };
  if (single && input.userId && LINKED.has(input.contactType)) {
    const expiresAt = input.now + LINK_TTL_MS;
    const link = (action: 'acknowledge' | 'resolve') =>
      actionLinkUrl(input.publicUrl, signActionLink(input.linkKey, { incidentId: single.id, action, userId: input.userId!, expiresAt }));
    message.links = { acknowledge: link('acknowledge'), resolve: link('resolve') };
  }
  return message;
}
