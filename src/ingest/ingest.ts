// One ingest pipeline per running service, shared by the HTTP endpoints and the SMTP listener.

import type { AppDeps } from '../app-context.js';
import { formats } from './formats/index.js';
import { ingestDirectory } from './integrations/cache.js';
import { ingestSettings } from './integrations/settings.js';
import { applyContextFor } from './jobs.js';
import { IngestPipeline } from './pipeline.js';

const pipelines = new WeakMap<AppDeps, IngestPipeline>();

export function ingestPipelineFor(deps: AppDeps): IngestPipeline {
  let p = pipelines.get(deps);
  if (!p) {
    p = new IngestPipeline({ db: deps.db, clock: deps.clock, log: deps.log.child({ component: 'ingest' }), batchSize: ingestSettings(deps.config).batchSize, ...applyContextFor(deps) });
    pipelines.set(deps, p);
  }
  return p;
}

/** Whether `key` names an email integration (the SMTP listener's RCPT check). */
export async function emailKeyExists(deps: AppDeps, key: string): Promise<boolean> {
  const i = await ingestDirectory(deps.db).integration(key);
  return i !== null && i.type === 'email';
}

/**
 * Maps one parsed mail with the integration's settings and stores its event; resolves once it
 * is committed. 'unknown' when no email integration has this key; throws when the mail maps to
 * no valid event or storing failed.
 */
export async function deliverEmail(deps: AppDeps, key: string, message: unknown): Promise<'accepted' | 'unknown'> {
  const integration = await ingestDirectory(deps.db).integration(key);
  if (!integration || integration.type !== 'email') return 'unknown';
  let mapper = integration.mapper;
  if (!mapper) {
    const fallback = formats.email.prepare(null);
    if (!fallback.ok) throw new Error('the email format cannot be prepared');
    mapper = fallback.value;
  }
  const mapped = mapper(message);
  if (!mapped.ok) throw new Error(`the mail maps to no event: ${mapped.errors.map((e) => `${e.field} ${e.message}`).join('; ')}`);
  const receivedAt = deps.clock.now();
  await ingestPipelineFor(deps).submit(mapped.value.events.map((event) => ({ kind: 'alert' as const, integration, service: integration.service, event, receivedAt })));
  return 'accepted';
}
