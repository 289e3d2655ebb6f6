import { randomBytes, randomInt } from 'node:crypto';
import { recordAudit } from '../access/audit/record.js';
import type { CommandContext } from '../access/context.js';
import { getUser } from '../access/users/queries.js';
import { safeEqual, sha256Hex } from '../platform/crypto.js';
import { newId } from '../platform/ids.js';
import { transact } from '../platform/db/transaction.js';
import type { Row } from '../platform/db/tables.js';
import { AppError, Conflict, invalid } from '../platform/http/errors.js';
import { checkAddress } from './addresses.js';
import type { ChannelRegistry } from './channels/index.js';
import type { DeliveryResult, OutboundMessage } from './channels/types.js';
import { contactTarget, deliver, recordDeliveryOutcome } from './delivery.js';
import { getContactMethod } from './queries.js';
import { newSigningNonce, notifyKey, webhookSigningSecret } from './secrets.js';
import type { ContactType } from './tables.js';

// Commands on a person's contact methods. Verification codes and test messages go out
// through the channel after the transaction that records them has committed: the person is
// waiting for them, and a failed send is answered (502) so they can ask again.

export const MAX_CONTACT_METHODS = 20;
export const CODE_TTL_MS = 10 * 60_000;
export const MAX_VERIFY_ATTEMPTS = 5;
/** Least time between two codes for one method, so nobody can make Tocsin spam a number. */
export const CODE_RESEND_MS = 30_000;

const NEEDS_VERIFYING: ReadonlySet<ContactType> = new Set(['sms', 'voice']);

export interface ChannelDeps {
  channels: ChannelRegistry;
  publicUrl: string;
}

function checked(type: ContactType, address: string, allowPrivate: boolean): string {
  const r = checkAddress(type, address, { allowPrivate });
  if (!r.ok) throw invalid('address', r.message);
  return r.address;
}

export async function createContactMethod(
  ctx: CommandContext,
  userId: string,
  input: { type: ContactType; address: string; label?: string },
  opts: { allowPrivateWebhooks: boolean },
): Promise<{ row: Row<'contact_methods'>; signingSecret?: string }> {
  const address = checked(input.type, input.address, opts.allowPrivateWebhooks);
  const now = ctx.clock.now();
  return transact(ctx.db, async (tx) => {
    await getUser(tx, userId);
    const count = await tx.selectFrom('contact_methods').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow();
    if (Number(count.n) >= MAX_CONTACT_METHODS) throw new Conflict(`a person may have at most ${MAX_CONTACT_METHODS} contact methods`);
    const dup = await tx.selectFrom('contact_methods').select('id').where('user_id', '=', userId).where('type', '=', input.type).where('address', '=', address).executeTakeFirst();
    if (dup) throw new Conflict(`this ${input.type} contact method exists already (${dup.id})`, 'address');
    const verifiedNow = !NEEDS_VERIFYING.has(input.type);
    const row: Row<'contact_methods'> = {
      id: newId(),
      user_id: userId,
      type: input.type,
      address,
      label: input.label?.trim() || defaultLabel(input.type),
      verified: verifiedNow ? 1 : 0,
      verified_at: verifiedNow ? now : null,
      disabled_reason: null,
      consecutive_failures: 0,
      signing_nonce: input.type === 'webhook' ? newSigningNonce() : null,
      created_at: now,
      updated_at: now,
    };
    await tx.insertInto('contact_methods').values(row).execute();
    await recordAudit(tx, ctx.actor, now, 'contact_method.created', { type: 'contact_method', id: row.id }, { user_id: userId, type: row.type, label: row.label });
    const signingSecret = row.signing_nonce ? webhookSigningSecret(await notifyKey(tx, 'webhook_signing_key'), row.id, row.signing_nonce) : undefined;
    return { row, ...(signingSecret ? { signingSecret } : {}) };
  });
}

function defaultLabel(type: ContactType): string {
  return { email: 'Email', sms: 'Mobile (SMS)', voice: 'Phone', slack: 'Slack', webhook: 'Webhook' }[type];
}

