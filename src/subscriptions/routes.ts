import { Type } from 'typebox';
import type { App } from '../app-context.js';
import { decodeCursor, IdParams, pageOf, PageQuery, paginate } from '../platform/http/pagination.js';
import { createSubscription, deleteSubscription, redeliver, rotateSubscriptionSecret, updateSubscription } from './commands.js';
import { pingSubscription } from './deliver.js';
import { getSubscription, listDeliveries, listSubscriptions } from './queries.js';
import {
  CreateSubscriptionBody,
  DeliveryOut,
  DeliveryParams,
  PingOut,
  serializeDelivery,
  serializeSubscription,
  SubscriptionOut,
  SubscriptionWithSecretOut,
  UpdateSubscriptionBody,
} from './schemas.js';
import './policy.js';

export async function subscriptionRoutes(app: App): Promise<void> {
  const tags = ['webhook-subscriptions'];
  const base = '/api/v1/webhook-subscriptions';
  const opts = () => ({ allowPrivateWebhooks: app.deps.config.allowPrivateWebhooks });

  app.get(
    base,
    {
      config: { policy: 'webhook_subscriptions.list' },
      schema: {
        tags,
        summary: 'List webhook subscriptions',
        querystring: Type.Intersect([PageQuery, Type.Object({ enabled: Type.Optional(Type.Boolean()) })]),
        response: { 200: pageOf(SubscriptionOut) },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 50;
      const rows = await listSubscriptions(app.deps.db, { limit, after: decodeCursor(req.query.cursor), enabled: req.query.enabled });
      const page = paginate(rows, limit, (r) => r.id);
      return { data: page.rows.map(serializeSubscription), next_cursor: page.next_cursor };
    },
  );

  app.post(
    base,
    {
      config: { policy: 'webhook_subscriptions.create' },
      schema: { tags, summary: 'Subscribe a URL to incident events (the answer shows the signing secret, once)', body: CreateSubscriptionBody, response: { 201: SubscriptionWithSecretOut } },
    },
    async (req, reply) => {
      const { row, secret } = await createSubscription(app.ctx(req), req.body, opts());
      return reply.status(201).send({ ...serializeSubscription(row), signing_secret: secret });
    },
  );

  app.get(
    `${base}/:id`,
    { config: { policy: 'webhook_subscriptions.get' }, schema: { tags, summary: 'Get a webhook subscription', params: IdParams, response: { 200: SubscriptionOut } } },
    async (req) => serializeSubscription(await getSubscription(app.deps.db, req.params.id)),
  );

  app.patch(
    `${base}/:id`,
    {
      config: { policy: 'webhook_subscriptions.update' },
      schema: { tags, summary: 'Change some fields of a webhook subscription', params: IdParams, body: UpdateSubscriptionBody, response: { 200: SubscriptionOut } },
    },
    async (req) => serializeSubscription(await updateSubscription(app.ctx(req), req.params.id, req.body, opts())),
  );

  app.delete(
    `${base}/:id`,
    { config: { policy: 'webhook_subscriptions.delete' }, schema: { tags, summary: 'Delete a webhook subscription and its delivery log', params: IdParams, response: { 204: Type.Null() } } },
    async (req, reply) => {
      await deleteSubscription(app.ctx(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    `${base}/:id/rotate-secret`,
    {
      config: { policy: 'webhook_subscriptions.rotate_secret' },
      schema: { tags, summary: 'Replace the signing secret (the old one stops working at once)', params: IdParams, response: { 200: SubscriptionWithSecretOut } },
    },
    async (req) => {
      const { row, secret } = await rotateSubscriptionSecret(app.ctx(req), req.params.id);
      return { ...serializeSubscription(row), signing_secret: secret };
    },
  );

  app.post(
    `${base}/:id/ping`,
    {
      config: { policy: 'webhook_subscriptions.ping' },
      schema: { tags, summary: "Send a signed `ping` event now and answer with the receiver's status", params: IdParams, response: { 200: PingOut } },
    },
    async (req) =>
      pingSubscription({ db: app.deps.db, clock: app.deps.clock, publicUrl: app.deps.config.publicUrl, allowPrivate: app.deps.config.allowPrivateWebhooks }, req.params.id),
  );

  app.get(
    `${base}/:id/deliveries`,
    {
      config: { policy: 'webhook_subscriptions.deliveries' },
      schema: {
        tags,
        summary: "A subscription's deliveries, newest first",
        params: IdParams,
        querystring: Type.Intersect([PageQuery, Type.Object({ status: Type.Optional(Type.Enum(['queued', 'delivered', 'failed'])) })]),
        response: { 200: pageOf(DeliveryOut) },
      },
    },
    async (req) => {
      await getSubscription(app.deps.db, req.params.id);
      const limit = req.query.limit ?? 50;
      const rows = await listDeliveries(app.deps.db, req.params.id, { limit, before: decodeCursor(req.query.cursor), status: req.query.status });
      const page = paginate(rows, limit, (r) => r.id);
      return { data: page.rows.map(serializeDelivery), next_cursor: page.next_cursor };
    },
  );

  app.post(
    `${base}/:id/deliveries/:delivery_id/redeliver`,
    {
      config: { policy: 'webhook_subscriptions.redeliver' },
      schema: { tags, summary: 'Send a delivery again: same body, same Idempotency-Key, a fresh 24-hour retry window', params: DeliveryParams, response: { 202: DeliveryOut } },
    },
    async (req, reply) => reply.status(202).send(serializeDelivery(await redeliver(app.ctx(req), req.params.id, req.params.delivery_id))),
  );
}
