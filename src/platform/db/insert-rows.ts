// Multi-row inserts for the hot paths (an ingest batch writes hundreds of rows per transaction).
// Kysely builds and compiles an operation tree with a node per value on every call, which costs
// more than binding the values; the SQL of an insert only depends on the table, the columns and
// the number of rows. So the SQL is compiled by Kysely once per such shape and reused with the
// new rows' values as parameters, in the order Kysely would put them.

import { CompiledQuery, type Compilable } from 'kysely';
import type { Database } from './tables.js';
import { dialectOf, type Executor } from './transaction.js';

const SHAPES_MAX = 500;
const shapes = new Map<string, string>();

/**
 * `ex.insertInto(table).values(rows)` as a statement to execute or hand to `executeAll`. Rows
 * with the same keys (any order) and no undefined values take the cached path; anything else is
 * left to Kysely as it is.
 */
export function insertRows<T extends keyof Database & string>(ex: Executor, table: T, rows: ReadonlyArray<Record<string, unknown>>): Compilable {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const built = () => ex.insertInto(table).values(rows as any);
  if (rows.length === 0) return built();
  const columns = Object.keys(rows[0]!);
  const parameters: unknown[] = new Array(rows.length * columns.length);
  let at = 0;
  for (const row of rows) {
    if (Object.keys(row).length !== columns.length) return built();
    for (const c of columns) {
      const v = row[c];
      if (v === undefined) return built();
      parameters[at++] = v;
    }
  }
  const key = `${dialectOf(ex)}|${table}|${rows.length}|${columns.join(',')}`;
  let text = shapes.get(key);
  if (text === undefined) {
    const compiled = built().compile();
    // Kysely orders columns as they first appear, which for rows of one shape is the first row's.
    if (compiled.parameters.length !== parameters.length || compiled.parameters.some((p, i) => p !== parameters[i])) return built();
    text = compiled.sql;
    if (shapes.size >= SHAPES_MAX) shapes.delete(shapes.keys().next().value!);
    shapes.set(key, text);
  }
  const sql = text;
  return { compile: () => CompiledQuery.raw(sql, parameters) };
}
