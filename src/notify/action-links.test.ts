import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signActionLink, verifyActionLink } from './action-links.js';

const KEY = 'k'.repeat(43);
const NOW = Date.UTC(2026, 0, 5, 12, 0, 0);
const claims = { incidentId: 'inc-1', action: 'acknowledge' as const, userId: 'u-1', expiresAt: NOW + 3_600_000 };

describe('action links', () => {
  it('verifies a link it signed, until it expires', () => {
    const token = signActionLink(KEY, { ...claims, tokenId: 'tid' });
    expect(token).toMatch(/^v1\.[\w-]+\.[\w-]+$/);
    expect(verifyActionLink(KEY, token, NOW)).toEqual({ ok: true, claims: { ...claims, tokenId: 'tid' } });
    expect(verifyActionLink(KEY, token, NOW + 3_599_999).ok).toBe(true);
    expect(verifyActionLink(KEY, token, NOW + 3_600_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('gives every link its own token id', () => {
    const a = verifyActionLink(KEY, signActionLink(KEY, claims), NOW);
    const b = verifyActionLink(KEY, signActionLink(KEY, claims), NOW);
    expect(a.ok && b.ok && a.claims.tokenId !== b.claims.tokenId).toBe(true);
  });

  it('refuses another key, a changed payload and garbage', () => {
    const token = signActionLink(KEY, claims);
    expect(verifyActionLink('other-key', token, NOW)).toEqual({ ok: false, reason: 'bad_signature' });
    const [v, body, sig] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), a: 'resolve' })).toString('base64url');
    expect(verifyActionLink(KEY, `${v}.${forged}.${sig}`, NOW)).toEqual({ ok: false, reason: 'bad_signature' });
    for (const bad of ['', 'v1', 'v1..', 'v2.a.b', `${token}.x`, 'v1.bm90IGpzb24.sig']) expect(verifyActionLink(KEY, bad, NOW).ok).toBe(false);
  });

  it('property: tampering with any character is detected', () => {
    const token = signActionLink(KEY, claims);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: token.length - 1 }), fc.constantFrom(...'abcXYZ019-_.'), (i, c) => {
        fc.pre(token[i] !== c);
        const tampered = token.slice(0, i) + c + token.slice(i + 1);
        const r = verifyActionLink(KEY, tampered, NOW);
        // base64url has padding-free aliases only in the last character's spare bits.
        if (r.ok) expect(Buffer.from(tampered.split('.')[2]!, 'base64url')).toEqual(Buffer.from(token.split('.')[2]!, 'base64url'));
      }),
    );
  });
});
