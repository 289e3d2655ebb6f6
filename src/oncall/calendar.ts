import ical from 'ical-generator';
import type { Executor } from '../platform/db/transaction.js';
import type { Row } from '../platform/db/tables.js';
import { NotFound } from '../platform/http/errors.js';
import { feedKey, secretHash, secretMatches } from './feed-tokens.js';
import { allSchedules, layerUserIds, loadSchedules, parseLayers, userInfo, type UserInfo } from './queries.js';
import { resolve } from './resolve.js';
import type { Shift } from './types.js';
import { DAY_MS } from './wallclock.js';

// iCalendar (RFC 5545) feeds of final schedules, for calendar apps to subscribe to. A feed
// covers the past 30 and the next 90 days; every event is one final shift (overrides and swaps
// included) with its exact start and end in UTC, so no calendar has to know the zone's rules.

export const FEED_PAST_DAYS = 30;
export const FEED_FUTURE_DAYS = 90;
/** How often calendar apps are asked to fetch the feed again, in seconds. */
const REFRESH_SECONDS = 15 * 60;

export function feedRange(now: number): { since: number; until: number } {
  return { since: now - FEED_PAST_DAYS * DAY_MS, until: now + FEED_FUTURE_DAYS * DAY_MS };
}

function newCalendar(name: string, description: string) {
  return ical({
    name,
    description,
    prodId: { company: 'Tocsin', product: 'Tocsin on-call', language: 'EN' },
    ttl: REFRESH_SECONDS,
  });
}

function eventId(scheduleId: string, shift: Shift): string {
  return `${scheduleId}-${shift.start}-${shift.userId}-${shift.layerId ?? shift.overrideId ?? shift.source}@tocsin`;
}

function describe(shift: Shift, layerNames: ReadonlyMap<string, string>, names: ReadonlyMap<string, UserInfo>): string {
  if (shift.source === 'override') return 'Override';
  if (shift.source === 'swap') return 'Shift swap';
  const layer = layerNames.get(shift.layerId ?? '') ?? 'layer';
  if (shift.coveringFor !== undefined) return `Layer ${layer}, covering for ${names.get(shift.coveringFor)?.name ?? shift.coveringFor}`;
  return `Layer ${layer}`;
}

async function findByHash<T extends { ical_nonce: string }>(
  ex: Executor,
  secret: string,
  lookup: (hash: string) => Promise<T | undefined>,
  owner: (row: T) => string,
  kind: 'schedule' | 'user',
): Promise<T> {
  // Secrets are base64url HMACs; anything else cannot name a feed.
  if (!/^[\w-]{20,100}$/.test(secret)) throw new NotFound('calendar feed');
  const row = await lookup(secretHash(secret));
  if (!row || !secretMatches(await feedKey(ex), kind, owner(row), row.ical_nonce, secret)) throw new NotFound('calendar feed');
  return row;
}

/** The .ics of a schedule's final shifts, for the secret in its feed URL (404 otherwise). */
export async function scheduleFeed(ex: Executor, secret: string, now: number): Promise<string> {
  const row = await findByHash(
    ex,
    secret,
    (hash) => ex.selectFrom('schedules').selectAll().where('ical_token_hash', '=', hash).executeTakeFirst(),
    (r) => r.id,
    'schedule',
  );
  const { since, until } = feedRange(now);
  const [loaded] = await loadSchedules(ex, [row], since, until);
  const final = resolve(loaded!.schedule, since, until).final;
  const names = await userInfo(ex, final.flatMap((s) => (s.coveringFor === undefined ? [s.userId] : [s.userId, s.coveringFor])));
  const layerNames = new Map(loaded!.layers.map((layer) => [layer.id, layer.name]));
  const calendar = newCalendar(`On call: ${row.name}`, `Who is on call in the Tocsin schedule ${row.name}`);
  for (const shift of final) {
    calendar.createEvent({
      id: eventId(row.id, shift),
      start: new Date(shift.start),
      end: new Date(shift.end),
      stamp: new Date(now),
      summary: `On call: ${names.get(shift.userId)?.name ?? shift.userId}`,
      description: `${row.name}: ${describe(shift, layerNames, names)}`,
    });
  }
  return calendar.toString();
}

/** The .ics of one person's shifts across every schedule, for the secret in their feed URL. */
export async function userFeed(ex: Executor, secret: string, now: number): Promise<string> {
  const feed = await findByHash(
    ex,
    secret,
    (hash) => ex.selectFrom('user_ical_feeds').selectAll().where('ical_token_hash', '=', hash).executeTakeFirst(),
    (r) => r.user_id,
    'user',
  );
  const userId = feed.user_id;
  const { since, until } = feedRange(now);
  // Only schedules that can put this person on call: a layer names them, or an override does.
  const overridden = await ex
    .selectFrom('schedule_overrides')
    .select('schedule_id')
    .where('user_id', '=', userId)
    .where('end_at', '>', since)
    .where('start_at', '<', until)
    .execute();
  const withOverride = new Set(overridden.map((o) => o.schedule_id));
  const rows = (await allSchedules(ex)).filter((r: Row<'schedules'>) => withOverride.has(r.id) || layerUserIds(parseLayers(r)).has(userId));
  const loaded = await loadSchedules(ex, rows, since, until);
  const names = await userInfo(ex, [userId]);
  const calendar = newCalendar(`On call: ${names.get(userId)?.name ?? userId}`, 'Your on-call shifts in Tocsin, across every schedule');
  for (const entry of loaded) {
    const layerNames = new Map(entry.layers.map((layer) => [layer.id, layer.name]));
    for (const shift of resolve(entry.schedule, since, until).final) {
      if (shift.userId !== userId) continue;
      calendar.createEvent({
        id: eventId(entry.row.id, shift),
        start: new Date(shift.start),
        end: new Date(shift.end),
        stamp: new Date(now),
        summary: `On call: ${entry.row.name}`,
        description: describe(shift, layerNames, names),
      });
    }
  }
  return calendar.toString();
}
