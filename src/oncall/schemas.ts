import { Type, type Static } from 'typebox';
import { iso, IsoTime, NullableIsoTime } from '../platform/http/pagination.js';
import type { Row } from '../platform/db/tables.js';
import { currentReference } from './layer-input.js';
import type { Layer, LayerConfig, Restriction, Shift, Span, UserLoad } from './types.js';

// Wire shapes of the on-call API (snake_case, ISO 8601 instants) and the serializers that
// produce them. Bodies accept only the fields they name; wall-clock and range checks that
// need the schedule are left to validateSchedule so that every problem names its field.

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Weekday = Type.Integer({ description: 'ISO weekday: 1 = Monday … 7 = Sunday' });
const ClockTime = Type.String({ maxLength: 5, description: "'HH:MM', wall-clock time in the schedule's zone" });

export const RotationSchema = Type.Object(
  {
    type: Type.Enum(['hourly', 'daily', 'weekly', 'custom'], { description: 'hourly | daily | weekly | custom' }),
    length: Type.Optional(
      Type.Integer({ description: 'hours (hourly, custom) or days (daily) or weeks (weekly) per turn; default 1, required for custom' }),
    ),
    handoff_time: ClockTime,
    handoff_day: Type.Optional(Type.Union([Weekday, Type.Null()], { description: 'weekly only; default: the weekday of rotation_start' })),
  },
  { additionalProperties: false },
);

export const RestrictionSchema = Type.Object(
  {
    type: Type.Enum(['daily', 'weekly'], { description: 'daily | weekly' }),
    start_day: Type.Optional(Type.Union([Weekday, Type.Null()], { description: 'weekly only' })),
    start_time: ClockTime,
    duration_minutes: Type.Integer({ description: 'at most 1440 (daily) or 10080 (weekly)' }),
  },
  { additionalProperties: false },
);

export const LayerInputSchema = Type.Object(
  {
    id: Type.Optional(Type.String({ maxLength: 64, description: 'an existing layer to edit; leave out to add a layer' })),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    start: IsoTime,
    end: Type.Optional(NullableIsoTime),
    users: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 500, description: 'user ids in rotation order' }),
    rotation: RotationSchema,
    restrictions: Type.Optional(Type.Array(RestrictionSchema, { maxItems: 100 })),
    skip_unavailable: Type.Optional(Type.Boolean({ default: false })),
    rotation_start: Type.Optional(
      Type.String({
        format: 'date-time',
        description: 'the instant the rotation counts from: users[0] holds the turn containing it; default start (or, on an edit, as before)',
      }),
    ),
  },
  { additionalProperties: false },
);

const ScheduleFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.String({ maxLength: 4000 }),
  team_id: Type.Union([Id, Type.Null()]),
  time_zone: Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Europe/London' }),
  layers: Type.Array(LayerInputSchema, { maxItems: 50, description: 'lowest precedence first; a later layer wins where both have someone' }),
  effective_from: IsoTime,
};

export const CreateScheduleBody = Type.Object(
  {
    name: ScheduleFields.name,
    description: Type.Optional(ScheduleFields.description),
    team_id: Type.Optional(ScheduleFields.team_id),
    time_zone: ScheduleFields.time_zone,
    layers: Type.Optional(ScheduleFields.layers),
  },
  { additionalProperties: false },
);
export type CreateScheduleBody = Static<typeof CreateScheduleBody>;

export const ReplaceScheduleBody = Type.Object(
  {
    name: ScheduleFields.name,
    description: Type.Optional(ScheduleFields.description),
    team_id: Type.Optional(ScheduleFields.team_id),
    time_zone: ScheduleFields.time_zone,
    layers: ScheduleFields.layers,
    effective_from: Type.Optional(ScheduleFields.effective_from),
  },
  { additionalProperties: false },
);

export const UpdateScheduleBody = Type.Object(
  {
    name: Type.Optional(ScheduleFields.name),
    description: Type.Optional(ScheduleFields.description),
    team_id: Type.Optional(ScheduleFields.team_id),
    time_zone: Type.Optional(ScheduleFields.time_zone),
    layers: Type.Optional(ScheduleFields.layers),
    effective_from: Type.Optional(ScheduleFields.effective_from),
  },
  { additionalProperties: false },
);
export type UpdateScheduleBody = Static<typeof UpdateScheduleBody>;

