import { ErrorCode, LogLevel, WebClient, type Logger } from '@slack/web-api';
import type { Channel, ContactTarget, DeliveryContext, DeliveryResult, OutboundMessage } from './types.js';
import { permanentFailure, retryableFailure } from './types.js';

// Slack through the official Web API client: chat.postMessage to a user id (a direct message
// from the app) or a channel id. The client is told not to retry by itself (retries: 0) and to
// reject rate-limited calls at once (rejectRateLimitedCalls) instead of sleeping through the
// Retry-After: the job queue owns retries, so a 429 comes back as a retryable failure with
// retry_after_ms and the message is tried again later, never lost or sent twice by the client.

export interface SlackConfig {
  botToken: string;
  /** Default https://slack.com/api/; a local stand-in in tests. */
  apiUrl?: string;
  timeoutMs?: number;
}

/** Slack errors that may clear up on their own. */
const TRANSIENT = new Set(['ratelimited', 'service_unavailable', 'internal_error', 'fatal_error', 'request_timeout', 'team_added_to_org']);

const quiet: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  setLevel: () => undefined,
  getLevel: () => LogLevel.ERROR,
  setName: () => undefined,
};

function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Blocks of a page: title linked to the incident, then service and urgency. */
export function slackBlocks(message: OutboundMessage): unknown[] {
  if (message.incidents.length === 0) return [{ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(message.text) } }];
  if (message.incidents.length > 1) {
    const lines = message.incidents.map((i) => `• <${i.url}|#${i.number} ${escapeMrkdwn(i.title)}> (${escapeMrkdwn(i.service.name)}, ${i.urgency})`);
    return [
      { type: 'header', text: { type: 'plain_text', text: message.subject.slice(0, 150) } },
      { type: 'section', text: { type: 'mrkdwn', text: lines.join('\n').slice(0, 3000) } },
    ];
  }
  const inc = message.incidents[0]!;
  return [
    { type: 'section', text: { type: 'mrkdwn', text: `:rotating_light: *<${inc.url}|#${inc.number} ${escapeMrkdwn(inc.title)}>*` } },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*Service*\n${escapeMrkdwn(inc.service.name)}` },
        { type: 'mrkdwn', text: `*Urgency*\n${inc.urgency}` },
        { type: 'mrkdwn', text: `*Status*\n${inc.status}` },
      ],
    },
  ];
}

export function slackChannel(config: SlackConfig): Channel {
  const client = new WebClient(config.botToken, {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl.endsWith('/') ? config.apiUrl : `${config.apiUrl}/` } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: config.timeoutMs ?? 10_000,
    logger: quiet,
    allowAbsoluteUrls: false,
  });
  return {
    type: 'slack',
    async send(message: OutboundMessage, target: ContactTarget, _ctx: DeliveryContext): Promise<DeliveryResult> {
      try {
        const res = await client.chat.postMessage({ channel: target.address, text: message.subject, blocks: slackBlocks(message) as never, unfurl_links: false });
        return { status: 'sent', provider_id: `${res.channel ?? target.address}:${res.ts ?? ''}`, provider_response: 'ok', retryable: false };
      } catch (e) {
        const err = e as { code?: string; retryAfter?: number; data?: { error?: string }; statusCode?: number; message?: string };
        switch (err.code) {
          case ErrorCode.RateLimitedError:
            return retryableFailure(`Slack rate limit: retry after ${err.retryAfter ?? '?'} s`, (err.retryAfter ?? 60) * 1000);
          case ErrorCode.PlatformError: {
            const code = err.data?.error ?? 'unknown_error';
            return TRANSIENT.has(code) ? retryableFailure(`Slack: ${code}`) : permanentFailure(`Slack: ${code}`);
          }
          case ErrorCode.HTTPError:
            return (err.statusCode ?? 500) >= 500 ? retryableFailure(`Slack HTTP ${err.statusCode}`) : permanentFailure(`Slack HTTP ${err.statusCode}`);
          default:
            return retryableFailure(`Slack unreachable: ${err.message ?? String(e)}`);
        }
      }
    },
  };
}
