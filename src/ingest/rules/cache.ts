// Compiled rulesets, kept in memory keyed by (ruleset id, version). The version is read from the
// database for every event, so a save in any process is seen by the next event everywhere; a
// save in this process also drops its entry at once.

import type { CompiledRuleset } from './types.js';

export const RULESET_CACHE_MAX = 1000;

export class RulesetCache {
  private entries = new Map<string, { version: number; ruleset: CompiledRuleset }>();

  constructor(private readonly max = RULESET_CACHE_MAX) {}

  get(id: string, version: number): CompiledRuleset | undefined {
    const e = this.entries.get(id);
    if (!e || e.version !== version) return undefined;
    // Most recently used last, so eviction takes the coldest.
    this.entries.delete(id);
    this.entries.set(id, e);
    return e.ruleset;
  }

  set(id: string, version: number, ruleset: CompiledRuleset): void {
    this.entries.delete(id);
    this.entries.set(id, { version, ruleset });
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }

  invalidate(id: string): void {
    this.entries.delete(id);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The process-wide cache the ingest hooks read and the save commands invalidate. */
export const rulesetCache = new RulesetCache();
