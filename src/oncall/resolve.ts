import { compileSchedule, type CompiledSchedule } from './compile.js';
import { complement, mergeAdjacent, overlay } from './intervals.js';
import { renderLayer } from './layer.js';
import type { Instant, LayerRendering, OnCallNow, Resolution, Schedule, Shift, Span } from './types.js';
import { DAY_MS } from './wallclock.js';

// The pure core of on-call schedules: who is on call, from a schedule and a range, with no
// clock, no I/O and no dependence on the process's time zone.
//
// Precedence, top to bottom: overrides (a later override over an earlier one), then layers (a
// later layer over an earlier one wherever both have someone), then nobody (a gap).
//
// Merging: `final` joins shifts that touch and have the same user and the same origin (source,
// layer or override, and whom they cover for), so a user who follows themself in a rotation
// reads as one stretch on call and "when does this person hand over" is the end of one
// shift. Shifts from different origins stay apart, so every final shift still says where it
// came from. The per-layer renderings are never merged, so each handoff stays visible.
// Because merging only joins neighbours, resolving [a, c) gives what resolving [a, b) and
// [b, c) and merging at b gives.

function checkRange(since: Instant, until: Instant): void {
  if (!Number.isFinite(since) || !Number.isFinite(until) || since > until) {
    throw new RangeError(`bad range [${since}, ${until})`);
  }
}

function overrideShifts(compiled: CompiledSchedule, since: number, until: number): Shift[] {
  let painted: Shift[] = [];
  const { overrides } = compiled;
  // The last override wins, so paint from the last one down, each under what is already there.
  for (let i = overrides.length - 1; i >= 0; i--) {
    const override = overrides[i];
    const start = Math.max(override.start, since);
    const end = Math.min(override.end, until);
    if (!(start < end)) continue;
    const shift: Shift = {
      userId: override.userId,
      start,
      end,
      source: override.source ?? 'override',
      overrideId: override.id,
    };
    painted = overlay(painted, [shift]);
  }
  return painted;
}

function compose(compiled: CompiledSchedule, perLayer: readonly Shift[][], since: number, until: number): Shift[] {
  let base: Shift[] = [];
  for (let i = perLayer.length - 1; i >= 0; i--) base = overlay(base, perLayer[i]);
  return mergeAdjacent(overlay(overrideShifts(compiled, since, until), base));
}

function finalOnly(compiled: CompiledSchedule, since: number, until: number): Shift[] {
  const perLayer = compiled.layers.map((layer) =>
    renderLayer(layer, compiled.clock, compiled.timeOff, since, until),
  );
  return compose(compiled, perLayer, since, until);
}

/**
 * Renders a schedule over [since, until): the final on-call shifts, each layer's own shifts
 * and gaps, and the gaps of the final schedule. All shifts are clipped to the range and
 * sorted. Throws InvalidScheduleError for a schedule validateSchedule would reject as
 * unrenderable, and RangeError for a bad range. Work grows with the number of turns in the
 * range, so callers bound the range.
 */
export function resolve(schedule: Schedule, since: Instant, until: Instant): Resolution {
  checkRange(since, until);
  const compiled = compileSchedule(schedule);
  const layers: LayerRendering[] = compiled.layers.map((layer) => {
    const shifts = renderLayer(layer, compiled.clock, compiled.timeOff, since, until);
    const gaps = complement(shifts, Math.max(since, layer.start), Math.min(until, layer.end));
    return { layerId: layer.id, shifts, gaps };
  });
  const final = compose(
    compiled,
    layers.map((layer) => layer.shifts),
    since,
    until,
  );
  return { final, layers, gaps: complement(final, since, until) };
}

/** Where nobody is on call in the final schedule within [since, until). */
export function findGaps(schedule: Schedule, since: Instant, until: Instant): Span[] {
  checkRange(since, until);
  return complement(finalOnly(compileSchedule(schedule), since, until), since, until);
}

export interface OnCallOptions {
  /** How far back to look for the start of the current shift (default one day). */
  lookbackMs?: number;
  /** How far ahead to look for the end of the current shift and the next one (default 90 days). */
  horizonMs?: number;
}

/**
 * Who is on call at `at`, and the shift after that. `current.start` is not earlier than
 * `at - lookbackMs`; `current.end` and `next` are exact unless they lie beyond `horizonMs`,
 * where they are clipped to it (or `next` is null).
 */
export function onCallAt(schedule: Schedule, at: Instant, options: OnCallOptions = {}): OnCallNow {
  const lookback = options.lookbackMs ?? DAY_MS;
  const horizon = at + (options.horizonMs ?? 90 * DAY_MS);
  checkRange(at - lookback, horizon);
  const compiled = compileSchedule(schedule);
  // Resolve in growing chunks and join them at their seams (see merging above): most answers
  // need only the first day or two.
  let shifts = finalOnly(compiled, at - lookback, Math.min(at + DAY_MS, horizon));
  let until = Math.min(at + DAY_MS, horizon);
  let chunk = DAY_MS;
  for (;;) {
    const current = shifts.find((shift) => shift.start <= at && at < shift.end) ?? null;
    const after = current === null ? at : current.end;
    const next = shifts.find((shift) => shift.start >= after && shift.start > at) ?? null;
    const settled = next !== null && next.end < until;
    if (settled || until >= horizon) return { current, next };
    chunk *= 4;
    const from = until;
    until = Math.min(until + chunk, horizon);
    const more = finalOnly(compiled, from, until);
    shifts = mergeAdjacent(shifts.concat(more));
  }
}
