import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../../platform/crypto.js';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** Integration keys are 32 characters of [a-z0-9], the shape of a PagerDuty routing key. */
export const KEY_LENGTH = 32;

export function generateIntegrationKey(): string {
  let out = '';
  while (out.length < KEY_LENGTH) {
    for (const b of randomBytes(48)) {
      // 252 = 7 * 36: rejection sampling keeps every character equally likely.
      if (b < 252 && out.length < KEY_LENGTH) out += ALPHABET[b % 36];
    }
  }
  return out;
}

/** Keys are stored only as this hash; the key itself is shown once, at creation or rotation. */
export function hashIntegrationKey(key: string): string {
  return sha256Hex(key);
}
