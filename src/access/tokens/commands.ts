import { newId } from '../../platform/ids.js';
import { randomSecret, sha256Hex } from '../../platform/crypto.js';
import { transact, type Executor } from '../../platform/db/transaction.js';
import type { Row } from '../../platform/db/tables.js';
import { Forbidden, NotFound } from '../../platform/http/errors.js';
import { recordAudit } from '../audit/record.js';
import type { Actor } from '../actor.js';
import type { CommandContext } from '../context.js';
import { TOKEN_PREFIX } from '../authenticate.js';
import { ROLES, type Role } from '../roles.js';

const rank = (r: Role) => ROLES.length - ROLES.indexOf(r);

export interface CreateTokenInput {
  name: string;
  role?: Role;
  expires_at?: number | null;
  /** An exact secret (TOCSIN_ADMIN_TOKEN); otherwise one is generated. */
  secret?: string;
}

export function newTokenSecret(): string {
  return `${TOKEN_PREFIX}${randomSecret(30)}`;
}

/** Creates a token and returns its secret once; only its hash is stored. */
export async function createToken(ctx: CommandContext, input: CreateTokenInput): Promise<{ row: Row<'api_tokens'>; secret: string }> {
  const role = input.role ?? ctx.actor.role;
  if (rank(role) > rank(ctx.actor.role)) throw new Forbidden(`a ${ctx.actor.role} cannot create a token with role ${role}`);
  const secret = input.secret ?? newTokenSecret();
  const now = ctx.clock.now();
  const row: Row<'api_tokens'> = {
    id: newId(),
    name: input.name,
    prefix: secret.slice(0, TOKEN_PREFIX.length + 4),
    token_hash: sha256Hex(secret),
    role,
    // Tokens made by a person act as that person; admin-made service tokens stand alone.
    user_id: ctx.actor.type === 'user' && ctx.actor.role !== 'admin' ? ctx.actor.userId : null,
    created_by: ctx.actor.userId ?? ctx.actor.id,
    created_at: now,
    last_used_at: null,
    expires_at: input.expires_at ?? null,
    revoked_at: null,
  };
  await transact(ctx.db, async (tx) => {
    await tx.insertInto('api_tokens').values(row).execute();
    await recordAudit(tx, ctx.actor, now, 'token.created', { type: 'token', id: row.id }, { name: row.name, role });
  });
  return { row, secret };
}

/** Makes sure a token with exactly this secret exists with the admin role (idempotent). */
export async function ensureAdminToken(ctx: CommandContext, secret: string): Promise<boolean> {
  const existing = await ctx.db.selectFrom('api_tokens').select(['id', 'revoked_at']).where('token_hash', '=', sha256Hex(secret)).executeTakeFirst();
  if (existing && existing.revoked_at === null) return false;
  if (existing) {
    await transact(ctx.db, async (tx) => {
      await tx.updateTable('api_tokens').set({ revoked_at: null, role: 'admin' }).where('id', '=', existing.id).execute();
      await recordAudit(tx, ctx.actor, ctx.clock.now(), 'token.restored', { type: 'token', id: existing.id }, { source: 'TOCSIN_ADMIN_TOKEN' });
    });
    return true;
  }
  await createToken(ctx, { name: 'TOCSIN_ADMIN_TOKEN', role: 'admin', secret });
  return true;
}

export function canSeeToken(actor: Actor, row: Row<'api_tokens'>): boolean {
  return actor.role === 'admin' || (actor.userId !== null && (row.user_id === actor.userId || row.created_by === actor.userId));
}

export async function getVisibleToken(ex: Executor, actor: Actor, id: string): Promise<Row<'api_tokens'>> {
  const row = await ex.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !canSeeToken(actor, row)) throw new NotFound('token', id);
  return row;
}

export async function renameToken(ctx: CommandContext, id: string, name: string): Promise<Row<'api_tokens'>> {
  return transact(ctx.db, async (tx) => {
    const row = await getVisibleToken(tx, ctx.actor, id);
    await tx.updateTable('api_tokens').set({ name }).where('id', '=', id).execute();
    await recordAudit(tx, ctx.actor, ctx.clock.now(), 'token.renamed', { type: 'token', id }, { from: row.name, to: name });
    return { ...row, name };
  });
}

export async function revokeToken(ctx: CommandContext, id: string): Promise<void> {
  await transact(ctx.db, async (tx) => {
    const row = await getVisibleToken(tx, ctx.actor, id);
    if (row.revoked_at !== null) return;
    const now = ctx.clock.now();
    await tx.updateTable('api_tokens').set({ revoked_at: now }).where('id', '=', id).execute();
    await recordAudit(tx, ctx.actor, now, 'token.revoked', { type: 'token', id }, { name: row.name });
  });
}
