// The on-call schedule model as the pure core sees it. Instants are UTC epoch milliseconds;
// wall-clock values ('HH:MM', ISO weekdays) are read in the schedule's IANA zone. The HTTP API
// maps these camelCase fields to snake_case (`handoffTime` <-> `handoff_time`, …).

/** UTC epoch milliseconds. */
export type Instant = number;

/** A half-open interval [start, end) of instants. */
export interface Span {
  start: Instant;
  end: Instant;
}

/** 1 = Monday … 7 = Sunday, as in ISO 8601 and Luxon. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export type RotationType = 'hourly' | 'daily' | 'weekly' | 'custom';

export interface Rotation {
  type: RotationType;
  /**
   * How many units one turn lasts: hours for 'hourly', local calendar days for 'daily', local
   * calendar weeks for 'weekly' (default 1 for those three); hours for 'custom' (required).
   */
  length?: number;
  /**
   * 'HH:MM', local wall-clock time in the schedule's zone. For daily and weekly rotations this
   * is when every handoff happens. Hourly and custom rotations count elapsed hours, so it only
   * fixes their phase: the grid of handoffs passes through this wall time on the day the
   * rotation's reference instant falls in.
   */
  handoffTime: string;
  /**
   * Weekly rotations hand off on this ISO weekday. When absent it defaults to the local weekday
   * of the rotation's reference instant (see `LayerConfig.rotationStart`), so a weekly rotation
   * created on a Wednesday hands off on Wednesdays. Ignored by the other types.
   */
  handoffDay?: IsoWeekday;
}

/** Every local day, a window opening at `startTime` for `durationMinutes` (at most 1440). */
export interface DailyRestriction {
  type: 'daily';
  startTime: string;
  durationMinutes: number;
}

/** Once a week, a window opening on `startDay` at `startTime` (at most 10080 minutes long). */
export interface WeeklyRestriction {
  type: 'weekly';
  startDay: IsoWeekday;
  startTime: string;
  durationMinutes: number;
}

/**
 * A window in which the layer has someone on call. Both ends are wall-clock times: a window
 * opening at 22:00 for 600 minutes closes at 08:00 local even on a night the clocks change (so
 * it lasts 9 or 11 hours then). A layer with restrictions has nobody outside their union.
 */
export type Restriction = DailyRestriction | WeeklyRestriction;

/** What an edit of a layer can change; one version of a layer is one of these. */
export interface LayerConfig {
  /** Rotation order; a user may appear more than once. */
  users: string[];
  rotation: Rotation;
  restrictions: Restriction[];
  /** When true, a user's time off inside their turn goes to the next available user in order. */
  skipUnavailable: boolean;
  /**
   * The rotation's reference instant; defaults to when this version takes effect. The anchor is
   * the last handoff at or before it, and `users[0]` holds the turn that starts at the anchor
   * (so `users[0]` is on call at the reference instant). Turn k starts at the k-th handoff
   * after the anchor and belongs to `users[k mod n]`, for negative k too. An edit that should
   * keep the running rotation in phase passes the previous version's reference instant here.
   */
  rotationStart?: Instant;
}

/** An earlier version of a layer, in force from `effectiveFrom` until the next version's. */
export interface LayerVersion extends LayerConfig {
  effectiveFrom: Instant;
}

/**
 * A layer of a schedule.
 *
 * Versions: the top-level config fields are the layer's current version, in force from
 * `effectiveFrom` (default `start`). Earlier versions sit in `history`, oldest first, each in
 * force from its own `effectiveFrom` until the next version's. Editing a layer therefore
 * appends the current config to `history` and sets a new current config whose `effectiveFrom`
 * is the edit instant (see `editLayer` in versions.ts): every turn before that instant is
 * still rendered from the version that was in force then, so shifts already past are never
 * rewritten, and the layer keeps its place in the precedence order. All versions are clipped
 * to [start, end); before the earliest version's `effectiveFrom` the layer has nobody.
 */
export interface Layer extends LayerConfig {
  id: string;
  name: string;
  start: Instant;
  /** Exclusive; null means open-ended. */
  end: Instant | null;
  effectiveFrom?: Instant;
  history?: LayerVersion[];
}

export type OverrideSource = 'override' | 'swap';

/**
 * Puts `userId` on call for [start, end) in the final schedule, above every layer. Where
 * overrides overlap, the later one in `Schedule.overrides` wins.
 */
export interface Override {
  id: string;
  userId: string;
  start: Instant;
  end: Instant;
  source?: OverrideSource;
}

export interface TimeOff {
  userId: string;
  start: Instant;
  end: Instant;
}

export interface Schedule {
  id: string;
  /** IANA zone name, e.g. 'Europe/London'. */
  timeZone: string;
  /** Later layers take precedence over earlier ones wherever both have someone. */
  layers: Layer[];
  overrides: Override[];
  timeOff?: TimeOff[];
}

export type ShiftSource = 'layer' | 'override' | 'swap';

export interface Shift {
  userId: string;
  start: Instant;
  end: Instant;
  source: ShiftSource;
  /** Set when source is 'layer'. */
  layerId?: string;
  /** Set when source is 'override' or 'swap'. */
  overrideId?: string;
  /** On a skip-unavailable layer: the user whose turn this is, while `userId` covers it. */
  coveringFor?: string;
}

export interface LayerRendering {
  layerId: string;
  /** The layer's own shifts: one per turn and window piece, never merged, so handoffs show. */
  shifts: Shift[];
  /** Where the layer has nobody, within [since, until) and the layer's [start, end). */
  gaps: Span[];
}

/** What `resolve` returns. `final` and `layers` may share shift objects: treat it as read-only. */
export interface Resolution {
  /** Who is on call: overrides above layers above lower layers; see resolve.ts on merging. */
  final: Shift[];
  layers: LayerRendering[];
  /** Where nobody is on call in the final schedule, within [since, until). */
  gaps: Span[];
}

export interface OnCallNow {
  /** The final shift containing the instant asked about, or null in a gap. */
  current: Shift | null;
  /** The first final shift starting at or after the end of `current` (or after the instant). */
  next: Shift | null;
}

/** A problem found by `validateSchedule`; `field` is a path in the API's snake_case terms. */
export interface ScheduleIssue {
  field: string;
  message: string;
}

export interface UserLoad {
  userId: string;
  shiftCount: number;
  totalHours: number;
  /** 08:00–18:00 Monday to Friday, in the user's zone. */
  businessHours: number;
  /** 18:00–22:00 Monday to Friday and 08:00–22:00 at weekends, in the user's zone. */
  offHours: number;
  /** 22:00–08:00 any day, in the user's zone. */
  sleepHours: number;
}
