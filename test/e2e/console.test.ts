/**
 * The web console in real Chromium against the real, built `tocsin` process (run `npm run build`
 * first). Screenshots land in /tmp/tocsin-e2e-screenshots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openConsole, screenshot } from './support/browser.js';
import { startTocsin, type TocsinProcess } from './support/server.js';

const ADMIN_EMAIL = 'admin@tocsin.local';
const ADMIN_PASSWORD = 'correct-horse-battery';

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The e-mail column of the users table, in order. */
async function listedEmails(page: Page): Promise<string[]> {
  return page.getByRole('table', { name: 'Users' }).locator('tbody tr td:nth-child(2)').allTextContents();
}

describe('web console', () => {
  let server: TocsinProcess;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTocsin({ adminPassword: ADMIN_PASSWORD });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('signs in, adds a user and a team, manages a token and signs out; a wrong password shows the problem', { timeout: 120_000 }, async () => {
    const { page, context, problems } = await openConsole(browser, server.url);
    try {
      // Signed out, every address leads to the sign-in page.
      await page.goto('/users');
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/login');
      await screenshot(page, '01-login');

      // A wrong password: the problem's detail, and still on the sign-in page.
      await signIn(page, ADMIN_EMAIL, 'not-the-password');
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('The email or password is wrong');
      await screenshot(page, '02-login-wrong-password');

      // The right one: back where we were going, with the signed-in user in the top bar.
      await page.getByLabel('Password').fill(ADMIN_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Users & teams' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/users');
      expect(await page.getByTestId('signed-in-user').textContent()).toContain('Administrator');
      await page.getByRole('cell', { name: ADMIN_EMAIL }).waitFor();

      // Every section of the navigation leads to its page.
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Escalation policies' }).click();
      await page.getByRole('heading', { name: 'Escalation policies', level: 1 }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/escalation-policies');
      await screenshot(page, '03-escalation-policies');
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Users & teams' }).click();

      // Creating a user: the server's field errors appear beside the fields first.
      await page.getByRole('button', { name: 'Add user' }).click();
      const form = page.getByRole('form', { name: 'Add a user' });
      await form.getByLabel('Email').fill('not-an-email');
      await form.getByRole('button', { name: 'Create user' }).click();
      const emailError = form.locator('[data-field-error]').filter({ hasText: /email/i });
      await emailError.first().waitFor();
      expect(await form.locator('.field--invalid').count()).toBeGreaterThanOrEqual(2); // name (required) and email (format)
      await screenshot(page, '04-create-user-field-errors');

      await form.getByLabel('Name').fill('Grace Hopper');
      await form.getByLabel('Email').fill('grace@example.test');
      await form.getByLabel('Role').selectOption('manager');
      await form.getByLabel('Time zone').fill('America/New_York');
      await form.getByLabel('Password').fill('grace-password-1');
      await form.getByRole('button', { name: 'Create user' }).click();
      await page.getByText('Grace Hopper (grace@example.test) was added as manager.').waitFor();
      await page.getByRole('cell', { name: 'grace@example.test' }).waitFor();
      expect((await listedEmails(page)).sort()).toEqual([ADMIN_EMAIL, 'grace@example.test']);

      // Search narrows the table.
      await page.getByLabel('Search users').fill('grace');
      await expect.poll(() => listedEmails(page)).toEqual(['grace@example.test']);
      await page.getByLabel('Search users').fill('');
      await expect.poll(async () => (await listedEmails(page)).length).toBe(2);

      // A team, with Grace as its manager.
      await page.getByRole('button', { name: 'New team' }).click();
      const teamForm = page.getByRole('form', { name: 'New team' });
      await teamForm.getByLabel('Team name').fill('Platform');
      await teamForm.getByLabel('Description').fill('Databases, queues and the paging path.');
      await teamForm.getByRole('button', { name: 'Create team' }).click();
      const team = page.getByRole('article', { name: 'Team Platform' });
      await team.waitFor();
      await team.getByRole('button', { name: '+ Add member' }).click();
      await team.getByLabel('Person').selectOption({ label: 'Grace Hopper — grace@example.test' });
      await team.getByLabel('Team role').selectOption('manager');
      await team.getByRole('button', { name: 'Add', exact: true }).click();
      await team.getByText('1 member').waitFor();
      expect(await team.locator('.member-list').textContent()).toContain('Grace Hopper');
      await screenshot(page, '05-users-and-teams');

      // API tokens: the secret is shown once, can be copied, works, and stops working when revoked.
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'API tokens' }).click();
      await page.getByRole('heading', { name: 'API tokens' }).waitFor();
      await page.getByRole('button', { name: 'New token' }).click();
      const tokenForm = page.getByRole('form', { name: 'New API token' });
      await tokenForm.getByLabel('Name').fill('CI pipeline');
      await tokenForm.getByLabel('Role').selectOption('responder');
      await tokenForm.getByRole('button', { name: 'Create token' }).click();
      const secretBox = page.getByTestId('token-secret');
      await secretBox.waitFor();
      const secret = await secretBox.inputValue();
      expect(secret.length).toBeGreaterThan(20);
      await page.getByRole('button', { name: 'Copy' }).click();
      await page.getByRole('button', { name: 'Copied' }).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
      await screenshot(page, '06-token-created');

      const asToken = () => fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${secret}` } });
      const me = (await (await asToken()).json()) as { actor: { type: string; role: string } };
      expect(me.actor).toMatchObject({ type: 'token', role: 'responder' });

      await page.getByRole('button', { name: 'I have saved it' }).click();
      expect(await page.getByTestId('token-secret').count()).toBe(0);
      await page.getByRole('button', { name: 'Revoke CI pipeline' }).click();
      await page.getByRole('button', { name: 'Revoke', exact: true }).click();
      await page.getByRole('row', { name: /CI pipeline/ }).getByText('revoked').waitFor();
      expect((await asToken()).status).toBe(401);
      await screenshot(page, '07-tokens-revoked');

      // Signing out returns to the sign-in page, and the session is really gone.
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/login');
      await page.goto('/tokens');
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();

      // The new user signs in with the password the admin gave them.
      await signIn(page, 'grace@example.test', 'grace-password-1');
      await page.getByRole('heading', { name: 'API tokens' }).waitFor();
      expect(await page.getByTestId('signed-in-user').textContent()).toContain('Grace Hopper');
      // A manager may not create users: no such button.
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Users & teams' }).click();
      await page.getByRole('cell', { name: ADMIN_EMAIL }).waitFor();
      expect(await page.getByRole('button', { name: 'Add user' }).count()).toBe(0);

      expect(problems).toEqual([]);
    } catch (err) {
      await screenshot(page, 'zz-failure').catch(() => undefined);
      throw new Error(`${err instanceof Error ? err.message : String(err)}\n--- tocsin output ---\n${server.output().slice(-4000)}`, { cause: err });
    } finally {
      await context.close();
    }
  });

  it('fits a phone-sized screen', { timeout: 60_000 }, async () => {
    const { page, context, problems } = await openConsole(browser, server.url, { width: 390, height: 844 });
    try {
      await page.goto('/');
      await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
      await page.getByRole('heading', { name: 'Who is on call now', level: 1 }).waitFor();
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Users & teams' }).click();
      await page.getByRole('cell', { name: ADMIN_EMAIL }).waitFor();
      // Nothing wider than the screen but the table's own scroll area.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, '08-mobile-users');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('tocsin process', () => {
  it('exits 0 on SIGTERM after a clean shutdown', { timeout: 60_000 }, async () => {
    const server = await startTocsin({ adminPassword: ADMIN_PASSWORD });
    const before = await fetch(`${server.url}/readyz`);
    expect(before.status).toBe(200);
    const exit = await server.stop({ signal: 'SIGTERM' });
    expect(exit, server.output()).toEqual({ code: 0, signal: null });
    expect(server.output()).toMatch(/shutting down/);
    await expect(fetch(`${server.url}/readyz`)).rejects.toThrow();
  });
});
