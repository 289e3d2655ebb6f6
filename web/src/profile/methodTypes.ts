/** What each kind of contact method is called, what its address looks like, and its state in words. */
import type { ContactMethod, ContactType } from './queries.js';

export interface MethodType {
  type: ContactType;
  label: string;
  address: string;
  placeholder: string;
  hint: string;
  inputMode: 'email' | 'tel' | 'url' | 'text';
}

export const METHOD_TYPES: readonly MethodType[] = [
  { type: 'email', label: 'Email', address: 'Email address', placeholder: 'you@example.com', hint: 'Pages arrive as mail with acknowledge and resolve links.', inputMode: 'email' },
  { type: 'sms', label: 'SMS', address: 'Mobile number', placeholder: '+14155550123', hint: 'In international form (+ and country code). Verified with a code before it is paged.', inputMode: 'tel' },
  { type: 'voice', label: 'Voice call', address: 'Phone number', placeholder: '+14155550123', hint: 'In international form (+ and country code). Verified with a code before it is paged.', inputMode: 'tel' },
  { type: 'slack', label: 'Slack', address: 'Slack member or channel id', placeholder: 'U0123ABCD', hint: 'In Slack: your profile › ⋮ › Copy member ID (U…), or a channel’s details (C…).', inputMode: 'text' },
  { type: 'webhook', label: 'Webhook', address: 'URL', placeholder: 'https://example.com/hooks/tocsin', hint: 'An https URL; each request is signed with a secret shown once after adding it.', inputMode: 'url' },
];

export function methodType(type: string): MethodType {
  return METHOD_TYPES.find((t) => t.type === type) ?? { type: type as ContactType, label: type, address: 'Address', placeholder: '', hint: '', inputMode: 'text' };
}

export const needsVerifying = (m: ContactMethod) => (m.type === 'sms' || m.type === 'voice') && !m.verified;

/** Whether Tocsin pages this method now. */
export const isUsable = (m: ContactMethod) => m.verified && !m.disabled_reason;

/** "Email · ana@example.com" — how rules and pickers name a method. */
export function methodName(m: ContactMethod): string {
  const t = methodType(m.type).label;
  return m.label && m.label !== t ? `${m.label} (${t}, ${m.address})` : `${t} (${m.address})`;
}
