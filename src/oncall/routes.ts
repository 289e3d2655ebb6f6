import { Type } from 'typebox';
import type { App } from '../app-context.js';
import { PUBLIC } from '../access/policies.js';
import { getUser } from '../access/users/queries.js';
import { listEscalationPolicies } from '../escalation/queries.js';
import type { Row } from '../platform/db/tables.js';
import { invalid } from '../platform/http/errors.js';
import { decodeCursor, IdParams, pageOf, PageQuery, paginate } from '../platform/http/pagination.js';
import { scheduleFeed, userFeed } from './calendar.js';
import { ensureUserFeed, rotateUserIcalUrl } from './feed-commands.js';
import { feedKey, feedSecret, scheduleFeedUrl, userFeedUrl } from './feed-tokens.js';
import { createOverride, deleteOverride } from './override-commands.js';
import { allSchedules, getSchedule, getSwap, listSchedules, userInfo } from './queries.js';
import { idList, instantParam, rangeParams } from './range.js';
import { createSchedule, deleteSchedule, rotateScheduleIcalUrl, updateSchedule } from './schedule-commands.js';
import {
  CreateOverrideBody,
  CreateScheduleBody,
  CreateTimeOffBody,
  GapsOut,
  IcalUrlOut,
  LoadOut,
  OfferSwapBody,
  OncallsOut,
  OverrideOut,
  RangeQuery,
  ReplaceScheduleBody,
  ScheduleOut,
  serializeOverride,
  serializeSwap,
  serializeTimeOff,
  ShiftsOut,
  ShiftSwapOut,
  SwapStatus,
  TimeOffOut,
  UpdateScheduleBody,
} from './schemas.js';
import { oncallLevelEntriesOut, targetedScheduleIds } from './policy-levels.js';
import { cancelSwap, offerSwap, takeSwap } from './swap-commands.js';
import { createTimeOff, deleteTimeOff } from './time-off-commands.js';
import { gapsOut, loadOut, oncallBetween, oncallEntriesOut, oncallNow, scheduleOut, schedulesOut, shiftsOut } from './views.js';
import './policy.js';

/** The longest range /shifts, /gaps and /load render at once. */
const MAX_RANGE_DAYS = 366;
/** The longest range /oncalls renders at once (it renders every schedule asked for). */
const MAX_ONCALLS_RANGE_DAYS = 90;

const OverrideParams = Type.Object({ id: Type.String({ maxLength: 64 }), override_id: Type.String({ maxLength: 64 }) });
const TimeOffParams = Type.Object({ id: Type.String({ maxLength: 64 }), time_off_id: Type.String({ maxLength: 64 }) });
const FeedParams = Type.Object({ token: Type.String({ maxLength: 200 }) });
const OptionalRange = Type.Object({
  since: Type.Optional(Type.String({ format: 'date-time', description: 'only those ending after this' })),
  until: Type.Optional(Type.String({ format: 'date-time', description: 'only those starting before this' })),
});
const IdsParam = Type.Optional(Type.Array(Type.String({ maxLength: 2000 }), { description: 'comma-separated ids, or the parameter repeated' }));

function optionalRange(query: { since?: string; until?: string }) {
  return {
    since: query.since === undefined ? undefined : instantParam('since', query.since),
    until: query.until === undefined ? undefined : instantParam('until', query.until),
  };
}

