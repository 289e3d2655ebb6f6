import { Liquid } from 'liquidjs';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Channel, ContactTarget, DeliveryContext, DeliveryResult, OutboundMessage } from './types.js';
import { permanentFailure, retryableFailure } from './types.js';

// Email through SMTP (nodemailer, TOCSIN_SMTP_URL), with an HTML and a text part rendered from
// LiquidJS templates. A page carries its acknowledge and resolve links (signed, expiring,
// single-use: notify/action-links.ts); the caller signs them and puts them in the message.

export interface EmailConfig {
  /** smtp://user:pass@host:port or smtps://…; see nodemailer's SMTP transport. */
  smtpUrl: string;
  /** The From header, e.g. "Tocsin <tocsin@example.com>". */
  from: string;
  timeoutMs?: number;
}

const TEXT = `{{ subject }}
{% for i in incidents %}
#{{ i.number }} {{ i.title }}
  Service: {{ i.service.name }}
  Urgency: {{ i.urgency }}
  Status:  {{ i.status }}
  {{ i.url }}
{% endfor %}{% if incidents.size == 0 %}
{{ text }}
{% endif %}{% if links.acknowledge %}
Acknowledge: {{ links.acknowledge }}{% endif %}{% if links.resolve %}
Resolve: {{ links.resolve }}{% endif %}

-- 
Tocsin. These links work once and expire; you can always act in the console.
`;

const HTML = `<!doctype html>
<html><body style="font-family: system-ui, sans-serif; color: #1f2328">
<h2 style="margin: 0 0 12px">{{ subject }}</h2>
{% for i in incidents %}<table style="border-collapse: collapse; margin-bottom: 12px">
<tr><td colspan="2"><a href="{{ i.url }}"><strong>#{{ i.number }} {{ i.title }}</strong></a></td></tr>
<tr><td style="padding-right: 12px">Service</td><td>{{ i.service.name }}</td></tr>
<tr><td style="padding-right: 12px">Urgency</td><td>{{ i.urgency }}</td></tr>
<tr><td style="padding-right: 12px">Status</td><td>{{ i.status }}</td></tr>
</table>{% endfor %}{% if incidents.size == 0 %}<p>{{ text }}</p>{% endif %}
{% if links.acknowledge or links.resolve %}<p>
{% if links.acknowledge %}<a href="{{ links.acknowledge }}" style="display: inline-block; padding: 8px 14px; background: #1f6feb; color: #fff; text-decoration: none; border-radius: 4px">Acknowledge</a>{% endif %}
{% if links.resolve %}<a href="{{ links.resolve }}" style="display: inline-block; padding: 8px 14px; background: #1a7f37; color: #fff; text-decoration: none; border-radius: 4px">Resolve</a>{% endif %}
</p>{% endif %}
<p style="color: #656d76; font-size: 12px">Tocsin. These links work once and expire; you can always act in the console.</p>
</body></html>
`;

const htmlEngine = new Liquid({ outputEscape: 'escape', strictFilters: true });
const textEngine = new Liquid({ strictFilters: true });
const htmlTemplate = htmlEngine.parse(HTML);
const textTemplate = textEngine.parse(TEXT);

/** The two parts of a notification email. */
export async function renderEmail(message: OutboundMessage): Promise<{ subject: string; text: string; html: string }> {
  const scope = { subject: message.subject, text: message.text, incidents: message.incidents, links: message.links ?? {} };
  const [text, html] = await Promise.all([textEngine.render(textTemplate, scope), htmlEngine.render(htmlTemplate, scope)]);
  return { subject: message.subject.replace(/[\r\n]+/g, ' ').slice(0, 250), text: String(text), html: String(html) };
}

/** SMTP reply codes 4xx are temporary (try again), 5xx permanent (RFC 5321). */
function smtpFailure(e: unknown): DeliveryResult {
  const err = e as { responseCode?: number; response?: string; code?: string; message?: string };
  const described = `SMTP ${err.responseCode ?? err.code ?? 'error'}: ${err.response ?? err.message ?? String(e)}`;
  if (typeof err.responseCode === 'number') return err.responseCode >= 500 ? permanentFailure(described) : retryableFailure(described);
  // A refused envelope without a reply code is a bad address: no retry will fix it.
  if (err.code === 'EENVELOPE') return permanentFailure(described);
  return retryableFailure(described);
}

export function emailChannel(config: EmailConfig): Channel {
  let transport: Transporter | null = null;
  const transporter = () => {
    const timeout = config.timeoutMs ?? 10_000;
    transport ??= nodemailer.createTransport({ url: config.smtpUrl, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout } as never);
    return transport;
  };
  return {
    type: 'email',
    async send(message: OutboundMessage, target: ContactTarget, _ctx: DeliveryContext): Promise<DeliveryResult> {
      const parts = await renderEmail(message);
      try {
        const info = (await transporter().sendMail({
          from: config.from,
          to: target.address,
          subject: parts.subject,
          text: parts.text,
          html: parts.html,
          headers: { 'X-Tocsin-Idempotency-Key': message.idempotencyKey },
        })) as { messageId?: string; response?: string };
        return { status: 'sent', provider_id: info.messageId, provider_response: info.response?.slice(0, 300), retryable: false };
      } catch (e) {
        return smtpFailure(e);
      }
    },
  };
}
