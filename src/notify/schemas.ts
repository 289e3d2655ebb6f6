import { Type, type Static } from 'typebox';
import { iso, IsoTime, NullableIsoTime } from '../platform/http/pagination.js';
import type { Row } from '../platform/db/tables.js';

// Wire shapes of contact methods and notification rules (snake_case, ISO 8601).

export const ContactTypeSchema = Type.Enum(['email', 'sms', 'voice', 'slack', 'webhook'], { description: 'email | sms | voice | slack | webhook' });
export const UrgencySchema = Type.Enum(['high', 'low'], { description: 'high | low' });

export const ContactMethodParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), cid: Type.String({ minLength: 1, maxLength: 64 }) });
export const RuleParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), rid: Type.String({ minLength: 1, maxLength: 64 }) });

export const CreateContactMethodBody = Type.Object(
  {
    type: ContactTypeSchema,
    address: Type.String({
      minLength: 1,
      maxLength: 2000,
      description: 'email: an address; sms/voice: an E.164 number (+14155550123); slack: a user (U…) or channel (C…) id; webhook: an https URL',
    }),
    label: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);
export type CreateContactMethodBody = Static<typeof CreateContactMethodBody>;

export const UpdateContactMethodBody = Type.Object(
  {
    address: Type.Optional(Type.String({ minLength: 1, maxLength: 2000, description: 'a new SMS/voice number must be verified again' })),
    label: Type.Optional(Type.String({ maxLength: 100 })),
    enabled: Type.Optional(Type.Boolean({ description: 'false disables the method; true clears a disabled_reason (e.g. after repeated failures)' })),
  },
  { additionalProperties: false },
);
export type UpdateContactMethodBody = Static<typeof UpdateContactMethodBody>;

export const ContactMethodOut = Type.Object(
  {
    id: Type.String(),
    user_id: Type.String(),
    type: Type.String(),
    address: Type.String(),
    label: Type.String(),
    verified: Type.Boolean({ description: 'SMS and voice must be verified with a code before they are paged' }),
    verified_at: NullableIsoTime,
    disabled_reason: Type.Union([Type.String(), Type.Null()], { description: 'why the method is not paged (repeated failures, or disabled by hand)' }),
    consecutive_failures: Type.Integer(),
    signing_secret: Type.Optional(Type.String({ description: 'webhooks, in the create answer only: the key of X-Tocsin-Signature' })),
    created_at: IsoTime,
    updated_at: IsoTime,
  },
  { $id: 'ContactMethod' },
);
export type ContactMethodOut = Static<typeof ContactMethodOut>;

export function serializeContactMethod(row: Row<'contact_methods'>, signingSecret?: string): ContactMethodOut {
  return {
    id: row.id,
    user_id: row.user_id,
    type: row.type,
    address: row.address,
    label: row.label,
    verified: row.verified === 1,
    verified_at: iso(row.verified_at),
    disabled_reason: row.disabled_reason,
    consecutive_failures: Number(row.consecutive_failures),
    ...(signingSecret ? { signing_secret: signingSecret } : {}),
    created_at: iso(row.created_at)!,
    updated_at: iso(row.updated_at)!,
  };
}

export const VerificationSentOut = Type.Object({ sent_to: Type.String(), expires_at: IsoTime });
export const ConfirmBody = Type.Object({ code: Type.String({ minLength: 1, maxLength: 20 }) }, { additionalProperties: false });

export const DeliveryOut = Type.Object({
  status: Type.String({ description: 'sent | delivered | failed' }),
  provider_id: Type.Union([Type.String(), Type.Null()]),
  provider_response: Type.Union([Type.String(), Type.Null()]),
  retryable: Type.Boolean(),
});

export const CreateRuleBody = Type.Object(
  {
    urgency: UrgencySchema,
    start_delay_minutes: Type.Integer({ minimum: 0, maximum: 1440, description: 'minutes after the page starts' }),
    contact_method_id: Type.String({ minLength: 1, maxLength: 64 }),
  },
  { additionalProperties: false },
);
export type CreateRuleBody = Static<typeof CreateRuleBody>;

export const UpdateRuleBody = Type.Object(
  {
    urgency: Type.Optional(UrgencySchema),
    start_delay_minutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 1440 })),
    contact_method_id: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type UpdateRuleBody = Static<typeof UpdateRuleBody>;

export const RuleOut = Type.Object(
  {
    id: Type.String(),
    user_id: Type.String(),
    urgency: Type.String(),
    start_delay_minutes: Type.Integer(),
    contact_method_id: Type.String(),
    created_at: IsoTime,
    updated_at: IsoTime,
  },
  { $id: 'NotificationRule' },
);

export function serializeRule(row: Row<'notification_rules'>): Static<typeof RuleOut> {
  return {
    id: row.id,
    user_id: row.user_id,
    urgency: row.urgency,
    start_delay_minutes: Number(row.start_delay_minutes),
    contact_method_id: row.contact_method_id,
    created_at: iso(row.created_at)!,
    updated_at: iso(row.updated_at)!,
  };
}
