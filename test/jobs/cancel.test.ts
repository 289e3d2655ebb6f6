// Cancelling queued jobs by key and by key prefix, as the ingest pipeline does for a whole batch
// in one statement: exact semantics ("starts with", case-sensitive, no wildcards) on both
// databases, whichever index serves it.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { transact } from '../../src/platform/db/index.js';
import { cancel, cancelJobs, cancelPrefixes, enqueue, prefixEnd } from '../../src/platform/jobs/index.js';
import { createTestDatabase, testDialect, type TestDatabase } from '../support/database.js';

let tdb: TestDatabase;
beforeEach(async () => {
  tdb = await createTestDatabase();
});
afterEach(async () => tdb.drop());

const KEYS = [
  'escalate:inc-1:0:1',
  'escalate:inc-1:0:2',
  'escalate:inc-1:1:1',
  'escalate:inc-10:0:1',
  'escalate:INC-1:0:1',
  'escalate:inc_1:0:1',
  'escalate:inc%1:0:1',
  'escalate:incé:0:1',
  'escalate:inc\u{10FFFF}:0:1',
  'escalate:inc😀:0:1',
  'incident.ack_timeout:inc-1',
  'incident.unsnooze:inc-1',
];

async function seed(): Promise<void> {
  await transact(tdb.db, async (tx) => {
    for (const key of KEYS) await enqueue(tx, 0, 'step', {}, { key, runAt: 1000 });
  });
}

async function left(): Promise<string[]> {
  return (await tdb.db.selectFrom('jobs').select('key').execute()).map((r) => r.key!).sort();
}

const without = (...gone: string[]) => KEYS.filter((k) => !gone.includes(k)).sort();

describe(`cancelling jobs by key and prefix on ${testDialect()}`, () => {
  it('cancels exactly the keys that start with the prefix, case-sensitively and without wildcards', async () => {
    await seed();
    expect(await cancel(tdb.db, 'escalate:inc-1:')).toBe(3);
    expect(await left()).toEqual(without('escalate:inc-1:0:1', 'escalate:inc-1:0:2', 'escalate:inc-1:1:1'));
    expect(await cancel(tdb.db, 'escalate:inc_')).toBe(1);
    expect(await cancel(tdb.db, 'escalate:inc%')).toBe(1);
    expect(await cancel(tdb.db, 'escalate:inc\u{10FFFF}')).toBe(1);
    expect(await cancel(tdb.db, 'escalate:incé')).toBe(1);
    expect(await cancel(tdb.db, 'escalate:inc😀')).toBe(1);
    expect(await left()).toEqual(['escalate:INC-1:0:1', 'escalate:inc-10:0:1', 'incident.ack_timeout:inc-1', 'incident.unsnooze:inc-1']);
    await expect(cancel(tdb.db, '')).rejects.toThrow(/non-empty/);
  });

  it('cancels several prefixes and exact keys in one call, counting each job once', async () => {
    await seed();
    const n = await cancelJobs(tdb.db, {
      prefixes: ['escalate:inc-1:', 'escalate:inc-10:'],
      keys: ['incident.ack_timeout:inc-1', 'escalate:inc-1:0:1', 'no-such-key'],
    });
    expect(n).toBe(5);
    expect(await left()).toEqual(
      without('escalate:inc-1:0:1', 'escalate:inc-1:0:2', 'escalate:inc-1:1:1', 'escalate:inc-10:0:1', 'incident.ack_timeout:inc-1'),
    );
    expect(await cancelPrefixes(tdb.db, ['escalate:inc😀', 'escalate:incé'])).toBe(2);
    expect(await cancelJobs(tdb.db, {})).toBe(0);
    expect(await cancelJobs(tdb.db, { keys: ['incident.unsnooze:inc-1'] })).toBe(1);
  });

  it('leaves finished and dead jobs alone; a running one is cancelled (its completion finds it gone)', async () => {
    await seed();
    await tdb.db.updateTable('jobs').set({ locked_by: 'w1', locked_until: 5000 }).where('key', '=', 'escalate:inc-1:0:1').execute();
    await tdb.db.updateTable('jobs').set({ state: 'done' }).where('key', '=', 'escalate:inc-1:0:2').execute();
    await tdb.db.updateTable('jobs').set({ state: 'dead' }).where('key', '=', 'incident.ack_timeout:inc-1').execute();
    expect(await cancelJobs(tdb.db, { prefixes: ['escalate:inc-1:'], keys: ['incident.ack_timeout:inc-1'] })).toBe(2);
    expect(await left()).toEqual(without('escalate:inc-1:0:1', 'escalate:inc-1:1:1'));
  });

  it('runs inside the caller transaction and rolls back with it', async () => {
    await seed();
    await expect(
      transact(tdb.db, async (tx) => {
        expect(await cancelJobs(tx, { prefixes: ['escalate:'] })).toBe(10);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await left()).toEqual([...KEYS].sort());
  });
});

describe('prefixEnd', () => {
  it('is the least string above every string with the prefix', () => {
    expect(prefixEnd('escalate:abc:')).toBe('escalate:abc;');
    expect(prefixEnd('a\u{10FFFF}')).toBe('b');
    expect(prefixEnd('\u{10FFFF}')).toBeNull();
    expect(prefixEnd('a\uD7FF')).toBe('a\uE000');
    expect(prefixEnd('x😀')).toBe('x😁');
  });
});
