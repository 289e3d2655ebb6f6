import type { Kysely, Transaction } from 'kysely';
import type { Database } from './tables.js';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the database or an open transaction: queries and commands accept both. */
export type Executor = Db | Tx;

export type DialectName = 'sqlite' | 'postgres';

const commitHooks = new WeakMap<object, Array<() => void>>();
const dialects = new WeakMap<object, DialectName>();

/** Records which database a Kysely instance speaks, for the few statements that differ. */
export function registerDialect(db: Db, dialect: DialectName): void {
  dialects.set(db, dialect);
}

/** The dialect of a database or of a transaction opened with `transact`. */
export function dialectOf(ex: Executor): DialectName {
  return dialects.get(ex) ?? 'sqlite';
}

/**
 * Runs `fn` in one transaction and, only once it has committed, the hooks registered with
 * `afterCommit`. Commands use this so that wake-ups and live events never announce work
 * that was rolled back.
 */
export async function transact<T>(db: Executor, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (db.isTransaction) {
    // Nested command: join the caller's transaction; its hooks run at the outer commit.
    return fn(db as Tx);
  }
  const hooks: Array<() => void> = [];
  const result = await (db as Db).transaction().execute(async (tx) => {
    commitHooks.set(tx, hooks);
    dialects.set(tx, dialectOf(db));
    return fn(tx);
  });
  for (const hook of hooks) {
    try {
      hook();
    } catch {
      // A failing notification must not turn a committed command into an error.
    }
  }
  return result;
}

/** Runs `fn` after the surrounding `transact` commits, or at once outside a transaction. */
export function afterCommit(ex: Executor, fn: () => void): void {
  const hooks = commitHooks.get(ex);
  if (hooks) hooks.push(fn);
  else fn();
}
