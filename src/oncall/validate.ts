import { DateTime } from 'luxon';
import type { LayerConfig, Restriction, Schedule, ScheduleIssue } from './types.js';
import { parseClockTime } from './wallclock.js';
import { isKnownZone } from './zones.js';

// Field paths use the API's snake_case names so that routes can hand them straight to a
// problem+json response. `structuralIssues` is what resolve() itself insists on (compile.ts
// throws on any of them); validateSchedule adds the checks that need `now`, and so a schedule
// that passes validateSchedule always renders.

/** Instants outside this range (1900 to 2200) are refused: far beyond any schedule's needs. */
export const MIN_INSTANT = Date.UTC(1900, 0, 1);
export const MAX_INSTANT = Date.UTC(2200, 0, 1);

/** Longest turn per rotation type, in that type's units: a year, give or take. */
export const MAX_ROTATION_LENGTH = { hourly: 8784, daily: 366, weekly: 53, custom: 8784 } as const;

const ROTATION_TYPES = new Set(['hourly', 'daily', 'weekly', 'custom']);
const WEEK_MINUTES = 7 * 1440;
const MAX_OVERRIDE_YEARS = 2;

type Issues = ScheduleIssue[];

function isInstant(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= MIN_INSTANT && value <= MAX_INSTANT;
}

