import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { executeAll, transact } from '../../src/platform/db/index.js';
import { createTestDatabase, testDialect, type TestDatabase } from '../support/database.js';

let tdb: TestDatabase;
beforeEach(async () => {
  tdb = await createTestDatabase();
});
afterEach(async () => tdb.drop());

const team = (id: string, name: string) => ({ id, name, description: '', created_at: 1, updated_at: 1 });

describe(`executeAll on ${testDialect()}`, () => {
  it('applies independent statements with their own parameters, quoted $n literals left alone', async () => {
    await tdb.db.insertInto('teams').values(team('t0', 'before')).execute();
    await transact(tdb.db, (tx) =>
      executeAll(tx, [
        tx.insertInto('teams').values([team('t1', 'one'), team('t2', 'two')]),
        // A literal that looks like a placeholder must survive the renumbering untouched.
        tx.updateTable('teams').set({ description: sql`${sql.lit("costs $1 'or' $2")}` }).where('id', '=', 't0'),
        tx.insertInto('teams').values(team('t3', 'three $4')),
        tx.deleteFrom('teams').where('id', '=', 'nobody'),
      ]),
    );
    const rows = await tdb.db.selectFrom('teams').select(['id', 'name', 'description']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: 't0', name: 'before', description: "costs $1 'or' $2" },
      { id: 't1', name: 'one', description: '' },
      { id: 't2', name: 'two', description: '' },
      { id: 't3', name: 'three $4', description: '' },
    ]);
  });

  it('rolls every statement back with its transaction', async () => {
    await expect(
      transact(tdb.db, async (tx) => {
        await executeAll(tx, [tx.insertInto('teams').values(team('a', 'a')), tx.insertInto('teams').values(team('b', 'b'))]);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await tdb.db.selectFrom('teams').selectAll().execute()).toEqual([]);
  });
});
