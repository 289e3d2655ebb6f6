import type { ProviderStatus } from '../outcome.js';

// Twilio's status callbacks in the delivery record's terms. Pure; unknown statuses (Twilio adds
// some now and then) map to null and change nothing.

const MESSAGE: Record<string, ProviderStatus> = {
  queued: 'sent',
  accepted: 'sent',
  scheduled: 'sent',
  sending: 'sent',
  sent: 'sent',
  delivered: 'delivered',
  read: 'delivered',
  failed: 'failed',
  undelivered: 'failed',
};

const CALL: Record<string, ProviderStatus> = {
  queued: 'sent',
  initiated: 'sent',
  ringing: 'sent',
  'in-progress': 'sent',
  // Twilio cannot tell a person from voicemail without machine detection: a completed call counts as delivered.
  completed: 'delivered',
  busy: 'failed',
  'no-answer': 'failed',
  failed: 'failed',
  canceled: 'failed',
};

export interface StatusUpdate {
  status: ProviderStatus;
  provider_id: string | undefined;
  response: string;
}

type Params = Record<string, string | undefined>;

export function messageStatusUpdate(p: Params): StatusUpdate | null {
  const raw = (p.MessageStatus ?? p.SmsStatus ?? '').toLowerCase();
  const status = MESSAGE[raw];
  if (!status) return null;
  const code = p.ErrorCode ? ` (error ${p.ErrorCode})` : '';
  return { status, provider_id: p.MessageSid ?? p.SmsSid, response: `Twilio: message ${raw}${code}` };
}

export function callStatusUpdate(p: Params): StatusUpdate | null {
  const raw = (p.CallStatus ?? '').toLowerCase();
  const status = CALL[raw];
  if (!status) return null;
  const extra = p.ErrorCode ? ` (error ${p.ErrorCode})` : p.CallDuration ? ` after ${p.CallDuration} s` : '';
  return { status, provider_id: p.CallSid, response: `Twilio: call ${raw}${extra}` };
}
