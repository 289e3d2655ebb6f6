import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialect } from '../support/database.js';
import { event, send, setup, type Setup } from '../ingest/helpers.js';

let s: Setup;
beforeEach(async () => {
  s = await setup();
});
afterEach(async () => {
  await s.t.close();
});

interface SseEvent {
  event: string;
  data: { id: string; status: string; title: string };
}

/** Opens the stream over real HTTP and collects its events. */
function openStream(url: string, token: string): Promise<{ events: SseEvent[]; status: number; close(): void; waitFor(n: number): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' } }, (res) => {
      const events: SseEvent[] = [];
      const waiters: Array<() => void> = [];
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let i: number;
        while ((i = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          const type = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (type && data) events.push({ event: type, data: JSON.parse(data) as SseEvent['data'] });
        }
        for (const w of waiters.splice(0)) w();
      });
      resolve({
        events,
        status: res.statusCode ?? 0,
        close: () => req.destroy(),
        waitFor: (n) =>
          new Promise<void>((done, fail) => {
            const deadline = setTimeout(() => fail(new Error(`only ${events.length} events arrived`)), 10_000);
            const check = () => {
              if (events.length >= n) {
                clearTimeout(deadline);
                done();
              } else waiters.push(check);
            };
            check();
          }),
      });
    });
    req.on('error', reject);
  });
}

describe(`incident stream on ${testDialect()}`, () => {
  it('sends triggered, acknowledged and resolved events with the incident', async () => {
    const address = await s.t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (s.t.app.server.address() as AddressInfo).port;
    expect(address).toContain(String(port));
    const anonymous = await openStream(`http://127.0.0.1:${port}/api/v1/stream`, 'nope');
    expect(anonymous.status).toBe(401);
    anonymous.close();
    const stream = await openStream(`http://127.0.0.1:${port}/api/v1/stream`, s.t.tokens.observer);
    expect(stream.status).toBe(200);
    // Give a PostgreSQL LISTEN connection time to be in place before the first commit.
    await new Promise((r) => setTimeout(r, 200));
    await send(s.t, event(s.routingKey, 'trigger', 'live'));
    await stream.waitFor(1);
    expect(stream.events[0]).toMatchObject({ event: 'incident.triggered', data: { status: 'triggered', title: 'problem live' } });
    const id = stream.events[0]!.data.id;
    await s.t.request('responder', 'POST', `/api/v1/incidents/${id}/acknowledge`);
    await send(s.t, event(s.routingKey, 'resolve', 'live'));
    await stream.waitFor(3);
    expect(stream.events.map((e) => e.event)).toEqual(['incident.triggered', 'incident.acknowledged', 'incident.resolved']);
    expect(stream.events[2]!.data.status).toBe('resolved');
    stream.close();
  });
});
