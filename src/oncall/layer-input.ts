import { DateTime } from 'luxon';
import { layerVersions, editLayer } from './versions.js';
import type { Instant, IsoWeekday, Layer, LayerConfig, Restriction, Rotation, RotationType, ScheduleIssue } from './types.js';
import { validateSchedule } from './validate.js';
import { isoWeekdayOfDay, wallClock } from './wallclock.js';
import { isKnownZone } from './zones.js';

// From the API's layers (snake_case, ISO times) to the core's, and the rules that keep an edit
// from rewriting the past. Pure: no clock, no I/O; the caller passes `now`, the instant the
// edit takes effect and an id generator.
//
// An edit of a schedule takes effect at one instant E (`effective_from`, default now, never in
// the past). Everything before E renders as it did:
//   - a layer already in force before E keeps its start, its end before E and its place among
//     the other layers in force before E; a change of its rotation, users, restrictions or
//     skip_unavailable becomes a new version from E (editLayer), the older ones stay;
//   - a layer left out of the list is ended at E (kept, so its past still renders), unless it
//     never was in force before E, in which case it simply goes;
//   - a new layer whose start lies before E is in force from E only; its rotation still
//     counts from its start.
// Layers that were not yet in force before E can change in any way.

export interface RotationInput {
  type: string;
  length?: number;
  handoff_time: string;
  handoff_day?: number | null;
}

export interface RestrictionInput {
  type: string;
  start_day?: number | null;
  start_time: string;
  duration_minutes: number;
}

/** A layer as the API takes it. */
export interface LayerInput {
  id?: string;
  name: string;
  start: string;
  end?: string | null;
  users: string[];
  rotation: RotationInput;
  restrictions?: RestrictionInput[];
  skip_unavailable?: boolean;
  rotation_start?: string;
}

/** Epoch ms of an ISO 8601 date-time with an offset, or NaN (which validation reports). */
export function parseInstant(text: string): number {
  const parsed = DateTime.fromISO(text, { setZone: true });
  return parsed.isValid ? parsed.toMillis() : Number.NaN;
}

function toRestriction(input: RestrictionInput): Restriction {
  if (input.type === 'weekly') {
    return { type: 'weekly', startDay: input.start_day as IsoWeekday, startTime: input.start_time, durationMinutes: input.duration_minutes };
  }
  return { type: input.type as 'daily', startTime: input.start_time, durationMinutes: input.duration_minutes };
}

function toRotation(input: RotationInput): Rotation {
  const rotation: Rotation = { type: input.type as RotationType, handoffTime: input.handoff_time };
  if (input.length !== undefined) rotation.length = input.length;
  if (input.handoff_day !== undefined && input.handoff_day !== null) rotation.handoffDay = input.handoff_day as IsoWeekday;
  return rotation;
}

/** The layer as given, before any rule of this module: what validateSchedule checks first. */
function rawLayer(input: LayerInput, id: string): Layer {
  const layer: Layer = {
    id,
    name: input.name,
    start: parseInstant(input.start),
    end: input.end === undefined || input.end === null ? null : parseInstant(input.end),
    users: input.users,
    rotation: toRotation(input.rotation),
    restrictions: (input.restrictions ?? []).map(toRestriction),
    skipUnavailable: input.skip_unavailable ?? false,
  };
  if (input.rotation_start !== undefined) layer.rotationStart = parseInstant(input.rotation_start);
  return layer;
}

/** The reference instant a layer's current version counts its rotation from (as compile.ts does). */
export function currentReference(layer: Layer): Instant {
  return layer.rotationStart ?? Math.max(layer.effectiveFrom ?? layer.start, layer.start);
}

/**
 * A config with every default written out: rotation length 1 unless custom, the weekly handoff
 * day the core would pick, and the rotation's reference instant. Two configs that render alike
 * then compare equal, and the API shows what is in force.
 */
function normalizedConfig(layer: Layer, reference: Instant, zone: string): LayerConfig {
  const rotation: Rotation = { type: layer.rotation.type, handoffTime: layer.rotation.handoffTime };
  if (layer.rotation.type !== 'custom') rotation.length = layer.rotation.length ?? 1;
  else rotation.length = layer.rotation.length;
  if (layer.rotation.type === 'weekly') {
    rotation.handoffDay = layer.rotation.handoffDay ?? isoWeekdayOfDay(wallClock(zone).localDay(reference));
  }
  return {
    users: [...layer.users],
    rotation,
    restrictions: layer.restrictions.map((r): Restriction =>
      r.type === 'weekly'
        ? { type: 'weekly', startDay: r.startDay, startTime: r.startTime, durationMinutes: r.durationMinutes }
        : { type: 'daily', startTime: r.startTime, durationMinutes: r.durationMinutes },
    ),
    skipUnavailable: layer.skipUnavailable,
    rotationStart: reference,
  };
}

function configKey(config: LayerConfig): string {
  const { rotation } = config;
  return JSON.stringify([
    config.users,
    rotation.type,
    rotation.length ?? null,
    rotation.handoffTime,
    rotation.handoffDay ?? null,
    config.restrictions.map((r) => [r.type, r.type === 'weekly' ? r.startDay : null, r.startTime, r.durationMinutes]),
    config.skipUnavailable,
    config.rotationStart ?? null,
  ]);
}

/** Whether any version of the layer renders something before `instant`. */
export function inForceBefore(layer: Layer, instant: Instant): boolean {
  const versions = layerVersions(layer);
  const end = layer.end ?? Number.POSITIVE_INFINITY;
  return versions.some((version, k) => {
    const from = Math.max(version.effectiveFrom, layer.start);
    const to = Math.min(versions[k + 1]?.effectiveFrom ?? Number.POSITIVE_INFINITY, end);
    return from < to && from < instant;
  });
}

