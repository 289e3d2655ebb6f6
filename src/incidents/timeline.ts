import { newId } from '../platform/ids.js';
import type { Executor } from '../platform/db/transaction.js';
import type { NewRow } from '../platform/db/tables.js';

/** Who a timeline entry names: a person, a token, Tocsin itself, or an integration. */
export interface TimelineActor {
  type: string;
  id: string | null;
  name: string;
}

export type TimelineRow = NewRow<'incident_timeline'>;

export function timelineEntry(
  incidentId: string,
  at: number,
  type: string,
  actor: TimelineActor,
  message: string,
  opts: { alertId?: string | null; details?: Record<string, unknown> } = {},
): TimelineRow {
  return {
    id: newId(),
    incident_id: incidentId,
    at,
    type,
    actor_type: actor.type,
    actor_id: actor.id,
    actor_name: actor.name,
    alert_id: opts.alertId ?? null,
    message,
    details: JSON.stringify(opts.details ?? {}),
  };
}

/** Inserts rows in multi-row statements, chunked under SQLite's bound-variable limit. */
export async function insertChunked<T extends 'incident_timeline' | 'events' | 'alerts' | 'incidents'>(
  ex: Executor,
  table: T,
  rows: NewRow<T>[],
  columnsPerRow: number,
): Promise<void> {
  if (rows.length === 0) return;
  const perChunk = Math.max(1, Math.floor(30_000 / columnsPerRow));
  for (let i = 0; i < rows.length; i += perChunk) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await ex.insertInto(table).values(rows.slice(i, i + perChunk) as any).execute();
  }
}

export async function addTimeline(ex: Executor, rows: TimelineRow[]): Promise<void> {
  await insertChunked(ex, 'incident_timeline', rows, 10);
}
