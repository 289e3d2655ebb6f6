import type { AppDeps } from '../app-context.js';
import type { ContactType } from './tables.js';
import { channelsFromConfig, type ChannelRegistry } from './channels/index.js';
import { throttleTable, type ThrottleTable } from './throttle.js';

// The channels and throttle limits one running app sends with, made from its configuration on
// first use and kept for the app's life.

const registries = new WeakMap<AppDeps, ChannelRegistry>();
const limits = new WeakMap<AppDeps, ThrottleTable>();

export function channelsFor(deps: AppDeps): ChannelRegistry {
  let registry = registries.get(deps);
  if (!registry) {
    registry = channelsFromConfig(deps.config);
    registries.set(deps, registry);
  }
  return registry;
}

export function throttleLimitsFor(deps: AppDeps): ThrottleTable {
  let table = limits.get(deps);
  if (!table) {
    table = throttleTable(deps.config.throttle as Partial<Record<ContactType, { max: number; windowMs: number } | null>>);
    limits.set(deps, table);
  }
  return table;
}
