import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { executeAll, selectTogether, transact } from '../../src/platform/db/index.js';
import { announce, jobSignals, NOTIFY_CHANNEL } from '../../src/platform/jobs/index.js';
import { createTestDatabase, testDialect, type TestDatabase } from '../support/database.js';

let tdb: TestDatabase;
let listener: pg.Client | null = null;
beforeEach(async () => {
  tdb = await createTestDatabase();
});
afterEach(async () => {
  await listener?.end();
  listener = null;
  await tdb.drop();
});

const team = (id: string, name: string, created: number) => ({ id, name, description: id === 'b' ? "it's $1" : '', created_at: created, updated_at: created + 1 });

describe(`selectTogether on ${testDialect()}`, () => {
  it('answers each select with exactly the rows it returns on its own', async () => {
    // Epoch milliseconds beyond 32 bits, quotes and placeholder look-alikes in text.
    await tdb.db.insertInto('teams').values([team('a', 'Alpha', 1_763_700_000_000), team('b', 'Beta', 1_763_700_000_123)]).execute();
    const queries = (ex: typeof tdb.db) => ({
      all: ex.selectFrom('teams').selectAll().orderBy('id'),
      counted: ex.selectFrom('teams').select((eb) => ['name', eb.selectFrom('teams as t').select(eb.fn.countAll<number>().as('n')).as('total')]).where('id', '=', 'b'),
      none: ex.selectFrom('teams').select('id').where('name', '=', 'nobody'),
    });
    const alone = { all: await queries(tdb.db).all.execute(), counted: await queries(tdb.db).counted.execute(), none: await queries(tdb.db).none.execute() };
    const together = await transact(tdb.db, (tx) => selectTogether(tx, queries(tx as unknown as typeof tdb.db)));
    expect(together.all.sort((x, y) => x.id.localeCompare(y.id))).toEqual(alone.all);
    expect(together.counted.map((r) => ({ ...r, total: Number(r.total) }))).toEqual([{ name: 'Beta', total: 2 }]);
    expect(alone.counted.map((r) => ({ ...r, total: Number(r.total) }))).toEqual([{ name: 'Beta', total: 2 }]);
    expect(together.none).toEqual([]);
    expect(typeof together.all[0]!.created_at).toBe('number');
    expect(together.all[1]!.description).toBe("it's $1");
  });
});

/**
 * Records this process's wake-up signals as `local <runAt> <kinds>` and, on PostgreSQL, the
 * notifications a listening connection receives as `notify <payload>`; answers how to stop.
 */
async function recordWakeUps(seen: string[]): Promise<() => void> {
  const local = (runAt: number, kinds?: string[]) => seen.push(`local ${runAt} ${kinds?.join(',')}`);
  jobSignals.on('enqueued', local);
  if (tdb.dialect === 'postgres') {
    listener = new pg.Client({ connectionString: tdb.url });
    await listener.connect();
    listener.on('notification', (n) => seen.push(`notify ${n.payload}`));
    await listener.query(`listen ${NOTIFY_CHANNEL}`);
  }
  return () => jobSignals.off('enqueued', local);
}

describe(`wake-ups collected in a transaction on ${testDialect()}`, () => {
  it('are delivered once, only after the commit, when they travel with the last batched statement', async () => {
    const seen: string[] = [];
    const stop = await recordWakeUps(seen);
    try {
      await transact(tdb.db, async (tx) => {
        await announce(tx, 1234, ['kind-a']);
        await announce(tx, 1234, ['kind-a']); // the same wake-up twice is sent once
        await executeAll(tx, [tx.insertInto('teams').values(team('a', 'Alpha', 1)), tx.insertInto('teams').values(team('c', 'Gamma', 1))]);
        // Sent with the statement, yet not delivered before the commit.
        await new Promise((r) => setTimeout(r, 150));
        expect(seen).toEqual([]);
      });
      await new Promise((r) => setTimeout(r, 150));
      // The notification and this process's own signals race each other: compare without order.
      expect([...seen].sort()).toEqual(tdb.dialect === 'postgres' ? ['local 1234 kind-a', 'local 1234 kind-a', 'notify 1234 kind-a'] : ['local 1234 kind-a', 'local 1234 kind-a']);
      expect((await tdb.db.selectFrom('teams').select('id').orderBy('id').execute()).map((r) => r.id)).toEqual(['a', 'c']);
    } finally {
      stop();
    }
  });

  it('are never delivered when the transaction rolls back', async () => {
    const seen: string[] = [];
    const stop = await recordWakeUps(seen);
    try {
      await expect(
        transact(tdb.db, async (tx) => {
          await announce(tx, 99, ['kind-b']);
          await executeAll(tx, [tx.insertInto('teams').values(team('a', 'Alpha', 1)), tx.deleteFrom('teams').where('id', '=', 'x')]);
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      // A later transaction's wake-up arrives, so the listener is known to be working.
      await transact(tdb.db, (tx) => announce(tx, 100, ['kind-c']));
      await new Promise((r) => setTimeout(r, 150));
      expect([...seen].sort()).toEqual(tdb.dialect === 'postgres' ? ['local 100 kind-c', 'notify 100 kind-c'] : ['local 100 kind-c']);
      expect(await tdb.db.selectFrom('teams').selectAll().execute()).toEqual([]);
    } finally {
      stop();
    }
  });
});
