/**
 * The paging screens of the console in real Chromium against the real, built `tocsin` process
 * (run `npm run build` first): the escalation policy editor, a service's policy, and a
 * person's profile (contact methods and notification rules). People and schedules are seeded
 * over the REST API with TOCSIN_ADMIN_TOKEN; what the editor saved is checked over the API too.
 * Screenshots land in /tmp/tocsin-e2e-screenshots.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, openConsole, screenshot as fullPage } from './support/browser.js';
import { startTocsin, type TocsinProcess } from './support/server.js';

const ADMIN_EMAIL = 'admin@tocsin.local';
const ADMIN_PASSWORD = 'correct-horse-battery';
const ADMIN_TOKEN = 'e2e-admin-token-for-paging-0123456789';
const DAY = 86_400_000;

interface PolicyOut {
  id: string;
  name: string;
  description: string;
  repeat: number;
  levels: { level: number; delay_minutes: number; round_robin: boolean; targets: { type: string; id: string }[] }[];
}
interface MethodOut {
  id: string;
  type: string;
  address: string;
  verified: boolean;
}
interface RuleOut {
  urgency: string;
  start_delay_minutes: number;
  contact_method_id: string;
}

const PEOPLE = {
  ana: { name: 'Ana Lovelace', email: 'ana@example.test' },
  ben: { name: 'Ben Okafor', email: 'ben@example.test' },
  cleo: { name: 'Cleo Park', email: 'cleo@example.test' },
} as const;

async function signIn(page: Page): Promise<void> {
  await page.getByLabel('Email').fill(ADMIN_EMAIL);
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('signed-in-user').waitFor();
}

/** Picks a person or schedule in a level's target search box. */
async function pickTarget(level: Locator, search: string, option: string, shot?: string): Promise<void> {
  const box = level.getByRole('combobox');
  await box.fill(search);
  const choice = level.getByRole('option', { name: new RegExp(option) });
  await choice.waitFor();
  if (shot) await fullPage(level.page(), shot);
  await choice.click();
  await level.getByRole('listitem').filter({ hasText: option }).waitFor();
}

