import twilio from 'twilio';
import { pageCall, sayTwice } from '../twilio/twiml.js';
import { keypressUrl } from '../twilio/urls.js';
import type { Channel, ContactTarget, DeliveryContext, DeliveryResult, OutboundMessage } from './types.js';
import { permanentFailure, retryableFailure, retryAfterMs } from './types.js';

// SMS and voice through Twilio's REST API (2010-04-01): `POST {base}/2010-04-01/Accounts/{sid}/
// Messages.json` and `.../Calls.json`, form-encoded, HTTP Basic auth with the account SID and
// auth token. Plain fetch, no SDK: the official `twilio` package is used only for what must match
// Twilio exactly: the X-Twilio-Signature check of inbound requests (verifyTwilioSignature) and
// the TwiML a call speaks (../twilio/twiml.ts).

export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  /** The Twilio number (E.164) or messaging service messages come from. */
  from: string;
  /** Default https://api.twilio.com; a local stand-in in tests. */
  baseUrl?: string;
  /** Where Twilio posts delivery status; omitted when not set. */
  statusCallbackUrl?: (kind: 'sms' | 'voice', message: OutboundMessage, target: ContactTarget) => string | undefined;
  timeoutMs?: number;
}

export const TWILIO_API_URL = 'https://api.twilio.com';

/** Twilio's SMS segments are 160 GSM characters; a page stays within a few of them. */
const SMS_MAX = 640;

/**
 * The TwiML a page call speaks. A page about incidents says the message and "Press 4 to
 * acknowledge, 6 to resolve", the key press going to the notification's keypress URL; anything
 * else (a verification code, a test) is said twice.
 */
export function pageTwiml(message: OutboundMessage, publicUrl?: string): string {
  const actable = message.kind === 'incident' || message.kind === 'bundle';
  return publicUrl && actable ? pageCall(message.text, keypressUrl(publicUrl, message.idempotencyKey)) : sayTwice(message.text);
}

export function smsBody(message: OutboundMessage): string {
  return message.text.length <= SMS_MAX ? message.text : `${message.text.slice(0, SMS_MAX - 1)}…`;
}

interface TwilioAnswer {
  sid?: string;
  status?: string;
  code?: number;
  message?: string;
}

async function post(config: TwilioConfig, resource: 'Messages' | 'Calls', form: Record<string, string>, now: number): Promise<DeliveryResult> {
  const base = (config.baseUrl ?? TWILIO_API_URL).replace(/\/$/, '');
  const url = `${base}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/${resource}.json`;
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: new URLSearchParams(form).toString(),
      redirect: 'error',
      signal: AbortSignal.timeout(config.timeoutMs ?? 10_000),
    });
  } catch (e) {
    return retryableFailure(`Twilio unreachable: ${(e as Error).message}`);
  }
  const raw = await res.text();
  let answer: TwilioAnswer = {};
  try {
    answer = JSON.parse(raw) as TwilioAnswer;
  } catch {
    // Not JSON (a proxy's page): described by the status below.
  }
  const described = answer.code !== undefined ? `Twilio ${res.status} (error ${answer.code}): ${answer.message ?? ''}` : `Twilio ${res.status}: ${raw.slice(0, 300)}`;
  if (res.status === 200 || res.status === 201) {
    if (!answer.sid) return retryableFailure(`Twilio ${res.status} without a sid`);
    return { status: 'sent', provider_id: answer.sid, provider_response: `${resource === 'Messages' ? 'message' : 'call'} ${answer.status ?? 'queued'}`, retryable: false };
  }
  if (res.status === 429) return retryableFailure(described, retryAfterMs(res.headers.get('retry-after'), now));
  if (res.status >= 500) return retryableFailure(described);
  // 400 (bad number, unverified caller id…), 401 (credentials), 404: trying again will not help.
  return permanentFailure(described);
}

export function twilioSmsChannel(config: TwilioConfig): Channel {
  return {
    type: 'sms',
    async send(message: OutboundMessage, target: ContactTarget, ctx: DeliveryContext): Promise<DeliveryResult> {
      const callback = config.statusCallbackUrl?.('sms', message, target);
      return post(config, 'Messages', { To: target.address, From: config.from, Body: smsBody(message), ...(callback ? { StatusCallback: callback } : {}) }, ctx.now);
    },
  };
}

export function twilioVoiceChannel(config: TwilioConfig): Channel {
  return {
    type: 'voice',
    async send(message: OutboundMessage, target: ContactTarget, ctx: DeliveryContext): Promise<DeliveryResult> {
      const callback = config.statusCallbackUrl?.('voice', message, target);
      const form: Record<string, string> = { To: target.address, From: config.from, Twiml: pageTwiml(message, ctx.publicUrl) };
      if (callback) {
        form.StatusCallback = callback;
        form.StatusCallbackMethod = 'POST';
      }
      const result = await post(config, 'Calls', form, ctx.now);
      return result;
    },
  };
}

/**
 * Whether an inbound request (status callback, SMS reply, key press) really comes from Twilio:
 * the official package's check of X-Twilio-Signature over the full URL Twilio requested and the
 * POST parameters. A missing signature is refused.
 */
export function verifyTwilioSignature(authToken: string, url: string, params: Record<string, string | string[]>, signature: string | undefined | null): boolean {
  if (!signature || !authToken) return false;
  return twilio.validateRequest(authToken, signature, url, params);
}
