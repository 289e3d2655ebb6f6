// Where Twilio reaches Tocsin. Absolute URLs under the public URL: Twilio signs the exact URL it
// requests, so every URL handed to Twilio is built here, the same way each time.

export const TWILIO_BASE = '/api/v1/twilio';

export type TwilioPath = '/sms/status' | '/voice/status' | '/sms/inbound' | '/voice/inbound' | '/voice/keypress' | '/voice/route' | '/voice/dial-status';

export function twilioUrl(publicUrl: string, path: TwilioPath, query: Record<string, string | number> = {}): string {
  const qs = new URLSearchParams(Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)]))).toString();
  return `${publicUrl.replace(/\/$/, '')}${TWILIO_BASE}${path}${qs ? `?${qs}` : ''}`;
}

/** Where a page call's key press goes; `key` is the notification (delivery record) id. */
export function keypressUrl(publicUrl: string, notificationId: string): string {
  return twilioUrl(publicUrl, '/voice/keypress', { key: notificationId });
}