export async function updateContactMethod(
  ctx: CommandContext,
  userId: string,
  id: string,
  input: { address?: string; label?: string; enabled?: boolean },
  opts: { allowPrivateWebhooks: boolean },
): Promise<Row<'contact_methods'>> {
  const now = ctx.clock.now();
  return transact(ctx.db, async (tx) => {
    const row = await getContactMethod(tx, userId, id);
    const address = input.address === undefined ? undefined : checked(row.type, input.address, opts.allowPrivateWebhooks);
    const moved = address !== undefined && address !== row.address;
    if (moved) {
      const dup = await tx.selectFrom('contact_methods').select('id').where('user_id', '=', userId).where('type', '=', row.type).where('address', '=', address).executeTakeFirst();
      if (dup) throw new Conflict(`this ${row.type} contact method exists already (${dup.id})`, 'address');
    }
    const changes: Partial<Row<'contact_methods'>> = { updated_at: now };
    if (input.label !== undefined) changes.label = input.label.trim() || defaultLabel(row.type);
    if (moved) {
      changes.address = address;
      changes.consecutive_failures = 0;
      changes.disabled_reason = null;
      // A new number has to be proven again.
      if (NEEDS_VERIFYING.has(row.type)) Object.assign(changes, { verified: 0, verified_at: null });
      await tx.deleteFrom('contact_verifications').where('contact_method_id', '=', id).execute();
    }
    if (input.enabled === true) Object.assign(changes, { disabled_reason: null, consecutive_failures: 0 });
    if (input.enabled === false && row.disabled_reason === null) changes.disabled_reason = `disabled by ${ctx.actor.name}`;
    await tx.updateTable('contact_methods').set(changes).where('id', '=', id).execute();
    const changed = Object.keys(changes).filter((k) => k !== 'updated_at');
    await recordAudit(tx, ctx.actor, now, 'contact_method.updated', { type: 'contact_method', id }, { user_id: userId, changed });
    return { ...row, ...changes };
  });
}

/** Deletes the method and the notification rules that used it. */
export async function deleteContactMethod(ctx: CommandContext, userId: string, id: string): Promise<void> {
  const now = ctx.clock.now();
  await transact(ctx.db, async (tx) => {
    const row = await getContactMethod(tx, userId, id);
    const rules = await tx.deleteFrom('notification_rules').where('contact_method_id', '=', id).executeTakeFirst();
    await tx.deleteFrom('contact_methods').where('id', '=', id).execute();
    await recordAudit(tx, ctx.actor, now, 'contact_method.deleted', { type: 'contact_method', id }, { user_id: userId, type: row.type, rules_removed: Number(rules.numDeletedRows) });
  });
}

function codeHash(salt: string, code: string): string {
  return sha256Hex(`${salt}:${code}`);
}

export function verificationMessage(type: ContactType, methodId: string, code: string, createdAt: number): OutboundMessage {
  // Spoken digit by digit, twice, so it can be written down.
  const spoken = code.split('').join(', ');
  const text =
    type === 'voice'
      ? `Your Tocsin verification code is ${spoken}. Again: ${spoken}.`
      : `Your Tocsin verification code is ${code}. It expires in ${CODE_TTL_MS / 60_000} minutes.`;
  return { kind: 'verification', subject: 'Tocsin verification code', text, incidents: [], idempotencyKey: `verify:${methodId}:${createdAt}` };
}

/**
 * Sends a fresh 6-digit code to an SMS or voice method. Only its salted hash is stored; it
 * expires after CODE_TTL_MS and allows MAX_VERIFY_ATTEMPTS wrong guesses.
 */
export async function sendVerificationCode(ctx: CommandContext, deps: ChannelDeps, userId: string, id: string): Promise<{ sentTo: string; expiresAt: number }> {
  const now = ctx.clock.now();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const { row } = await transact(ctx.db, async (tx) => {
    const row = await getContactMethod(tx, userId, id);
    if (!NEEDS_VERIFYING.has(row.type)) throw new Conflict(`${row.type} contact methods need no verification`);
    if (row.verified === 1) throw new Conflict('this number is verified already');
    const previous = await tx.selectFrom('contact_verifications').select('created_at').where('contact_method_id', '=', id).executeTakeFirst();
    if (previous && now - Number(previous.created_at) < CODE_RESEND_MS) {
      throw new AppError(429, 'rate-limited', 'Too many requests', `a code was sent less than ${CODE_RESEND_MS / 1000} s ago; wait a moment`);
    }
    const salt = randomBytes(16).toString('base64url');
    const verification = { contact_method_id: id, code_hash: codeHash(salt, code), salt, expires_at: now + CODE_TTL_MS, attempts: 0, created_at: now };
    await tx
      .insertInto('contact_verifications')
      .values(verification)
      .onConflict((oc) => oc.column('contact_method_id').doUpdateSet({ code_hash: verification.code_hash, salt, expires_at: verification.expires_at, attempts: 0, created_at: now }))
      .execute();
    await recordAudit(tx, ctx.actor, now, 'contact_method.verification_sent', { type: 'contact_method', id }, { user_id: userId });
    return { row };
  });
  const result = await deliver(deps.channels, verificationMessage(row.type, row.id, code, now), await contactTarget(ctx.db, row), { now, publicUrl: deps.publicUrl });
  if (result.status === 'failed') {
    throw new AppError(502, 'delivery-failed', 'Delivery failed', `the code could not be sent: ${result.provider_response ?? 'no answer'}`);
  }
  return { sentTo: row.address, expiresAt: now + CODE_TTL_MS };
}