function withConfig(base: Omit<Layer, keyof LayerConfig>, config: LayerConfig): Layer {
  return { ...base, ...config };
}

export interface LayerPlan {
  layers: Layer[];
  issues: ScheduleIssue[];
}

export interface PlanOptions {
  zone: string;
  now: Instant;
  /** The schedule's layers before the edit; null when the schedule is being created. */
  existing: Layer[] | null;
  /** When the edit takes effect (ignored on creation). */
  effectiveFrom: Instant;
  newId: () => string;
}

/**
 * The layers a schedule has after saving `inputs`, or the issues (field paths in the request's
 * terms) that keep them from being saved.
 */
export function planLayers(inputs: readonly LayerInput[], options: PlanOptions): LayerPlan {
  const { zone, now, existing, effectiveFrom } = options;
  // First the layers exactly as given, so every issue names a field of the request.
  const raw = inputs.map((input, i) => rawLayer(input, input.id !== undefined && existing !== null ? input.id : `new-${i}`));
  const issues = validateSchedule({ id: 'schedule', timeZone: zone, layers: raw, overrides: [] }, now).filter(
    (issue) => issue.field.startsWith('layers') || issue.field === 'time_zone',
  );
  if (issues.length > 0 || !isKnownZone(zone)) return { layers: [], issues };

  const fresh = (input: Layer, id: string): Layer => {
    const reference = input.rotationStart ?? input.start;
    const layer = withConfig({ id, name: input.name, start: input.start, end: input.end }, normalizedConfig(input, reference, zone));
    // On an edit, a new layer cannot reach back before the edit.
    if (existing !== null && input.start < effectiveFrom) layer.effectiveFrom = effectiveFrom;
    return layer;
  };

  if (existing === null) return { layers: raw.map((layer) => fresh(layer, options.newId())), issues: [] };

  const byId = new Map(existing.map((layer, index) => [layer.id, { layer, index }]));
  const E = effectiveFrom;
  const endOf = (end: Instant | null) => end ?? Number.POSITIVE_INFINITY;
  const planned: Array<{ layer: Layer; oldIndex: number | null; started: boolean }> = [];
  raw.forEach((input, i) => {
    const path = `layers/${i}`;
    const given = inputs[i]!.id;
    if (given === undefined) {
      if (input.end !== null && input.end <= E) {
        issues.push({ field: `${path}/end`, message: 'a new layer must end after effective_from' });
        return;
      }
      planned.push({ layer: fresh(input, options.newId()), oldIndex: null, started: false });
      return;
    }
    const found = byId.get(given);
    if (found === undefined) {
      issues.push({ field: `${path}/id`, message: 'no layer with this id in this schedule (leave id out to add a layer)' });
      return;
    }
    const old = found.layer;
    if (!inForceBefore(old, E)) {
      // Nothing of it has rendered yet: it may change in every way.
      planned.push({ layer: fresh(input, old.id), oldIndex: found.index, started: false });
      return;
    }
    if (input.start !== old.start) {
      issues.push({
        field: `${path}/start`,
        message: 'a layer already in force keeps its start (past shifts never change); end it and add a new layer instead',
      });
      return;
    }
    if (Math.min(endOf(input.end), E) !== Math.min(endOf(old.end), E)) {
      issues.push({
        field: `${path}/end`,
        message: 'would change shifts before effective_from; a layer in force can only end at or after effective_from',
      });
      return;
    }
    const reference = input.rotationStart ?? currentReference(old);
    const config = normalizedConfig(input, reference, zone);
    const renamed: Layer = { ...old, name: input.name, end: input.end };
    if (configKey(config) === configKey(normalizedConfig(old, currentReference(old), zone))) {
      planned.push({ layer: renamed, oldIndex: found.index, started: true });
      return;
    }
    if (old.end !== null && old.end <= E) {
      issues.push({ field: path, message: 'this layer ended before effective_from; its shifts can no longer change' });
      return;
    }
    planned.push({ layer: editLayer(renamed, config, E), oldIndex: found.index, started: true });
  });

  // Layers in force before E keep their order among themselves: precedence decides the past.
  let lastOld = -1;
  for (let i = 0; i < planned.length; i++) {
    const entry = planned[i]!;
    if (!entry.started || entry.oldIndex === null) continue;
    if (entry.oldIndex < lastOld) {
      issues.push({
        field: `layers/${raw.findIndex((layer) => layer.id === entry.layer.id)}`,
        message: 'layers already in force keep their order (it decides who was on call); end it and add a new layer instead',
      });
      break;
    }
    lastOld = entry.oldIndex;
  }
  if (issues.length > 0) return { layers: [], issues };

  // Layers left out: those with a past are ended at E and keep their place; the others go.
  const kept = new Set(planned.map((entry) => entry.layer.id));
  const result = planned.slice();
  existing.forEach((old, oldIndex) => {
    if (kept.has(old.id) || !inForceBefore(old, E)) return;
    const ended: Layer = endOf(old.end) > E ? { ...old, end: E } : old;
    const entry = { layer: ended, oldIndex, started: true };
    const before = result.findIndex((other) => other.started && other.oldIndex !== null && other.oldIndex > oldIndex);
    if (before === -1) result.push(entry);
    else result.splice(before, 0, entry);
  });
  const layers = result.map((entry) => entry.layer);
  // A last check of the whole: an edit must never save what resolve cannot render.
  const final = validateSchedule({ id: 'schedule', timeZone: zone, layers, overrides: [] }, now);
  return { layers: final.length > 0 ? [] : layers, issues: final };
}
