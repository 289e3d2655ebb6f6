import type { Shift, Span } from './types.js';

// Operations on sorted lists of non-overlapping half-open spans. Every list passed in or
// returned here is sorted by start and has no overlaps; the functions are linear in its length.

/** Whether two shifts would read as one if they touched. */
export function sameOrigin(a: Shift, b: Shift): boolean {
  return (
    a.userId === b.userId &&
    a.source === b.source &&
    a.layerId === b.layerId &&
    a.overrideId === b.overrideId &&
    a.coveringFor === b.coveringFor
  );
}

/** A copy of `shift` over [start, end), keeping only the optional fields it has. */
export function reshape(shift: Shift, start: number, end: number): Shift {
  const copy: Shift = { userId: shift.userId, start, end, source: shift.source };
  if (shift.layerId !== undefined) copy.layerId = shift.layerId;
  if (shift.overrideId !== undefined) copy.overrideId = shift.overrideId;
  if (shift.coveringFor !== undefined) copy.coveringFor = shift.coveringFor;
  return copy;
}

/** Joins shifts that touch and share their origin. */
export function mergeAdjacent(shifts: readonly Shift[]): Shift[] {
  const out: Shift[] = [];
  for (const shift of shifts) {
    const last = out[out.length - 1];
    if (last !== undefined && last.end === shift.start && sameOrigin(last, shift)) {
      out[out.length - 1] = reshape(last, last.start, shift.end);
    } else {
      out.push(shift);
    }
  }
  return out;
}

/**
 * `top` with the parts of `lower` that `top` leaves uncovered filled in: what a higher layer
 * (or an override) shows over a lower one.
 */
export function overlay(top: readonly Shift[], lower: readonly Shift[]): Shift[] {
  if (top.length === 0) return lower.slice();
  if (lower.length === 0) return top.slice();
  const pieces: Shift[] = [];
  let first = 0;
  for (const shift of lower) {
    while (first < top.length && top[first].end <= shift.start) first++;
    let from = shift.start;
    for (let k = first; from < shift.end; k++) {
      const cover = top[k];
      if (cover === undefined || cover.start >= shift.end) {
        pieces.push(reshape(shift, from, shift.end));
        break;
      }
      if (cover.start > from) pieces.push(reshape(shift, from, cover.start));
      if (cover.end > from) from = cover.end;
    }
  }
  return mergeSorted(top, pieces);
}

function mergeSorted(a: readonly Shift[], b: readonly Shift[]): Shift[] {
  const out: Shift[] = new Array<Shift>(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) out[n++] = a[i].start <= b[j].start ? a[i++] : b[j++];
  while (i < a.length) out[n++] = a[i++];
  while (j < b.length) out[n++] = b[j++];
  return out;
}

/** The parts of [since, until) that no span in `covered` reaches. */
export function complement(covered: readonly Span[], since: number, until: number): Span[] {
  const gaps: Span[] = [];
  let from = since;
  for (const span of covered) {
    if (span.end <= from) continue;
    if (span.start >= until) break;
    if (span.start > from) gaps.push({ start: from, end: span.start });
    from = span.end;
    if (from >= until) break;
  }
  if (from < until) gaps.push({ start: from, end: until });
  return gaps;
}

/** Sorts spans and joins those that overlap or touch. */
export function unionSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((span) => span.start < span.end).sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && span.start <= last.end) {
      if (span.end > last.end) last.end = span.end;
    } else {
      out.push({ start: span.start, end: span.end });
    }
  }
  return out;
}
