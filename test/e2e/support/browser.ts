/**
 * Real Chromium for console tests: Debian's /usr/bin/chromium driven by playwright-core (no
 * browser download). Pages record uncaught errors and CSP violations so tests can assert
 * that there were none, and screenshots go to /tmp, never into the repository.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.TOCSIN_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.join(os.tmpdir(), 'tocsin-e2e-screenshots');

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: install Debian's package (apt-get install -y chromium) or set TOCSIN_CHROMIUM`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

export interface ConsolePage {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions and Content-Security-Policy violations seen so far. */
  problems: string[];
}

export async function openConsole(browser: Browser, baseURL: string, opts: { width?: number; height?: number } = {}): Promise<ConsolePage> {
  const context = await browser.newContext({ baseURL, viewport: { width: opts.width ?? 1280, height: opts.height ?? 820 }, locale: 'en-GB', timezoneId: 'UTC' });
  const origin = new URL(baseURL).origin;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) problems.push(`CSP: ${msg.text()}`);
  });
  return { context, page, problems };
}

/** Saves a full-page PNG under /tmp/tocsin-e2e-screenshots and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
