import type { Executor } from '../../platform/db/transaction.js';
import type { Row } from '../../platform/db/tables.js';
import { NotFound } from '../../platform/http/errors.js';
import { containsPattern } from '../../platform/db/search.js';

export async function findUser(ex: Executor, id: string): Promise<Row<'users'> | undefined> {
  return ex.selectFrom('users').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

export async function getUser(ex: Executor, id: string): Promise<Row<'users'>> {
  const user = await findUser(ex, id);
  if (!user) throw new NotFound('user', id);
  return user;
}

export async function findUserByEmail(ex: Executor, email: string): Promise<Row<'users'> | undefined> {
  return ex.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).where('deleted_at', 'is', null).executeTakeFirst();
}

export async function listUsers(ex: Executor, opts: { limit: number; after?: string; role?: string; q?: string }): Promise<Row<'users'>[]> {
  let q = ex.selectFrom('users').selectAll().where('deleted_at', 'is', null).orderBy('id').limit(opts.limit + 1);
  if (opts.after) q = q.where('id', '>', opts.after);
  if (opts.role) q = q.where('role', '=', opts.role as Row<'users'>['role']);
  if (opts.q) {
    const like = containsPattern(opts.q);
    q = q.where((eb) => eb.or([eb(eb.fn('lower', ['name']), 'like', like), eb('email', 'like', like)]));
  }
  return q.execute();
}

export async function countUsers(ex: Executor): Promise<number> {
  const r = await ex.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('deleted_at', 'is', null).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function adminUsers(ex: Executor): Promise<Row<'users'>[]> {
  return ex.selectFrom('users').selectAll().where('role', '=', 'admin').where('deleted_at', 'is', null).execute();
}