export async function oncallRoutes(app: App): Promise<void> {
  const db = () => app.deps.db;
  const now = () => app.deps.clock.now();
  const publicUrl = () => app.deps.config.publicUrl;
  const one = async (id: string) => scheduleOut(db(), await getSchedule(db(), id), now(), publicUrl());

  // ---- schedules -------------------------------------------------------------------------

  app.get(
    '/api/v1/schedules',
    {
      config: { policy: 'schedules.list' },
      schema: {
        tags: ['schedules'],
        summary: 'List schedules, each flagged when nobody is on call at some time in the next 7 days',
        querystring: Type.Intersect([
          PageQuery,
          Type.Object({ team_id: Type.Optional(Type.String({ maxLength: 64 })), q: Type.Optional(Type.String({ maxLength: 100 })) }),
        ]),
        response: { 200: pageOf(ScheduleOut) },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 50;
      const rows = await listSchedules(db(), { limit, after: decodeCursor(req.query.cursor), teamId: req.query.team_id, q: req.query.q });
      const page = paginate(rows, limit, (s) => s.id);
      return { data: await schedulesOut(db(), page.rows, now(), publicUrl()), next_cursor: page.next_cursor };
    },
  );

  app.post(
    '/api/v1/schedules',
    {
      config: { policy: 'schedules.create' },
      schema: { tags: ['schedules'], summary: 'Create a schedule', body: CreateScheduleBody, response: { 201: ScheduleOut } },
    },
    async (req, reply) => {
      const row = await createSchedule(app.ctx(req), req.body);
      return reply.status(201).send(await scheduleOut(db(), row, now(), publicUrl()));
    },
  );

  app.get(
    '/api/v1/schedules/:id',
    { config: { policy: 'schedules.get' }, schema: { tags: ['schedules'], summary: 'Get a schedule', params: IdParams, response: { 200: ScheduleOut } } },
    async (req) => one(req.params.id),
  );

  app.put(
    '/api/v1/schedules/:id',
    {
      config: { policy: 'schedules.update' },
      schema: {
        tags: ['schedules'],
        summary: 'Replace a schedule; layer changes take effect from effective_from (default now), past shifts never change',
        params: IdParams,
        body: ReplaceScheduleBody,
        response: { 200: ScheduleOut },
      },
    },
    async (req) => {
      const row = await updateSchedule(app.ctx(req), req.params.id, req.body, { replace: true });
      return scheduleOut(db(), row, now(), publicUrl());
    },
  );

  app.patch(
    '/api/v1/schedules/:id',
    {
      config: { policy: 'schedules.update' },
      schema: {
        tags: ['schedules'],
        summary: 'Change some fields of a schedule; layer changes take effect from effective_from (default now)',
        params: IdParams,
        body: UpdateScheduleBody,
        response: { 200: ScheduleOut },
      },
    },
    async (req) => {
      const row = await updateSchedule(app.ctx(req), req.params.id, req.body, { replace: false });
      return scheduleOut(db(), row, now(), publicUrl());
    },
  );

  app.delete(
    '/api/v1/schedules/:id',
    {
      config: { policy: 'schedules.delete' },
      schema: { tags: ['schedules'], summary: 'Delete a schedule with its overrides and swaps', params: IdParams, response: { 204: Type.Null() } },
    },
    async (req, reply) => {
      await deleteSchedule(app.ctx(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/schedules/:id/shifts',
    {
      config: { policy: 'schedules.shifts' },
      schema: {
        tags: ['schedules'],
        summary: 'Final and per-layer shifts over [since, until) (at most 366 days)',
        params: IdParams,
        querystring: RangeQuery,
        response: { 200: ShiftsOut },
      },
    },
    async (req) => {
      const schedule = await getSchedule(db(), req.params.id);
      const range = rangeParams(req.query, now(), { defaultDays: 7, maxDays: MAX_RANGE_DAYS });
      return shiftsOut(db(), schedule, range.since, range.until);
    },
  );

  app.get(
    '/api/v1/schedules/:id/gaps',
    {
      config: { policy: 'schedules.shifts' },
      schema: {
        tags: ['schedules'],
        summary: 'When nobody is on call within [since, until) (at most 366 days)',
        params: IdParams,
        querystring: RangeQuery,
        response: { 200: GapsOut },
      },
    },
    async (req) => {
      const schedule = await getSchedule(db(), req.params.id);
      const range = rangeParams(req.query, now(), { defaultDays: 7, maxDays: MAX_RANGE_DAYS });
      return gapsOut(db(), schedule, range.since, range.until);
    },
  );

  app.get(
    '/api/v1/schedules/:id/load',
    {
      config: { policy: 'schedules.shifts' },
      schema: {
        tags: ['schedules'],
        summary: "Each person's hours on call within [since, until): business, off and sleep hours in their own time zone",
        params: IdParams,
        querystring: RangeQuery,
        response: { 200: LoadOut },
      },
    },
    async (req) => {
      const schedule = await getSchedule(db(), req.params.id);
      const range = rangeParams(req.query, now(), { defaultDays: 7, maxDays: MAX_RANGE_DAYS });
      return loadOut(db(), schedule, range.since, range.until);
    },
  );

  app.post(
    '/api/v1/schedules/:id/ical-url/rotate',
    {
      config: { policy: 'schedules.rotate_ical_url' },
      schema: { tags: ['schedules'], summary: "Replace the schedule's secret calendar URL; the old one stops working", params: IdParams, response: { 200: IcalUrlOut } },
    },
    async (req) => {
      const row = await rotateScheduleIcalUrl(app.ctx(req), req.params.id);
      return { ical_url: scheduleFeedUrl(publicUrl(), feedSecret(await feedKey(db()), 'schedule', row.id, row.ical_nonce)) };
    },
  );

  // ---- overrides -------------------------------------------------------------------------

  app.get(
    '/api/v1/schedules/:id/overrides',
    {
      config: { policy: 'overrides.list' },
      schema: {
        tags: ['schedules'],
        summary: "A schedule's overrides, in the order they were made (a later one wins where they overlap)",
        params: IdParams,
        querystring: Type.Intersect([PageQuery, OptionalRange]),
        response: { 200: pageOf(OverrideOut) },
      },
    },
    async (req) => {
      await getSchedule(db(), req.params.id);
      const limit = req.query.limit ?? 50;
      const after = decodeCursor(req.query.cursor);
      const range = optionalRange(req.query);
      let q = db().selectFrom('schedule_overrides').selectAll().where('schedule_id', '=', req.params.id).orderBy('id').limit(limit + 1);
      if (after) q = q.where('id', '>', after);
      if (range.since !== undefined) q = q.where('end_at', '>', range.since);
      if (range.until !== undefined) q = q.where('start_at', '<', range.until);
      const page = paginate(await q.execute(), limit, (o) => o.id);
      const names = await userInfo(db(), page.rows.map((o) => o.user_id));
      return { data: page.rows.map((o) => serializeOverride(o, names)), next_cursor: page.next_cursor };
    },
  );

  app.post(
    '/api/v1/schedules/:id/overrides',
    {
      config: { policy: 'overrides.create' },
      schema: {
        tags: ['schedules'],
        summary: 'Put someone on call over every layer for [start, end)',
        params: IdParams,
        body: CreateOverrideBody,
        response: { 201: OverrideOut },
      },
    },
    async (req, reply) => {
      const row = await createOverride(app.ctx(req), req.params.id, req.body);
      return reply.status(201).send(serializeOverride(row, await userInfo(db(), [row.user_id])));
    },
  );

  app.delete(
    '/api/v1/schedules/:id/overrides/:override_id',
    {
      config: { policy: 'overrides.delete' },
      schema: {
        tags: ['schedules'],
        summary: 'Remove an override that has not begun (204), or end one in progress now (200 with the override); past ones stay (409)',
        params: OverrideParams,
        response: { 200: OverrideOut, 204: Type.Null() },
      },
    },
    async (req, reply) => {
      const truncated = await deleteOverride(app.ctx(req), req.params.id, req.params.override_id);
      if (truncated === null) return reply.status(204).send(null);
      return reply.status(200).send(serializeOverride(truncated, await userInfo(db(), [truncated.user_id])));
    },
  );

  // ---- time off --------------------------------------------------------------------------

  app.get(
    '/api/v1/users/:id/time-off',
    {
      config: { policy: 'time_off.list' },
      schema: {
        tags: ['time off'],
        summary: "A person's time off (themselves, or managers)",
        params: IdParams,
        querystring: Type.Intersect([PageQuery, OptionalRange]),
        response: { 200: pageOf(TimeOffOut) },
      },
    },
    async (req) => {
      await getUser(db(), req.params.id);
      const limit = req.query.limit ?? 50;
      const after = decodeCursor(req.query.cursor);
      const range = optionalRange(req.query);
      let q = db().selectFrom('time_off').selectAll().where('user_id', '=', req.params.id).orderBy('id').limit(limit + 1);
      if (after) q = q.where('id', '>', after);
      if (range.since !== undefined) q = q.where('end_at', '>', range.since);
      if (range.until !== undefined) q = q.where('start_at', '<', range.until);
      const page = paginate(await q.execute(), limit, (t) => t.id);
      return { data: page.rows.map(serializeTimeOff), next_cursor: page.next_cursor };
    },
  );

  app.post(
    '/api/v1/users/:id/time-off',
    {
      config: { policy: 'time_off.create' },
      schema: {
        tags: ['time off'],
        summary: 'Record time off; skip_unavailable layers hand the turn on',
        params: IdParams,
        body: CreateTimeOffBody,
        response: { 201: TimeOffOut },
      },
    },
    async (req, reply) => reply.status(201).send(serializeTimeOff(await createTimeOff(app.ctx(req), req.params.id, req.body))),
  );

  app.delete(
    '/api/v1/users/:id/time-off/:time_off_id',
    {
      config: { policy: 'time_off.delete' },
      schema: { tags: ['time off'], summary: 'Remove time off', params: TimeOffParams, response: { 204: Type.Null() } },
    },
    async (req, reply) => {
      await deleteTimeOff(app.ctx(req), req.params.id, req.params.time_off_id);
      return reply.status(204).send(null);
    },
  );

  // ---- shift swaps -----------------------------------------------------------------------

  const swapOut = async (row: Parameters<typeof serializeSwap>[0]) =>
    serializeSwap(row, await userInfo(db(), [row.offered_by, ...(row.taken_by ? [row.taken_by] : [])]));

  app.get(
    '/api/v1/shift-swaps',
    {
      config: { policy: 'shift_swaps.list' },
      schema: {
        tags: ['shift swaps'],
        summary: 'List shift swaps',
        querystring: Type.Intersect([
          PageQuery,
          Type.Object({ schedule_id: Type.Optional(Type.String({ maxLength: 64 })), status: Type.Optional(SwapStatus) }),
        ]),
        response: { 200: pageOf(ShiftSwapOut) },
      },
    },
    async (req) => {
      const limit = req.query.limit ?? 50;
      const after = decodeCursor(req.query.cursor);
      let q = db().selectFrom('shift_swaps').selectAll().orderBy('id').limit(limit + 1);
      if (after) q = q.where('id', '>', after);
      if (req.query.schedule_id) q = q.where('schedule_id', '=', req.query.schedule_id);
      if (req.query.status) q = q.where('status', '=', req.query.status as 'offered' | 'taken' | 'cancelled');
      const page = paginate(await q.execute(), limit, (s) => s.id);
      const names = await userInfo(db(), page.rows.flatMap((s) => (s.taken_by ? [s.offered_by, s.taken_by] : [s.offered_by])));
      return { data: page.rows.map((s) => serializeSwap(s, names)), next_cursor: page.next_cursor };
    },
  );

  app.post(
    '/api/v1/shift-swaps',
    {
      config: { policy: 'shift_swaps.offer' },
      schema: {
        tags: ['shift swaps'],
        summary: 'Offer a span of your own shift for someone else to take',
        body: OfferSwapBody,
        response: { 201: ShiftSwapOut },
      },
    },
    async (req, reply) => reply.status(201).send(await swapOut(await offerSwap(app.ctx(req), req.body))),
  );

  app.get(
    '/api/v1/shift-swaps/:id',
    { config: { policy: 'shift_swaps.get' }, schema: { tags: ['shift swaps'], summary: 'Get a shift swap', params: IdParams, response: { 200: ShiftSwapOut } } },
    async (req) => swapOut(await getSwap(db(), req.params.id)),
  );

  app.post(
    '/api/v1/shift-swaps/:id/take',
    {
      config: { policy: 'shift_swaps.take' },
      schema: { tags: ['shift swaps'], summary: 'Take an offered shift: an override puts you on call for it', params: IdParams, response: { 200: ShiftSwapOut } },
    },
    async (req) => swapOut(await takeSwap(app.ctx(req), req.params.id)),
  );

  app.post(
    '/api/v1/shift-swaps/:id/cancel',
    {
      config: { policy: 'shift_swaps.cancel' },
      schema: { tags: ['shift swaps'], summary: 'Withdraw an offer (its maker or a manager, while offered)', params: IdParams, response: { 200: ShiftSwapOut } },
    },
    async (req) => swapOut(await cancelSwap(app.ctx(req), req.params.id)),
  );

  // ---- who is on call --------------------------------------------------------------------

  app.get(
    '/api/v1/oncalls',
    {
      config: { policy: 'oncalls.list' },
      schema: {
        tags: ['schedules'],
        summary:
          'Who is on call: at an instant (default now), or every shift within [since, until) (at most 90 days); with escalation_policy_ids, at which level of each policy',
        querystring: Type.Object({
          at: Type.Optional(Type.String({ format: 'date-time' })),
          since: Type.Optional(Type.String({ format: 'date-time' })),
          until: Type.Optional(Type.String({ format: 'date-time' })),
          schedule_ids: IdsParam,
          user_ids: IdsParam,
          escalation_policy_ids: Type.Optional(
            Type.Array(Type.String({ maxLength: 2000 }), {
              description: 'comma-separated ids, or the parameter repeated: everyone on call through these policies, with their level',
            }),
          ),
          earliest: Type.Optional(Type.Boolean({ description: "with escalation_policy_ids: only each person's lowest level per policy" })),
        }),
        response: { 200: OncallsOut },
      },
    },
    async (req) => {
      const q = req.query;
      if (q.at !== undefined && (q.since !== undefined || q.until !== undefined)) throw invalid('at', 'give either at, or since and until, not both');
      const scheduleIds = idList(q.schedule_ids);
      const userIds = idList(q.user_ids);
      const policyIds = idList(q.escalation_policy_ids);
      if (q.earliest === true && policyIds === undefined) throw invalid('earliest', 'needs escalation_policy_ids: levels exist only in escalation policies');
      let policies: Row<'escalation_policies'>[] | undefined;
      if (policyIds !== undefined) {
        policies = await listEscalationPolicies(db(), { ids: policyIds, limit: policyIds.length });
        if (policies.length < policyIds.length) {
          const known = new Set(policies.map((p) => p.id));
          throw invalid('escalation_policy_ids', `no such escalation policy: ${policyIds.filter((id) => !known.has(id)).join(', ')}`);
        }
        policies.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
      }
      // With policies, every schedule they page and no other: `earliest` weighs all of a
      // person's levels, so schedule_ids only filters the answer afterwards.
      const schedules = await allSchedules(db(), policies ? [...targetedScheduleIds(policies)] : scheduleIds);
      if (scheduleIds !== undefined) {
        const found = policies ? await allSchedules(db(), scheduleIds) : schedules;
        if (found.length < scheduleIds.length) {
          const known = new Set(found.map((s) => s.id));
          throw invalid('schedule_ids', `no such schedule: ${scheduleIds.filter((id) => !known.has(id)).join(', ')}`);
        }
      }
      let entries;
      if (q.since !== undefined || q.until !== undefined) {
        const range = rangeParams(q, now(), { defaultDays: 1, maxDays: MAX_ONCALLS_RANGE_DAYS });
        entries = await oncallBetween(db(), schedules, range.since, range.until);
      } else {
        const at = q.at === undefined ? now() : instantParam('at', q.at);
        entries = (await oncallNow(db(), schedules, at)).flatMap((e) => (e.current ? [{ schedule: e.schedule, shift: e.current }] : []));
      }
      if (policies) return { data: await oncallLevelEntriesOut(db(), policies, entries, { userIds, scheduleIds, earliest: q.earliest === true }) };
      if (userIds !== undefined) entries = entries.filter((e) => userIds.includes(e.shift.userId));
      return { data: await oncallEntriesOut(db(), entries) };
    },
  );

  // ---- calendar feeds --------------------------------------------------------------------

  const ICS = 'text/calendar; charset=utf-8';

  app.get(
    '/api/v1/calendars/schedules/:token.ics',
    {
      config: { policy: PUBLIC },
      schema: {
        tags: ['calendars'],
        summary: "iCalendar feed of a schedule's final shifts, past 30 and next 90 days; the secret in the URL is the credential",
        params: FeedParams,
        security: [],
      },
    },
    async (req, reply) => reply.type(ICS).header('cache-control', 'private, no-cache').send(await scheduleFeed(db(), req.params.token, now())),
  );

  app.get(
    '/api/v1/calendars/users/:token.ics',
    {
      config: { policy: PUBLIC },
      schema: {
        tags: ['calendars'],
        summary: "iCalendar feed of one person's shifts across every schedule, past 30 and next 90 days",
        params: FeedParams,
        security: [],
      },
    },
    async (req, reply) => reply.type(ICS).header('cache-control', 'private, no-cache').send(await userFeed(db(), req.params.token, now())),
  );

  app.get(
    '/api/v1/users/:id/ical-url',
    {
      config: { policy: 'user_calendars.get_url' },
      schema: { tags: ['calendars'], summary: "A person's own calendar feed URL (themselves, or admins)", params: IdParams, response: { 200: IcalUrlOut } },
    },
    async (req) => ({ ical_url: userFeedUrl(publicUrl(), await ensureUserFeed(app.ctx(req), req.params.id)) }),
  );

  app.post(
    '/api/v1/users/:id/ical-url/rotate',
    {
      config: { policy: 'user_calendars.rotate_url' },
      schema: { tags: ['calendars'], summary: "Replace a person's calendar feed URL; the old one stops working", params: IdParams, response: { 200: IcalUrlOut } },
    },
    async (req) => ({ ical_url: userFeedUrl(publicUrl(), await rotateUserIcalUrl(app.ctx(req), req.params.id)) }),
  );
}
