import type { Config } from '../../platform/config.js';
import type { ContactType } from '../tables.js';
import { emailChannel } from './email.js';
import { slackChannel } from './slack.js';
import { twilioSmsChannel, twilioVoiceChannel } from './twilio.js';
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

/** The channels as the configuration (platform/config.ts: TOCSIN_SMTP_URL, TOCSIN_TWILIO_*, TOCSIN_SLACK_*, TOCSIN_ALLOW_PRIVATE_WEBHOOKS) sets them up. */
export function channelsFromConfig(config: Config): ChannelRegistry {
  const base = config.publicUrl.replace(/\/$/, '');
  const channels: Channel[] = [];
  channels.push(config.smtpUrl ? emailChannel({ smtpUrl: config.smtpUrl, from: config.emailFrom }) : unconfiguredChannel('email', 'set TOCSIN_SMTP_URL'));
  if (config.twilio) {
    const twilio = {
      accountSid: config.twilio.accountSid,
      authToken: config.twilio.authToken,
      from: config.twilio.from,
      baseUrl: config.twilio.apiUrl,
      // The delivery record is found again by the notification's id (its idempotency key).
      statusCallbackUrl: (kind: 'sms' | 'voice', message: { idempotencyKey: string }) => `${base}/api/v1/twilio/${kind}/status?key=${encodeURIComponent(message.idempotencyKey)}`,
    };
    channels.push(twilioSmsChannel(twilio), twilioVoiceChannel(twilio));
  } else {
    const hint = 'set TOCSIN_TWILIO_ACCOUNT_SID, TOCSIN_TWILIO_AUTH_TOKEN and TOCSIN_TWILIO_FROM';
    channels.push(unconfiguredChannel('sms', hint), unconfiguredChannel('voice', hint));
  }
  channels.push(
    config.slackBotToken
      ? slackChannel({ botToken: config.slackBotToken, ...(config.slackApiUrl ? { apiUrl: config.slackApiUrl } : {}) })
      : unconfiguredChannel('slack', 'set TOCSIN_SLACK_BOT_TOKEN'),
  );
  channels.push(webhookChannel({ allowPrivate: config.allowPrivateWebhooks }));
  return channelRegistry(channels);
}
