/**
 * On-call pages in real Chromium against the real, built `tocsin` process (run `npm run build`
 * first): the home page, the schedules list and form, a schedule's timeline, overrides, time
 * off and shift swaps. Data is seeded over the REST API with TOCSIN_ADMIN_TOKEN; every
 * expectation about who is on call comes from the API, never from the clock of the test.
 * Screenshots land in /tmp/tocsin-e2e-screenshots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openConsole, screenshot } from './support/browser.js';
import { startTocsin, type TocsinProcess } from './support/server.js';

const ADMIN_EMAIL = 'admin@tocsin.local';
const ADMIN_PASSWORD = 'correct-horse-battery';
const ADMIN_TOKEN = 'e2e-admin-token-for-schedules-0123456789';
const DAY = 86_400_000;

interface UserOut {
  id: string;
  name: string;
  email: string;
}
interface ShiftOut {
  user: UserOut;
  start: string;
  end: string;
  source: string;
}
interface OverrideOut {
  id: string;
  user: UserOut;
  start: string;
  end: string;
  source: string;
  swap_id: string | null;
}
interface BarInfo {
  user: string;
  start: string;
  end: string;
}

const PEOPLE = {
  ana: { name: 'Ana Lovelace', email: 'ana@example.test', password: 'ana-password-1', time_zone: 'America/New_York' },
  ben: { name: 'Ben Okafor', email: 'ben@example.test', password: 'ben-password-1', time_zone: 'Europe/London' },
  cleo: { name: 'Cleo Park', email: 'cleo@example.test', password: 'cleo-password-1', time_zone: 'Europe/London' },
} as const;

/** "2026-11-22T00:00" for an instant, on `zone`'s wall clock (what a datetime-local shows). */
function wallClock(iso: string, zone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
}

/** The bars drawn in one row of the timeline ('final', 'overrides' or 'layer'). */
async function bars(page: Page, row: 'final' | 'overrides' | 'layer'): Promise<BarInfo[]> {
  return page.locator(`[data-row="${row}"] .tl-bar`).evaluateAll((els) =>
    els.map((el) => ({ user: el.getAttribute('data-user') ?? '', start: el.getAttribute('data-start') ?? '', end: el.getAttribute('data-end') ?? '' })),
  );
}

function finalBar(page: Page, bar: BarInfo) {
  return page.locator(`[data-row="final"] button.tl-bar[data-start="${bar.start}"][data-user="${bar.user}"]`);
}

