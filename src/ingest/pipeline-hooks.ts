// The seam between the ingest pipeline and the event rules and maintenance windows, which live
// in their own folders (ingest/rules, incidents/maintenance). The pipeline calls these for every
// event inside its transaction; `pipelineHooksFor` is where the real implementations are wired in.

import type { AppDeps } from '../app-context.js';
import type { Tx } from '../platform/db/transaction.js';
import type { Row } from '../platform/db/tables.js';
import type { NormalizedEvent, Severity } from './formats/types.js';
import { createPipelineHooks } from './hooks.js';

export type ServiceRow = Row<'services'>;

/** What the event rules decided for one event; every field optional, absent means "no change". */
export type RuleOutcome = {
  drop?: boolean;
  routeToServiceId?: string;
  severity?: Severity;
  urgency?: 'high' | 'low';
  priority?: string;
  dedupKey?: string;
  annotations?: Record<string, string>;
  extracted?: Record<string, string>;
  suppress?: boolean;
  pauseNotificationsSeconds?: number;
  matchedRuleId?: string;
};

export interface PipelineHooks {
  /**
   * Called once per batch, inside its transaction, with the services its events arrived for:
   * lets the hooks read what they need for the whole batch in a few set queries instead of
   * one query per event. What it reads holds for that transaction only.
   */
  prepare?(tx: Tx, serviceIds: readonly string[], now: number): Promise<void>;
  /** Event rules of the service (and the global ruleset): route, drop, rewrite, suppress. */
  route(tx: Tx, event: NormalizedEvent, service: ServiceRow, now: number): Promise<RuleOutcome>;
  /** The maintenance window covering this service now, if any: its new alerts open no incident. */
  maintenance(tx: Tx, serviceId: string, event: NormalizedEvent, now: number): Promise<{ windowId: string } | null>;
}

const NO_CHANGE: RuleOutcome = Object.freeze({}) as RuleOutcome;

export const noopPipelineHooks: PipelineHooks = {
  route: async () => NO_CHANGE,
  maintenance: async () => null,
};

/**
 * The hooks the running service uses, for the HTTP pipeline and the job handlers alike.
 * Rules and maintenance windows plug in here.
 */
const hooksByDeps = new WeakMap<AppDeps, PipelineHooks>();

export function pipelineHooksFor(deps: AppDeps): PipelineHooks {
  let hooks = hooksByDeps.get(deps);
  if (!hooks) {
    hooks = createPipelineHooks({ log: deps.log, metrics: deps.metrics });
    hooksByDeps.set(deps, hooks);
  }
  return hooks;
}
