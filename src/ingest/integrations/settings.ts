import type { Config } from '../../platform/config.js';

// Ingest's settings, taken from the validated configuration (platform/config.ts).

export interface IngestSettings {
  /** Events per minute one integration key may send before 429 (token bucket, per process). */
  rateLimitPerMinute: number;
  /** Burst allowance of the bucket. */
  rateLimitBurst: number;
  /** Domain of email integration addresses (<key>@<domain>). */
  emailDomain: string;
  /** Days the raw event log keeps an event. */
  eventRetentionDays: number;
  /** Most events one group-commit transaction applies. */
  batchSize: number;
}

export function ingestSettings(config: Config): IngestSettings {
  return {
    rateLimitPerMinute: config.ingestRatePerMinute,
    rateLimitBurst: config.ingestRateBurst,
    emailDomain: config.emailDomain,
    eventRetentionDays: config.eventRetentionDays,
    batchSize: config.ingestBatch,
  };
}
