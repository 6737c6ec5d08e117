import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndApp } from '../support/browser-and-app.js';

const run = browserAndApp();

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
    const context = await run.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${run.server.baseUrl}/start`);
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