type ConfirmOutcome = { kind: 'ok'; row: Row<'contact_methods'> } | { kind: 'none' | 'expired' | 'locked' } | { kind: 'wrong'; left: number };

/** Checks a code; a wrong guess counts even though the request fails. */
export async function confirmVerificationCode(ctx: CommandContext, userId: string, id: string, code: string): Promise<Row<'contact_methods'>> {
  const now = ctx.clock.now();
  const outcome = await transact(ctx.db, async (tx): Promise<ConfirmOutcome> => {
    const row = await getContactMethod(tx, userId, id);
    if (row.verified === 1) return { kind: 'ok', row };
    const v = await tx.selectFrom('contact_verifications').selectAll().where('contact_method_id', '=', id).executeTakeFirst();
    if (!v) return { kind: 'none' };
    if (now >= Number(v.expires_at)) {
      await tx.deleteFrom('contact_verifications').where('contact_method_id', '=', id).execute();
      return { kind: 'expired' };
    }
    if (!safeEqual(codeHash(v.salt, code.trim()), v.code_hash)) {
      const attempts = Number(v.attempts) + 1;
      if (attempts >= MAX_VERIFY_ATTEMPTS) {
        await tx.deleteFrom('contact_verifications').where('contact_method_id', '=', id).execute();
        await recordAudit(tx, ctx.actor, now, 'contact_method.verification_failed', { type: 'contact_method', id }, { user_id: userId, attempts });
        return { kind: 'locked' };
      }
      await tx.updateTable('contact_verifications').set({ attempts }).where('contact_method_id', '=', id).execute();
      return { kind: 'wrong', left: MAX_VERIFY_ATTEMPTS - attempts };
    }
    await tx.deleteFrom('contact_verifications').where('contact_method_id', '=', id).execute();
    const changes = { verified: 1, verified_at: now, updated_at: now };
    await tx.updateTable('contact_methods').set(changes).where('id', '=', id).execute();
    await recordAudit(tx, ctx.actor, now, 'contact_method.verified', { type: 'contact_method', id }, { user_id: userId });
    return { kind: 'ok', row: { ...row, ...changes } };
  });
  switch (outcome.kind) {
    case 'ok':
      return outcome.row;
    case 'wrong':
      throw invalid('code', `is not the code that was sent; ${outcome.left} attempt${outcome.left === 1 ? '' : 's'} left`);
    case 'locked':
      throw invalid('code', 'was wrong too many times; ask for a new code');
    case 'expired':
      throw invalid('code', 'has expired; ask for a new code');
    case 'none':
      throw new Conflict('no code is outstanding for this contact method; ask for one first');
  }
}

export function testMessage(row: Row<'contact_methods'>, now: number): OutboundMessage {
  return {
    kind: 'test',
    subject: 'Tocsin test notification',
    text: `This is a test notification from Tocsin to your contact method "${row.label}". If you got it, Tocsin can page you here.`,
    incidents: [],
    idempotencyKey: `test:${row.id}:${now}`,
  };
}

/** Sends a test message now and counts its outcome like any delivery. */
export async function sendTestMessage(ctx: CommandContext, deps: ChannelDeps, userId: string, id: string): Promise<DeliveryResult> {
  const now = ctx.clock.now();
  const row = await getContactMethod(ctx.db, userId, id);
  if (row.verified !== 1) throw new Conflict('verify this number first: it gets no messages until then');
  const result = await deliver(deps.channels, testMessage(row, now), await contactTarget(ctx.db, row), { now, publicUrl: deps.publicUrl });
  await transact(ctx.db, async (tx) => {
    await recordDeliveryOutcome(tx, id, result, now);
    await recordAudit(tx, ctx.actor, now, 'contact_method.tested', { type: 'contact_method', id }, { user_id: userId, status: result.status, provider_response: result.provider_response ?? null });
  });
  return result;
}
