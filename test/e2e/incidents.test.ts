/**
 * Incidents and services in real Chromium against the real, built `tocsin` process (run
 * `npm run build` first). A service and its Events API v2 integration are made through the
 * pages; events then arrive over /v2/enqueue from the test, as a monitoring tool would send
 * them, and the open page must follow them live (server-sent events), without a reload.
 * Screenshots land in /tmp/tocsin-e2e-screenshots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openConsole, screenshot } from './support/browser.js';
import { startTocsin, type TocsinProcess } from './support/server.js';

const ADMIN_EMAIL = 'admin@tocsin.local';
const ADMIN_PASSWORD = 'correct-horse-battery';
const ADMIN_TOKEN = 'e2e-admin-token-for-incidents-0123456789';

interface WindowOut {
  id: string;
  description: string;
  condition: string | null;
  state: string;
  service_ids: string[];
  start: string;
  end: string;
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Marks the document, so a later check can tell that the page was never reloaded. */
async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __tocsinMark?: boolean }).__tocsinMark = true;
  });
}

async function stillSameDocument(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { __tocsinMark?: boolean }).__tocsinMark === true);
}

/** A full-page screenshot from the top (the sticky top bar stays where it belongs). */
async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

/** Nothing on the page is wider than the screen. */
async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe('incidents and services pages', () => {
  let server: TocsinProcess;
  let browser: Browser;
  let serviceId = '';
  let incidentId = '';

  async function call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  }

  /** What a monitoring tool does: an Events API v2 event, no credentials but the routing key. */
  async function enqueue(routingKey: string, action: 'trigger' | 'resolve', dedupKey: string, summary = ''): Promise<void> {
    const res = await fetch(`${server.url}/v2/enqueue`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        routing_key: routingKey,
        event_action: action,
        dedup_key: dedupKey,
        ...(action === 'trigger' ? { payload: { summary, source: 'db1', severity: 'critical' } } : {}),
      }),
    });
    expect(res.status, await res.clone().text()).toBe(202);
  }

  beforeAll(async () => {
    server = await startTocsin({ adminPassword: ADMIN_PASSWORD, env: { TOCSIN_ADMIN_TOKEN: ADMIN_TOKEN } });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Runs a browser session, adding the server's output and a screenshot to any failure. */
  async function session(opts: { width?: number; height?: number }, name: string, body: (page: Page) => Promise<void>): Promise<void> {
    const { page, context, problems } = await openConsole(browser, server.url, opts);
    try {
      await body(page);
      expect(problems).toEqual([]);
    } catch (err) {
      await screenshot(page, `incidents-zz-failure-${name}`).catch(() => undefined);
      throw new Error(`${err instanceof Error ? err.message : String(err)}\n--- tocsin output ---\n${server.output().slice(-4000)}`, { cause: err });
    } finally {
      await context.close();
    }
  }

  it('creates a service and an integration, follows an incident live from trigger to resolve, and schedules maintenance', { timeout: 180_000 }, async () => {
    await session({}, 'desktop', async (page) => {
      await page.goto('/services');
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
      await page.getByRole('heading', { name: 'Services', level: 1 }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/services');
      await page.getByText('No services yet.').waitFor();

      // A service, through the form; the server's field errors show beside the fields first.
      await page.getByRole('button', { name: 'New service' }).click();
      const form = page.getByRole('form', { name: 'New service' });
      await form.getByLabel('Group alerts').selectOption('time');
      await form.getByRole('button', { name: 'Create service' }).click();
      await form.locator('.field--invalid').getByText('Required').waitFor(); // the name
      await form.getByLabel('Service name').fill('Checkout API');
      await form.getByLabel('Description').fill('Payments and the basket, behind the EU load balancer.');
      await form.getByRole('button', { name: 'Create service' }).click();
      // Time grouping without a window: the server's rule, beside the window field.
      await form.locator('.field--invalid').getByText('Is required for time grouping').waitFor();
      expect(await form.locator('[data-field-error]').count()).toBe(1);
      await shot(page, 'incidents-01-service-form-errors');
      await form.getByLabel('Window (minutes)').fill('10');
      await form.getByLabel('Auto-resolve after (minutes)').fill('240');
      await form.getByRole('button', { name: 'Create service' }).click();
      await page.getByRole('heading', { name: 'Checkout API', level: 1 }).waitFor();
      serviceId = new URL(page.url()).pathname.split('/').pop()!;
      const svc = await call<{ name: string; alert_grouping: { type: string; window_minutes: number }; auto_resolve_timeout: number }>('GET', `/api/v1/services/${serviceId}`);
      expect(svc.status).toBe(200);
      expect(svc.body).toMatchObject({ name: 'Checkout API', alert_grouping: { type: 'time', window_minutes: 10 }, auto_resolve_timeout: 14_400 });
      await page.getByText('Within 10 min').waitFor();

      // An Events API v2 integration: its key and URL are shown once, with copy buttons.
      await page.getByRole('button', { name: 'Add integration' }).click();
      const addForm = page.getByRole('form', { name: 'Add an integration' });
      await addForm.getByLabel('Type').selectOption('events_v2');
      await addForm.getByLabel('Integration name').fill('Datadog');
      await addForm.getByRole('button', { name: 'Create integration' }).click();
      const created = page.getByTestId('integration-created');
      await created.waitFor();
      expect(await created.textContent()).toMatch(/Shown once/);
      const routingKey = await page.getByTestId('integration-key').inputValue();
      expect(routingKey).toMatch(/^[a-z0-9]{32}$/);
      expect(await page.getByTestId('integration-url').inputValue()).toBe(`${server.url}/v2/enqueue`);
      await created.getByRole('button', { name: 'Copy integration key (routing_key)' }).click();
      await created.getByRole('button', { name: 'Copied' }).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(routingKey);
      await shot(page, 'incidents-02-integration-created');
      await created.getByRole('button', { name: 'I have copied it' }).click();
      await page.getByRole('listitem', { name: 'Integration Datadog' }).getByText(`…${routingKey.slice(-4)}`).waitFor();
      expect(await page.getByTestId('integration-key').count()).toBe(0);

      // The incidents list, connected to the live stream.
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Incidents' }).click();
      await page.getByRole('heading', { name: 'Incidents', level: 1 }).waitFor();
      await page.locator('[data-live-state="live"]').waitFor();
      await page.getByText('No open incidents. All quiet.').waitFor();
      await markDocument(page);

      // A monitoring tool triggers: the incident appears without a reload.
      await enqueue(routingKey, 'trigger', 'disk/db1', 'Disk 95% full on db1');
      const table = page.getByRole('table', { name: 'Incidents' });
      const row = table.getByRole('row', { name: /Disk 95% full on db1/ });
      await row.waitFor();
      expect(await row.getByText('Triggered').count()).toBe(1);
      expect(await row.getByText('Checkout API').count()).toBe(1);
      expect(await stillSameDocument(page)).toBe(true);
      // The created time is relative, with the exact time on hover.
      expect(await row.locator('time').getAttribute('title')).toMatch(/\d{2}:\d{2}/);
      await shot(page, 'incidents-03-list-live');

      // The incident page.
      await row.getByRole('link', { name: 'Disk 95% full on db1' }).click();
      await page.getByRole('heading', { name: '#1 Disk 95% full on db1', level: 1 }).waitFor();
      incidentId = new URL(page.url()).pathname.split('/').pop()!;
      const alerts = page.getByRole('table', { name: 'Alerts' });
      await alerts.getByRole('row', { name: /Disk 95% full on db1/ }).getByText('opened this incident').waitFor();
      await page.locator('[data-live-state="live"]').waitFor();

      // Acknowledge through the page.
      const headline = page.getByTestId('incident-headline');
      await page.getByRole('region', { name: 'Actions' }).getByRole('button', { name: 'Acknowledge', exact: true }).click();
      await headline.locator('[data-status="acknowledged"]').waitFor();
      const timeline = page.getByRole('list', { name: 'Timeline entries' });
      await timeline.locator('[data-type="incident.acknowledged"]').getByText('Acknowledged by Administrator').waitFor();

      // A snooze the server refuses: its problem shows beside the field.
      await page.getByRole('button', { name: 'Snooze…' }).click();
      const snooze = page.getByRole('form', { name: 'Snooze' });
      await snooze.getByLabel('For').selectOption('custom');
      await snooze.getByLabel('Minutes').fill('0');
      await snooze.getByRole('button', { name: 'Snooze' }).click();
      await snooze.locator('[data-field-error]').getByText('Must be at least 1 min').waitFor();
      await snooze.getByRole('button', { name: 'Cancel' }).click();

      // A note, on the timeline above the acknowledgement (newest first).
      await page.getByLabel('Note for the responders').fill('Rotated the logs on db1; watching the disk.');
      await page.getByRole('button', { name: 'Add note' }).click();
      await timeline.locator('[data-type="note"]').getByText('Rotated the logs on db1; watching the disk.').waitFor();
      const types = await timeline.locator('li').evaluateAll((els) => els.map((el) => el.getAttribute('data-type')));
      // Paging entries (escalation notes, deliveries) interleave; the incident's own story is in order.
      expect(types.filter((t) => !/^(notification|escalation)\./.test(t ?? '')).slice(0, 3)).toEqual(['note', 'incident.acknowledged', 'incident.triggered']);
      expect(await timeline.locator('[data-type="note"]').textContent()).toContain('Administrator');
      await shot(page, 'incidents-04-incident-acknowledged');

      // The tool resolves: the page follows live.
      await markDocument(page);
      await enqueue(routingKey, 'resolve', 'disk/db1');
      await headline.locator('[data-status="resolved"]').waitFor();
      await timeline.locator('[data-type="incident.resolved"]').waitFor();
      await alerts.getByRole('row', { name: /Disk 95% full on db1/ }).locator('[data-status="resolved"]').waitFor();
      expect(await stillSameDocument(page)).toBe(true);
      const api = await call<{ status: string; resolve_reason: string }>('GET', `/api/v1/incidents/${incidentId}`);
      expect(api.body).toMatchObject({ status: 'resolved', resolve_reason: 'source' });
      await shot(page, 'incidents-05-incident-resolved');

      // The list shows open incidents by default; the "Resolved" chip brings it back.
      await page.getByRole('link', { name: 'Incidents', exact: true }).first().click();
      await page.getByText('No open incidents. All quiet.').waitFor();
      await page.getByRole('button', { name: 'Resolved', exact: true }).click();
      await table.getByRole('row', { name: /Disk 95% full on db1/ }).getByText('Resolved').waitFor();
      expect(new URL(page.url()).search).toContain('status=resolved');

      // A manual incident through the form; it lands on its page.
      await page.getByRole('button', { name: 'New incident' }).click();
      const newInc = page.getByRole('form', { name: 'New incident' });
      await newInc.getByRole('button', { name: 'Create incident' }).click();
      await newInc.locator('[data-field-error]').first().waitFor();
      await newInc.getByLabel('Service').selectOption({ label: 'Checkout API' });
      await newInc.getByLabel('Title').fill('Customers report failed card payments');
      await newInc.getByLabel('Urgency').selectOption('low');
      await newInc.getByRole('button', { name: 'Create incident' }).click();
      await page.getByRole('heading', { name: '#2 Customers report failed card payments', level: 1 }).waitFor();
      await page.getByText('No alerts: this incident was opened by hand.').waitFor();

      // Back on the list, it can be acknowledged in its row.
      await page.getByRole('link', { name: 'Incidents', exact: true }).first().click();
      const manual = table.getByRole('row', { name: /Customers report failed card payments/ });
      await manual.getByRole('button', { name: 'Acknowledge #2' }).click();
      await manual.locator('[data-status="acknowledged"]').waitFor();
      expect(await manual.getByRole('button', { name: 'Acknowledge #2' }).count()).toBe(0);
      await manual.getByRole('button', { name: 'Resolve #2' }).waitFor();

      // Maintenance for the service: a bad condition is refused beside its field, then a good one.
      await manual.getByRole('link', { name: 'Checkout API' }).click();
      await page.getByRole('heading', { name: 'Checkout API', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Schedule maintenance' }).click();
      const mw = page.getByRole('form', { name: 'Schedule maintenance' });
      await mw.getByLabel('Description').fill('Database failover drill');
      await mw.getByRole('button', { name: 'End 2 h after the start' }).click();
      await mw.getByLabel('Only events matching').fill("event.source ==");
      await mw.getByRole('button', { name: 'Schedule', exact: true }).click();
      await mw.locator('[data-field-error]').getByText(/syntax error/i).waitFor();
      await shot(page, 'incidents-06-maintenance-error');
      await mw.getByLabel('Only events matching').fill("event.source == 'db1'");
      await mw.getByRole('button', { name: 'Schedule', exact: true }).click();
      await page.getByText('The window is active now.').waitFor();
      const active = page.locator('[data-state="active"]');
      await active.getByText('Database failover drill').waitFor();
      const windows = await call<{ data: WindowOut[] }>('GET', `/api/v1/maintenance-windows?service_id=${serviceId}&state=active`);
      expect(windows.status).toBe(200);
      expect(windows.body.data).toHaveLength(1);
      const w = windows.body.data[0]!;
      expect(w).toMatchObject({ description: 'Database failover drill', condition: "event.source == 'db1'", state: 'active', service_ids: [serviceId] });
      const hours = (Date.parse(w.end) - Date.parse(w.start)) / 3_600_000;
      expect(hours).toBeGreaterThan(1.9);
      expect(hours).toBeLessThan(2.1);
      await shot(page, 'incidents-07-service-page');

      // Ending it early moves it to the past.
      await active.getByRole('button', { name: 'End early…' }).click();
      await active.getByRole('button', { name: 'End now' }).click();
      await page.locator('[data-state="past"]').getByText('ended early').waitFor();
      const ended = await call<WindowOut & { ended_early: boolean }>('GET', `/api/v1/maintenance-windows/${w.id}`);
      expect(ended.body).toMatchObject({ state: 'past', ended_early: true });
    });
  });

  it('tries generic templates, edits the service and works an incident with every command', { timeout: 180_000 }, async () => {
    const grace = await call<{ id: string }>('POST', '/api/v1/users', { name: 'Grace Hopper', email: 'grace@example.test', role: 'responder', time_zone: 'Europe/London' });
    expect(grace.status).toBe(201);
    const made = await call<{ id: string }>('POST', '/api/v1/services', { name: 'Storage' });
    expect(made.status).toBe(201);
    const storageId = made.body.id;

    await session({}, 'commands', async (page) => {
      await page.goto(`/services/${storageId}`);
      await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
      await page.getByRole('heading', { name: 'Storage', level: 1 }).waitFor();

      // A generic webhook: its URL carries the key.
      await page.getByRole('button', { name: 'Add integration' }).click();
      const addForm = page.getByRole('form', { name: 'Add an integration' });
      await addForm.getByLabel('Type').selectOption('generic');
      await addForm.getByLabel('Integration name').fill('Nagios');
      await addForm.getByRole('button', { name: 'Create integration' }).click();
      const key = await page.getByTestId('integration-key').inputValue();
      const url = await page.getByTestId('integration-url').inputValue();
      expect(url).toBe(`${server.url}/integrations/generic/${key}`);
      await page.getByRole('button', { name: 'I have copied it' }).click();

      // Templates: a broken one is named beside its field; good ones render the sample.
      const item = page.getByRole('listitem', { name: 'Integration Nagios' });
      await item.getByRole('button', { name: 'Templates & dry run' }).click();
      const dry = page.getByRole('form', { name: 'Templates of Nagios' });
      await dry.getByLabel('summary').fill('{{ body.check');
      await dry.getByRole('button', { name: 'Render sample' }).click();
      await dry.locator('.field--invalid').getByLabel('summary').waitFor();
      await dry.getByLabel('summary').fill('{{ body.check }} on {{ body.host }}');
      await dry.getByLabel('dedup_key').fill('{{ body.host }}/{{ body.check }}');
      await dry.getByLabel('action').fill('{{ body.state }}');
      await dry.getByLabel('severity').fill('{{ body.level }}');
      await dry.getByRole('button', { name: 'Render sample' }).click();
      const rendered = dry.getByRole('table', { name: 'Rendered fields' });
      await dry.getByText('This sample makes a valid event').waitFor();
      expect(await rendered.getByRole('row', { name: /summary/ }).textContent()).toContain('disk on db1');
      expect(await rendered.getByRole('row', { name: /severity/ }).textContent()).toContain('error'); // "high" is an alias
      expect(await rendered.getByRole('row', { name: /dedup_key/ }).textContent()).toContain('db1/disk');
      await dry.getByRole('button', { name: 'Save templates' }).click();
      await dry.getByText('Templates saved').waitFor();
      await shot(page, 'incidents-11-generic-dry-run');
      const integrations = await call<{ data: Array<{ name: string; config: Record<string, string> }> }>('GET', `/api/v1/services/${storageId}/integrations`);
      expect(integrations.body.data.find((i) => i.name === 'Nagios')?.config).toMatchObject({ summary: '{{ body.check }} on {{ body.host }}', dedup_key: '{{ body.host }}/{{ body.check }}' });

      // Settings: urgency by severity.
      await page.getByRole('button', { name: 'Edit settings' }).click();
      const edit = page.getByRole('form', { name: 'Edit Storage' });
      await edit.getByLabel('Incidents are').selectOption('severity');
      await edit.getByLabel('Warning alerts').selectOption('high');
      await edit.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('The service settings were saved.').waitFor();
      await page.getByText(/By severity \(critical high, error high, warning high, info low\)/).waitFor();

      // Two incidents from the webhook, as the monitoring would send them.
      for (const host of ['db1', 'db2']) {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ check: 'disk', host, state: 'firing', level: 'high' }) });
        expect(res.status).toBe(202);
      }
      const list = await call<{ data: Array<{ id: string; number: number; title: string }> }>('GET', `/api/v1/incidents?service_id=${storageId}`);
      const main = list.body.data.find((i) => i.title === 'disk on db1')!;
      const other = list.body.data.find((i) => i.title === 'disk on db2')!;
      await page.goto(`/incidents/${main.id}`);
      await page.getByRole('heading', { name: `#${main.number} disk on db1`, level: 1 }).waitFor();
      const timeline = page.getByRole('list', { name: 'Timeline entries' });
      const headline = page.getByTestId('incident-headline');

      // Reassign to Grace.
      await page.getByRole('button', { name: 'Reassign…' }).click();
      const reassign = page.getByRole('form', { name: 'Reassign' });
      await reassign.getByLabel('Assign to').selectOption({ label: 'Grace Hopper — grace@example.test' });
      await reassign.getByRole('button', { name: 'Reassign' }).click();
      await timeline.locator('[data-type="incident.reassigned"]').waitFor();
      await page.getByRole('region', { name: 'Details' }).getByText('Grace Hopper').waitFor();

      // Escalate to level 2.
      await page.getByRole('button', { name: 'Escalate…' }).click();
      const escalate = page.getByRole('form', { name: 'Escalate' });
      await escalate.getByLabel('Level').fill('2');
      await escalate.getByRole('button', { name: 'Escalate' }).click();
      await timeline.locator('[data-type="incident.escalated"]').getByText(/level 2/).waitFor();

      // Urgency and priority.
      await page.getByRole('button', { name: 'Urgency & priority…' }).click();
      const up = page.getByRole('form', { name: 'Urgency & priority' });
      await up.getByLabel('Urgency').selectOption('low');
      await up.getByLabel('Priority').fill('P2');
      await up.getByRole('button', { name: 'Save' }).click();
      await headline.getByText('P2').waitFor();
      await headline.getByText('Low').waitFor();

      // Merge the db2 incident into this one: its alert moves here.
      await page.getByRole('button', { name: 'Merge…' }).click();
      const merge = page.getByRole('form', { name: `Merge another incident into #${main.number}` });
      await merge.getByLabel('Incident to merge').selectOption(other.id);
      await shot(page, 'incidents-12-merge-form');
      await merge.getByRole('button', { name: 'Merge' }).click();
      await timeline.locator('[data-type="incident.merged"]').waitFor();
      await page.getByRole('table', { name: 'Alerts' }).getByRole('row', { name: /disk on db2/ }).waitFor();
      const merged = await call<{ status: string; resolve_reason: string; merged_into_id: string }>('GET', `/api/v1/incidents/${other.id}`);
      expect(merged.body).toMatchObject({ status: 'resolved', resolve_reason: 'merged', merged_into_id: main.id });

      // A status update for stakeholders.
      await page.getByRole('group', { name: 'Kind of entry' }).getByRole('button', { name: 'Status update' }).click();
      await page.getByLabel('Update for stakeholders').fill('Disks on db1 and db2 are being expanded; no customer impact.');
      await page.getByRole('button', { name: 'Post status update' }).click();
      await timeline.locator('[data-type="status_update"]').getByText('no customer impact').waitFor();

      // Acknowledge, then snooze for 15 minutes.
      await page.getByRole('region', { name: 'Actions' }).getByRole('button', { name: 'Acknowledge', exact: true }).click();
      await headline.locator('[data-status="acknowledged"]').waitFor();
      await page.getByRole('button', { name: 'Snooze…' }).click();
      const snooze = page.getByRole('form', { name: 'Snooze' });
      await snooze.getByLabel('For').selectOption('15');
      await snooze.getByRole('button', { name: 'Snooze' }).click();
      await timeline.locator('[data-type="incident.snoozed"]').waitFor();
      await page.getByRole('region', { name: 'Details' }).getByText('Snoozed until').waitFor();
      const after = await call<{ urgency: string; priority: string; assignees: string[]; escalation_level: number; snoozed_until: string | null; alert_count: number }>('GET', `/api/v1/incidents/${main.id}`);
      expect(after.body).toMatchObject({ urgency: 'low', priority: 'P2', assignees: [grace.body.id], alert_count: 2 });
      expect(after.body.snoozed_until).not.toBeNull();
      await shot(page, 'incidents-13-incident-worked');
    });
  });

  it('fits a phone-sized screen', { timeout: 90_000 }, async () => {
    await session({ width: 390, height: 844 }, 'phone', async (page) => {
      await page.goto('/incidents?status=any');
      await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
      await page.getByRole('heading', { name: 'Incidents', level: 1 }).waitFor();
      await page.getByRole('table', { name: 'Incidents' }).getByText('Disk 95% full on db1').waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await shot(page, 'incidents-08-phone-list');

      await page.goto(`/incidents/${incidentId}`);
      await page.getByRole('heading', { name: '#1 Disk 95% full on db1', level: 1 }).waitFor();
      await page.getByRole('list', { name: 'Timeline entries' }).locator('[data-type="note"]').waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await shot(page, 'incidents-09-phone-incident');

      await page.goto(`/services/${serviceId}`);
      await page.getByRole('heading', { name: 'Checkout API', level: 1 }).waitFor();
      await page.getByRole('listitem', { name: 'Integration Datadog' }).waitFor();
      await page.locator('[data-state="past"]').getByText('Database failover drill').waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await shot(page, 'incidents-10-phone-service');
    });
  });
});
