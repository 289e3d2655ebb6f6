import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  PostgresDriver,
  type TransactionSettings,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
} from 'kysely';
import type { Database } from './tables.js';
import { registerDialect, type DialectName } from './transaction.js';
import { FALLBACK_AUTOCHECKPOINT_PAGES, startCheckpointer, type Checkpointer } from './sqlite-checkpointer.js';

export type Dialect = DialectName;

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Connection string (postgres) or file path (sqlite), for listeners that need their own connection. */
  location: string;
  close(): Promise<void>;
}

// int8 (bigint) columns hold epoch milliseconds and counts, all well inside 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

/**
 * Write transactions on SQLite must take the write lock up front: a deferred transaction that
 * later upgrades to a writer fails with SQLITE_BUSY instead of waiting out the busy timeout.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly database: SQLite.Database) {
    super({ database });
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver({ database: this.database });
  }
}

/** Most prepared statements kept per SQLite connection (distinct SQL texts, least recently used out). */
export const SQLITE_STATEMENT_CACHE = 400;

/**
 * Kysely's SQLite driver prepares every query anew; preparing (parsing and planning) costs more
 * than running most of our statements. This keeps prepared statements by SQL text so a statement
 * the ingest pipeline runs for every batch is prepared once. A statement still iterating (a
 * streamed select) is never handed out twice: such a query gets a fresh one.
 */
function cacheStatements(sqlite: SQLite.Database, max = SQLITE_STATEMENT_CACHE): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, SQLite.Statement>();
  sqlite.prepare = ((source: string) => {
    const hit = cache.get(source);
    if (hit && !hit.busy) {
      cache.delete(source);
      cache.set(source, hit);
      return hit;
    }
    const stmt = prepare(source);
    if (!hit) {
      cache.set(source, stmt);
      if (cache.size > max) cache.delete(cache.keys().next().value!);
    }
    return stmt;
  }) as typeof sqlite.prepare;
}

export function openSqlite(file: string): DatabaseHandle {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // NORMAL in WAL mode is durable across process crashes (the case a 202 promises);
  // only an OS crash or power loss can drop the last transactions.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  cacheStatements(sqlite);
  // Checkpoints run in a thread of their own (sqlite-checkpointer.ts); the connection's own
  // automatic checkpoint only steps in if the WAL grows far beyond its usual size. A WAL file
  // left larger than this after a burst is cut back when it is next reset.
  let checkpointer: Checkpointer | null = null;
  if (file !== ':memory:') {
    sqlite.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
    sqlite.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
    checkpointer = startCheckpointer(file);
  }
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect(sqlite) });
  registerDialect(db, 'sqlite');
  return {
    db,
    dialect: 'sqlite',
    location: file,
    async close() {
      // The checkpointer first, so the last connection to close folds the WAL into the file.
      await checkpointer?.close();
      await db.destroy();
    },
  };
}

/**
 * BEGIN without waiting for its answer: node-postgres runs a client's queries strictly in order
 * and sends the transaction's first statement the moment BEGIN's answer arrives, instead of
 * after a turn of the event loop, which under load is busy with other requests. A BEGIN that
 * fails means a broken connection, which fails that next statement too, and so the transaction.
 */
class EagerBeginPostgresDriver extends PostgresDriver {
  override async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    if (settings.isolationLevel || settings.accessMode) return super.beginTransaction(connection, settings);
    connection.executeQuery(CompiledQuery.raw('begin')).catch(() => undefined);
  }
}

class EagerBeginPostgresDialect extends PostgresDialect {
  constructor(private readonly pool: pg.Pool) {
    super({ pool });
  }
  override createDriver(): Driver {
    return new EagerBeginPostgresDriver({ pool: this.pool });
  }
}

export function openPostgres(url: string, poolSize = 10): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client that loses its server must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new EagerBeginPostgresDialect(pool) });
  registerDialect(db, 'postgres');
  return { db, dialect: 'postgres', location: url, close: () => db.destroy() };
}

export function openDatabase(opts: { databaseUrl: string | null; dataDir: string; poolSize?: number }): DatabaseHandle {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize);
  return openSqlite(path.join(opts.dataDir, 'tocsin.sqlite'));
}
