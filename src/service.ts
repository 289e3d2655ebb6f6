import type { AppDeps } from './app-context.js';
import { buildApp } from './app.js';
import { bootstrap } from './bootstrap.js';
import { buildJobRegistry, scheduleMaintenance } from './jobs.js';
import { systemClock, type Clock } from './platform/clock.js';
import type { Config } from './platform/config.js';
import { countJobs, Worker } from './platform/jobs/index.js';
import { migrateToLatest, openDatabase } from './platform/db/index.js';
import type { Logger } from './platform/log.js';
import { createMetrics } from './platform/metrics.js';
import { VERSION } from './version.js';
import { startEmailListener } from './ingest/email/listener.js';
import { deliverEmail, emailKeyExists } from './ingest/ingest.js';

export interface RunningService {
  url: string;
  /** The SMTP listener's port, when TOCSIN_SMTP_LISTEN is set. */
  smtpPort: number | null;
  deps: AppDeps;
  stop(): Promise<void>;
}

/**
 * Starts Tocsin: storage and migrations, first-start setup, then the roles asked for — the HTTP
 * API, the job worker, or both in one process.
 */
export async function startService(config: Config, log: Logger, opts: { clock?: Clock; announce?: (line: string) => void } = {}): Promise<RunningService> {
  const clock = opts.clock ?? systemClock;
  const handle = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 20 });
  const metrics = createMetrics();
  const deps: AppDeps = { db: handle.db, handle, clock, config, log, metrics, version: VERSION };
  try {
    const applied = await migrateToLatest(handle.db);
    if (applied.length) log.info({ migrations: applied }, 'database migrated');
  } catch (err) {
    await handle.close();
    throw err;
  }
  metrics.setJobCounter(() => countJobs(handle.db, clock.now()));

  const runApi = config.role !== 'worker';
  const runWorker = config.role !== 'api';
  const boot = runApi ? await bootstrap(deps) : null;

  let worker: Worker | null = null;
  if (runWorker) {
    worker = new Worker({
      db: handle.db,
      dialect: handle.dialect,
      databaseUrl: config.databaseUrl,
      registry: buildJobRegistry(deps),
      clock,
      log: log.child({ component: 'worker' }),
      concurrency: config.jobConcurrency,
      pollMs: config.jobPollMs,
      onJobDone: (kind, outcome, ms) => {
        metrics.jobsFinished.inc({ kind, outcome });
        metrics.jobDuration.observe({ kind }, ms / 1000);
      },
    });
    await scheduleMaintenance(deps);
    await worker.start();
  }

  const app = await buildApp(deps, { routes: runApi ? 'all' : 'health' });
  const smtp =
    runApi && config.smtpListen
      ? await startEmailListener({
          listen: config.smtpListen,
          log: log.child({ component: 'smtp' }),
          lookup: (key) => emailKeyExists(deps, key),
          deliver: (key, parsed) => deliverEmail(deps, key, parsed),
        })
      : null;
  if (smtp) log.info({ port: smtp.port }, 'email integrations listening (SMTP)');
  const address = await app.listen({ host: config.host, port: config.port });
  const url = config.port === 0 ? address : config.publicUrl;
  log.info({ url: address, role: config.role, database: handle.dialect, version: VERSION }, 'Tocsin started');

  const say = opts.announce ?? ((line: string) => process.stderr.write(`${line}\n`));
  if (boot?.firstAdmin) {
    say('');
    say(`  Tocsin is ready at ${config.publicUrl}/`);
    say(`  Sign in as ${boot.firstAdmin.email} with password: ${boot.firstAdmin.generated ? boot.firstAdmin.password : '(the one in TOCSIN_ADMIN_PASSWORD)'}`);
    say('  This is shown once: change the password under your profile after signing in.');
    say('');
  }

  let stopping: Promise<void> | null = null;
  return {
    url,
    deps,
    smtpPort: smtp?.port ?? null,
    stop() {
      stopping ??= (async () => {
        log.info('shutting down: no new requests, draining requests and jobs');
        // Stop taking requests first (in-flight ones finish), then let running jobs finish.
        await smtp?.close();
        await app.close();
        await worker?.stop(config.shutdownGraceMs);
        await handle.close();
        log.info('stopped');
      })();
      return stopping;
    },
  };
}
