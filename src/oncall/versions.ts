import type { Instant, Layer, LayerConfig, LayerVersion } from './types.js';

function configOf(source: LayerConfig): LayerConfig {
  const config: LayerConfig = {
    users: source.users,
    rotation: source.rotation,
    restrictions: source.restrictions,
    skipUnavailable: source.skipUnavailable,
  };
  if (source.rotationStart !== undefined) config.rotationStart = source.rotationStart;
  return config;
}

/** Every version of a layer, oldest first, each with the instant it takes effect. */
export function layerVersions(layer: Layer): LayerVersion[] {
  return [
    ...(layer.history ?? []),
    { ...configOf(layer), effectiveFrom: layer.effectiveFrom ?? layer.start },
  ];
}

/**
 * The layer after an edit taking effect at `effectiveFrom`: versions in force before then are
 * kept as they are (so turns already rendered stay as they were), versions that were due to
 * take effect at or after it are dropped, and `config` governs from `effectiveFrom` on. To
 * keep the rotation in phase across the edit, pass the previous version's `rotationStart`
 * (or its effective instant) as `config.rotationStart`.
 */
export function editLayer(layer: Layer, config: LayerConfig, effectiveFrom: Instant): Layer {
  const kept = layerVersions(layer).filter((version) => version.effectiveFrom < effectiveFrom);
  const edited: Layer = {
    id: layer.id,
    name: layer.name,
    start: layer.start,
    end: layer.end,
    ...configOf(config),
  };
  if (kept.length > 0) edited.history = kept;
  if (kept.length > 0 || effectiveFrom !== layer.start) edited.effectiveFrom = effectiveFrom;
  return edited;
}
