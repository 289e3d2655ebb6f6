import type { FastifyReply } from 'fastify';
import type { App } from '../../app-context.js';
import { transact } from '../../platform/db/transaction.js';
import { applyProviderStatus } from '../outcome.js';
import { answerInbound, afterDial, routeCall, type CallDeps } from './call-flow.js';
import { getCallMenu, replaceCallMenu } from './call-routing.js';
import { answerKeypress } from './keypress.js';
import {
  CallRoutingBody,
  CallRoutingOut,
  CallStatusForm,
  DialStatusForm,
  DialStatusQuery,
  KeyQuery,
  MessageStatusForm,
  RetryQuery,
  serializeCallMenu,
  SmsInboundForm,
  VoiceForm,
} from './schemas.js';
import { parseForm, twilioSignatureCheck } from './signature.js';
import { answerSms } from './sms.js';
import { callStatusUpdate, messageStatusUpdate, type StatusUpdate } from './status.js';
import { emptyMessaging, emptyVoice, smsReply } from './twiml.js';
import { keypressUrl } from './urls.js';
import './policy.js';

// Everything Twilio sends to Tocsin (status callbacks, SMS replies, key presses, inbound calls)
// and the phone menu's admin API. The webhooks are public by policy: Twilio authenticates by
// signature (signature.ts), checked before anything else on every one of them.

export async function twilioRoutes(app: App): Promise<void> {
  const tags = ['call-routing'];
  const phoneNumber = () => app.deps.config.twilio?.from ?? null;

  app.get(
    '/api/v1/call-routing',
    { config: { policy: 'call_routing.get' }, schema: { tags, summary: "The phone menu of the Twilio number and the webhook URLs to set in Twilio", response: { 200: CallRoutingOut } } },
    async () => serializeCallMenu(await getCallMenu(app.deps.db), app.deps.config.publicUrl, phoneNumber()),
  );

  app.put(
    '/api/v1/call-routing',
    {
      config: { policy: 'call_routing.update' },
      schema: { tags, summary: 'Replace the phone menu: a greeting and one service per digit', body: CallRoutingBody, response: { 200: CallRoutingOut } },
    },
    async (req) => serializeCallMenu(await replaceCallMenu(app.ctx(req), req.body), app.deps.config.publicUrl, phoneNumber()),
  );

  await app.register(async (instance) => {
    const tw = instance as unknown as App;
    tw.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, parseForm(body as string)));
    tw.addHook('preValidation', twilioSignatureCheck(app));
    // Twilio's bursts of status callbacks come from few addresses; the signature is the gate here.
    const config = { policy: 'public', rateLimit: false as const };
    const xml = (reply: FastifyReply, body: string) => reply.type('text/xml; charset=utf-8').send(body);
    const callDeps = (): CallDeps => ({ db: app.deps.db, clock: app.deps.clock, publicUrl: app.deps.config.publicUrl, twilioNumber: app.deps.config.twilio!.from });

    const status = async (reply: FastifyReply, key: string, kind: string, update: StatusUpdate | null) => {
      if (update) {
        const now = app.deps.clock.now();
        const { status, provider_id, response } = update;
        const known = await transact(app.deps.db, (tx) => applyProviderStatus(tx, key, { status, ...(provider_id ? { provider_id } : {}), response }, now));
        // Still 200: Twilio retries anything else, and an unknown record will not appear later.
        if (!known) reply.log.warn({ kind, status }, 'Twilio status callback for an unknown notification');
      }
      return xml(reply, emptyVoice());
    };

    tw.post(
      '/api/v1/twilio/sms/status',
      { config, schema: { hide: true, querystring: KeyQuery, body: MessageStatusForm } },
      async (req, reply) => status(reply, req.query.key, 'sms', messageStatusUpdate(req.body as Record<string, string>)),
    );

    tw.post(
      '/api/v1/twilio/voice/status',
      { config, schema: { hide: true, querystring: KeyQuery, body: CallStatusForm } },
      async (req, reply) => status(reply, req.query.key, 'voice', callStatusUpdate(req.body as Record<string, string>)),
    );

    tw.post('/api/v1/twilio/sms/inbound', { config, schema: { hide: true, body: SmsInboundForm } }, async (req, reply) => {
      const text = await answerSms(app.deps, req.body.From, req.body.Body ?? '');
      return xml(reply, text ? smsReply(text) : emptyMessaging());
    });

    tw.post('/api/v1/twilio/voice/keypress', { config, schema: { hide: true, querystring: KeyQuery, body: VoiceForm } }, async (req, reply) =>
      xml(reply, await answerKeypress(app.deps, req.query.key, req.body.Digits ?? '', keypressUrl(app.deps.config.publicUrl, req.query.key))),
    );

    tw.post('/api/v1/twilio/voice/inbound', { config, schema: { hide: true, querystring: RetryQuery, body: VoiceForm } }, async (req, reply) =>
      xml(reply, await answerInbound(callDeps(), req.query.retry === 1)),
    );

    tw.post('/api/v1/twilio/voice/route', { config, schema: { hide: true, querystring: RetryQuery, body: VoiceForm } }, async (req, reply) =>
      xml(reply, await routeCall(callDeps(), req.body, req.query.retry === 1)),
    );

    tw.post('/api/v1/twilio/voice/dial-status', { config, schema: { hide: true, querystring: DialStatusQuery, body: DialStatusForm } }, async (req, reply) =>
      xml(reply, await afterDial(callDeps(), req.query, req.body)),
    );
  });
}