const RotationOut = Type.Object({
  type: Type.String(),
  length: Type.Union([Type.Integer(), Type.Null()]),
  handoff_time: Type.String(),
  handoff_day: Type.Union([Type.Integer(), Type.Null()]),
});
const RestrictionOut = Type.Object({
  type: Type.String(),
  start_day: Type.Union([Type.Integer(), Type.Null()]),
  start_time: Type.String(),
  duration_minutes: Type.Integer(),
});
const VersionFields = {
  users: Type.Array(Type.String()),
  rotation: RotationOut,
  restrictions: Type.Array(RestrictionOut),
  skip_unavailable: Type.Boolean(),
  rotation_start: IsoTime,
  effective_from: Type.String({ format: 'date-time', description: 'when this version took (or takes) effect' }),
};
const LayerVersionOut = Type.Object(VersionFields);
const LayerOut = Type.Object({
  id: Type.String(),
  name: Type.String(),
  start: IsoTime,
  end: NullableIsoTime,
  ...VersionFields,
  history: Type.Array(LayerVersionOut, { description: 'earlier versions, oldest first' }),
});

export const SpanOut = Type.Object({ start: IsoTime, end: IsoTime });

export const ScheduleOut = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    description: Type.String(),
    team_id: Type.Union([Type.String(), Type.Null()]),
    time_zone: Type.String(),
    layers: Type.Array(LayerOut),
    ical_url: Type.String({ description: 'secret calendar feed of the final schedule; rotate it to revoke' }),
    has_gap_next_7_days: Type.Boolean(),
    next_gap: Type.Union([SpanOut, Type.Null()], { description: 'the first time nobody is on call within the next 7 days' }),
    created_at: IsoTime,
    updated_at: IsoTime,
  },
  { $id: 'Schedule' },
);
export type ScheduleOut = Static<typeof ScheduleOut>;

function versionOut(config: LayerConfig, reference: number, effectiveFrom: number) {
  return {
    users: config.users,
    rotation: {
      type: config.rotation.type,
      length: config.rotation.length ?? null,
      handoff_time: config.rotation.handoffTime,
      handoff_day: config.rotation.handoffDay ?? null,
    },
    restrictions: config.restrictions.map((r: Restriction) => ({
      type: r.type,
      start_day: r.type === 'weekly' ? r.startDay : null,
      start_time: r.startTime,
      duration_minutes: r.durationMinutes,
    })),
    skip_unavailable: config.skipUnavailable,
    rotation_start: iso(reference)!,
    effective_from: iso(effectiveFrom)!,
  };
}

export function serializeLayer(layer: Layer) {
  return {
    id: layer.id,
    name: layer.name,
    start: iso(layer.start)!,
    end: iso(layer.end),
    ...versionOut(layer, currentReference(layer), layer.effectiveFrom ?? layer.start),
    history: (layer.history ?? []).map((version) =>
      versionOut(version, version.rotationStart ?? Math.max(version.effectiveFrom, layer.start), version.effectiveFrom),
    ),
  };
}

export function serializeSchedule(row: Row<'schedules'>, layers: Layer[], icalUrl: string, nextGap: Span | null): ScheduleOut {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    team_id: row.team_id,
    time_zone: row.time_zone,
    layers: layers.map(serializeLayer),
    ical_url: icalUrl,
    has_gap_next_7_days: nextGap !== null,
    next_gap: nextGap === null ? null : { start: iso(nextGap.start)!, end: iso(nextGap.end)! },
    created_at: iso(row.created_at)!,
    updated_at: iso(row.updated_at)!,
  };
}

export const UserRef = Type.Object({ id: Type.String(), name: Type.String(), email: Type.String() });
export type UserRef = Static<typeof UserRef>;

/** How a shift names its user: id, name and email (a user no longer known shows their id). */
export type UserNames = ReadonlyMap<string, { name: string; email: string }>;

