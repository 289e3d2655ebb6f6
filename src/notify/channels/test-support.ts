import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IncidentSummary, OutboundMessage } from './types.js';

// Helpers for the channel tests: a local HTTP stand-in and a sample page.

export interface Recorded {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface StandIn {
  url: string;
  requests: Recorded[];
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1:0 that records each request and answers with `respond`. */
export async function standIn(respond: (req: Recorded, res: http.ServerResponse) => void): Promise<StandIn> {
  const requests: Recorded[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rec = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(rec);
      respond(rec, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export const sampleIncident: IncidentSummary = {
  id: 'inc-0001',
  number: 42,
  title: 'Checkout <errors> & timeouts',
  service: { id: 'svc-1', name: 'payments-api' },
  urgency: 'high',
  status: 'triggered',
  url: 'https://tocsin.example.com/incidents/inc-0001',
};

export function samplePage(over: Partial<OutboundMessage> = {}): OutboundMessage {
  return {
    kind: 'incident',
    subject: '[Tocsin] #42 Checkout <errors> & timeouts (payments-api)',
    text: 'Tocsin: #42 Checkout <errors> & timeouts on payments-api, high urgency.',
    incidents: [sampleIncident],
    idempotencyKey: 'notify:inc-0001:0:1:u-1:cm-1',
    ...over,
  };
}
