// Inbound alert mail: a small SMTP server that accepts mail for <integration key>@<any domain>,
// parses it and hands it to the ingest pipeline.
//
// It asks for no authentication: the integration key in the address is the credential, as with
// the webhook URLs. Run it on an internal address (TOCSIN_SMTP_LISTEN=10.0.0.5:2525), behind
// the organisation's own mail relay, never directly on the internet. STARTTLS is off for the
// same reason (the relay terminates TLS); there is no certificate to manage.
//
// Delivery is synchronous with the SMTP dialogue: the sender gets 250 only once every recipient
// integration has durably stored the mail, and a temporary error (451) when storing failed, so
// its queue retries. A recipient key that does not exist is refused at RCPT (550), so the
// sender's MTA produces a bounce instead of the mail silently vanishing.

import type { AddressInfo } from 'node:net';
import PostalMime, { type Address, type Email } from 'postal-mime';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerError, type SMTPServerSession } from 'smtp-server';
import type { EmailMessage } from '../formats/email.js';
import type { Logger } from '../../platform/log.js';

export type ParsedEmail = EmailMessage;

/** Default size limit: alert mail is small; anything bigger is almost certainly not an alert. */
export const EMAIL_MAX_BYTES = 1024 * 1024;
export const EMAIL_MAX_RECIPIENTS = 50;
/** Longest local part accepted as a key (RFC 5321 allows 64; keys are shorter). */
const KEY_MAX_LENGTH = 64;
const KEY_PATTERN = /^[A-Za-z0-9._+-]+$/;

export interface EmailListenerOptions {
  /** "host:port", "[::1]:port", or a bare port (then 127.0.0.1). Port 0 picks a free one. */
  listen: string;
  /** Whether an integration key exists (and takes email); false refuses the RCPT with 550. */
  lookup?: (integrationKey: string) => Promise<boolean>;
  /** Stores the mail for one integration; resolves once it is durably stored. */
  deliver: (integrationKey: string, parsed: ParsedEmail) => Promise<'accepted' | 'unknown'>;
  log: Logger;
  maxBytes?: number;
  maxRecipients?: number;
  /** The host name the server greets with. */
  name?: string;
}

export interface EmailListener {
  port: number;
  close(): Promise<void>;
}

export function parseListenAddress(listen: string): { host: string; port: number } {
  const s = listen.trim();
  let host = '127.0.0.1';
  let portText = s;
  const bracketed = /^\[([^\]]+)\]:(\d+)$/.exec(s);
  if (bracketed) {
    host = bracketed[1]!;
    portText = bracketed[2]!;
  } else if (s.includes(':')) {
    const i = s.lastIndexOf(':');
    host = s.slice(0, i) || '0.0.0.0';
    portText = s.slice(i + 1);
  }
  const port = Number(portText);
  if (!/^\d{1,5}$/.test(portText) || port > 65535) {
    throw new Error(`TOCSIN_SMTP_LISTEN must be host:port (e.g. 127.0.0.1:2525), got "${listen}"`);
  }
  return { host, port };
}

/** The integration key of a recipient address: its local part; null when it cannot be one. */
export function keyOfAddress(address: string): string | null {
  const at = address.lastIndexOf('@');
  if (at <= 0) return null;
  const local = address.slice(0, at);
  if (local.length > KEY_MAX_LENGTH || !KEY_PATTERN.test(local)) return null;
  return local;
}

function smtpError(code: number, message: string): SMTPServerError {
  const e: SMTPServerError = new Error(message);
  e.responseCode = code;
  return e;
}

function addressesOf(list: Address[] | undefined): string[] {
  const out: string[] = [];
  for (const a of list ?? []) {
    if (a.group) for (const m of a.group) out.push(m.address);
    else if (a.address) out.push(a.address);
  }
  return out.filter((x) => x !== '');
}

/** postal-mime's result in the shape the email mapper reads. */
export function toParsedEmail(email: Email): ParsedEmail {
  const from = email.from ? (email.from.group ? (email.from.group[0]?.address ?? null) : (email.from.address ?? null)) : null;
  const date = email.date ? Date.parse(email.date) : NaN;
  return {
    subject: email.subject ?? null,
    text: email.text ?? null,
    html: email.html ?? null,
    from: from || null,
    to: addressesOf(email.to),
    messageId: email.messageId ?? null,
    date: Number.isFinite(date) ? date : null,
  };
}

