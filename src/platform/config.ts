import path from 'node:path';

export type Role = 'all' | 'api' | 'worker';

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | null;
  role: Role;
  publicUrl: string;
  adminToken: string | null;
  adminEmail: string;
  adminPassword: string | null;
  logLevel: string;
  bodyLimitBytes: number;
  rateLimitPerMinute: number;
  rateLimitAnonymousPerMinute: number;
  jobConcurrency: number;
  jobPollMs: number;
  shutdownGraceMs: number;
  smtpListen: string | null;
  emailDomain: string;
  ingestRatePerMinute: number;
  ingestRateBurst: number;
  ingestBatch: number;
  eventRetentionDays: number;
  smtpUrl: string | null;
  emailFrom: string;
  twilio: { accountSid: string; authToken: string; from: string; apiUrl: string } | null;
  slackBotToken: string | null;
  slackApiUrl: string | null;
  allowPrivateWebhooks: boolean;
  /** Per contact type: at most `max` messages per `windowMs`, or null (unthrottled); missing types keep the defaults. */
  throttle: Record<string, { max: number; windowMs: number } | null>;
}

export const CONTACT_TYPE_NAMES = ['email', 'sms', 'voice', 'slack', 'webhook'] as const;

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`${variable}: ${reason}`);
    this.name = 'ConfigError';
  }
}

type Parser<T> = (raw: string, name: string) => T;

