/**
 * Live incidents: one EventSource on GET /api/v1/stream (same origin, so the session cookie
 * goes along) whose events are written straight into the TanStack Query cache. Pages showing
 * incidents call `useIncidentStream()`; whatever they render from the cache updates by itself.
 *
 * The stream is shared: every page using it holds a reference, and it stays open a little
 * while after the last one lets go, so moving between the list and an incident neither drops
 * events nor flickers "Connecting…".
 */
import { useEffect, useSyncExternalStore } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { ME_KEY } from '../access/session.js';
import { alertsKey, applyIncident, INCIDENTS, notificationsKey, timelineKey, type Incident } from './queries.js';

export const STREAM_EVENTS = ['incident.triggered', 'incident.acknowledged', 'incident.resolved', 'incident.updated'] as const;

export type LiveState = 'connecting' | 'live' | 'reconnecting';

export interface LiveSnapshot {
  state: LiveState;
  /** Incidents changed in the last few seconds (for a highlight). */
  fresh: ReadonlySet<string>;
}

/** How long a changed row stays highlighted. */
const FRESH_MS = 6_000;
/** Wait before opening a stream the browser gave up on (e.g. after a 401 or a restart). */
const RETRY_MS = 5_000;
/** How long the stream outlives the last page using it. */
const LINGER_MS = 10_000;

function isIncident(x: unknown): x is Incident {
  return typeof x === 'object' && x !== null && typeof (x as Incident).id === 'string' && typeof (x as Incident).number === 'number';
}

class IncidentStream {
  private source: EventSource | null = null;
  private qc: QueryClient | null = null;
  private holders = 0;
  private lingerTimer = 0;
  private retryTimer = 0;
  private everOpen = false;
  private readonly freshTimers = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  private snap: LiveSnapshot = { state: 'connecting', fresh: new Set() };

  readonly subscribe = (fn: () => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  readonly snapshot = () => this.snap;

  /** A page starts using the stream; the answer lets go of it. */
  hold(qc: QueryClient): () => void {
    if (this.qc !== qc) {
      // Another cache (a new app instance): start over with it.
      this.close();
      this.qc = qc;
    }
    this.holders += 1;
    window.clearTimeout(this.lingerTimer);
    if (!this.source && !this.retryTimer) this.open();
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      this.holders -= 1;
      if (this.holders === 0) this.lingerTimer = window.setTimeout(() => this.close(), LINGER_MS);
    };
  }

  private set(patch: Partial<LiveSnapshot>) {
    this.snap = { ...this.snap, ...patch };
    for (const fn of this.listeners) fn();
  }

  private open() {
    this.retryTimer = 0;
    const es = new EventSource('/api/v1/stream');
    this.source = es;
    for (const type of STREAM_EVENTS) es.addEventListener(type, this.onIncident);
    es.onopen = () => {
      this.set({ state: 'live' });
      // Anything may have happened while we were not listening.
      if (this.everOpen) void this.qc?.invalidateQueries({ queryKey: INCIDENTS });
      this.everOpen = true;
    };
    es.onerror = () => {
      if (this.source !== es) return;
      this.set({ state: 'reconnecting' });
      if (es.readyState === EventSource.CLOSED) {
        // The browser gave up (an answer that was not a stream, e.g. a 401): check the session, try again later.
        es.close();
        this.source = null;
        void this.qc?.invalidateQueries({ queryKey: ME_KEY });
        this.retryTimer = window.setTimeout(() => this.open(), RETRY_MS);
      }
      // Otherwise the browser reconnects by itself.
    };
  }

  private close() {
    window.clearTimeout(this.lingerTimer);
    window.clearTimeout(this.retryTimer);
    this.retryTimer = 0;
    this.source?.close();
    this.source = null;
    this.everOpen = false;
    for (const t of this.freshTimers.values()) window.clearTimeout(t);
    this.freshTimers.clear();
    this.set({ state: 'connecting', fresh: new Set() });
  }

  private readonly onIncident = (e: MessageEvent<string>) => {
    const qc = this.qc;
    if (!qc) return;
    let inc: unknown;
    try {
      inc = JSON.parse(e.data);
    } catch {
      return;
    }
    if (!isIncident(inc)) return;
    applyIncident(qc, inc);
    // Its alerts, timeline and pages changed too; only queries on screen are read again.
    void qc.invalidateQueries({ queryKey: timelineKey(inc.id) });
    void qc.invalidateQueries({ queryKey: alertsKey(inc.id) });
    void qc.invalidateQueries({ queryKey: notificationsKey(inc.id) });
    // Lists not on screen may have missed it: read them again when they are next shown.
    void qc.invalidateQueries({ queryKey: ['incidents', 'list'], refetchType: 'none' });
    this.markFresh(inc.id);
  };

  private markFresh(id: string) {
    window.clearTimeout(this.freshTimers.get(id));
    this.freshTimers.set(
      id,
      window.setTimeout(() => {
        this.freshTimers.delete(id);
        const next = new Set(this.snap.fresh);
        next.delete(id);
        this.set({ fresh: next });
      }, FRESH_MS),
    );
    this.set({ fresh: new Set(this.snap.fresh).add(id) });
  }
}

const stream = new IncidentStream();

/** Keeps the live stream open while the calling page is shown, and says how it is doing. */
export function useIncidentStream(): LiveSnapshot {
  const qc = useQueryClient();
  useEffect(() => stream.hold(qc), [qc]);
  return useSyncExternalStore(stream.subscribe, stream.snapshot, stream.snapshot);
}
