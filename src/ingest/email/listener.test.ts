import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../platform/log.js';
import { keyOfAddress, parseListenAddress, startEmailListener, type EmailListener, type ParsedEmail } from './listener.js';

const KNOWN = new Set(['k3yAlpha0001', 'k3yBeta00002', 'k3yGone00003']);
const open: EmailListener[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((l) => l.close()));
});

async function listener(opts: { maxBytes?: number; deliver?: (key: string, parsed: ParsedEmail) => Promise<'accepted' | 'unknown'> } = {}) {
  const delivered: Array<{ key: string; parsed: ParsedEmail }> = [];
  const l = await startEmailListener({
    listen: '127.0.0.1:0',
    log: silentLogger,
    lookup: async (key) => KNOWN.has(key),
    deliver:
      opts.deliver ??
      (async (key, parsed) => {
        if (key === 'k3yGone00003') return 'unknown';
        delivered.push({ key, parsed });
        return 'accepted';
      }),
    ...(opts.maxBytes !== undefined ? { maxBytes: opts.maxBytes } : {}),
  });
  open.push(l);
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: l.port, secure: false, ignoreTLS: true });
  return { l, delivered, transport };
}

interface SmtpFailure {
  responseCode?: number;
  response?: string;
  rejected?: string[];
}

async function failure(p: Promise<unknown>): Promise<SmtpFailure> {
  try {
    await p;
  } catch (e) {
    return e as SmtpFailure;
  }
  throw new Error('expected the send to fail');
}

describe('SMTP listener', () => {
  it('delivers mail for a known key, parsed', async () => {
    const { delivered, transport } = await listener();
    const info = await transport.sendMail({
      from: 'Nagios <nagios@monitor.example.org>',
      to: 'k3yAlpha0001@alerts.example.org',
      subject: 'PROBLEM: disk full on nas-01',
      text: 'Host: nas-01\nState: CRITICAL\n',
      html: '<p>Host: <b>nas-01</b></p>',
      messageId: '<abc-123@monitor.example.org>',
      date: new Date('2026-01-05T11:59:00Z'),
    });
    expect(info.response).toMatch(/^250 OK: delivered to 1 integration$/);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.key).toBe('k3yAlpha0001');
    expect(delivered[0]!.parsed).toEqual({
      subject: 'PROBLEM: disk full on nas-01',
      text: expect.stringMatching(/^Host: nas-01\nState: CRITICAL\n\s*$/) as unknown as string,
      html: expect.stringMatching(/^<p>Host: <b>nas-01<\/b><\/p>\s*$/) as unknown as string,
      from: 'nagios@monitor.example.org',
      to: ['k3yAlpha0001@alerts.example.org'],
      messageId: '<abc-123@monitor.example.org>',
      date: Date.UTC(2026, 0, 5, 11, 59, 0),
    });
  });

  it('delivers once per recipient integration', async () => {
    const { delivered, transport } = await listener();
    await transport.sendMail({
      from: 'a@example.org',
      to: ['k3yAlpha0001@x.example', 'k3yBeta00002@y.example', 'k3yAlpha0001@other.example'],
      subject: 'two',
      text: 'body',
    });
    expect(delivered.map((d) => d.key).sort()).toEqual(['k3yAlpha0001', 'k3yBeta00002']);
  });

  it('refuses an unknown key at RCPT with 550', async () => {
    const { delivered, transport } = await listener();
    const e = await failure(transport.sendMail({ from: 'a@example.org', to: 'nosuchkey@alerts.example.org', subject: 's', text: 't' }));
    expect(e.responseCode).toBe(550);
    expect(e.rejected).toEqual(['nosuchkey@alerts.example.org']);
    expect(delivered).toEqual([]);
  });

  it('refuses addresses that cannot hold a key', async () => {
    const { transport } = await listener();
    const e = await failure(transport.sendMail({ from: 'a@example.org', to: 'bad!key@alerts.example.org', subject: 's', text: 't' }));
    expect(e.responseCode).toBe(550);
  });

  it('accepts the mail for the known recipients when others are unknown', async () => {
    const { delivered, transport } = await listener();
    const info = await transport.sendMail({ from: 'a@example.org', to: ['k3yAlpha0001@a.example', 'nosuchkey@a.example'], subject: 's', text: 't' });
    expect(info.rejected).toEqual(['nosuchkey@a.example']);
    expect(delivered.map((d) => d.key)).toEqual(['k3yAlpha0001']);
  });

  it('refuses oversized mail with 552', async () => {
    const { delivered, transport } = await listener({ maxBytes: 10_000 });
    const e = await failure(transport.sendMail({ from: 'a@example.org', to: 'k3yAlpha0001@a.example', subject: 'big', text: 'x'.repeat(50_000) }));
    expect(e.responseCode).toBe(552);
    expect(delivered).toEqual([]);
  });

  it('answers 451 when storing fails, so the sender retries', async () => {
    const { transport } = await listener({
      deliver: async () => {
        throw new Error('database down');
      },
    });
    const e = await failure(transport.sendMail({ from: 'a@example.org', to: 'k3yAlpha0001@a.example', subject: 's', text: 't' }));
    expect(e.responseCode).toBe(451);
  });

  it('answers 250 only after the delivery resolved', async () => {
    let release!: () => void;
    const stored: string[] = [];
    const { transport } = await listener({
      deliver: async (key) => {
        await new Promise<void>((r) => (release = r));
        stored.push(key);
        return 'accepted';
      },
    });
    let answered = false;
    const sending = transport.sendMail({ from: 'a@example.org', to: 'k3yAlpha0001@a.example', subject: 's', text: 't' }).then((i) => {
      answered = true;
      return i;
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(answered).toBe(false);
    release();
    await sending;
    expect(answered).toBe(true);
    expect(stored).toEqual(['k3yAlpha0001']);
  });

  it('refuses the mail when its only integration vanished after RCPT', async () => {
    const { transport } = await listener();
    const e = await failure(transport.sendMail({ from: 'a@example.org', to: 'k3yGone00003@a.example', subject: 's', text: 't' }));
    expect(e.responseCode).toBe(550);
  });
});

describe('addresses', () => {
  it('parses listen addresses', () => {
    expect(parseListenAddress('0.0.0.0:2525')).toEqual({ host: '0.0.0.0', port: 2525 });
    expect(parseListenAddress('[::1]:25')).toEqual({ host: '::1', port: 25 });
    expect(parseListenAddress('2525')).toEqual({ host: '127.0.0.1', port: 2525 });
    expect(() => parseListenAddress('host:port')).toThrow(/TOCSIN_SMTP_LISTEN/);
    expect(() => parseListenAddress('h:70000')).toThrow(/TOCSIN_SMTP_LISTEN/);
  });

  it('takes the key from the local part', () => {
    expect(keyOfAddress('abc123@alerts.example.org')).toBe('abc123');
    expect(keyOfAddress('abc@def@x')).toBeNull();
    expect(keyOfAddress('bad!key@x')).toBeNull();
    expect(keyOfAddress('@x')).toBeNull();
    expect(keyOfAddress('nodomain')).toBeNull();
    expect(keyOfAddress(`${'a'.repeat(65)}@x`)).toBeNull();
  });
});
