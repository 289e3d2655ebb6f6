import { Type, type Static } from 'typebox';
import { iso, IsoTime } from '../../platform/http/pagination.js';
import type { CallMenu } from './call-routing.js';
import { twilioUrl } from './urls.js';

// Wire shapes of /api/v1/call-routing and of the form posts Twilio sends.

const Entry = Type.Object(
  {
    digit: Type.Integer({ minimum: 1, maximum: 9, description: 'the key a caller presses' }),
    service_id: Type.String({ minLength: 1, maxLength: 64 }),
    label: Type.String({ minLength: 1, maxLength: 100, description: 'what the menu says: "press 1 for <label>"' }),
  },
  { additionalProperties: false },
);

export const CallRoutingBody = Type.Object(
  {
    greeting: Type.Optional(Type.String({ maxLength: 500, description: 'said before the choices; default "You have reached the on-call line."' })),
    entries: Type.Array(Entry, { maxItems: 9, description: 'one per digit; an empty list turns the menu off' }),
  },
  { additionalProperties: false },
);
export type CallRoutingBody = Static<typeof CallRoutingBody>;

export const CallRoutingOut = Type.Object({
  greeting: Type.String(),
  entries: Type.Array(Type.Object({ digit: Type.Integer(), service_id: Type.String(), service_name: Type.String(), label: Type.String() })),
  updated_at: Type.Union([IsoTime, Type.Null()]),
  phone_number: Type.Union([Type.String(), Type.Null()], { description: 'the Twilio number callers dial (TOCSIN_TWILIO_FROM), null when Twilio is not configured' }),
  webhooks: Type.Object(
    { voice_url: Type.String(), sms_url: Type.String() },
    { description: "what to set as the number's Voice and Messaging webhooks (HTTP POST) in the Twilio console" },
  ),
});

export function serializeCallMenu(menu: CallMenu, publicUrl: string, phoneNumber: string | null): Static<typeof CallRoutingOut> {
  return {
    greeting: menu.greeting,
    entries: menu.entries,
    updated_at: iso(menu.updated_at),
    phone_number: phoneNumber,
    webhooks: { voice_url: twilioUrl(publicUrl, '/voice/inbound'), sms_url: twilioUrl(publicUrl, '/sms/inbound') },
  };
}

// Twilio's form posts: the fields Tocsin reads, everything else passed through (the signature covers it all).
const Form = { additionalProperties: true } as const;
const Str = Type.String({ maxLength: 2000 });

export const KeyQuery = Type.Object({ key: Type.String({ minLength: 1, maxLength: 200 }) });
export const RetryQuery = Type.Object({ retry: Type.Optional(Type.Integer({ minimum: 0, maximum: 1 })) });
export const DialStatusQuery = Type.Object({
  incident: Type.String({ minLength: 1, maxLength: 64 }),
  level: Type.Integer({ minimum: 1, maximum: 100 }),
  tried: Type.String({ maxLength: 4000, default: '' }),
});

export const MessageStatusForm = Type.Object({ MessageStatus: Str, MessageSid: Type.Optional(Str), ErrorCode: Type.Optional(Str) }, Form);
export const CallStatusForm = Type.Object({ CallStatus: Str, CallSid: Type.Optional(Str), ErrorCode: Type.Optional(Str), CallDuration: Type.Optional(Str) }, Form);
export const SmsInboundForm = Type.Object({ From: Str, Body: Type.Optional(Type.String({ maxLength: 10_000 })) }, Form);
export const VoiceForm = Type.Object({ From: Type.Optional(Str), To: Type.Optional(Str), CallSid: Type.Optional(Str), Digits: Type.Optional(Str) }, Form);
export const DialStatusForm = Type.Object({ DialCallStatus: Str, CallStatus: Type.Optional(Str) }, Form);
