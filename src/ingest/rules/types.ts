import type { Template } from 'liquidjs';
import type { Severity } from '../formats/types.js';
import type { CompiledCondition } from './cel.js';

/** Which ruleset: the one global router, or one service's own. */
export type RulesetScope = { kind: 'router' } | { kind: 'service'; serviceId: string };

/** One extraction: a regex over a dotted path of the event view, its capture saved under `target`. */
export interface ExtractInput {
  field: string;
  regex: string;
  /** i, m and/or s */
  flags?: string;
  target: string;
}

/** The actions of a rule as stored and sent over the wire (snake_case). */
export interface RuleActionsInput {
  route_to_service_id?: string;
  severity?: Severity;
  urgency?: 'high' | 'low';
  priority?: string;
  /** A Liquid template over `event` and `extracted`, e.g. "{{event.source}}/{{extracted.disk}}". */
  dedup_key?: string;
  extract?: ExtractInput[];
  annotate?: Record<string, string>;
  suppress?: boolean;
  drop?: boolean;
  pause_notifications_seconds?: number;
}

export interface RuleInput {
  id?: string;
  /** Output only: the rule's index in the list. Accepted (and ignored) so a GET can be PUT back. */
  position?: number;
  description?: string;
  condition: string;
  actions: RuleActionsInput;
  disabled?: boolean;
}

/** A rule as stored: the input with its id assigned. */
export interface StoredRule {
  id: string;
  description?: string;
  condition: string;
  actions: RuleActionsInput;
  disabled?: boolean;
}

export interface CompiledExtract {
  path: string[];
  regex: RegExp;
  /** The capture to keep: the first named group, else group 1. */
  group: string | number;
  target: string;
}

export interface CompiledActions {
  routeToServiceId?: string;
  severity?: Severity;
  urgency?: 'high' | 'low';
  priority?: string;
  dedupKey?: Template[];
  extract: CompiledExtract[];
  annotations?: Record<string, string>;
  suppress?: boolean;
  drop?: boolean;
  pauseNotificationsSeconds?: number;
}

export interface CompiledRule {
  id: string;
  index: number;
  disabled: boolean;
  condition: CompiledCondition;
  actions: CompiledActions;
}

export interface CompiledRuleset {
  rules: CompiledRule[];
}
