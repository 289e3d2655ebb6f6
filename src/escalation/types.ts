// The escalation domain's own shapes, shared by the pure core and the store.

export type TargetType = 'user' | 'schedule';
export type Urgency = 'high' | 'low';

export interface Target {
  type: TargetType;
  id: string;
}

/** One level of a policy, as stored (JSON in escalation_policies.levels) and as decide() reads it. */
export interface Level {
  delay_minutes: number;
  targets: Target[];
  round_robin: boolean;
}

export interface Policy {
  levels: readonly Level[];
  /** How many more times the whole policy runs when nobody acknowledges (0–9). */
  repeat: number;
}

/** Where an escalation is: `loop` counts from 0 (at most `repeat`), `level` from 1. */
export interface Position {
  loop: number;
  level: number;
}
