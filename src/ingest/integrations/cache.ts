// Integration lookups by key, cached: the hot path reads no integration or service row per
// request. Commands that change an integration or a service clear this process's caches after
// commit; other processes see the change when their entry expires (CACHE_TTL_MS).

import { performance } from 'node:perf_hooks';
import type { Db, Executor } from '../../platform/db/transaction.js';
import type { Row } from '../../platform/db/tables.js';
import { serviceSettings, type ServiceSettings } from '../../incidents/settings.js';
import { formats, type FormatMapper } from '../formats/index.js';
import { hashIntegrationKey } from './keys.js';
import { formatOf, type ApiIntegrationType } from './types.js';

export const CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 20_000;

export interface CachedService {
  row: Row<'services'>;
  settings: ServiceSettings;
}

export interface ResolvedIntegration {
  id: string;
  name: string;
  type: ApiIntegrationType;
  service: CachedService;
  /** The format's mapper, prepared from the stored config; null if that config no longer validates. */
  mapper: FormatMapper | null;
  row: Row<'integrations'>;
}

let generation = 0;

/** Forgets every cached integration and service in this process (call after commit). */
export function invalidateIngestCaches(): void {
  generation += 1;
}

interface Entry<T> {
  value: T;
  gen: number;
  at: number;
}

export class IngestDirectory {
  private readonly byKey = new Map<string, Entry<ResolvedIntegration | null>>();
  private readonly services = new Map<string, Entry<CachedService | null>>();

  constructor(private readonly db: Db) {}

  private fresh<T>(e: Entry<T> | undefined): e is Entry<T> {
    return e !== undefined && e.gen === generation && performance.now() - e.at < CACHE_TTL_MS;
  }

  /** Lookups under way: concurrent requests for a key whose entry expired share one query. */
  private readonly loading = new Map<string, Promise<ResolvedIntegration | null>>();

  async integration(key: string): Promise<ResolvedIntegration | null> {
    const hit = this.byKey.get(key);
    if (this.fresh(hit)) return hit.value;
    // Per generation: a lookup started before an invalidation is not shared with requests after it.
    const id = `${generation}:${key}`;
    let p = this.loading.get(id);
    if (!p) {
      p = this.loadIntegration(key).finally(() => this.loading.delete(id));
      this.loading.set(id, p);
    }
    return p;
  }

  private async loadIntegration(key: string): Promise<ResolvedIntegration | null> {
    const gen = generation;
    const row = await this.db.selectFrom('integrations').selectAll().where('key_hash', '=', hashIntegrationKey(key)).executeTakeFirst();
    let value: ResolvedIntegration | null = null;
    if (row) {
      const service = await this.service(this.db, row.service_id);
      if (service) {
        const type = row.type as ApiIntegrationType;
        let config: unknown = null;
        try {
          config = JSON.parse(row.config);
        } catch {
          config = null;
        }
        const prepared = formats[formatOf(type)].prepare(config);
        value = { id: row.id, name: row.name, type, service, mapper: prepared.ok ? prepared.value : null, row };
      }
    }
    if (this.byKey.size >= MAX_ENTRIES) this.byKey.clear();
    // Unknown keys are cached briefly too, so a sender stuck on a deleted key costs no query per request.
    this.byKey.set(key, { value, gen, at: performance.now() });
    return value;
  }

  async service(ex: Executor, id: string): Promise<CachedService | null> {
    const hit = this.services.get(id);
    if (this.fresh(hit)) return hit.value;
    const gen = generation;
    const row = await ex.selectFrom('services').selectAll().where('id', '=', id).executeTakeFirst();
    const value = row ? { row, settings: serviceSettings(row) } : null;
    if (this.services.size >= MAX_ENTRIES) this.services.clear();
    this.services.set(id, { value, gen, at: performance.now() });
    return value;
  }
}

const directories = new WeakMap<Db, IngestDirectory>();

export function ingestDirectory(db: Db): IngestDirectory {
  let d = directories.get(db);
  if (!d) {
    d = new IngestDirectory(db);
    directories.set(db, d);
  }
  return d;
}
