import type { Executor } from '../platform/db/transaction.js';

/**
 * Reserves `count` consecutive numbers of a named counter and returns the first. The upsert
 * takes the counter row's lock until the caller's transaction ends, so concurrent writers (any
 * number of processes on PostgreSQL) get distinct numbers and a rollback gives its numbers back.
 */
export async function reserveNumbers(ex: Executor, name: string, count: number): Promise<number> {
  const row = await ex
    .insertInto('counters')
    .values({ name, value: count })
    .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ value: eb('counters.value', '+', eb.ref('excluded.value')) })))
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value) - count + 1;
}