function isWholeInRange(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

const BAD_INSTANT = 'must be an instant between 1900 and 2200';

function checkInstant(issues: Issues, field: string, value: unknown): value is number {
  if (isInstant(value)) return true;
  issues.push({ field, message: BAD_INSTANT });
  return false;
}

/** Restriction windows as [start, end) minutes of the week (Monday 00:00 = 0). */
function weekWindows(restriction: Restriction): Array<[number, number]> {
  const start = parseClockTime(restriction.startTime) ?? 0;
  if (restriction.type === 'weekly') {
    const from = (restriction.startDay - 1) * 1440 + start;
    return [[from, from + restriction.durationMinutes]];
  }
  return [0, 1, 2, 3, 4, 5, 6].map((day): [number, number] => [
    day * 1440 + start,
    day * 1440 + start + restriction.durationMinutes,
  ]);
}

function windowsOverlap(a: [number, number], b: [number, number]): boolean {
  // Windows live on the circle of the week, so a Sunday-night window can reach Monday.
  const fromAToB = (((b[0] - a[0]) % WEEK_MINUTES) + WEEK_MINUTES) % WEEK_MINUTES;
  const fromBToA = (((a[0] - b[0]) % WEEK_MINUTES) + WEEK_MINUTES) % WEEK_MINUTES;
  return fromAToB < a[1] - a[0] || fromBToA < b[1] - b[0];
}

function checkRestrictions(issues: Issues, path: string, restrictions: unknown): void {
  if (!Array.isArray(restrictions)) {
    issues.push({ field: path, message: 'must be a list' });
    return;
  }
  const valid: Array<{ index: number; windows: Array<[number, number]> }> = [];
  restrictions.forEach((value: unknown, index) => {
    const at = `${path}/${index}`;
    const before = issues.length;
    const restriction = value as Partial<Restriction> | null;
    if (restriction === null || typeof restriction !== 'object') {
      issues.push({ field: at, message: 'must be an object' });
      return;
    }
    if (restriction.type !== 'daily' && restriction.type !== 'weekly') {
      issues.push({ field: `${at}/type`, message: "must be 'daily' or 'weekly'" });
      return;
    }
    if (parseClockTime(restriction.startTime) === null) {
      issues.push({ field: `${at}/start_time`, message: 'must be HH:MM (00:00 to 23:59)' });
    }
    const longest = restriction.type === 'daily' ? 1440 : WEEK_MINUTES;
    if (!isWholeInRange(restriction.durationMinutes, 1, longest)) {
      issues.push({
        field: `${at}/duration_minutes`,
        message: `must be a whole number of minutes from 1 to ${longest}`,
      });
    }
    if (restriction.type === 'weekly' && !isWholeInRange(restriction.startDay, 1, 7)) {
      issues.push({ field: `${at}/start_day`, message: 'must be an ISO weekday from 1 (Monday) to 7' });
    }
    if (issues.length === before) valid.push({ index, windows: weekWindows(restriction as Restriction) });
  });
  for (let i = 0; i < valid.length; i++) {
    for (let j = 0; j < i; j++) {
      const later = valid[i].windows;
      const earlier = valid[j].windows;
      if (later.some((a) => earlier.some((b) => windowsOverlap(a, b)))) {
        issues.push({
          field: `${path}/${valid[i].index}`,
          message: `overlaps restriction ${valid[j].index}`,
        });
        break;
      }
    }
  }
}

function checkConfig(issues: Issues, path: string, config: Partial<LayerConfig>): void {
  const prefix = path === '' ? '' : `${path}/`;
  if (!Array.isArray(config.users) || config.users.length === 0) {
    issues.push({ field: `${prefix}users`, message: 'a rotation needs at least one user' });
  } else {
    config.users.forEach((user: unknown, index) => {
      if (!isNonEmptyString(user)) {
        issues.push({ field: `${prefix}users/${index}`, message: 'must be a user id' });
      }
    });
  }
  const rotation = config.rotation;
  if (rotation === null || typeof rotation !== 'object') {
    issues.push({ field: `${prefix}rotation`, message: 'is required' });
  } else {
    const at = `${prefix}rotation`;
    if (!ROTATION_TYPES.has(rotation.type)) {
      issues.push({ field: `${at}/type`, message: "must be 'hourly', 'daily', 'weekly' or 'custom'" });
    } else if (rotation.length === undefined) {
      if (rotation.type === 'custom') {
        issues.push({ field: `${at}/length`, message: 'custom rotations need a length in hours' });
      }
    } else {
      const max = MAX_ROTATION_LENGTH[rotation.type];
      if (!isWholeInRange(rotation.length, 1, max)) {
        issues.push({ field: `${at}/length`, message: `must be a whole number from 1 to ${max}` });
      }
    }
    if (parseClockTime(rotation.handoffTime) === null) {
      issues.push({ field: `${at}/handoff_time`, message: 'must be HH:MM (00:00 to 23:59)' });
    }
    if (rotation.handoffDay !== undefined && !isWholeInRange(rotation.handoffDay, 1, 7)) {
      issues.push({ field: `${at}/handoff_day`, message: 'must be an ISO weekday from 1 (Monday) to 7' });
    }
  }
  checkRestrictions(issues, `${prefix}restrictions`, config.restrictions);
  if (typeof config.skipUnavailable !== 'boolean') {
    issues.push({ field: `${prefix}skip_unavailable`, message: 'must be true or false' });
  }
  if (config.rotationStart !== undefined) checkInstant(issues, `${prefix}rotation_start`, config.rotationStart);
}

/** The problems that keep `resolve` from rendering a schedule at all. */
export function structuralIssues(schedule: Schedule): ScheduleIssue[] {
  const issues: Issues = [];
  if (!isKnownZone(schedule.timeZone)) {
    issues.push({ field: 'time_zone', message: 'must be an IANA time zone name' });
  }
  if (!Array.isArray(schedule.layers)) {
    issues.push({ field: 'layers', message: 'must be a list' });
  } else {
    schedule.layers.forEach((layer, i) => {
      const path = `layers/${i}`;
      if (!isNonEmptyString(layer.id)) issues.push({ field: `${path}/id`, message: 'is required' });
      const startOk = checkInstant(issues, `${path}/start`, layer.start);
      if (layer.end !== null && checkInstant(issues, `${path}/end`, layer.end) && startOk) {
        if (layer.end <= layer.start) issues.push({ field: `${path}/end`, message: 'must be after start' });
      }
      checkConfig(issues, path, layer);
      const history = layer.history ?? [];
      if (!Array.isArray(history)) {
        issues.push({ field: `${path}/history`, message: 'must be a list' });
        return;
      }
      let previous = Number.NEGATIVE_INFINITY;
      history.forEach((version, h) => {
        const at = `${path}/history/${h}`;
        checkConfig(issues, at, version);
        if (checkInstant(issues, `${at}/effective_from`, version.effectiveFrom)) {
          if (version.effectiveFrom <= previous) {
            issues.push({ field: `${at}/effective_from`, message: "must be later than the previous version's" });
          }
          previous = version.effectiveFrom;
        }
      });
      const current = layer.effectiveFrom ?? layer.start;
      if (layer.effectiveFrom !== undefined) checkInstant(issues, `${path}/effective_from`, layer.effectiveFrom);
      if (history.length > 0 && isInstant(current) && current <= previous) {
        issues.push({ field: `${path}/effective_from`, message: 'must be later than every version in history' });
      }
    });
  }
  // Overrides and time off can run to thousands of entries: build field paths only on failure.
  if (!Array.isArray(schedule.overrides)) {
    issues.push({ field: 'overrides', message: 'must be a list' });
  } else {
    const overrides = schedule.overrides;
    for (let k = 0; k < overrides.length; k++) {
      const override = overrides[k];
      if (!isNonEmptyString(override.id)) issues.push({ field: `overrides/${k}/id`, message: 'is required' });
      if (!isNonEmptyString(override.userId)) {
        issues.push({ field: `overrides/${k}/user_id`, message: 'is required' });
      }
      if (!isInstant(override.start)) issues.push({ field: `overrides/${k}/start`, message: BAD_INSTANT });
      if (!isInstant(override.end)) issues.push({ field: `overrides/${k}/end`, message: BAD_INSTANT });
      if (override.source !== undefined && override.source !== 'override' && override.source !== 'swap') {
        issues.push({ field: `overrides/${k}/source`, message: "must be 'override' or 'swap'" });
      }
    }
  }
  if (schedule.timeOff !== undefined && !Array.isArray(schedule.timeOff)) {
    issues.push({ field: 'time_off', message: 'must be a list' });
  } else {
    const timeOff = schedule.timeOff ?? [];
    for (let k = 0; k < timeOff.length; k++) {
      const entry = timeOff[k];
      if (!isNonEmptyString(entry.userId)) issues.push({ field: `time_off/${k}/user_id`, message: 'is required' });
      if (!isInstant(entry.start)) issues.push({ field: `time_off/${k}/start`, message: BAD_INSTANT });
      if (!isInstant(entry.end)) issues.push({ field: `time_off/${k}/end`, message: BAD_INSTANT });
    }
  }
  return issues;
}

/**
 * Every problem with a schedule, for the API to report field by field. `now` bounds how far
 * ahead overrides may reach. An empty list means `resolve` can render the schedule.
 */
export function validateSchedule(schedule: Schedule, now: number): ScheduleIssue[] {
  const issues = structuralIssues(schedule);
  if (!isNonEmptyString(schedule.id)) issues.unshift({ field: 'id', message: 'is required' });
  const layerIds = new Map<string, number>();
  (Array.isArray(schedule.layers) ? schedule.layers : []).forEach((layer, i) => {
    const first = layerIds.get(layer.id);
    if (first !== undefined) issues.push({ field: `layers/${i}/id`, message: `duplicates layers/${first}/id` });
    else layerIds.set(layer.id, i);
  });
  const horizon = DateTime.fromMillis(now, { zone: 'utc' }).plus({ years: MAX_OVERRIDE_YEARS }).toMillis();
  const overrideIds = new Map<string, number>();
  (Array.isArray(schedule.overrides) ? schedule.overrides : []).forEach((override, k) => {
    const path = `overrides/${k}`;
    const first = overrideIds.get(override.id);
    if (first !== undefined) issues.push({ field: `${path}/id`, message: `duplicates overrides/${first}/id` });
    else overrideIds.set(override.id, k);
    if (!isInstant(override.start) || !isInstant(override.end)) return;
    if (override.end <= override.start) {
      issues.push({ field: `${path}/end`, message: 'must be after start' });
      return;
    }
    const longest = DateTime.fromMillis(override.start, { zone: 'utc' })
      .plus({ years: MAX_OVERRIDE_YEARS })
      .toMillis();
    if (override.end > longest) {
      issues.push({ field: `${path}/end`, message: `an override may last at most ${MAX_OVERRIDE_YEARS} years` });
    } else if (override.end > horizon) {
      issues.push({
        field: `${path}/end`,
        message: `must be at most ${MAX_OVERRIDE_YEARS} years from now`,
      });
    }
  });
  (Array.isArray(schedule.timeOff) ? schedule.timeOff : []).forEach((entry, k) => {
    if (isInstant(entry.start) && isInstant(entry.end) && entry.end <= entry.start) {
      issues.push({ field: `time_off/${k}/end`, message: 'must be after start' });
    }
  });
  return issues;
}
