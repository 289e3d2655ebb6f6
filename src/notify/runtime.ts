import type { AppDeps } from '../app-context.js';
import { channelsFromEnv, type ChannelRegistry } from './channels/index.js';

// The channels one running app sends through, made from the environment on first use (see
// channelsFromEnv for the variables). Moves into AppDeps when the notify job is wired.

const registries = new WeakMap<AppDeps, ChannelRegistry>();

export function channelsFor(deps: AppDeps): ChannelRegistry {
  let registry = registries.get(deps);
  if (!registry) {
    registry = channelsFromEnv(process.env, deps.config.publicUrl);
    registries.set(deps, registry);
  }
  return registry;
}
