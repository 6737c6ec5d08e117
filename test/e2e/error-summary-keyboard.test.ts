import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { startListeningApp, type ListeningApp } from '../support/listening-app.js';

let browser: Browser;
let server: ListeningApp;
beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startListeningApp()]);
});
afterAll(async () => {
  await browser.close();
  await server.close();
});

const focused = (page: Page) =>
  page.evaluate(() => ({
    id: document.activeElement?.id ?? '',
    className: document.activeElement?.className ?? '',
    text: document.activeElement?.textContent ?? '',
  }));

/** Presses Tab until the focused element matches, as a keyboard user would; fails after `limit` presses. */
async function tabTo(
  page: Page,
  matches: (element: Awaited<ReturnType<typeof focused>>) => boolean,
  limit = 30,
): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    if (matches(await focused(page))) return;
  }
  throw new Error(`Nothing matching was reached in ${limit} presses of Tab`);
}

describe('the error summary with a keyboard alone', () => {
  it('takes focus after a failed Continue, and each link takes you to the box to fix', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/start`);
    await tabTo(page, (element) => element.id === 'lifeEvent');
    await page.keyboard.press('Space');
    await tabTo(page, (element) => element.text.trim() === 'Continue');
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/someone-died/their-name'),
      page.keyboard.press('Enter'),
    ]);
    await expect
      .poll(() => page.evaluate(() => document.body.classList.contains('govuk-frontend-supported')))
      .toBe(true);

    await tabTo(page, (element) => element.text.trim() === 'Continue');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).className).toContain('govuk-error-summary');
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Enter their first name');
    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe('firstName');
    await page.keyboard.type('Margaret');
    await tabTo(page, (element) => element.id === 'lastName');
    await page.keyboard.type('Jones');
    // Enter in a text box submits the form, as it does in any HTML form.
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/someone-died/date-of-birth'),
      page.keyboard.press('Enter'),
    ]);
    await context.close();
  });
});