const integer =
  (min: number, max: number): Parser<number> =>
  (raw, name) => {
    if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
    const n = Number(raw);
    if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${n}`);
    return n;
  };

const text: Parser<string> = (raw) => raw;

/** Every environment variable Tocsin reads, in one table so `--help` and the docs list them all. */
export const ENVIRONMENT = [
  { name: 'TOCSIN_HOST', default: '127.0.0.1', help: 'address the HTTP server binds to' },
  { name: 'TOCSIN_PORT', default: '8080', help: 'HTTP port' },
  { name: 'TOCSIN_DATA_DIR', default: './tocsin-data', help: 'where the embedded SQLite database lives' },
  { name: 'TOCSIN_DATABASE_URL', default: '', help: 'postgres://… to use PostgreSQL instead of SQLite' },
  { name: 'TOCSIN_ROLE', default: 'all', help: 'all | api | worker' },
  { name: 'TOCSIN_PUBLIC_URL', default: 'http://<host>:<port>', help: 'the URL people and tools reach Tocsin at (links, integration URLs)' },
  { name: 'TOCSIN_ADMIN_TOKEN', default: '', help: 'makes an admin API token with exactly this value exist (for automation)' },
  { name: 'TOCSIN_ADMIN_EMAIL', default: 'admin@tocsin.local', help: 'email of the first admin, created on first start' },
  { name: 'TOCSIN_ADMIN_PASSWORD', default: '(generated, printed once)', help: "first admin's password on first start" },
  { name: 'TOCSIN_LOG_LEVEL', default: 'info', help: 'trace | debug | info | warn | error | fatal' },
  { name: 'TOCSIN_BODY_LIMIT', default: '1048576', help: 'largest accepted request body, in bytes' },
  { name: 'TOCSIN_RATE_LIMIT', default: '1200', help: 'requests per minute per API token or session' },
  { name: 'TOCSIN_RATE_LIMIT_ANONYMOUS', default: '300', help: 'requests per minute per IP address without credentials' },
  { name: 'TOCSIN_JOB_CONCURRENCY', default: '64', help: 'jobs a worker runs at once (most wait on the network: pages, webhooks)' },
  { name: 'TOCSIN_JOB_POLL_MS', default: '5000', help: 'safety-net poll interval of the job queue' },
  { name: 'TOCSIN_SHUTDOWN_GRACE_MS', default: '15000', help: 'how long shutdown waits for requests and jobs to drain' },
  { name: 'TOCSIN_SMTP_LISTEN', default: '', help: 'host:port for the built-in SMTP listener taking email integrations (off when unset)' },
  { name: 'TOCSIN_EMAIL_DOMAIN', default: 'localhost', help: 'domain of email integration addresses (<key>@<domain>)' },
  { name: 'TOCSIN_INGEST_RATE_LIMIT', default: '60000', help: 'events per minute one integration key may send before 429' },
  { name: 'TOCSIN_INGEST_RATE_BURST', default: '(a sixth of the rate limit, at least 100)', help: 'burst allowance of that limit' },
  { name: 'TOCSIN_INGEST_BATCH', default: '500', help: 'most events one group-commit transaction stores' },
  { name: 'TOCSIN_EVENT_RETENTION_DAYS', default: '30', help: 'days the raw event log keeps an event' },
  { name: 'TOCSIN_SMTP_URL', default: '', help: 'smtp[s]://user:pass@host:port that email notifications are sent through (email paging is off when unset)' },
  { name: 'TOCSIN_EMAIL_FROM', default: 'Tocsin <tocsin@localhost>', help: 'From address of email notifications' },
  { name: 'TOCSIN_TWILIO_ACCOUNT_SID', default: '', help: 'Twilio account SID for SMS and voice (with the auth token and number)' },
  { name: 'TOCSIN_TWILIO_AUTH_TOKEN', default: '', help: 'Twilio auth token: sends, and checks the signature of every inbound Twilio request' },
  { name: 'TOCSIN_TWILIO_FROM', default: '', help: 'the Twilio phone number (E.164) pages come from and inbound calls reach' },
  { name: 'TOCSIN_TWILIO_API_URL', default: 'https://api.twilio.com', help: "base URL of Twilio's REST API" },
  { name: 'TOCSIN_SLACK_BOT_TOKEN', default: '', help: 'Slack bot token (xoxb-…) for Slack notifications' },
  { name: 'TOCSIN_SLACK_API_URL', default: 'https://slack.com/api/', help: "base URL of Slack's Web API" },
  { name: 'TOCSIN_ALLOW_PRIVATE_WEBHOOKS', default: 'false', help: 'true lets webhooks reach private and loopback addresses' },
  { name: 'TOCSIN_THROTTLE', default: 'sms=4/15m,voice=4/15m,email=20/15m,slack=30/15m,webhook=off', help: 'per contact type: at most N messages per window (s, m, h) or off; more are bundled' },
] as const;

export type EnvName = (typeof ENVIRONMENT)[number]['name'];

function read<T>(env: NodeJS.ProcessEnv, name: EnvName, fallback: T, parse: Parser<T>): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  return parse(raw, name);
}

export interface ConfigOverrides {
  host?: string;
  port?: number;
  dataDir?: string;
  role?: string;
  databaseUrl?: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: ConfigOverrides = {}): Config {
  const host = overrides.host ?? read(env, 'TOCSIN_HOST', '127.0.0.1', text);
  const port = overrides.port ?? read(env, 'TOCSIN_PORT', 8080, integer(0, 65535));
  const role = overrides.role ?? read(env, 'TOCSIN_ROLE', 'all', text);
  if (role !== 'all' && role !== 'api' && role !== 'worker') {
    throw new ConfigError(overrides.role ? '--role' : 'TOCSIN_ROLE', `must be all, api or worker, got "${role}"`);
  }
  const databaseUrl = overrides.databaseUrl ?? read<string | null>(env, 'TOCSIN_DATABASE_URL', null, text);
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('TOCSIN_DATABASE_URL', 'must start with postgres:// or postgresql://');
  }
  const publicHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  const publicUrl = read(env, 'TOCSIN_PUBLIC_URL', `http://${publicHost}:${port}`, (raw, name) => {
    try {
      return new URL(raw).toString().replace(/\/$/, '');
    } catch {
      throw new ConfigError(name, `must be an absolute URL, got "${raw}"`);
    }
  });
  const ingestRatePerMinute = read(env, 'TOCSIN_INGEST_RATE_LIMIT', 60_000, integer(1, 100_000_000));
  return {
    host,
    port,
    dataDir: path.resolve(overrides.dataDir ?? read(env, 'TOCSIN_DATA_DIR', './tocsin-data', text)),
    databaseUrl,
    role,
    publicUrl,
    adminToken: read<string | null>(env, 'TOCSIN_ADMIN_TOKEN', null, (raw, name) => {
      if (raw.length < 16) throw new ConfigError(name, 'must be at least 16 characters');
      return raw;
    }),
    adminEmail: read(env, 'TOCSIN_ADMIN_EMAIL', 'admin@tocsin.local', text),
    adminPassword: read<string | null>(env, 'TOCSIN_ADMIN_PASSWORD', null, text),
    logLevel: read(env, 'TOCSIN_LOG_LEVEL', 'info', text),
    bodyLimitBytes: read(env, 'TOCSIN_BODY_LIMIT', 1024 * 1024, integer(1024, 64 * 1024 * 1024)),
    rateLimitPerMinute: read(env, 'TOCSIN_RATE_LIMIT', 1200, integer(1, 10_000_000)),
    rateLimitAnonymousPerMinute: read(env, 'TOCSIN_RATE_LIMIT_ANONYMOUS', 300, integer(1, 10_000_000)),
    jobConcurrency: read(env, 'TOCSIN_JOB_CONCURRENCY', 64, integer(1, 256)),
    jobPollMs: read(env, 'TOCSIN_JOB_POLL_MS', 5000, integer(10, 600_000)),
    shutdownGraceMs: read(env, 'TOCSIN_SHUTDOWN_GRACE_MS', 15000, integer(0, 600_000)),
    smtpListen: read<string | null>(env, 'TOCSIN_SMTP_LISTEN', null, (raw, name) => {
      if (!/^(\d+|[^\s:]+:\d+|\[[0-9a-fA-F:]+\]:\d+)$/.test(raw.trim())) throw new ConfigError(name, `must be host:port or a port, got "${raw}"`);
      return raw.trim();
    }),
    emailDomain: read(env, 'TOCSIN_EMAIL_DOMAIN', 'localhost', (raw, name) => {
      if (!/^[a-z0-9.-]+$/i.test(raw.trim())) throw new ConfigError(name, `must be a domain name, got "${raw}"`);
      return raw.trim().toLowerCase();
    }),
    ingestRatePerMinute,
    ingestRateBurst: read(env, 'TOCSIN_INGEST_RATE_BURST', Math.max(100, Math.ceil(ingestRatePerMinute / 6)), integer(1, 100_000_000)),
    ingestBatch: read(env, 'TOCSIN_INGEST_BATCH', 500, integer(1, 5000)),
    eventRetentionDays: read(env, 'TOCSIN_EVENT_RETENTION_DAYS', 30, integer(1, 3650)),
    smtpUrl: read<string | null>(env, 'TOCSIN_SMTP_URL', null, (raw, name) => {
      if (!/^smtps?:\/\//.test(raw.trim())) throw new ConfigError(name, `must start with smtp:// or smtps://, got "${raw}"`);
      return raw.trim();
    }),
    emailFrom: read(env, 'TOCSIN_EMAIL_FROM', 'Tocsin <tocsin@localhost>', text),
    twilio: twilioConfig(env),
    slackBotToken: read<string | null>(env, 'TOCSIN_SLACK_BOT_TOKEN', null, text),
    slackApiUrl: read<string | null>(env, 'TOCSIN_SLACK_API_URL', null, absoluteUrl),
    allowPrivateWebhooks: read(env, 'TOCSIN_ALLOW_PRIVATE_WEBHOOKS', false, boolean),
    throttle: read(env, 'TOCSIN_THROTTLE', {}, throttleTable),
  };
}