/** Nothing on the page is wider than the screen (the timeline scrolls inside its own box). */
async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe('on-call pages', () => {
  let server: TocsinProcess;
  let browser: Browser;
  const ids: Record<'ana' | 'ben' | 'cleo', string> = { ana: '', ben: '', cleo: '' };
  let scheduleId = '';

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

  /** Final shifts of the schedule from the API. */
  async function finalShifts(since: number, until: number): Promise<ShiftOut[]> {
    const q = `since=${encodeURIComponent(new Date(since).toISOString())}&until=${encodeURIComponent(new Date(until).toISOString())}`;
    return (await must<{ final: ShiftOut[] }>('GET', `/schedules/${scheduleId}/shifts?${q}`)).final;
  }

  /**
   * Opens the schedule's week containing `at` (London calendar date in the address) and waits
   * for its final row.
   */
  async function openWeekOf(page: Page, at: string): Promise<void> {
    await page.goto(`/schedules/${scheduleId}?date=${wallClock(at, 'Europe/London').slice(0, 10)}`);
    await page.locator('[data-row="final"] .tl-bar').first().waitFor();
  }

  beforeAll(async () => {
    server = await startTocsin({ adminPassword: ADMIN_PASSWORD, env: { TOCSIN_ADMIN_TOKEN: ADMIN_TOKEN } });
    browser = await launchBrowser();
    for (const key of ['ana', 'ben', 'cleo'] as const) {
      const p = PEOPLE[key];
      ids[key] = (await must<UserOut>('POST', '/users', { name: p.name, email: p.email, role: 'responder', time_zone: p.time_zone, password: p.password })).id;
    }
    // A daily rotation of Ana and Ben in London, handing off at 09:00, running for a week already.
    const start = new Date(Math.floor((Date.now() - 7 * DAY) / 60_000) * 60_000).toISOString();
    scheduleId = (
      await must<{ id: string }>('POST', '/schedules', {
        name: 'Payments primary',
        time_zone: 'Europe/London',
        layers: [{ name: 'Daily', start, users: [ids.ana, ids.ben], rotation: { type: 'daily', handoff_time: '09:00' } }],
      })
    ).id;
    // Weekend-only cover: nobody on weekdays, so the list flags a gap.
    await must('POST', '/schedules', {
      name: 'Weekend cover',
      time_zone: 'Europe/London',
      layers: [
        {
          name: 'Weekends',
          start,
          users: [ids.cleo],
          rotation: { type: 'weekly', handoff_time: '09:00' },
          restrictions: [{ type: 'weekly', start_day: 6, start_time: '00:00', duration_minutes: 2880 }],
        },
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Runs a browser session, adding the server's output and a screenshot to any failure. */
  async function session(opts: { width?: number; height?: number }, body: (page: Page) => Promise<void>): Promise<void> {
    const { page, context, problems } = await openConsole(browser, server.url, opts);
    try {
      await body(page);
      expect(problems).toEqual([]);
    } catch (err) {
      await screenshot(page, 'oncall-zz-failure').catch(() => undefined);
      throw new Error(`${err instanceof Error ? err.message : String(err)}\n--- tocsin output ---\n${server.output().slice(-4000)}`, { cause: err });
    } finally {
      await context.close();
    }
  }

  it('lands on "who is on call now", lists schedules and checks the new-schedule form', { timeout: 120_000 }, async () => {
    await session({}, async (page) => {
      await page.goto('/');
      await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
      await page.getByRole('heading', { name: 'Who is on call now', level: 1 }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/on-call');
      const nav = page.getByRole('navigation', { name: 'Sections' });
      expect((await nav.getByRole('link').first().textContent())?.trim()).toBe('On call now');

      // The expectation comes from the API, not from the test's own arithmetic.
      const oncalls = await must<{ data: { schedule: { id: string }; user: UserOut; end: string }[] }>('GET', `/oncalls?schedule_ids=${scheduleId}`);
      expect(oncalls.data).toHaveLength(1);
      const now = oncalls.data[0]!;
      const card = page.getByRole('article', { name: 'On call for Payments primary' });
      await expect.poll(() => card.getByTestId('oncall-now-name').textContent()).toContain(now.user.name);
      // Next is the other person of the rotation.
      const other = now.user.id === ids.ana ? PEOPLE.ben.name : PEOPLE.ana.name;
      await expect.poll(() => card.getByTestId('oncall-next').textContent()).toContain(other);
      // Nobody is on call in the weekend-only schedule on a weekday; the page says either way.
      const weekend = page.getByRole('article', { name: 'On call for Weekend cover' });
      const weekendNow = await must<{ data: { user: UserOut }[] }>('GET', `/oncalls?schedule_ids=${encodeURIComponent((await scheduleNamed('Weekend cover')).id)}`);
      await expect.poll(() => weekend.getByTestId('oncall-now-name').textContent()).toContain(weekendNow.data[0]?.user.name ?? 'Nobody');
      await screenshot(page, 'oncall-01-home');

      // The list: zone, who is on call now, and the gap badge only where there is a gap.
      await nav.getByRole('link', { name: 'Schedules' }).click();
      const table = page.getByRole('table', { name: 'Schedules' });
      const payments = table.getByRole('row', { name: /Payments primary/ });
      await payments.waitFor();
      expect(await payments.textContent()).toContain('Europe/London');
      await expect.poll(() => payments.textContent()).toContain(now.user.name);
      expect(await payments.locator('.badge--warning').count()).toBe(0);
      await table.getByRole('row', { name: /Weekend cover/ }).locator('.badge--warning').waitFor();
      await screenshot(page, 'oncall-02-schedules');

      // The form shows the server's field errors beside the fields.
      await page.getByRole('button', { name: 'New schedule' }).click();
      const form = page.getByRole('form', { name: 'New schedule' });
      await form.getByRole('button', { name: 'Create schedule' }).click();
      await form.locator('[data-field-error]').first().waitFor();
      const errors = await form.locator('[data-field-error]').allTextContents();
      expect(errors.length).toBeGreaterThanOrEqual(1);
      expect(await form.locator('.field--invalid').count()).toBeGreaterThanOrEqual(1);
      await screenshot(page, 'oncall-03-new-schedule-errors');

      // …and makes a schedule that works.
      await form.getByLabel('Name', { exact: true }).fill('Database secondary');
      await form.getByLabel('Time zone').fill('Europe/Berlin');
      await form.getByLabel('Rotation', { exact: true }).selectOption('weekly');
      await form.getByLabel('Add to rotation').selectOption({ label: `${PEOPLE.ben.name} — ${PEOPLE.ben.email}` });
      await form.getByLabel('Add to rotation').selectOption({ label: `${PEOPLE.cleo.name} — ${PEOPLE.cleo.email}` });
      expect(await form.getByRole('list', { name: 'Rotation order' }).textContent()).toMatch(/Ben Okafor.*Cleo Park/);
      await screenshot(page, 'oncall-04-new-schedule-filled');
      await form.getByRole('button', { name: 'Create schedule' }).click();
      await page.getByRole('heading', { name: 'Database secondary', level: 1 }).waitFor();
      const made = await scheduleNamed('Database secondary');
      expect(made).toMatchObject({ time_zone: 'Europe/Berlin' });
      expect(made.layers[0]).toMatchObject({ users: [ids.ben, ids.cleo], rotation: { type: 'weekly', handoff_time: '09:00' } });
    });
  });

  async function scheduleNamed(name: string): Promise<{ id: string; time_zone: string; layers: { users: string[]; rotation: { type: string; handoff_time: string } }[] }> {
    const list = await must<{ data: { id: string; name: string; time_zone: string; layers: { users: string[]; rotation: { type: string; handoff_time: string } }[] }[] }>('GET', '/schedules?limit=500');
    const found = list.data.find((s) => s.name === name);
    if (!found) throw new Error(`no schedule named ${name}`);
    return found;
  }

  it('draws the timeline and overrides a shift from it', { timeout: 120_000 }, async () => {
    await session({}, async (page) => {
      await page.goto('/login');
      await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
      await page.getByRole('heading', { name: 'Who is on call now', level: 1 }).waitFor();
      await page.getByRole('article', { name: 'On call for Payments primary' }).getByRole('link', { name: 'Payments primary' }).click();
      await page.getByRole('heading', { name: 'Payments primary', level: 1 }).waitFor();
      await page.locator('[data-row="final"] .tl-bar').first().waitFor();

      // Both people, in the layer's row and in the final row.
      for (const row of ['layer', 'final'] as const) {
        const users = new Set((await bars(page, row)).map((b) => b.user));
        expect(users).toEqual(new Set([PEOPLE.ana.name, PEOPLE.ben.name]));
      }
      await page.getByTestId('ical-url').waitFor();
      expect(await page.getByTestId('ical-url').inputValue()).toMatch(/^http:\/\/.+\/api\/v1\/calendars\/schedules\/.+\.ics$/);
      await screenshot(page, 'oncall-05-schedule-week');

      // Month view, then next/previous and back to today.
      await page.getByRole('group', { name: 'Range' }).getByRole('button', { name: 'Month' }).click();
      await expect.poll(async () => (await bars(page, 'final')).length).toBeGreaterThan(8); // more than a week's worth
      await screenshot(page, 'oncall-06-schedule-month');
      const label = page.locator('.tl-toolbar__range');
      const thisMonth = await label.textContent();
      await page.getByRole('button', { name: 'Next month' }).click();
      await expect.poll(() => label.textContent()).not.toBe(thisMonth);
      await page.getByRole('button', { name: 'Today' }).click();
      await expect.poll(() => label.textContent()).toBe(thisMonth);
      await page.getByRole('group', { name: 'Range' }).getByRole('button', { name: 'Week' }).click();

      // A shift wholly ahead (from the API), overridden from its bar for Cleo.
      const upcoming = (await finalShifts(Date.now(), Date.now() + 8 * DAY)).filter((s) => Date.parse(s.start) > Date.now() + 60_000);
      const target = upcoming[0]!;
      expect(target).toBeDefined();
      await openWeekOf(page, target.start);
      const bar = finalBar(page, { user: target.user.name, start: new Date(target.start).toISOString(), end: '' });
      await bar.click();
      const details = page.getByRole('region', { name: target.user.name });
      await details.getByTestId('shift-start').waitFor();
      await screenshot(page, 'oncall-07-shift-details');
      await details.getByRole('button', { name: 'Override this shift' }).click();
      const form = page.getByRole('form', { name: 'Override this shift' });
      // Pre-filled with the shift's exact span, on the schedule's wall clock.
      expect(await form.getByLabel('From').inputValue()).toBe(wallClock(target.start, 'Europe/London'));
      expect(await form.getByLabel('Until').inputValue()).toBe(wallClock(target.end, 'Europe/London'));
      await form.getByLabel('On call instead').selectOption({ label: `${PEOPLE.cleo.name} — ${PEOPLE.cleo.email}` });
      await screenshot(page, 'oncall-08-override-form');
      await form.getByRole('button', { name: 'Create override' }).click();
      await page.getByText(`${PEOPLE.cleo.name} is on call instead`).waitFor();

      // Drawn in the overrides row and in the final row…
      await expect.poll(async () => (await bars(page, 'overrides')).some((b) => b.user === PEOPLE.cleo.name && Date.parse(b.start) === Date.parse(target.start))).toBe(true);
      await expect.poll(async () => (await bars(page, 'final')).some((b) => b.user === PEOPLE.cleo.name && Date.parse(b.start) === Date.parse(target.start))).toBe(true);
      await screenshot(page, 'oncall-09-override-drawn');
      // …and stored as an override with exactly that span.
      const overrides = (await must<{ data: OverrideOut[] }>('GET', `/schedules/${scheduleId}/overrides`)).data;
      expect(overrides).toHaveLength(1);
      expect(overrides[0]).toMatchObject({ user: { id: ids.cleo }, source: 'override' });
      expect(Date.parse(overrides[0]!.start)).toBe(Date.parse(target.start));
      expect(Date.parse(overrides[0]!.end)).toBe(Date.parse(target.end));
      const after = await finalShifts(Date.parse(target.start), Date.parse(target.end));
      expect(after).toEqual([expect.objectContaining({ user: expect.objectContaining({ id: ids.cleo }), source: 'override' })]);
    });
  });

  it('marks time off, offers a swap as one person and takes it as another', { timeout: 180_000 }, async () => {
    // Ana's next shift wholly ahead that nobody overrode.
    const ahead = (await finalShifts(Date.now(), Date.now() + 14 * DAY)).filter((s) => s.user.id === ids.ana && s.source === 'layer' && Date.parse(s.start) > Date.now() + 60_000);
    const offered = ahead[0]!;
    expect(offered).toBeDefined();
    let swapId = '';

    await session({}, async (page) => {
      await page.goto('/');
      await signIn(page, PEOPLE.ana.email, PEOPLE.ana.password);
      await page.getByRole('heading', { name: 'Who is on call now', level: 1 }).waitFor();
      await openWeekOf(page, offered.start);

      // Ana lives in New York: the page can show her own zone as well as the schedule's.
      const zones = page.getByRole('group', { name: 'Show times in' });
      await zones.getByRole('button', { name: /Mine/ }).click();
      await page.locator('.tl__label--head').getByText(PEOPLE.ana.time_zone).waitFor();
      await screenshot(page, 'oncall-10-ana-own-zone');
      await zones.getByRole('button', { name: /Schedule/ }).click();
      await page.locator('.tl__label--head').getByText('Europe/London').waitFor();

      // Time off: recorded through the form, checked through the API.
      await page.getByRole('button', { name: 'Mark time off' }).click();
      const timeOffForm = page.getByRole('form', { name: 'Mark time off' });
      const from = await timeOffForm.getByLabel('From').inputValue();
      const until = await timeOffForm.getByLabel('Until').inputValue();
      await timeOffForm.getByLabel('Reason').fill('Dentist');
      await timeOffForm.getByRole('button', { name: 'Save time off' }).click();
      await page.getByRole('list', { name: 'Time off' }).getByText('Dentist').waitFor();
      const timeOff = (await must<{ data: { start: string; end: string; reason: string }[] }>('GET', `/users/${ids.ana}/time-off`)).data;
      expect(timeOff).toHaveLength(1);
      expect(timeOff[0]!.reason).toBe('Dentist');
      expect(wallClock(timeOff[0]!.start, 'Europe/London')).toBe(from);
      expect(wallClock(timeOff[0]!.end, 'Europe/London')).toBe(until);

      // Offer a swap from her own shift; cancel it; offer it again.
      const offer = async () => {
        await finalBar(page, { user: PEOPLE.ana.name, start: new Date(offered.start).toISOString(), end: '' }).click();
        await page.getByRole('region', { name: PEOPLE.ana.name }).getByRole('button', { name: 'Offer a swap' }).click();
        const form = page.getByRole('form', { name: 'Offer a swap' });
        expect(await form.getByLabel('From').inputValue()).toBe(wallClock(offered.start, 'Europe/London'));
        await form.getByRole('button', { name: 'Offer swap' }).click();
        await page.getByText('is offered for a swap').waitFor();
      };
      await offer();
      const offers = page.getByRole('list', { name: 'Swap offers' });
      await offers.getByRole('button', { name: /^Cancel the offer/ }).waitFor();
      expect(await offers.getByRole('button', { name: /^Take/ }).count()).toBe(0); // nobody takes their own offer
      await offers.getByRole('button', { name: /^Cancel the offer/ }).click();
      await page.getByText('The swap offer was cancelled.').waitFor();
      const cancelled = (await must<{ data: { status: string }[] }>('GET', `/shift-swaps?schedule_id=${scheduleId}`)).data;
      expect(cancelled.map((s) => s.status)).toEqual(['cancelled']);
      await offer();
      await offers.getByRole('button', { name: /^Cancel the offer/ }).waitFor();
      await screenshot(page, 'oncall-11-swap-offered');
      const open = (await must<{ data: { id: string; offered_by: UserOut; start: string; end: string }[] }>('GET', `/shift-swaps?schedule_id=${scheduleId}&status=offered`)).data;
      expect(open).toHaveLength(1);
      expect(open[0]!.offered_by.id).toBe(ids.ana);
      expect(Date.parse(open[0]!.start)).toBe(Date.parse(offered.start));
      expect(Date.parse(open[0]!.end)).toBe(Date.parse(offered.end));
      swapId = open[0]!.id;
      await signOut(page);

      // Ben takes it.
      await signIn(page, PEOPLE.ben.email, PEOPLE.ben.password);
      await page.getByRole('heading', { name: 'Who is on call now', level: 1 }).waitFor();
      await openWeekOf(page, offered.start);
      const take = page.getByRole('list', { name: 'Swap offers' }).getByRole('button', { name: /^Take the shift Ana Lovelace offers/ });
      await take.waitFor();
      expect(await page.getByRole('list', { name: 'Swap offers' }).getByRole('button', { name: /^Cancel the offer/ }).count()).toBe(0);
      await screenshot(page, 'oncall-12-swap-to-take');
      await take.click();
      await page.getByText('You took Ana Lovelace’s shift').waitFor();
      await expect.poll(async () => (await bars(page, 'final')).some((b) => b.user === PEOPLE.ben.name && Date.parse(b.start) === Date.parse(offered.start))).toBe(true);
      await expect.poll(async () => (await bars(page, 'overrides')).some((b) => b.user === PEOPLE.ben.name && Date.parse(b.start) === Date.parse(offered.start))).toBe(true);
      await screenshot(page, 'oncall-13-swap-taken');
    });

    // The API agrees: the swap is taken and an override with source "swap" puts Ben on call.
    const swap = await must<{ status: string; taken_by: UserOut | null; override_id: string | null }>('GET', `/shift-swaps/${swapId}`);
    expect(swap).toMatchObject({ status: 'taken', taken_by: { id: ids.ben } });
    const overrides = (await must<{ data: OverrideOut[] }>('GET', `/schedules/${scheduleId}/overrides`)).data;
    const bySwap = overrides.find((o) => o.source === 'swap');
    expect(bySwap).toMatchObject({ id: swap.override_id, user: { id: ids.ben }, swap_id: swapId });
    expect(Date.parse(bySwap!.start)).toBe(Date.parse(offered.start));
    expect(Date.parse(bySwap!.end)).toBe(Date.parse(offered.end));
  });

  it('fits a phone-sized screen', { timeout: 90_000 }, async () => {
    await session({ width: 390, height: 844 }, async (page) => {
      await page.goto('/');
      await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
      await page.getByRole('heading', { name: 'Who is on call now', level: 1 }).waitFor();
      await page.getByRole('article', { name: 'On call for Payments primary' }).getByTestId('oncall-now-name').waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, 'oncall-14-mobile-home');

      await page.goto('/schedules');
      await page.getByRole('row', { name: /Payments primary/ }).waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, 'oncall-15-mobile-schedules');

      await page.goto(`/schedules/${scheduleId}`);
      await page.locator('[data-row="final"] .tl-bar').first().waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, 'oncall-16-mobile-schedule');
      const bar = page.locator('[data-row="final"] button.tl-bar').first();
      await bar.scrollIntoViewIfNeeded();
      await bar.click();
      await page.getByTestId('shift-start').waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, 'oncall-17-mobile-shift-details');
    });
  });
});