export function userRef(names: UserNames, id: string): UserRef {
  const known = names.get(id);
  return { id, name: known?.name ?? id, email: known?.email ?? '' };
}

export const ShiftOut = Type.Object({
  user: UserRef,
  start: IsoTime,
  end: IsoTime,
  source: Type.String({ description: 'layer | override | swap' }),
  layer_id: Type.Union([Type.String(), Type.Null()]),
  override_id: Type.Union([Type.String(), Type.Null()]),
  covering_for: Type.Union([UserRef, Type.Null()], { description: 'on a skip_unavailable layer: whose turn this is' }),
});

export function serializeShift(shift: Shift, names: UserNames) {
  return {
    user: userRef(names, shift.userId),
    start: iso(shift.start)!,
    end: iso(shift.end)!,
    source: shift.source,
    layer_id: shift.layerId ?? null,
    override_id: shift.overrideId ?? null,
    covering_for: shift.coveringFor === undefined ? null : userRef(names, shift.coveringFor),
  };
}

export const serializeSpan = (span: Span) => ({ start: iso(span.start)!, end: iso(span.end)! });

export const RangeQuery = Type.Object({
  since: Type.Optional(Type.String({ format: 'date-time', description: 'default now' })),
  until: Type.Optional(Type.String({ format: 'date-time', description: 'default since + 7 days; at most 366 days after since' })),
});

export const ShiftsOut = Type.Object({
  schedule_id: Type.String(),
  time_zone: Type.String(),
  since: IsoTime,
  until: IsoTime,
  final: Type.Array(ShiftOut, { description: 'who is on call: overrides above layers above lower layers' }),
  layers: Type.Array(
    Type.Object({ id: Type.String(), name: Type.String(), shifts: Type.Array(ShiftOut), gaps: Type.Array(SpanOut) }),
  ),
  gaps: Type.Array(SpanOut),
});

export const GapsOut = Type.Object({ schedule_id: Type.String(), since: IsoTime, until: IsoTime, gaps: Type.Array(SpanOut) });

export const LoadOut = Type.Object({
  schedule_id: Type.String(),
  since: IsoTime,
  until: IsoTime,
  users: Type.Array(
    Type.Object({
      user: UserRef,
      time_zone: Type.String({ description: 'the zone the hours are counted in: the user’s own' }),
      shift_count: Type.Integer(),
      total_hours: Type.Number(),
      business_hours: Type.Number({ description: '08:00–18:00 Monday to Friday' }),
      off_hours: Type.Number({ description: '18:00–22:00 Monday to Friday, 08:00–22:00 at weekends' }),
      sleep_hours: Type.Number({ description: '22:00–08:00 every day' }),
    }),
  ),
});

export function serializeLoad(load: UserLoad, names: UserNames, zones: Readonly<Record<string, string>>) {
  return {
    user: userRef(names, load.userId),
    time_zone: zones[load.userId] ?? 'UTC',
    shift_count: load.shiftCount,
    total_hours: load.totalHours,
    business_hours: load.businessHours,
    off_hours: load.offHours,
    sleep_hours: load.sleepHours,
  };
}

export const OverrideOut = Type.Object(
  {
    id: Type.String(),
    schedule_id: Type.String(),
    user: UserRef,
    start: IsoTime,
    end: IsoTime,
    source: Type.String({ description: 'override | swap' }),
    swap_id: Type.Union([Type.String(), Type.Null()]),
    created_by: Type.Union([Type.String(), Type.Null()]),
    created_at: IsoTime,
  },
  { $id: 'ScheduleOverride' },
);

export function serializeOverride(row: Row<'schedule_overrides'>, names: UserNames) {
  return {
    id: row.id,
    schedule_id: row.schedule_id,
    user: userRef(names, row.user_id),
    start: iso(row.start_at)!,
    end: iso(row.end_at)!,
    source: row.source,
    swap_id: row.swap_id,
    created_by: row.created_by,
    created_at: iso(row.created_at)!,
  };
}