const absoluteUrl: Parser<string> = (raw, name) => {
  try {
    return new URL(raw.trim()).toString();
  } catch {
    throw new ConfigError(name, `must be an absolute URL, got "${raw}"`);
  }
};

const boolean: Parser<boolean> = (raw, name) => {
  const v = raw.trim().toLowerCase();
  if (v === 'true' || v === '1' || v === 'yes') return true;
  if (v === 'false' || v === '0' || v === 'no') return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
};

function twilioConfig(env: NodeJS.ProcessEnv): Config['twilio'] {
  const accountSid = read<string | null>(env, 'TOCSIN_TWILIO_ACCOUNT_SID', null, text);
  const authToken = read<string | null>(env, 'TOCSIN_TWILIO_AUTH_TOKEN', null, text);
  const from = read<string | null>(env, 'TOCSIN_TWILIO_FROM', null, (raw, name) => {
    if (!/^\+[1-9]\d{6,14}$/.test(raw.trim())) throw new ConfigError(name, `must be an E.164 number like +15551234567, got "${raw}"`);
    return raw.trim();
  });
  const set = [accountSid, authToken, from].filter((v) => v !== null).length;
  if (set === 0) return null;
  if (set < 3) throw new ConfigError('TOCSIN_TWILIO_ACCOUNT_SID', 'TOCSIN_TWILIO_ACCOUNT_SID, TOCSIN_TWILIO_AUTH_TOKEN and TOCSIN_TWILIO_FROM must be set together');
  return { accountSid: accountSid!, authToken: authToken!, from: from!, apiUrl: read(env, 'TOCSIN_TWILIO_API_URL', 'https://api.twilio.com', absoluteUrl).replace(/\/$/, '') };
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 };

/** `sms=4/15m,webhook=off`: the types named replace the defaults. */
const throttleTable: Parser<Config['throttle']> = (raw, name) => {
  const out: Config['throttle'] = {};
  for (const part of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^([a-z]+)=(?:(off)|(\d+)\/(\d+)([smh]))$/.exec(part);
    if (!m) throw new ConfigError(name, `"${part}" must look like sms=4/15m or webhook=off`);
    const type = m[1]!;
    if (!(CONTACT_TYPE_NAMES as readonly string[]).includes(type)) throw new ConfigError(name, `unknown contact type "${type}" (one of ${CONTACT_TYPE_NAMES.join(', ')})`);
    if (m[2]) {
      out[type] = null;
      continue;
    }
    const max = Number(m[3]);
    const windowMs = Number(m[4]) * UNIT_MS[m[5]!]!;
    if (max < 1 || windowMs < 1000) throw new ConfigError(name, `"${part}" must allow at least 1 message per at least 1 s`);
    out[type] = { max, windowMs };
  }
  return out;
};
