/**
 * Every timed decision reads a Clock so tests can drive time by hand (rule 4).
 * Timers are part of the clock because a manual clock must fire them when it is advanced.
 */
export interface Clock {
  now(): number;
  /** Calls `fn` once `ms` have passed on this clock; returns a cancel function. */
  setTimer(ms: number, fn: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(ms, fn) {
    const t = setTimeout(fn, Math.max(0, ms));
    t.unref?.();
    return () => clearTimeout(t);
  },
};

interface PendingTimer {
  at: number;
  fn: () => void;
}

export class ManualClock implements Clock {
  private current: number;
  private timers = new Set<PendingTimer>();

  constructor(start: number | Date = Date.UTC(2026, 0, 5, 12, 0, 0)) {
    this.current = typeof start === 'number' ? start : start.getTime();
  }

  now(): number {
    return this.current;
  }

  setTimer(ms: number, fn: () => void): () => void {
    const timer: PendingTimer = { at: this.current + Math.max(0, ms), fn };
    this.timers.add(timer);
    return () => this.timers.delete(timer);
  }

  /** Moves time forward and fires every timer that came due, in due order. */
  advance(ms: number): void {
    this.set(this.current + ms);
  }

  set(to: number | Date): void {
    const target = typeof to === 'number' ? to : to.getTime();
    if (target < this.current) throw new Error('ManualClock cannot go backwards');
    this.current = target;
    const due = [...this.timers].filter((t) => t.at <= target).sort((a, b) => a.at - b.at);
    for (const t of due) {
      this.timers.delete(t);
      t.fn();
    }
  }
}
