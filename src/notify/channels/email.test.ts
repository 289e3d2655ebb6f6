import type { AddressInfo } from 'node:net';
import PostalMime from 'postal-mime';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actionLinkUrl, signActionLink, verifyActionLink } from '../action-links.js';
import { emailChannel, renderEmail } from './email.js';
import { samplePage } from './test-support.js';

const NOW = Date.UTC(2026, 0, 5, 12);
const KEY = 'test-action-link-key';
const ctx = { now: NOW, publicUrl: 'https://tocsin.example.com' };
const target = { id: 'cm-e', type: 'email' as const, address: 'alice@example.test', label: 'Work' };

interface Received {
  from: string;
  to: string[];
  raw: string;
}

let smtp: SMTPServer;
let port: number;
let received: Received[];
let rejectWith: { code: number; message: string } | null;

beforeEach(async () => {
  received = [];
  rejectWith = null;
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, cb) {
      if (rejectWith) return cb(Object.assign(new Error(rejectWith.message), { responseCode: rejectWith.code }));
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  port = (smtp.server.address() as AddressInfo).port;
});

afterEach(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

function links() {
  const sign = (action: 'acknowledge' | 'resolve') => actionLinkUrl(ctx.publicUrl, signActionLink(KEY, { incidentId: 'inc-0001', action, userId: 'u-1', expiresAt: NOW + 3_600_000 }));
  return { acknowledge: sign('acknowledge'), resolve: sign('resolve') };
}

describe('email', () => {
  it('delivers a page with HTML and text parts and working acknowledge/resolve links', async () => {
    const l = links();
    const channel = emailChannel({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Tocsin <tocsin@example.test>' });
    const result = await channel.send(samplePage({ links: l }), target, ctx);
    expect(result.status).toBe('sent');
    expect(result.retryable).toBe(false);
    expect(result.provider_id).toMatch(/^<.+>$/);

    expect(received).toHaveLength(1);
    expect(received[0]!.from).toBe('tocsin@example.test');
    expect(received[0]!.to).toEqual(['alice@example.test']);
    const mail = await PostalMime.parse(received[0]!.raw);
    expect(mail.subject).toBe('[Tocsin] #42 Checkout <errors> & timeouts (payments-api)');
    expect(mail.headers.find((h) => h.key === 'x-tocsin-idempotency-key')?.value).toBe('notify:inc-0001:0:1:u-1:cm-1');

    // Text part: the incident and both links, verbatim.
    expect(mail.text).toContain('#42 Checkout <errors> & timeouts');
    expect(mail.text).toContain('Service: payments-api');
    expect(mail.text).toContain('Urgency: high');
    expect(mail.text).toContain(`Acknowledge: ${l.acknowledge}`);
    expect(mail.text).toContain(`Resolve: ${l.resolve}`);

    // HTML part: escaped title, and the links as buttons.
    expect(mail.html).toContain('#42 Checkout &lt;errors&gt; &amp; timeouts');
    expect(mail.html).not.toContain('<errors>');
    const hrefs = [...mail.html!.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    expect(hrefs).toEqual(['https://tocsin.example.com/incidents/inc-0001', l.acknowledge, l.resolve]);

    // The links in the mail carry tokens that verify, for the right action.
    const token = (url: string) => decodeURIComponent(url.split('/action-links/')[1]!);
    const ack = verifyActionLink(KEY, token(hrefs[1]!), NOW);
    const res = verifyActionLink(KEY, token(hrefs[2]!), NOW);
    expect(ack.ok && ack.claims.action).toBe('acknowledge');
    expect(res.ok && res.claims.action).toBe('resolve');
    expect(ack.ok && ack.claims.incidentId).toBe('inc-0001');
  });

  it('reports a permanent SMTP rejection as not retryable, a temporary one as retryable', async () => {
    const channel = emailChannel({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'tocsin@example.test' });
    rejectWith = { code: 550, message: 'No such user' };
    expect(await channel.send(samplePage(), target, ctx)).toMatchObject({ status: 'failed', retryable: false });
    rejectWith = { code: 451, message: 'Try again later' };
    expect(await channel.send(samplePage(), target, ctx)).toMatchObject({ status: 'failed', retryable: true });
  });

  it('reports an unreachable server as retryable', async () => {
    const channel = emailChannel({ smtpUrl: 'smtp://127.0.0.1:9', from: 'tocsin@example.test', timeoutMs: 2000 });
    expect(await channel.send(samplePage(), target, ctx)).toMatchObject({ status: 'failed', retryable: true });
  });

  it('renders a message without incidents (a test send) from its text', async () => {
    const parts = await renderEmail({ kind: 'test', subject: 'Tocsin test', text: 'This is a test <b>.', incidents: [], idempotencyKey: 'k' });
    expect(parts.text).toContain('This is a test <b>.');
    expect(parts.html).toContain('This is a test &lt;b&gt;.');
    expect(parts.html).not.toContain('Acknowledge');
  });
});
