import { allowPrivateWebhooks } from '../addresses.js';
import type { ContactType } from '../tables.js';
import { emailChannel } from './email.js';
import { slackChannel } from './slack.js';
import { twilioSmsChannel, twilioVoiceChannel, TWILIO_API_URL } from './twilio.js';
import type { Channel } from './types.js';
import { permanentFailure } from './types.js';
import { webhookChannel } from './webhook.js';

export type { Channel, ContactTarget, DeliveryContext, DeliveryResult, IncidentSummary, OutboundMessage } from './types.js';

/** Every channel, one per contact method type: the only table adapters are registered in. */
export type ChannelRegistry = ReadonlyMap<ContactType, Channel>;

export const CONTACT_TYPES: readonly ContactType[] = ['email', 'sms', 'voice', 'slack', 'webhook'];

export function channelRegistry(channels: readonly Channel[]): ChannelRegistry {
  const map = new Map<ContactType, Channel>();
  for (const channel of channels) {
    if (map.has(channel.type)) throw new Error(`two channels for ${channel.type}`);
    map.set(channel.type, channel);
  }
  return map;
}

/** A channel whose provider is not configured: every send fails (not retryable) saying what to set. */
export function unconfiguredChannel(type: ContactType, hint: string): Channel {
  return { type, send: async () => permanentFailure(`${type} is not configured: ${hint}`) };
}

/**
 * The channels as the environment configures them. Read from process.env for now; these
 * variables move into platform/config.ts (ENVIRONMENT) when the notify job is wired:
 *   TOCSIN_SMTP_URL, TOCSIN_EMAIL_FROM                                   email
 *   TOCSIN_TWILIO_ACCOUNT_SID, TOCSIN_TWILIO_AUTH_TOKEN, TOCSIN_TWILIO_FROM,
 *   TOCSIN_TWILIO_API_URL (default https://api.twilio.com)               sms, voice
 *   TOCSIN_SLACK_BOT_TOKEN, TOCSIN_SLACK_API_URL                         slack
 *   TOCSIN_ALLOW_PRIVATE_WEBHOOKS=true                                   webhook
 */
export function channelsFromEnv(env: NodeJS.ProcessEnv, publicUrl: string): ChannelRegistry {
  const base = publicUrl.replace(/\/$/, '');
  const channels: Channel[] = [];
  channels.push(
    env.TOCSIN_SMTP_URL
      ? emailChannel({ smtpUrl: env.TOCSIN_SMTP_URL, from: env.TOCSIN_EMAIL_FROM || 'Tocsin <tocsin@localhost>' })
      : unconfiguredChannel('email', 'set TOCSIN_SMTP_URL'),
  );
  const sid = env.TOCSIN_TWILIO_ACCOUNT_SID;
  const token = env.TOCSIN_TWILIO_AUTH_TOKEN;
  const from = env.TOCSIN_TWILIO_FROM;
  if (sid && token && from) {
    const twilio = {
      accountSid: sid,
      authToken: token,
      from,
      baseUrl: env.TOCSIN_TWILIO_API_URL || TWILIO_API_URL,
      // The delivery record is found again by the notification's idempotency key.
      statusCallbackUrl: (kind: 'sms' | 'voice', message: { idempotencyKey: string }) => `${base}/api/v1/twilio/${kind}/status?key=${encodeURIComponent(message.idempotencyKey)}`,
    };
    channels.push(twilioSmsChannel(twilio), twilioVoiceChannel(twilio));
  } else {
    const hint = 'set TOCSIN_TWILIO_ACCOUNT_SID, TOCSIN_TWILIO_AUTH_TOKEN and TOCSIN_TWILIO_FROM';
    channels.push(unconfiguredChannel('sms', hint), unconfiguredChannel('voice', hint));
  }
  channels.push(
    env.TOCSIN_SLACK_BOT_TOKEN
      ? slackChannel({ botToken: env.TOCSIN_SLACK_BOT_TOKEN, ...(env.TOCSIN_SLACK_API_URL ? { apiUrl: env.TOCSIN_SLACK_API_URL } : {}) })
      : unconfiguredChannel('slack', 'set TOCSIN_SLACK_BOT_TOKEN'),
  );
  channels.push(webhookChannel({ allowPrivate: allowPrivateWebhooks(env) }));
  return channelRegistry(channels);
}
