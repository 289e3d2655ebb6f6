// Live incident changes for the SSE stream. Commands and the pipeline publish inside their
// transaction; subscribers hear about it only after commit: in-process through an emitter
// (SQLite: one process), across processes through NOTIFY on PostgreSQL, where every api process
// LISTENs (its own notifications included) and re-reads the incident row.

import { EventEmitter } from 'node:events';
import pg from 'pg';
import { afterCommit, dialectOf, notify, type Executor } from '../platform/db/transaction.js';
import type { Logger } from '../platform/log.js';

export const INCIDENT_CHANNEL = 'tocsin_incidents';

export type IncidentEventType =
  | 'incident.triggered'
  | 'incident.acknowledged'
  | 'incident.resolved'
  | 'incident.updated'
  | 'incident.escalated'
  | 'incident.reassigned'
  | 'incident.annotated'
  | 'incident.status_update'
  | 'incident.priority_changed';

export interface IncidentSignal {
  id: string;
  type: IncidentEventType;
}

/** In-process signals (SQLite, or the LISTEN connection re-emitting on PostgreSQL). */
export const incidentSignals = new EventEmitter();
incidentSignals.setMaxListeners(0);

const CODES: Record<IncidentEventType, string> = {
  'incident.triggered': 't',
  'incident.acknowledged': 'a',
  'incident.resolved': 'r',
  'incident.updated': 'u',
  'incident.escalated': 'e',
  'incident.reassigned': 'g',
  'incident.annotated': 'n',
  'incident.status_update': 's',
  'incident.priority_changed': 'p',
};
const TYPES = Object.fromEntries(Object.entries(CODES).map(([k, v]) => [v, k])) as Record<string, IncidentEventType>;

/** Announces incident changes once the surrounding transaction commits. */
export async function publishIncidents(ex: Executor, signals: IncidentSignal[]): Promise<void> {
  if (signals.length === 0) return;
  if (dialectOf(ex) === 'postgres') {
    // "id:code,id:code" in chunks well under NOTIFY's 8000-byte payload limit; delivered on commit.
    const parts = signals.map((s) => `${s.id}:${CODES[s.type]}`);
    for (let i = 0; i < parts.length; i += 150) {
      await notify(ex, INCIDENT_CHANNEL, parts.slice(i, i + 150).join(','));
    }
    return;
  }
  afterCommit(ex, () => {
    for (const s of signals) incidentSignals.emit('incident', s);
  });
}

export function parseNotification(payload: string): IncidentSignal[] {
  const out: IncidentSignal[] = [];
  for (const part of payload.split(',')) {
    const i = part.lastIndexOf(':');
    const type = TYPES[part.slice(i + 1)];
    if (i > 0 && type) out.push({ id: part.slice(0, i), type });
  }
  return out;
}

/**
 * What the stream route subscribes to. On PostgreSQL the first subscriber opens one LISTEN
 * connection for the process; it is closed with `close()` (the app's onClose).
 */
export class IncidentFeed {
  private readonly subscribers = new Set<(s: IncidentSignal) => void>();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private closed = false;
  private readonly onLocal = (s: IncidentSignal) => this.deliver(s);

  constructor(private readonly opts: { dialect: 'sqlite' | 'postgres'; url: string | null; log: Logger }) {}

  async subscribe(fn: (s: IncidentSignal) => void): Promise<() => void> {
    this.subscribers.add(fn);
    if (this.subscribers.size === 1 && this.opts.dialect === 'sqlite') incidentSignals.on('incident', this.onLocal);
    if (this.opts.dialect === 'postgres' && this.opts.url) await this.listen(this.opts.url);
    return () => {
      this.subscribers.delete(fn);
      if (this.subscribers.size === 0 && this.opts.dialect === 'sqlite') incidentSignals.off('incident', this.onLocal);
    };
  }

  private deliver(s: IncidentSignal): void {
    for (const fn of this.subscribers) {
      try {
        fn(s);
      } catch {
        // One broken subscriber must not starve the others.
      }
    }
  }

  private listen(url: string): Promise<void> {
    if (this.client || this.closed) return Promise.resolve();
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: url });
      client.on('notification', (msg) => {
        for (const s of parseNotification(msg.payload ?? '')) this.deliver(s);
      });
      client.on('error', (err) => {
        this.opts.log.warn({ err }, 'incident LISTEN connection lost; reconnecting');
        if (this.client === client) this.client = null;
        setTimeout(() => {
          if (!this.closed && this.subscribers.size > 0) this.listen(url).catch(() => undefined);
        }, 1000).unref();
      });
      try {
        await client.connect();
        await client.query(`LISTEN ${INCIDENT_CHANNEL}`);
        if (this.closed) await client.end();
        else this.client = client;
      } finally {
        this.connecting = null;
      }
    })();
    return this.connecting;
  }

  async close(): Promise<void> {
    this.closed = true;
    incidentSignals.off('incident', this.onLocal);
    this.subscribers.clear();
    await this.connecting?.catch(() => undefined);
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => undefined);
  }
}