function keyHint(key: string): string {
  return `…${key.slice(-4)}`;
}

export async function startEmailListener(opts: EmailListenerOptions): Promise<EmailListener> {
  const { host, port } = parseListenAddress(opts.listen);
  const maxBytes = opts.maxBytes ?? EMAIL_MAX_BYTES;
  const log = opts.log;

  async function receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<string> {
    const chunks: Buffer[] = [];
    let kept = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      // Keep reading an oversized message to the end (the protocol needs it) without keeping it.
      if (kept + chunk.length <= maxBytes) {
        chunks.push(chunk);
        kept += chunk.length;
      } else {
        kept = maxBytes + 1;
      }
    }
    if (stream.sizeExceeded || kept > maxBytes) {
      throw smtpError(552, `5.3.4 Message too big: the limit is ${maxBytes} bytes`);
    }
    let parsed: ParsedEmail;
    try {
      parsed = toParsedEmail(await PostalMime.parse(Buffer.concat(chunks)));
    } catch (e) {
      log.info({ session: session.id, err: e }, 'inbound mail could not be parsed');
      throw smtpError(554, '5.6.0 The message could not be parsed');
    }
    const keys = [...new Set(session.envelope.rcptTo.map((r) => keyOfAddress(r.address)).filter((k): k is string => k !== null))];
    let accepted = 0;
    for (const key of keys) {
      let result: 'accepted' | 'unknown';
      try {
        result = await opts.deliver(key, parsed);
      } catch (e) {
        log.error({ session: session.id, integration: keyHint(key), err: e }, 'storing inbound mail failed');
        throw smtpError(451, '4.3.0 Temporary failure storing the message; try again later');
      }
      if (result === 'accepted') accepted++;
      else log.info({ session: session.id, integration: keyHint(key) }, 'inbound mail for an integration that no longer exists');
    }
    if (accepted === 0) throw smtpError(550, '5.1.1 No integration with this address');
    log.debug({ session: session.id, integrations: accepted, bytes: kept }, 'inbound mail accepted');
    return `OK: delivered to ${accepted} integration${accepted === 1 ? '' : 's'}`;
  }

  const server = new SMTPServer({
    name: opts.name,
    banner: 'Tocsin alert intake',
    // The key in the address is the credential; TLS and AUTH belong to the relay in front.
    disabledCommands: ['AUTH', 'STARTTLS'],
    authOptional: true,
    disableReverseLookup: true,
    size: maxBytes,
    rejectOversized: true,
    maxRecipients: opts.maxRecipients ?? EMAIL_MAX_RECIPIENTS,
    maxClients: 200,
    logger: false,
    onRcptTo(address, _session, callback) {
      const key = keyOfAddress(address.address);
      if (key === null) {
        callback(smtpError(550, '5.1.3 Address must be <integration key>@<any domain>'));
        return;
      }
      if (!opts.lookup) {
        callback();
        return;
      }
      opts.lookup(key).then(
        (known) => callback(known ? undefined : smtpError(550, '5.1.1 No integration with this address')),
        (e: unknown) => {
          log.error({ err: e, integration: keyHint(key) }, 'looking up an inbound mail recipient failed');
          callback(smtpError(451, '4.3.0 Temporary failure; try again later'));
        },
      );
    },
    onData(stream, session, callback) {
      receive(stream, session).then(
        (message) => callback(null, message),
        (e: unknown) => callback(e instanceof Error ? e : smtpError(451, '4.3.0 Temporary failure')),
      );
    },
  });
  server.on('error', (e) => log.warn({ err: e }, 'smtp listener error'));

  await new Promise<void>((resolve, reject) => {
    const onError = (e: Error) => reject(e);
    server.server.once('error', onError);
    server.listen(port, host, () => {
      server.server.off('error', onError);
      resolve();
    });
  });
  const bound = (server.server.address() as AddressInfo).port;
  log.info({ host, port: bound }, 'smtp listener started');

  return {
    port: bound,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

