// Ingest settings read from the environment. They belong in platform/config.ts's table; until
// they are there, they are read here, once per app.

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

function int(raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw.trim() === '' || !/^\d+$/.test(raw.trim())) return fallback;
  return Math.min(max, Math.max(min, Number(raw)));
}

export function ingestSettings(env: NodeJS.ProcessEnv = process.env): IngestSettings {
  const perMinute = int(env.TOCSIN_INGEST_RATE_LIMIT, 60_000, 1, 100_000_000);
  return {
    rateLimitPerMinute: perMinute,
    rateLimitBurst: int(env.TOCSIN_INGEST_RATE_BURST, Math.max(100, Math.ceil(perMinute / 6)), 1, 100_000_000),
    emailDomain: env.TOCSIN_EMAIL_DOMAIN?.trim() || 'localhost',
    eventRetentionDays: int(env.TOCSIN_EVENT_RETENTION_DAYS, 30, 1, 3650),
    batchSize: int(env.TOCSIN_INGEST_BATCH, 500, 1, 5000),
  };
}