/** A full-page screenshot from the top (so the sticky top bar is drawn where it belongs). */
async function screenshot(page: Page, name: string): Promise<string> {
  await page.evaluate(() => window.scrollTo(0, 0));
  return fullPage(page, name);
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe('paging console', () => {
  let server: TocsinProcess;
  let browser: Browser;
  const ids: Record<'ana' | 'ben' | 'cleo', string> = { ana: '', ben: '', cleo: '' };
  let scheduleId = '';
  let serviceId = '';
  /** A local webhook receiver: what Tocsin posted to it. */
  let hook: http.Server;
  let hookUrl = '';
  const hookBodies: string[] = [];

  async function call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const res = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  }

  async function must<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await call<T>(method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async function policyNamed(name: string): Promise<PolicyOut> {
    const list = await must<{ data: PolicyOut[] }>('GET', `/escalation-policies?q=${encodeURIComponent(name)}`);
    const p = list.data.find((x) => x.name === name);
    if (!p) throw new Error(`no policy named ${name}`);
    return p;
  }

  beforeAll(async () => {
    hook = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        hookBodies.push(body);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/tocsin`;
    // Webhooks to this machine are allowed, so pages can reach the receiver above.
    server = await startTocsin({ adminPassword: ADMIN_PASSWORD, env: { TOCSIN_ADMIN_TOKEN: ADMIN_TOKEN, TOCSIN_ALLOW_PRIVATE_WEBHOOKS: 'true' } });
    browser = await launchBrowser();
    for (const key of ['ana', 'ben', 'cleo'] as const) {
      const p = PEOPLE[key];
      ids[key] = (await must<{ id: string }>('POST', '/users', { name: p.name, email: p.email, role: 'responder', time_zone: 'Europe/London' })).id;
    }
    const start = new Date(Math.floor((Date.now() - 7 * DAY) / 60_000) * 60_000).toISOString();
    scheduleId = (
      await must<{ id: string }>('POST', '/schedules', {
        name: 'Payments primary',
        time_zone: 'Europe/London',
        layers: [{ name: 'Daily', start, users: [ids.ana, ids.ben], rotation: { type: 'daily', handoff_time: '09:00' } }],
      })
    ).id;
    serviceId = (await must<{ id: string }>('POST', '/services', { name: 'Checkout API' })).id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await new Promise((resolve) => (hook ? hook.close(resolve) : resolve(undefined)));
  });

  /** Runs a browser session, adding the server's output and a screenshot to any failure. */
  async function session(name: string, opts: { width?: number; height?: number }, body: (page: Page) => Promise<void>): Promise<void> {
    const { page, context, problems } = await openConsole(browser, server.url, opts);
    try {
      await page.goto('/');
      await signIn(page);
      await body(page);
      expect(problems).toEqual([]);
    } catch (err) {
      await screenshot(page, `paging-zz-failure-${name}`).catch(() => undefined);
      throw new Error(`${err instanceof Error ? err.message : String(err)}\n--- tocsin output ---\n${server.output().slice(-4000)}`, { cause: err });
    } finally {
      await context.close();
    }
  }

  it('creates a two-level policy in the editor, shows field errors, lists it, reopens it unchanged, and links it from a service', { timeout: 120_000 }, async () => {
    await session('policy', {}, async (page) => {
      const nav = page.getByRole('navigation', { name: 'Sections' });
      await nav.getByRole('link', { name: 'Escalation policies' }).click();
      await page.getByRole('heading', { name: 'Escalation policies', level: 1 }).waitFor();
      await page.getByText('No escalation policies yet.').waitFor();

      await page.getByRole('button', { name: 'New policy' }).click();
      const form = page.getByRole('form', { name: 'New escalation policy' });
      await form.getByLabel('Policy name').fill('Payments');
      await form.getByLabel('Description').fill('Primary rota first, then the leads in turn.');

      // Level 1: the schedule and Cleo, 15 minutes.
      const level1 = form.locator('[data-level="1"]');
      await pickTarget(level1, 'Payments', 'Payments primary');
      await pickTarget(level1, 'cleo', PEOPLE.cleo.name);
      await level1.getByLabel('Escalate after (minutes)').fill('15');

      // Level 2: Ana and Ben in turn, with a wait the API refuses.
      await form.getByRole('button', { name: '+ Add level' }).click();
      const level2 = form.locator('[data-level="2"]');
      await pickTarget(level2, 'Ana', PEOPLE.ana.name, 'paging-00-target-picker');
      await pickTarget(level2, 'Ben', PEOPLE.ben.name);
      await level2.getByLabel('Round robin').check();
      await level2.getByLabel('Escalate after (minutes)').fill('0');
      await form.getByLabel('When the last level is not acknowledged').selectOption('2');
      await form.getByRole('button', { name: 'Create policy' }).click();

      // The problem is placed beside level 2's wait, and nothing else is marked.
      const delayError = level2.locator('[data-field-error]');
      await delayError.waitFor();
      expect(await delayError.textContent()).toBe('Must be at least 1');
      expect(await form.locator('.field--invalid').count()).toBe(1);
      expect(await level2.getByLabel('Escalate after (minutes)').getAttribute('aria-invalid')).toBe('true');
      await screenshot(page, 'paging-01-policy-field-error');

      // A level without targets: the error goes beside that level's targets.
      await level2.getByLabel('Escalate after (minutes)').fill('30');
      await form.getByRole('button', { name: '+ Add level' }).click();
      await form.getByRole('button', { name: 'Create policy' }).click();
      const level3 = form.locator('[data-level="3"]');
      await level3.locator('[data-field-error]').waitFor();
      expect(await level3.locator('[data-field-error]').textContent()).toBe('Pick at least one person or schedule');
      await form.getByRole('button', { name: 'Remove level 3' }).click();
      await screenshot(page, 'paging-02-policy-editor');

      await form.getByRole('button', { name: 'Create policy' }).click();
      await page.getByRole('heading', { name: 'Payments', level: 1 }).waitFor();
      expect(new URL(page.url()).pathname).toMatch(/^\/escalation-policies\/.+/);
      const ladder = page.getByRole('list', { name: 'Levels' });
      await ladder.getByText(PEOPLE.ben.name).waitFor();
      expect(await ladder.locator('[data-level]').count()).toBe(2);
      expect(await ladder.textContent()).toContain('Not acknowledged within 15 min: level 2 is paged');
      await screenshot(page, 'paging-03-policy-page');

      // What was stored is what the form said.
      const stored = await policyNamed('Payments');
      expect(stored).toMatchObject({ description: 'Primary rota first, then the leads in turn.', repeat: 2 });
      expect(stored.levels).toEqual([
        {
          level: 1,
          delay_minutes: 15,
          round_robin: false,
          targets: [
            { type: 'schedule', id: scheduleId },
            { type: 'user', id: ids.cleo },
          ],
        },
        {
          level: 2,
          delay_minutes: 30,
          round_robin: true,
          targets: [
            { type: 'user', id: ids.ana },
            { type: 'user', id: ids.ben },
          ],
        },
      ]);

      // Listed, and found by search.
      await nav.getByRole('link', { name: 'Escalation policies' }).click();
      const table = page.getByRole('table', { name: 'Escalation policies' });
      const row = table.getByRole('row', { name: /Payments/ });
      await row.waitFor();
      expect(await row.textContent()).toContain('2 levels');
      expect(await row.textContent()).toContain('Payments primary, Cleo Park');
      await page.getByLabel('Search policies').fill('nothing-like-it');
      await page.getByText('No policy matches “nothing-like-it”.').waitFor();
      await page.getByLabel('Search policies').fill('pay');
      await row.waitFor();
      await screenshot(page, 'paging-04-policies-list');

      // Reopened: the editor shows the same values.
      await row.getByRole('link', { name: 'Payments' }).click();
      await page.getByRole('button', { name: 'Edit policy' }).click();
      const edit = page.getByRole('form', { name: 'Edit Payments' });
      expect(await edit.getByLabel('Policy name').inputValue()).toBe('Payments');
      expect(await edit.getByLabel('Description').inputValue()).toBe('Primary rota first, then the leads in turn.');
      expect(await edit.getByLabel('When the last level is not acknowledged').inputValue()).toBe('2');
      const e1 = edit.locator('[data-level="1"]');
      const e2 = edit.locator('[data-level="2"]');
      expect(await e1.getByLabel('Escalate after (minutes)').inputValue()).toBe('15');
      expect(await e1.getByLabel('Round robin').isChecked()).toBe(false);
      expect(await e1.getByRole('list').textContent()).toMatch(/Payments primary.*Cleo Park/);
      expect(await e2.getByLabel('Escalate after (minutes)').inputValue()).toBe('30');
      expect(await e2.getByLabel('Round robin').isChecked()).toBe(true);
      expect(await e2.getByRole('list').textContent()).toMatch(/Ana Lovelace.*Ben Okafor/);

      // Reordering: level 2 moves up, and that is what is saved.
      await edit.getByRole('button', { name: 'Move level 2 up' }).click();
      expect(await edit.locator('[data-level="1"]').getByLabel('Escalate after (minutes)').inputValue()).toBe('30');
      await edit.getByRole('button', { name: 'Save policy' }).click();
      await page.getByText('The escalation policy was saved.').waitFor();
      const reordered = await policyNamed('Payments');
      expect(reordered.levels.map((l) => [l.delay_minutes, l.targets.map((t) => t.id)])).toEqual([
        [30, [ids.ana, ids.ben]],
        [15, [scheduleId, ids.cleo]],
      ]);

      // A service pages through it: chosen in the service's settings, shown and linked there.
      await page.goto(`/services/${serviceId}`);
      await page.getByRole('heading', { name: 'Checkout API', level: 1 }).waitFor();
      expect(await page.locator('.svc-facts').textContent()).toContain('None: incidents page nobody');
      await page.getByRole('button', { name: 'Edit settings' }).click();
      const svcForm = page.getByRole('form', { name: 'Edit Checkout API' });
      await svcForm.getByLabel('Escalation policy').selectOption({ label: 'Payments' });
      await svcForm.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('The service settings were saved.').waitFor();
      expect((await must<{ escalation_policy_id: string | null }>('GET', `/services/${serviceId}`)).escalation_policy_id).toBe(reordered.id);
      await screenshot(page, 'paging-05-service-policy');
      await page.locator('.svc-facts').getByRole('link', { name: 'Payments' }).click();
      await page.getByRole('heading', { name: 'Payments', level: 1 }).waitFor();
      await page.getByRole('list', { name: 'Services using this policy' }).getByRole('link', { name: 'Checkout API' }).waitFor();

      // It cannot be deleted while a service uses it; the API's reason is shown.
      await page.getByRole('button', { name: 'Edit policy' }).click();
      await page.getByRole('button', { name: 'Delete policy…' }).click();
      await page.getByRole('button', { name: 'Delete Payments' }).click();
      await page.getByRole('alert').filter({ hasText: 'Checkout API' }).waitFor();
    });
  });

  it('adds contact methods and a notification rule on the profile, and an admin sees another person’s profile', { timeout: 120_000 }, async () => {
    await session('profile', {}, async (page) => {
      // The profile is the signed-in person in the top bar.
      await page.getByTestId('signed-in-user').click();
      await page.getByRole('heading', { name: 'Your profile', level: 1 }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/profile');
      // Everyone starts with their sign-in email, paged at once for both urgencies.
      const methods = page.getByRole('list', { name: 'Contact methods' });
      await methods.getByRole('listitem', { name: 'Email: Default' }).waitFor();

      // A bad number: the problem is beside the address.
      await page.getByRole('button', { name: 'Add contact method' }).click();
      const form = page.getByRole('form', { name: 'Add a contact method' });
      await form.getByLabel('Type').selectOption('sms');
      await form.getByLabel('Mobile number').fill('0123');
      await form.getByRole('button', { name: 'Add contact method' }).click();
      const addressError = form.locator('[data-field-error]');
      await addressError.waitFor();
      expect(await addressError.textContent()).toMatch(/E\.164/);
      await screenshot(page, 'paging-06-contact-method-error');

      // SMS: added, and unverified until a code is confirmed.
      await form.getByLabel('Mobile number').fill('+14155550123');
      await form.getByLabel('Label').fill('Mobile');
      await form.getByRole('button', { name: 'Add contact method' }).click();
      const sms = methods.getByRole('listitem', { name: 'SMS: Mobile' });
      await sms.waitFor();
      expect(await sms.textContent()).toContain('Unverified');
      expect(await sms.textContent()).toContain('+14155550123');
      await sms.getByRole('button', { name: 'Verify' }).click();
      await page.getByRole('form', { name: 'Verify Mobile' }).getByRole('button', { name: 'Send code' }).waitFor();

      // Email: verified at once.
      await page.getByRole('button', { name: 'Add contact method' }).click();
      await form.getByLabel('Type').selectOption('email');
      await form.getByLabel('Email address').fill('admin-pager@example.test');
      await form.getByLabel('Label').fill('Work mail');
      await form.getByRole('button', { name: 'Add contact method' }).click();
      const email = methods.getByRole('listitem', { name: 'Email: Work mail' });
      await email.waitFor();
      expect(await email.textContent()).toContain('Verified');

      // Webhook: its signing secret is shown once.
      await page.getByRole('button', { name: 'Add contact method' }).click();
      await form.getByLabel('Type').selectOption('webhook');
      await form.getByLabel('URL').fill('https://hooks.example.com/tocsin');
      await form.getByRole('button', { name: 'Add contact method' }).click();
      const secret = page.getByTestId('webhook-secret');
      await secret.waitFor();
      expect((await secret.inputValue()).length).toBeGreaterThan(16);
      await screenshot(page, 'paging-07-webhook-secret');
      await page.getByRole('button', { name: 'I have saved it' }).click();
      expect(await page.getByTestId('webhook-secret').count()).toBe(0);

      // A rule: high urgency, after 5 minutes, by email.
      const highRules = page.locator('[data-urgency="high"]');
      await highRules.getByRole('listitem', { name: `Immediately, notify via Default (Email, ${ADMIN_EMAIL})` }).waitFor();
      await page.getByRole('button', { name: 'Add rule' }).click();
      const ruleForm = page.getByRole('form', { name: 'New notification rule' });
      await ruleForm.getByLabel('For').selectOption('high');
      await ruleForm.getByLabel('After (minutes)').fill('5');
      await ruleForm.getByLabel('Notify via').selectOption({ label: 'Work mail (Email, admin-pager@example.test)' });
      await ruleForm.getByRole('button', { name: 'Add rule' }).click();
      const rule = highRules.getByRole('listitem', { name: 'After 5 minutes, notify via Work mail (Email, admin-pager@example.test)' });
      await rule.waitFor();
      // Listed in order of their wait, and only under high urgency.
      expect(await highRules.getByRole('listitem').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')))).toEqual([
        `Immediately, notify via Default (Email, ${ADMIN_EMAIL})`,
        'After 5 minutes, notify via Work mail (Email, admin-pager@example.test)',
      ]);
      expect(await page.locator('[data-urgency="low"]').textContent()).not.toContain('Work mail');
      await screenshot(page, 'paging-08-profile');

      const me = await must<{ data: { id: string; email: string }[] }>('GET', `/users?q=${encodeURIComponent(ADMIN_EMAIL)}`);
      const adminId = me.data.find((u) => u.email === ADMIN_EMAIL)!.id;
      const stored = await must<{ data: MethodOut[] }>('GET', `/users/${adminId}/contact-methods`);
      expect(stored.data.find((m) => m.type === 'sms')).toMatchObject({ address: '+14155550123', verified: false });
      const mail = stored.data.find((m) => m.type === 'email' && m.address === 'admin-pager@example.test')!;
      expect((await must<{ data: RuleOut[] }>('GET', `/users/${adminId}/notification-rules`)).data).toContainEqual(
        expect.objectContaining({ urgency: 'high', start_delay_minutes: 5, contact_method_id: mail.id }),
      );

      // Editing the rule.
      await rule.getByRole('button', { name: /^Edit rule/ }).click();
      const editRule = page.getByRole('form', { name: /^Edit: After 5 minutes/ });
      await editRule.getByLabel('After (minutes)').fill('10');
      await editRule.getByRole('button', { name: 'Save rule' }).click();
      await highRules.getByRole('listitem', { name: /^After 10 minutes, notify via Work mail/ }).waitFor();

      // Deleting the SMS method, after a confirmation.
      await sms.getByRole('button', { name: 'Delete Mobile' }).click();
      await sms.getByRole('button', { name: 'Delete', exact: true }).click();
      await sms.waitFor({ state: 'detached' });

      // An admin opens someone else's profile from the users page, and may change it.
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Users & teams' }).click();
      await page.getByRole('table', { name: 'Users' }).getByRole('link', { name: PEOPLE.ana.name }).click();
      await page.getByRole('heading', { name: PEOPLE.ana.name, level: 1 }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/users/${ids.ana}`);
      await page.getByRole('list', { name: 'Contact methods' }).getByRole('listitem', { name: 'Email: Default' }).getByText(PEOPLE.ana.email).waitFor();
      await page.getByRole('button', { name: 'Add contact method' }).waitFor();
      await screenshot(page, 'paging-09-other-profile');
    });
  });

  it('shows on the incident page who was paged, by which method and level, and how delivery went', { timeout: 120_000 }, async () => {
    // Ben is paged by webhook (to the receiver above) and by his default email, which fails:
    // no mail server is configured.
    const ben = ids.ben;
    const webhook = await must<{ id: string }>('POST', `/users/${ben}/contact-methods`, { type: 'webhook', address: hookUrl, label: 'Pager bridge' });
    await must('POST', `/users/${ben}/notification-rules`, { urgency: 'high', start_delay_minutes: 0, contact_method_id: webhook.id });
    const policy = await must<{ id: string }>('POST', '/escalation-policies', { name: 'Billing on call', levels: [{ delay_minutes: 10, targets: [{ type: 'user', id: ben }] }] });
    const billing = await must<{ id: string }>('POST', '/services', { name: 'Billing worker', escalation_policy_id: policy.id });
    const inc = await must<{ id: string; number: number }>('POST', '/incidents', { service_id: billing.id, title: 'Invoices stuck in the queue', urgency: 'high' });

    await session('incident', {}, async (page) => {
      await page.goto(`/incidents/${inc.id}`);
      await page.getByRole('heading', { name: `#${inc.number} Invoices stuck in the queue` }).waitFor();
      const table = page.getByRole('table', { name: 'Notifications' });
      // Both pages go out from jobs after the incident opened: the panel catches up by itself.
      const byWebhook = table.getByRole('row', { name: /Pager bridge/ });
      const byEmail = table.getByRole('row', { name: /Default/ });
      await expect.poll(async () => byWebhook.locator('[data-status]').getAttribute('data-status'), { timeout: 20_000 }).toMatch(/^(sent|delivered)$/);
      await expect.poll(async () => byEmail.locator('[data-status]').getAttribute('data-status'), { timeout: 20_000 }).toBe('failed');
      expect(await byWebhook.textContent()).toContain(PEOPLE.ben.name);
      expect(await byWebhook.textContent()).toContain('Level 1');
      expect(await byEmail.textContent()).toContain('email is not configured');
      expect(hookBodies.some((b) => b.includes('Invoices stuck in the queue'))).toBe(true);
      // The agreeing API answer.
      const api = await must<{ notifications: { contact_label: string; status: string; level: number | null; user_name: string | null }[] }>('GET', `/incidents/${inc.id}/notifications`);
      expect(api.notifications.find((n) => n.contact_label.startsWith('Pager bridge'))).toMatchObject({ level: 1, user_name: PEOPLE.ben.name });
      // The timeline tells the same story in words.
      await page.locator('.inc-tl[data-type^="notification."]').first().waitFor({ timeout: 20_000 });
      await screenshot(page, 'paging-14-incident-notifications');

      // Resolved: nothing more goes out, and the panel stays.
      await page.getByRole('button', { name: 'Resolve', exact: true }).click();
      await page.getByTestId('incident-headline').getByText('Resolved').waitFor();
      expect(await table.getByRole('row').count()).toBeGreaterThanOrEqual(3);
    });

    await session('incident-phone', { width: 390, height: 844 }, async (page) => {
      await page.goto(`/incidents/${inc.id}`);
      await page.getByRole('table', { name: 'Notifications' }).getByText('Pager bridge').waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, 'paging-15-phone-incident-notifications');
    });
  });

  it('fits a phone-sized screen', { timeout: 90_000 }, async () => {
    await session('phone', { width: 390, height: 844 }, async (page) => {
      const nav = page.getByRole('navigation', { name: 'Sections' });
      await nav.getByRole('link', { name: 'Escalation policies' }).click();
      await page.getByRole('table', { name: 'Escalation policies' }).getByRole('link', { name: 'Payments' }).waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, 'paging-10-phone-policies');

      await page.getByRole('table', { name: 'Escalation policies' }).getByRole('link', { name: 'Payments' }).click();
      await page.getByRole('list', { name: 'Levels' }).waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, 'paging-11-phone-policy');

      await page.getByRole('button', { name: 'Edit policy' }).click();
      await page.getByRole('form', { name: 'Edit Payments' }).waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, 'paging-12-phone-policy-editor');

      await page.getByTestId('signed-in-user').click();
      await page.getByRole('list', { name: 'Contact methods' }).waitFor();
      await page.locator('[data-urgency="high"]').getByRole('listitem').first().waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, 'paging-13-phone-profile');
    });
  });
});
