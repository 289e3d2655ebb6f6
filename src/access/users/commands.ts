import { newId } from '../../platform/ids.js';
import { hashPassword } from '../../platform/crypto.js';
import { transact } from '../../platform/db/transaction.js';
import type { Row } from '../../platform/db/tables.js';
import { Conflict, Forbidden, invalid } from '../../platform/http/errors.js';
import { recordAudit } from '../audit/record.js';
import type { CommandContext } from '../context.js';
import type { Role } from '../roles.js';
import { isTimeZone } from '../time-zones.js';
import { adminUsers, findUserByEmail, getUser } from './queries.js';
import { createDefaultNotificationRules, ensureDefaultContactMethods } from '../../notify/defaults.js';

export interface CreateUserInput {
  email: string;
  name: string;
  time_zone?: string;
  role?: Role;
  password?: string;
}

function checkZone(zone: string | undefined): void {
  if (zone !== undefined && !isTimeZone(zone)) throw invalid('time_zone', `"${zone}" is not an IANA time zone (e.g. Europe/London)`);
}

export async function createUser(ctx: CommandContext, input: CreateUserInput): Promise<Row<'users'>> {
  checkZone(input.time_zone);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const now = ctx.clock.now();
  return transact(ctx.db, async (tx) => {
    const email = input.email.trim().toLowerCase();
    if (await findUserByEmail(tx, email)) throw new Conflict(`a user with email ${email} already exists`, 'email');
    const user: Row<'users'> = {
      id: newId(),
      email,
      name: input.name.trim(),
      time_zone: input.time_zone ?? 'UTC',
      role: input.role ?? 'responder',
      password_hash: passwordHash,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    };
    await tx.insertInto('users').values(user).execute();
    // Everyone can be paged from the start: their email, at once, for both urgencies.
    await ensureDefaultContactMethods(tx, user, now);
    await createDefaultNotificationRules(tx, user.id, now);
    await recordAudit(tx, ctx.actor, now, 'user.created', { type: 'user', id: user.id }, { email, role: user.role });
    return user;
  });
}

export interface UpdateUserInput {
  email?: string;
  name?: string;
  time_zone?: string;
  role?: Role;
  password?: string;
}

export async function updateUser(ctx: CommandContext, id: string, input: UpdateUserInput): Promise<Row<'users'>> {
  checkZone(input.time_zone);
  if (input.role !== undefined && ctx.actor.role !== 'admin') throw new Forbidden('only an admin can change a role');
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  const now = ctx.clock.now();
  return transact(ctx.db, async (tx) => {
    const user = await getUser(tx, id);
    const email = input.email?.trim().toLowerCase();
    if (email && email !== user.email && (await findUserByEmail(tx, email))) {
      throw new Conflict(`a user with email ${email} already exists`, 'email');
    }
    if (input.role && input.role !== 'admin' && user.role === 'admin' && (await adminUsers(tx)).length === 1) {
      throw new Conflict('this is the last admin; make someone else admin first', 'role');
    }
    const changes = {
      ...(email ? { email } : {}),
      ...(input.name ? { name: input.name.trim() } : {}),
      ...(input.time_zone ? { time_zone: input.time_zone } : {}),
      ...(input.role ? { role: input.role } : {}),
      ...(passwordHash ? { password_hash: passwordHash } : {}),
      updated_at: now,
    };
    await tx.updateTable('users').set(changes).where('id', '=', id).execute();
    if (passwordHash) {
      // A new password signs the user out everywhere else.
      await tx.deleteFrom('sessions').where('user_id', '=', id).execute();
    }
    const changed = Object.keys(changes).filter((k) => k !== 'updated_at' && k !== 'password_hash');
    await recordAudit(tx, ctx.actor, now, 'user.updated', { type: 'user', id }, { changed: passwordHash ? [...changed, 'password'] : changed });
    return { ...user, ...changes };
  });
}

export async function deleteUser(ctx: CommandContext, id: string): Promise<void> {
  const now = ctx.clock.now();
  await transact(ctx.db, async (tx) => {
    const user = await getUser(tx, id);
    if (user.role === 'admin' && (await adminUsers(tx)).length === 1) throw new Conflict('the last admin cannot be deleted');
    // Kept as a tombstone so history (timelines, audit) still names the person.
    await tx.updateTable('users').set({ deleted_at: now, updated_at: now, password_hash: null }).where('id', '=', id).execute();
    await tx.deleteFrom('sessions').where('user_id', '=', id).execute();
    await tx.updateTable('api_tokens').set({ revoked_at: now }).where('user_id', '=', id).where('revoked_at', 'is', null).execute();
    await tx.deleteFrom('team_members').where('user_id', '=', id).execute();
    await recordAudit(tx, ctx.actor, now, 'user.deleted', { type: 'user', id }, { email: user.email });
  });
}
