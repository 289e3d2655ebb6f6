// Independent reads of one transaction in one round trip. On PostgreSQL each statement is a
// round trip on the critical path of whoever waits for the transaction (an ingest batch's
// senders), so the reads a batch makes up front go as ONE statement whose columns are the JSON
// arrays of each select's rows (Kysely's jsonArrayFrom). On SQLite a statement costs no round
// trip, so they simply run one after another.
//
// Only for selects of text and integer columns: JSON carries those unchanged (our timestamps are
// epoch milliseconds, well inside JSON's exact integers). Row order within a select is not kept.

import type { SelectQueryBuilder } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { dialectOf, type Executor } from './transaction.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any table set and row shape
type AnySelect = SelectQueryBuilder<any, any, any>;
type RowsOf<Q> = Q extends SelectQueryBuilder<infer _DB, infer _TB, infer O> ? O[] : never;

/** Runs every select and answers each one's rows under its name. */
export async function selectTogether<Q extends Record<string, AnySelect>>(ex: Executor, queries: Q): Promise<{ [K in keyof Q]: RowsOf<Q[K]> }> {
  const names = Object.keys(queries) as Array<keyof Q & string>;
  const out = {} as { [K in keyof Q]: RowsOf<Q[K]> };
  if (dialectOf(ex) !== 'postgres' || names.length < 2) {
    for (const name of names) out[name] = (await queries[name]!.execute()) as RowsOf<Q[typeof name]>;
    return out;
  }
  const row = (await ex.selectNoFrom(names.map((name) => jsonArrayFrom(queries[name]!).as(name))).executeTakeFirstOrThrow()) as Record<string, unknown>;
  for (const name of names) out[name] = row[name] as RowsOf<Q[typeof name]>;
  return out;
}
