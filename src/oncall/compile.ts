import { InvalidScheduleError } from './errors.js';
import type { IsoWeekday, LayerConfig, Schedule, Span, TimeOff } from './types.js';
import { structuralIssues } from './validate.js';
import { isoWeekdayOfDay, parseClockTime, wallClock, type WallClock } from './wallclock.js';

// A schedule checked once and turned into the numbers the renderer works with, so that the
// hot loops never parse 'HH:MM' or look a zone up by name.

export type CompiledRotation =
  | { kind: 'elapsed'; periodHours: number; handoffMinute: number }
  | { kind: 'calendar'; periodDays: number; handoffMinute: number; handoffDay: IsoWeekday | null };

export interface CompiledRestriction {
  /** null for a daily window, else the ISO weekday it opens on. */
  day: IsoWeekday | null;
  startMinute: number;
  durationMinutes: number;
}

export interface CompiledVersion {
  /** The part of the layer this version governs: [from, to). */
  from: number;
  to: number;
  users: string[];
  rotation: CompiledRotation;
  /** The instant the rotation is anchored on: the last handoff at or before it starts turn 0. */
  reference: number;
  restrictions: CompiledRestriction[];
  skipUnavailable: boolean;
}

export interface CompiledLayer {
  id: string;
  /** [start, end) with an open end as +Infinity. */
  start: number;
  end: number;
  versions: CompiledVersion[];
}

export interface CompiledSchedule {
  clock: WallClock;
  layers: CompiledLayer[];
  overrides: Schedule['overrides'];
  timeOff: TimeOffIndex;
}

function compileRotation(clock: WallClock, config: LayerConfig, reference: number): CompiledRotation {
  const { rotation } = config;
  const handoffMinute = parseClockTime(rotation.handoffTime) ?? 0;
  const length = rotation.length ?? 1;
  switch (rotation.type) {
    case 'hourly':
    case 'custom':
      return { kind: 'elapsed', periodHours: length, handoffMinute };
    case 'daily':
      return { kind: 'calendar', periodDays: length, handoffMinute, handoffDay: null };
    case 'weekly':
      return {
        kind: 'calendar',
        periodDays: 7 * length,
        handoffMinute,
        handoffDay: rotation.handoffDay ?? isoWeekdayOfDay(clock.localDay(reference)),
      };
  }
}

function compileVersion(clock: WallClock, config: LayerConfig, from: number, to: number): CompiledVersion {
  const reference = config.rotationStart ?? from;
  return {
    from,
    to,
    users: config.users,
    rotation: compileRotation(clock, config, reference),
    reference,
    restrictions: config.restrictions.map((restriction) => ({
      day: restriction.type === 'weekly' ? restriction.startDay : null,
      startMinute: parseClockTime(restriction.startTime) ?? 0,
      durationMinutes: restriction.durationMinutes,
    })),
    skipUnavailable: config.skipUnavailable,
  };
}

function byStart(a: Span, b: Span): number {
  return a.start - b.start;
}

/**
 * Time off per user as sorted, joined spans, built for a user the first time their turn is
 * rendered on a skip-unavailable layer (most renders ask about one or two users, or none).
 */
export class TimeOffIndex {
  private readonly entries: readonly TimeOff[];
  private readonly byUser = new Map<string, Span[]>();

  constructor(entries: readonly TimeOff[]) {
    this.entries = entries;
  }

  /** The user's time off, or undefined if they have none. */
  spansOf(userId: string): Span[] | undefined {
    let spans = this.byUser.get(userId);
    if (spans === undefined) {
      const own: Span[] = [];
      for (const entry of this.entries) {
        if (entry.userId === userId && entry.start < entry.end) own.push({ start: entry.start, end: entry.end });
      }
      own.sort(byStart);
      spans = [];
      for (const span of own) {
        const last = spans[spans.length - 1];
        if (last !== undefined && span.start <= last.end) last.end = Math.max(last.end, span.end);
        else spans.push(span);
      }
      this.byUser.set(userId, spans);
    }
    return spans.length === 0 ? undefined : spans;
  }
}

/** Checks what rendering needs and precomputes it; throws InvalidScheduleError otherwise. */
export function compileSchedule(schedule: Schedule): CompiledSchedule {
  const issues = structuralIssues(schedule);
  if (issues.length > 0) throw new InvalidScheduleError(issues);
  const clock = wallClock(schedule.timeZone);
  const layers = schedule.layers.map((layer): CompiledLayer => {
    const start = layer.start;
    const end = layer.end ?? Number.POSITIVE_INFINITY;
    const configs: Array<{ config: LayerConfig; effectiveFrom: number }> = (layer.history ?? []).map(
      (version) => ({ config: version, effectiveFrom: version.effectiveFrom }),
    );
    configs.push({ config: layer, effectiveFrom: layer.effectiveFrom ?? start });
    const versions: CompiledVersion[] = [];
    configs.forEach(({ config, effectiveFrom }, i) => {
      const from = Math.max(effectiveFrom, start);
      const to = Math.min(configs[i + 1]?.effectiveFrom ?? Number.POSITIVE_INFINITY, end);
      if (from < to) versions.push(compileVersion(clock, config, from, to));
    });
    return { id: layer.id, start, end, versions };
  });
  const timeOff = new TimeOffIndex(schedule.timeOff ?? []);
  return { clock, layers, overrides: schedule.overrides, timeOff };
}
