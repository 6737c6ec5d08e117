import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchBrowser } from '../support/browser.js';
import { startListeningApp, type ListeningApp } from '../support/listening-app.js';
import { deliver, submit, testClock } from '../support/service-level-fixtures.js';
import { createTestStaff } from '../support/staff-client.js';

let browser: Browser;
let server: ListeningApp;
// Delivered Thursday 2 April 2026; by Thursday 9 April every agency has missed its target to acknowledge.
const clock = testClock('2026-04-09T09:00:00Z');

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startListeningApp({ now: clock.now })]);
});
afterAll(async () => {
  await browser.close();
  await server.close();
});

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      errors.push(message.text());
  });
  return errors;
}

describe('service levels in a browser', () => {
  it('the public "How we are doing" page is reached from the footer, is axe clean, and its charts are named images beside tables', async () => {
    for (let i = 0; i < 11; i += 1) {
      const { id } = await submit(server.app, server.database.db, 'baby-born');
      await deliver(server.database.db, id, '2026-04-02T10:00:00Z', {
        council: { acknowledgedAt: '2026-04-07T10:00:00Z' },
      });
    }
    const page = await (await browser.newContext()).newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.baseUrl}/`);
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/performance'),
      page.getByRole('link', { name: 'How we are doing' }).click(),
    ]);
    expect(await page.locator('h1').textContent()).toBe('How we are doing');
    const chart = page.getByRole('img', { name: 'Notifications sent, by service' });
    expect(await chart.count()).toBe(1);
    expect(await page.getByRole('table').count()).toBeGreaterThanOrEqual(6);
    expect(await page.getByRole('row', { name: 'Your local council 11' }).count()).toBeGreaterThan(0);
    expect(await page.getByText('fewer than 10').count()).toBeGreaterThan(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Period').selectOption('12m');
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('period') === '12m'),
      page.getByRole('button', { name: 'Show figures' }).click(),
    ]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/performance-page.png', fullPage: true });
    expect(errors).toEqual([]);
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`a resident chases an overdue notification and sees the outcome (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const { id, reference, trackingSecret } = await submit(server.app, server.database.db, 'someone-died');
      // Each state a service can be in once sent: waiting unopened in its inbox, dealing with it, done.
      await deliver(server.database.db, id, '2026-04-02T10:00:00Z', {
        'housing-provider': { acknowledgedAt: '2026-04-07T10:00:00Z' },
        'gp-practice': { actionedAt: '2026-04-08T10:00:00Z' },
      });
      const page = await (await browser.newContext({ javaScriptEnabled })).newPage();
      page.setDefaultTimeout(10_000);
      const errors = watchErrors(page);
      await page.goto(`${server.baseUrl}/track?reference=${reference}&secret=${trackingSecret}`);
      expect(await page.getByRole('heading', { name: 'Service standards' }).count()).toBe(1);
      expect(await page.getByText('Waiting in their inbox, not yet opened').count()).toBe(2);
      expect(await page.getByText('Received: they are dealing with it').count()).toBe(1);
      expect(await page.getByText('They told us they are dealing with it on 7 April 2026.').count()).toBe(1);
      expect(
        await page.getByText('Done: they told us on 8 April 2026 that they have done what was needed.').count(),
      ).toBe(1);
      expect(await page.getByText('Sent to them').count()).toBe(0);
      // axe runs as a script in the page, so only with JavaScript on.
      if (javaScriptEnabled) expect(await accessibilityViolations(page)).toEqual([]);
      await page
        .getByRole('textbox', { name: /Anything you want to tell us/ })
        .first()
        .fill('Bills still arrive in her name');
      await Promise.all([
        page.waitForURL((url) => url.searchParams.get('requested') !== null),
        page
          .getByRole('button', { name: /^Ask us to chase / })
          .first()
          .click(),
      ]);
      expect(await page.getByText('Request sent').count()).toBe(1);
      expect(await page.getByText(/You asked us to chase this on 9 April 2026/).count()).toBe(1);
      if (javaScriptEnabled) expect(await accessibilityViolations(page)).toEqual([]);

      // Staff pick it up in the console and record what they did.
      const [request] = await server.database.db
        .selectFrom('chase_requests')
        .select(['id'])
        .where('submission_id', '=', id)
        .execute();
      if (!request) throw new Error('no request recorded');
      const adviser = await createTestStaff(server.database.db, 'adviser');
      const staffPage = await (await browser.newContext({ javaScriptEnabled })).newPage();
      page.setDefaultTimeout(10_000);
      await staffPage.goto(`${server.baseUrl}/staff/sign-in`);
      await staffPage.getByLabel('Email address').fill(adviser.email);
      await staffPage.getByLabel('Password').fill(adviser.password);
      await Promise.all([
        staffPage.waitForURL((url) => url.pathname === '/staff/dashboard'),
        staffPage.getByRole('button', { name: 'Sign in' }).click(),
      ]);
      await Promise.all([
        staffPage.waitForURL((url) => url.pathname === '/staff/chase-requests'),
        staffPage.getByRole('link', { name: 'Requests to chase' }).first().click(),
      ]);
      if (javaScriptEnabled) expect(await accessibilityViolations(staffPage)).toEqual([]);
      const item = staffPage.locator('section', { has: staffPage.getByRole('link', { name: reference }) });
      await item.getByLabel('Chased the service').check();
      await item.getByLabel('Note for the resident').fill('We phoned the council; they will write this week');
      await Promise.all([
        staffPage.waitForURL((url) => url.searchParams.get('done') === 'chased'),
        item.getByRole('button', { name: 'Save' }).click(),
      ]);

      await page.reload();
      expect(await page.getByText('We chased them on 9 April 2026.').count()).toBe(1);
      expect(await page.getByText('What we did: We phoned the council; they will write this week').count()).toBe(1);
      expect(errors).toEqual([]);
    });
  }
});
