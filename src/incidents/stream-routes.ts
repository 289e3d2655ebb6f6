// GET /api/v1/stream: server-sent events for live incident changes. Each event carries the
// incident as the API shows it, re-read after commit, so a client never sees rolled-back state.

import type { App } from '../app-context.js';
import { IncidentFeed, type IncidentEventType, type IncidentSignal } from './live.js';
import { findIncident } from './queries.js';
import { serializeIncident } from './schemas.js';
import './policy.js';

const HEARTBEAT_MS = 15_000;

/**
 * The stream keeps its four documented events: the finer signals (escalated, reassigned,
 * annotated, status_update, priority_changed) go out as incident.updated, which clients (the
 * console included) already re-read the incident on. Outbound subscriptions carry the fine types.
 */
function streamEvent(type: IncidentEventType): 'incident.triggered' | 'incident.acknowledged' | 'incident.resolved' | 'incident.updated' {
  return type === 'incident.triggered' || type === 'incident.acknowledged' || type === 'incident.resolved' ? type : 'incident.updated';
}

export async function streamRoutes(app: App): Promise<void> {
  const deps = app.deps;
  const feed = new IncidentFeed({ dialect: deps.handle.dialect, url: deps.handle.dialect === 'postgres' ? deps.handle.location : null, log: deps.log });
  const open = new Set<() => void>();
  app.addHook('onClose', async () => {
    for (const end of [...open]) end();
    await feed.close();
  });

  app.get(
    '/api/v1/stream',
    {
      config: { policy: 'incidents.stream' },
      schema: {
        tags: ['incidents'],
        summary: 'Server-sent events: incident.triggered, incident.acknowledged, incident.resolved, incident.updated, each with the incident JSON',
        produces: ['text/event-stream'],
      },
    },
    async (req, reply) => {
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': req.id,
      });
      res.write(': connected\n\n');
      // Signals are handled one at a time, in order, so events reach the client in commit order.
      let chain = Promise.resolve();
      let closed = false;
      const send = (s: IncidentSignal) => {
        chain = chain.then(async () => {
          if (closed) return;
          const row = await findIncident(deps.db, s.id).catch(() => undefined);
          if (!row || closed) return;
          res.write(`id: ${s.id}\nevent: ${streamEvent(s.type)}\ndata: ${JSON.stringify(serializeIncident(row))}\n\n`);
        });
      };
      const unsubscribe = await feed.subscribe(send);
      // A comment line keeps proxies and browsers from timing the connection out (a transport timer, not business logic).
      const beat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
      beat.unref();
      const end = () => {
        if (closed) return;
        closed = true;
        clearInterval(beat);
        unsubscribe();
        open.delete(end);
        if (!res.writableEnded) res.end();
      };
      open.add(end);
      req.raw.on('close', end);
      res.on('error', end);
    },
  );
}
