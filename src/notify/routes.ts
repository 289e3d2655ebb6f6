import { Type } from 'typebox';
import type { App } from '../app-context.js';
import { IdParams, iso } from '../platform/http/pagination.js';
import { getUser } from '../access/users/queries.js';
import {
  confirmVerificationCode,
  createContactMethod,
  deleteContactMethod,
  sendTestMessage,
  sendVerificationCode,
  updateContactMethod,
} from './contact-method-commands.js';
import { getContactMethod, getNotificationRule, listContactMethods, listNotificationRules } from './queries.js';
import { createNotificationRule, deleteNotificationRule, updateNotificationRule } from './rule-commands.js';
import { channelsFor } from './runtime.js';
import {
  ConfirmBody,
  ContactMethodOut,
  ContactMethodParams,
  CreateContactMethodBody,
  CreateRuleBody,
  DeliveryOut,
  RuleOut,
  RuleParams,
  serializeContactMethod,
  serializeRule,
  UpdateContactMethodBody,
  UpdateRuleBody,
  VerificationSentOut,
} from './schemas.js';
import './policy.js';

export async function notifyRoutes(app: App): Promise<void> {
  const db = () => app.deps.db;
  const channelDeps = () => ({ channels: channelsFor(app.deps), publicUrl: app.deps.config.publicUrl });
  const webhookOpts = () => ({ allowPrivateWebhooks: app.deps.config.allowPrivateWebhooks });
  const cmTags = ['contact-methods'];
  const ruleTags = ['notification-rules'];

  // ---- contact methods --------------------------------------------------------------------

  app.get(
    '/api/v1/users/:id/contact-methods',
    { config: { policy: 'contact_methods.list' }, schema: { tags: cmTags, summary: "A person's contact methods", params: IdParams, response: { 200: Type.Object({ data: Type.Array(ContactMethodOut) }) } } },
    async (req) => {
      await getUser(db(), req.params.id);
      return { data: (await listContactMethods(db(), req.params.id)).map((r) => serializeContactMethod(r)) };
    },
  );

  app.post(
    '/api/v1/users/:id/contact-methods',
    {
      config: { policy: 'contact_methods.create' },
      schema: { tags: cmTags, summary: 'Add a contact method (SMS and voice start unverified)', params: IdParams, body: CreateContactMethodBody, response: { 201: ContactMethodOut } },
    },
    async (req, reply) => {
      const { row, signingSecret } = await createContactMethod(app.ctx(req), req.params.id, req.body, webhookOpts());
      return reply.status(201).send(serializeContactMethod(row, signingSecret));
    },
  );

  app.get(
    '/api/v1/users/:id/contact-methods/:cid',
    { config: { policy: 'contact_methods.get' }, schema: { tags: cmTags, summary: 'A contact method', params: ContactMethodParams, response: { 200: ContactMethodOut } } },
    async (req) => serializeContactMethod(await getContactMethod(db(), req.params.id, req.params.cid)),
  );

  app.patch(
    '/api/v1/users/:id/contact-methods/:cid',
    {
      config: { policy: 'contact_methods.update' },
      schema: { tags: cmTags, summary: 'Change a contact method, or enable or disable it', params: ContactMethodParams, body: UpdateContactMethodBody, response: { 200: ContactMethodOut } },
    },
    async (req) => serializeContactMethod(await updateContactMethod(app.ctx(req), req.params.id, req.params.cid, req.body, webhookOpts())),
  );

  app.delete(
    '/api/v1/users/:id/contact-methods/:cid',
    {
      config: { policy: 'contact_methods.delete' },
      schema: { tags: cmTags, summary: 'Delete a contact method and the notification rules using it', params: ContactMethodParams, response: { 204: Type.Null() } },
    },
    async (req, reply) => {
      await deleteContactMethod(app.ctx(req), req.params.id, req.params.cid);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/users/:id/contact-methods/:cid/verify',
    {
      config: { policy: 'contact_methods.verify' },
      schema: { tags: cmTags, summary: 'Send a 6-digit verification code to an SMS or voice number', params: ContactMethodParams, response: { 202: VerificationSentOut } },
    },
    async (req, reply) => {
      const sent = await sendVerificationCode(app.ctx(req), channelDeps(), req.params.id, req.params.cid);
      return reply.status(202).send({ sent_to: sent.sentTo, expires_at: iso(sent.expiresAt)! });
    },
  );

  app.post(
    '/api/v1/users/:id/contact-methods/:cid/verify/confirm',
    {
      config: { policy: 'contact_methods.verify' },
      schema: { tags: cmTags, summary: 'Confirm the code that was sent', params: ContactMethodParams, body: ConfirmBody, response: { 200: ContactMethodOut } },
    },
    async (req) => serializeContactMethod(await confirmVerificationCode(app.ctx(req), req.params.id, req.params.cid, req.body.code)),
  );

  app.post(
    '/api/v1/users/:id/contact-methods/:cid/test',
    {
      config: { policy: 'contact_methods.test' },
      schema: { tags: cmTags, summary: 'Send a test message now and report how it went', params: ContactMethodParams, response: { 200: DeliveryOut } },
    },
    async (req) => {
      const r = await sendTestMessage(app.ctx(req), channelDeps(), req.params.id, req.params.cid);
      return { status: r.status, provider_id: r.provider_id ?? null, provider_response: r.provider_response ?? null, retryable: r.retryable };
    },
  );

  // ---- notification rules -----------------------------------------------------------------

  app.get(
    '/api/v1/users/:id/notification-rules',
    { config: { policy: 'notification_rules.list' }, schema: { tags: ruleTags, summary: "A person's notification rules", params: IdParams, response: { 200: Type.Object({ data: Type.Array(RuleOut) }) } } },
    async (req) => {
      await getUser(db(), req.params.id);
      return { data: (await listNotificationRules(db(), req.params.id)).map(serializeRule) };
    },
  );

  app.post(
    '/api/v1/users/:id/notification-rules',
    { config: { policy: 'notification_rules.create' }, schema: { tags: ruleTags, summary: 'Add a notification rule', params: IdParams, body: CreateRuleBody, response: { 201: RuleOut } } },
    async (req, reply) => reply.status(201).send(serializeRule(await createNotificationRule(app.ctx(req), req.params.id, req.body))),
  );

  app.get(
    '/api/v1/users/:id/notification-rules/:rid',
    { config: { policy: 'notification_rules.get' }, schema: { tags: ruleTags, summary: 'A notification rule', params: RuleParams, response: { 200: RuleOut } } },
    async (req) => serializeRule(await getNotificationRule(db(), req.params.id, req.params.rid)),
  );

  app.patch(
    '/api/v1/users/:id/notification-rules/:rid',
    { config: { policy: 'notification_rules.update' }, schema: { tags: ruleTags, summary: 'Change a notification rule', params: RuleParams, body: UpdateRuleBody, response: { 200: RuleOut } } },
    async (req) => serializeRule(await updateNotificationRule(app.ctx(req), req.params.id, req.params.rid, req.body)),
  );

  app.delete(
    '/api/v1/users/:id/notification-rules/:rid',
    { config: { policy: 'notification_rules.delete' }, schema: { tags: ruleTags, summary: 'Delete a notification rule', params: RuleParams, response: { 204: Type.Null() } } },
    async (req, reply) => {
      await deleteNotificationRule(app.ctx(req), req.params.id, req.params.rid);
      return reply.status(204).send(null);
    },
  );
}
