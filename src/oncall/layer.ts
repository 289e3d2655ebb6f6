import type { CompiledLayer, CompiledVersion, TimeOffIndex } from './compile.js';
import { restrictionWindows } from './restrictions.js';
import { planRotation } from './rotation.js';
import type { Shift, Span } from './types.js';
import { mod, type WallClock } from './wallclock.js';

// Renders one layer over [since, until): one shift per turn, cut to the restriction windows,
// with time off handed on along the rotation on skip-unavailable layers. Shifts are not merged
// here, so every handoff stays visible even when a user follows themself.

/** Index of the first span in `spans` that ends after `instant`. */
function firstEndingAfter(spans: readonly Span[], instant: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (spans[mid].end <= instant) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function isOff(spans: readonly Span[] | undefined, instant: number): boolean {
  if (spans === undefined) return false;
  const i = firstEndingAfter(spans, instant);
  return i < spans.length && spans[i].start <= instant;
}

function overlapsAny(spans: readonly Span[] | undefined, start: number, end: number): boolean {
  if (spans === undefined) return false;
  const i = firstEndingAfter(spans, start);
  return i < spans.length && spans[i].start < end;
}

class LayerRenderer {
  readonly shifts: Shift[] = [];
  private readonly layerId: string;
  private readonly timeOff: TimeOffIndex;

  constructor(layerId: string, timeOff: TimeOffIndex) {
    this.layerId = layerId;
    this.timeOff = timeOff;
  }

  private push(userId: string, start: number, end: number, coveringFor: string | null): void {
    const shift: Shift = { userId, start, end, source: 'layer', layerId: this.layerId };
    if (coveringFor !== null) shift.coveringFor = coveringFor;
    this.shifts.push(shift);
  }

  /** A piece of turn `turn` of `version`, with time off handed on if the layer says so. */
  assign(version: CompiledVersion, turn: number, start: number, end: number): void {
    const users = version.users;
    const owner = mod(turn, users.length);
    const ownerId = users[owner];
    if (!version.skipUnavailable || !overlapsAny(this.timeOff.spansOf(ownerId), start, end)) {
      this.push(ownerId, start, end, null);
      return;
    }
    // Who is available can only change where someone's time off starts or ends, so cut there
    // and, in each piece, walk the rotation order from the owner to the first one available.
    const cuts = new Set<number>([start, end]);
    for (const userId of users) {
      const spans = this.timeOff.spansOf(userId);
      if (spans === undefined) continue;
      for (let i = firstEndingAfter(spans, start); i < spans.length && spans[i].start < end; i++) {
        if (spans[i].start > start) cuts.add(spans[i].start);
        if (spans[i].end < end) cuts.add(spans[i].end);
      }
    }
    const points = [...cuts].sort((a, b) => a - b);
    // Pieces of one turn that the same user holds for the same reason read as one shift.
    let held: { userId: string; start: number; end: number; coveringFor: string | null } | null = null;
    for (let p = 0; p + 1 < points.length; p++) {
      const from = points[p];
      const to = points[p + 1];
      let chosen: string | null = null;
      let step = 0;
      for (; step < users.length; step++) {
        const candidate = users[(owner + step) % users.length];
        if (!isOff(this.timeOff.spansOf(candidate), from)) {
          chosen = candidate;
          break;
        }
      }
      const coveringFor = step === 0 ? null : ownerId;
      if (held !== null && (chosen !== held.userId || coveringFor !== held.coveringFor || held.end !== from)) {
        this.push(held.userId, held.start, held.end, held.coveringFor);
        held = null;
      }
      if (chosen === null) continue;
      if (held === null) held = { userId: chosen, start: from, end: to, coveringFor };
      else held.end = to;
    }
    if (held !== null) this.push(held.userId, held.start, held.end, held.coveringFor);
  }
}

function renderVersion(
  renderer: LayerRenderer,
  clock: WallClock,
  version: CompiledVersion,
  from: number,
  to: number,
): void {
  const plan = planRotation(clock, version.rotation, version.reference);
  const windows =
    version.restrictions.length === 0 ? null : restrictionWindows(clock, version.restrictions, from, to);
  if (windows !== null && windows.length === 0) return;
  let turn = plan.turnAt(from);
  let turnStart = plan.boundary(turn);
  let w = 0;
  for (;;) {
    const next = plan.boundary(turn + 1);
    // Boundaries never run backwards; the guard also stops on a NaN from an unknown offset.
    const turnEnd = next > turnStart ? next : turnStart;
    if (Number.isNaN(turnEnd)) break;
    const start = turnStart > from ? turnStart : from;
    const end = turnEnd < to ? turnEnd : to;
    if (start < end) {
      if (windows === null) {
        renderer.assign(version, turn, start, end);
      } else {
        while (w < windows.length && windows[w].end <= start) w++;
        for (let i = w; i < windows.length && windows[i].start < end; i++) {
          const pieceStart = windows[i].start > start ? windows[i].start : start;
          const pieceEnd = windows[i].end < end ? windows[i].end : end;
          renderer.assign(version, turn, pieceStart, pieceEnd);
        }
      }
    }
    if (turnEnd >= to) break;
    turnStart = turnEnd;
    turn++;
  }
}

/** The layer's shifts within [since, until), sorted and unmerged. */
export function renderLayer(
  layer: CompiledLayer,
  clock: WallClock,
  timeOff: TimeOffIndex,
  since: number,
  until: number,
): Shift[] {
  const renderer = new LayerRenderer(layer.id, timeOff);
  for (const version of layer.versions) {
    const from = Math.max(version.from, since);
    const to = Math.min(version.to, until);
    if (from < to) renderVersion(renderer, clock, version, from, to);
  }
  return renderer.shifts;
}
