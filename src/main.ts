#!/usr/bin/env node
import { Command, Option } from 'commander';
import { ConfigError, ENVIRONMENT, loadConfig, type ConfigOverrides } from './platform/config.js';
import { createLogger } from './platform/log.js';
import { startService } from './service.js';
import { VERSION } from './version.js';
import { migrateToLatest, openDatabase } from './platform/db/index.js';
import { systemActor } from './access/actor.js';
import { createToken } from './access/tokens/commands.js';
import { ROLES, type Role } from './access/roles.js';
import { systemClock } from './platform/clock.js';
import { registerOncallCommand } from './oncall/cli.js';

const envHelp = ['', 'Environment variables:', ...ENVIRONMENT.map((e) => `  ${e.name.padEnd(28)} ${e.help}${e.default ? ` (default: ${e.default})` : ''}`)].join('\n');

function fail(message: string): never {
  process.stderr.write(`tocsin: ${message}\n`);
  process.exit(2);
}

function config(opts: { dataDir?: string; host?: string; port?: string; role?: string }) {
  const overrides: ConfigOverrides = {};
  if (opts.dataDir) overrides.dataDir = opts.dataDir;
  if (opts.host) overrides.host = opts.host;
  if (opts.role) overrides.role = opts.role;
  if (opts.port !== undefined) {
    if (!/^\d+$/.test(opts.port) || Number(opts.port) > 65535) fail(`--port: must be a port number, got "${opts.port}"`);
    overrides.port = Number(opts.port);
  }
  try {
    return loadConfig(process.env, overrides);
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
}

const program = new Command()
  .name('tocsin')
  .description('Tocsin: self-hosted operations response — ingest, on-call, escalation and incident response in one service.')
  .version(VERSION)
  .addHelpText('after', envHelp)
  .showHelpAfterError();

const dataDirOption = () => new Option('--data-dir <dir>', 'where the embedded SQLite database lives (TOCSIN_DATA_DIR)');

program
  .command('start')
  .description('run Tocsin (HTTP API, web console and job worker)')
  .addOption(dataDirOption())
  .option('--host <host>', 'address to bind (TOCSIN_HOST)')
  .option('--port <port>', 'HTTP port (TOCSIN_PORT)')
  .addOption(new Option('--role <role>', 'which parts to run in this process (TOCSIN_ROLE)').choices(['all', 'api', 'worker']))
  .addHelpText('after', envHelp)
  .action(async (opts: { dataDir?: string; host?: string; port?: string; role?: string }) => {
    const cfg = config(opts);
    const log = createLogger({ level: cfg.logLevel });
    let service;
    try {
      service = await startService(cfg, log);
    } catch (err) {
      log.fatal({ err }, 'Tocsin could not start');
      process.exit(1);
    }
    let signals = 0;
    const shutdown = (signal: string) => {
      signals += 1;
      if (signals > 1) {
        log.warn({ signal }, 'second signal: exiting now');
        process.exit(1);
      }
      log.info({ signal }, 'signal received');
      service.stop().then(
        () => process.exit(0),
        (err: unknown) => {
          log.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.on('SIGTERM', () => shutdown('SIGTERM'));
    process.on('SIGINT', () => shutdown('SIGINT'));
  });

program
  .command('migrate')
  .description('apply pending database migrations and exit')
  .addOption(dataDirOption())
  .action(async (opts: { dataDir?: string }) => {
    const cfg = config(opts);
    const handle = openDatabase({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir, poolSize: 1 });
    try {
      const applied = await migrateToLatest(handle.db);
      process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n');
    } finally {
      await handle.close();
    }
  });

const token = program.command('token').description('manage API tokens');
token
  .command('create')
  .description('create an API token and print its secret (shown once)')
  .requiredOption('--name <name>', 'what the token is for')
  .addOption(new Option('--role <role>', 'role of the token').choices([...ROLES]).default('admin'))
  .addOption(dataDirOption())
  .action(async (opts: { name: string; role: Role; dataDir?: string }) => {
    const cfg = config({ dataDir: opts.dataDir });
    const handle = openDatabase({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir, poolSize: 1 });
    try {
      await migrateToLatest(handle.db);
      const { secret } = await createToken({ db: handle.db, clock: systemClock, actor: { ...systemActor, name: 'tocsin CLI' } }, { name: opts.name, role: opts.role });
      process.stdout.write(`${secret}\n`);
    } finally {
      await handle.close();
    }
  });

registerOncallCommand(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`tocsin: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
