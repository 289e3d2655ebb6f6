import type { CompiledRotation } from './compile.js';
import { HOUR_MS, isoWeekdayOfDay, mod, type WallClock } from './wallclock.js';

// Where a rotation's turns begin. Turn k begins at boundary(k) and ends at boundary(k + 1);
// turn 0 begins at the anchor, the last handoff at or before the reference instant. The turn
// holding an instant is therefore a function of that instant alone (never of who was skipped
// or of the range being rendered), and rendering any range starts straight at its turn
// instead of walking from the layer's start.

export interface RotationPlan {
  /** The instant turn k begins (non-decreasing in k). */
  boundary(k: number): number;
  /** The turn k with boundary(k) <= instant < boundary(k + 1). */
  turnAt(instant: number): number;
}

// Hourly and custom rotations count elapsed hours from the anchor: an 8-hour turn lasts eight
// real hours on the nights the clocks change too. Counting wall-clock hours instead would
// hand off twice in a repeated hour or not at all in a skipped one, and would stretch or
// shrink a turn that the rotation's very name says is a number of hours; so across a change
// the handoffs keep their elapsed spacing and shift by the change against the wall clock.
class ElapsedRotation implements RotationPlan {
  private readonly anchor: number;
  private readonly period: number;

  constructor(clock: WallClock, periodHours: number, handoffMinute: number, reference: number) {
    this.period = periodHours * HOUR_MS;
    const onReferenceDay = clock.at(clock.localDay(reference), handoffMinute);
    this.anchor = onReferenceDay + Math.floor((reference - onReferenceDay) / this.period) * this.period;
  }

  boundary(k: number): number {
    return this.anchor + k * this.period;
  }

  turnAt(instant: number): number {
    return Math.floor((instant - this.anchor) / this.period);
  }
}

// Daily and weekly rotations count local calendar days: every handoff is at the handoff wall
// time (under the compatible rule for skipped and repeated times), so a day's turn lasts 23 or
// 25 hours when the clocks change during it.
class CalendarRotation implements RotationPlan {
  private readonly clock: WallClock;
  private readonly anchorDay: number;
  private readonly periodDays: number;
  private readonly minute: number;

  constructor(
    clock: WallClock,
    periodDays: number,
    handoffMinute: number,
    handoffDay: number | null,
    reference: number,
  ) {
    this.clock = clock;
    this.periodDays = periodDays;
    this.minute = handoffMinute;
    const step = handoffDay === null ? 1 : 7;
    let day = clock.localDay(reference);
    if (handoffDay !== null) day -= mod(isoWeekdayOfDay(day) - handoffDay, 7);
    if (clock.at(day, handoffMinute) > reference) day -= step;
    this.anchorDay = day;
  }

  boundary(k: number): number {
    return this.clock.at(this.anchorDay + k * this.periodDays, this.minute);
  }

  turnAt(instant: number): number {
    let k = Math.floor((this.clock.localDay(instant) - this.anchorDay) / this.periodDays);
    // The day count is right but for the hours before that day's handoff, and for handoffs a
    // skipped stretch of wall time pushed onto a later day.
    while (this.boundary(k) > instant) k--;
    while (this.boundary(k + 1) <= instant) k++;
    return k;
  }
}

export function planRotation(clock: WallClock, rotation: CompiledRotation, reference: number): RotationPlan {
  return rotation.kind === 'elapsed'
    ? new ElapsedRotation(clock, rotation.periodHours, rotation.handoffMinute, reference)
    : new CalendarRotation(clock, rotation.periodDays, rotation.handoffMinute, rotation.handoffDay, reference);
}
