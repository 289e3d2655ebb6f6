import { recordAudit } from '../access/audit/record.js';
import type { CommandContext } from '../access/context.js';
import { getUser } from '../access/users/queries.js';
import { transact } from '../platform/db/transaction.js';
import { feedKey, feedSecret, freshFeed } from './feed-tokens.js';

// A person's own calendar feed: made the first time its URL is asked for, replaced on rotation.

/** The secret of the user's feed, making the feed if the user has none yet. */
export async function ensureUserFeed(ctx: CommandContext, userId: string): Promise<string> {
  const now = ctx.clock.now();
  return transact(ctx.db, async (tx) => {
    await getUser(tx, userId);
    const key = await feedKey(tx);
    const existing = await tx.selectFrom('user_ical_feeds').select('ical_nonce').where('user_id', '=', userId).executeTakeFirst();
    if (existing) return feedSecret(key, 'user', userId, existing.ical_nonce);
    const feed = freshFeed(key, 'user', userId);
    await tx
      .insertInto('user_ical_feeds')
      .values({ user_id: userId, ical_nonce: feed.nonce, ical_token_hash: feed.hash, created_at: now, updated_at: now })
      .onConflict((oc) => oc.column('user_id').doNothing())
      .execute();
    // Of two first requests at once, both answer with the feed that was stored.
    const stored = await tx.selectFrom('user_ical_feeds').select('ical_nonce').where('user_id', '=', userId).executeTakeFirstOrThrow();
    if (stored.ical_nonce === feed.nonce) {
      await recordAudit(tx, ctx.actor, now, 'user.ical_url_created', { type: 'user', id: userId });
    }
    return feedSecret(key, 'user', userId, stored.ical_nonce);
  });
}

/** Replaces the user's feed secret: the old URL stops working at once. */
export async function rotateUserIcalUrl(ctx: CommandContext, userId: string): Promise<string> {
  const now = ctx.clock.now();
  return transact(ctx.db, async (tx) => {
    await getUser(tx, userId);
    const key = await feedKey(tx);
    const feed = freshFeed(key, 'user', userId);
    await tx
      .insertInto('user_ical_feeds')
      .values({ user_id: userId, ical_nonce: feed.nonce, ical_token_hash: feed.hash, created_at: now, updated_at: now })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ ical_nonce: feed.nonce, ical_token_hash: feed.hash, updated_at: now }))
      .execute();
    await recordAudit(tx, ctx.actor, now, 'user.ical_url_rotated', { type: 'user', id: userId });
    return feedSecret(key, 'user', userId, feed.nonce);
  });
}
