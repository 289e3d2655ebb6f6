import { randomSecret, sha256Hex, verifyPassword } from '../../platform/crypto.js';
import { transact } from '../../platform/db/transaction.js';
import type { Row } from '../../platform/db/tables.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/http/errors.js';
import { recordAudit } from '../audit/record.js';
import { findUserByEmail } from '../users/queries.js';

export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;

// Spent on unknown emails too, so that timing does not tell which addresses exist.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export class InvalidCredentials extends AppError {
  constructor() {
    super(401, 'invalid-credentials', 'Invalid credentials', 'The email or password is wrong', [{ field: 'password', message: 'does not match this email' }]);
  }
}

export async function logIn(db: Db, clock: Clock, email: string, password: string): Promise<{ user: Row<'users'>; secret: string; expiresAt: number }> {
  const user = await findUserByEmail(db, email.trim());
  const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !user.password_hash || !ok) throw new InvalidCredentials();
  const secret = randomSecret(32);
  const now = clock.now();
  const expiresAt = now + SESSION_TTL_MS;
  await transact(db, async (tx) => {
    await tx.insertInto('sessions').values({ id_hash: sha256Hex(secret), user_id: user.id, created_at: now, expires_at: expiresAt, last_seen_at: now }).execute();
    await tx.deleteFrom('sessions').where('expires_at', '<=', now).execute();
    await recordAudit(tx, { type: 'user', id: user.id, userId: user.id, role: user.role, name: user.name }, now, 'session.created', { type: 'user', id: user.id });
  });
  return { user, secret, expiresAt };
}

export async function logOut(db: Db, secret: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', sha256Hex(secret)).execute();
}
