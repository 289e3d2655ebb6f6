// Email integrations end to end: the real service in-process with its SMTP listener on
// loopback, configured only through the API, and real mail sent with nodemailer.

import nodemailer from 'nodemailer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config.js';
import { silentLogger } from '../../src/platform/log.js';
import { startService, type RunningService } from '../../src/service.js';
import { createTestDatabase, testDialect, type TestDatabase } from '../support/database.js';

const ADMIN_TOKEN = 'tcs_email_test_admin_token_0123456789';
const DOMAIN = 'alerts.example.test';

let tdb: TestDatabase;
let service: RunningService;

beforeEach(async () => {
  tdb = await createTestDatabase({ migrate: false });
  service = await startService(
    loadConfig({
      ...tdb.env,
      TOCSIN_SMTP_LISTEN: '127.0.0.1:0',
      TOCSIN_PORT: '0',
      TOCSIN_HOST: '127.0.0.1',
      TOCSIN_EMAIL_DOMAIN: DOMAIN,
      TOCSIN_ADMIN_TOKEN: ADMIN_TOKEN,
      TOCSIN_ADMIN_PASSWORD: 'email-test-password',
      TOCSIN_LOG_LEVEL: 'warn',
    }),
    silentLogger,
    { announce: () => undefined },
  );
});

afterEach(async () => {
  await service?.stop();
  await tdb?.drop();
});

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const r = await fetch(`${service.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await r.text();
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${text}`);
  return JSON.parse(text) as T;
}

function transport() {
  expect(service.smtpPort).toEqual(expect.any(Number));
  return nodemailer.createTransport({ host: '127.0.0.1', port: service.smtpPort!, secure: false, ignoreTLS: true, tls: { rejectUnauthorized: false } });
}

interface IncidentJson {
  id: string;
  title: string;
  status: string;
  alert_count: number;
  service: { id: string };
}

interface AlertJson {
  id: string;
  incident_id: string | null;
  dedup_key: string;
  status: string;
  event_count: number;
  summary: string;
  source: string;
  custom_details: { body?: string; subject?: string };
}

describe(`email integrations over SMTP on ${testDialect()}`, () => {
  it('turns a mail into an incident titled by its subject; the same subject dedups into its alert', async () => {
    const svc = await api<{ id: string }>('POST', '/api/v1/services', { name: 'Mail service' });
    const integration = await api<{ key: string; email: string; url: string | null }>('POST', `/api/v1/services/${svc.id}/integrations`, {
      type: 'email',
      name: 'Legacy monitor',
      config: { resolve_pattern: '^RESOLVED:' },
    });
    expect(integration.email).toBe(`${integration.key}@${DOMAIN}`);
    expect(integration.url).toBeNull();

    const mail = transport();
    const sent = await mail.sendMail({ from: 'monitor@example.test', to: integration.email, subject: 'Disk full on db1', text: 'The disk /var is 99% full.' });
    expect(sent.accepted).toEqual([integration.email]);
    expect(sent.response).toMatch(/^250 /);

    // The 250 is answered after the commit: the incident is there at once.
    const [inc] = (await api<{ data: IncidentJson[] }>('GET', '/api/v1/incidents')).data;
    expect(inc).toMatchObject({ title: 'Disk full on db1', status: 'triggered', alert_count: 1, service: { id: svc.id } });
    const [alert] = (await api<{ data: AlertJson[] }>('GET', '/api/v1/alerts')).data;
    expect(alert).toMatchObject({ incident_id: inc!.id, dedup_key: 'Disk full on db1', summary: 'Disk full on db1', source: 'monitor@example.test', event_count: 1 });
    expect(alert!.custom_details.body).toContain('The disk /var is 99% full.');

    await mail.sendMail({ from: 'monitor@example.test', to: integration.email, subject: 'Disk full on db1', text: 'Still full.' });
    const alerts = (await api<{ data: AlertJson[] }>('GET', '/api/v1/alerts')).data;
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ id: alert!.id, event_count: 2 });
    expect((await api<{ data: IncidentJson[] }>('GET', '/api/v1/incidents')).data).toHaveLength(1);

    // The configured recovery subject resolves the alert and its incident.
    await mail.sendMail({ from: 'monitor@example.test', to: integration.email, subject: 'RESOLVED: Disk full on db1', text: 'ok' });
    expect((await api<AlertJson>('GET', `/api/v1/alerts/${alert!.id}`)).status).toBe('resolved');
    expect((await api<IncidentJson>('GET', `/api/v1/incidents/${inc!.id}`)).status).toBe('resolved');
    mail.close();
  });

  it('refuses mail for an unknown key, or for a key that is not an email integration, at RCPT', async () => {
    const svc = await api<{ id: string }>('POST', '/api/v1/services', { name: 'Mail service' });
    const webhook = await api<{ key: string }>('POST', `/api/v1/services/${svc.id}/integrations`, { type: 'events_v2' });
    const mail = transport();
    for (const to of [`nosuchkey0000000000000000000000@${DOMAIN}`, `${webhook.key}@${DOMAIN}`]) {
      const err = await mail.sendMail({ from: 'monitor@example.test', to, subject: 'hello', text: 'x' }).then(
        () => null,
        (e: unknown) => e as { responseCode?: number; command?: string },
      );
      expect(err, to).not.toBeNull();
      expect(err!.responseCode).toBe(550);
      expect(err!.command).toBe('RCPT TO');
    }
    expect((await api<{ data: unknown[] }>('GET', '/api/v1/alerts')).data).toEqual([]);
    mail.close();
  });

  it('stores a mail with a known and an unknown recipient for the known one only', async () => {
    const svc = await api<{ id: string }>('POST', '/api/v1/services', { name: 'Mail service' });
    const integration = await api<{ key: string; email: string }>('POST', `/api/v1/services/${svc.id}/integrations`, { type: 'email' });
    const mail = transport();
    const sent = await mail.sendMail({
      from: 'monitor@example.test',
      to: [integration.email, `unknown000000000000000000000000@${DOMAIN}`],
      subject: 'CPU high on web1',
      text: 'load 40',
    });
    expect(sent.accepted).toEqual([integration.email]);
    expect(sent.rejected).toEqual([`unknown000000000000000000000000@${DOMAIN}`]);
    const incidents = (await api<{ data: IncidentJson[] }>('GET', '/api/v1/incidents')).data;
    expect(incidents.map((i) => i.title)).toEqual(['CPU high on web1']);
    mail.close();
  });
});