export const CreateOverrideBody = Type.Object(
  { user_id: Type.String({ minLength: 1, maxLength: 64 }), start: IsoTime, end: IsoTime },
  { additionalProperties: false },
);

export const TimeOffOut = Type.Object(
  {
    id: Type.String(),
    user_id: Type.String(),
    start: IsoTime,
    end: IsoTime,
    reason: Type.String(),
    created_by: Type.Union([Type.String(), Type.Null()]),
    created_at: IsoTime,
  },
  { $id: 'TimeOff' },
);

export function serializeTimeOff(row: Row<'time_off'>) {
  return {
    id: row.id,
    user_id: row.user_id,
    start: iso(row.start_at)!,
    end: iso(row.end_at)!,
    reason: row.reason,
    created_by: row.created_by,
    created_at: iso(row.created_at)!,
  };
}

export const CreateTimeOffBody = Type.Object(
  { start: IsoTime, end: IsoTime, reason: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);

export const SwapStatus = Type.Enum(['offered', 'taken', 'cancelled'], { description: 'offered | taken | cancelled' });

export const ShiftSwapOut = Type.Object(
  {
    id: Type.String(),
    schedule_id: Type.String(),
    offered_by: UserRef,
    start: IsoTime,
    end: IsoTime,
    status: Type.String({ description: 'offered | taken | cancelled' }),
    taken_by: Type.Union([UserRef, Type.Null()]),
    taken_at: NullableIsoTime,
    override_id: Type.Union([Type.String(), Type.Null()]),
    cancelled_by: Type.Union([Type.String(), Type.Null()]),
    cancelled_at: NullableIsoTime,
    created_at: IsoTime,
    updated_at: IsoTime,
  },
  { $id: 'ShiftSwap' },
);

export function serializeSwap(row: Row<'shift_swaps'>, names: UserNames) {
  return {
    id: row.id,
    schedule_id: row.schedule_id,
    offered_by: userRef(names, row.offered_by),
    start: iso(row.start_at)!,
    end: iso(row.end_at)!,
    status: row.status,
    taken_by: row.taken_by === null ? null : userRef(names, row.taken_by),
    taken_at: iso(row.taken_at),
    override_id: row.override_id,
    cancelled_by: row.cancelled_by,
    cancelled_at: iso(row.cancelled_at),
    created_at: iso(row.created_at)!,
    updated_at: iso(row.updated_at)!,
  };
}

export const OfferSwapBody = Type.Object(
  { schedule_id: Type.String({ minLength: 1, maxLength: 64 }), start: IsoTime, end: IsoTime },
  { additionalProperties: false },
);

const NameRef = Type.Object({ id: Type.String(), name: Type.String() });

export const OncallEntryOut = Type.Object({
  schedule: NameRef,
  user: UserRef,
  start: IsoTime,
  end: IsoTime,
  source: Type.String({ description: 'layer | override | swap' }),
});

/** An entry of /oncalls?escalation_policy_ids=: someone on call through one level of a policy. */
export const OncallLevelEntryOut = Type.Object({
  escalation_policy: NameRef,
  escalation_level: Type.Integer({ minimum: 1, description: '1-based: the level of the policy that pages this person' }),
  schedule: Type.Union([NameRef, Type.Null()], { description: 'the schedule that puts them on this level; null when the level names them directly' }),
  user: UserRef,
  start: Type.Union([IsoTime, Type.Null()], { description: 'null when the level names them directly: always on call' }),
  end: Type.Union([IsoTime, Type.Null()], { description: 'null when the level names them directly: always on call' }),
  source: Type.Union([Type.String(), Type.Null()], { description: 'layer | override | swap; null when the level names them directly' }),
});

// The level entry comes first: the serializer takes the first shape an entry matches, and a
// plain entry lacks escalation_policy, while a level entry would also pass as a plain one and
// lose its level.
export const OncallsOut = Type.Object({
  data: Type.Array(
    Type.Union([OncallLevelEntryOut, OncallEntryOut], { description: 'level entries when escalation_policy_ids is given, plain schedule entries otherwise' }),
  ),
});

export const IcalUrlOut = Type.Object({ ical_url: Type.String() });
