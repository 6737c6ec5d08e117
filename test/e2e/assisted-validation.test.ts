import { catalogue, getPage } from '@tuo/shared';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations } from '../support/browser.js';
import { browserAndApp } from '../support/browser-and-app.js';
import { signInInBrowser } from '../support/browser-sign-in.js';
import { createTestStaff, type TestStaff } from '../support/staff-client.js';

const run = browserAndApp();
let adviser: TestStaff;
beforeAll(async () => {
  adviser = await createTestStaff(run.server.database.db, 'adviser');
});

const detailsPath = `/moving-home/${getPage(catalogue['moving-home'], 'your-details').path}`;

/** Clicks a button and waits for the page it leads to. */
async function press(page: Page, button: string, path: string): Promise<void> {
  await Promise.all([
    page.waitForURL((url) => url.pathname === path),
    page.getByRole('button', { name: button }).click(),
  ]);
}

/** Continue pressed on the empty page, checked in the browser: the summary's links and each field's error. */
async function continueEmpty(page: Page) {
  await page.getByRole('button', { name: 'Continue' }).click();
  const summary = page.locator('.govuk-error-summary');
  await summary.waitFor();
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.className ?? ''))
    .toContain('govuk-error-summary');
  return {
    summary: await summary.getByRole('link').allTextContents(),
    fields: (await page.locator('.govuk-error-message').allTextContents()).map((text) => text.trim()),
  };
}

describe('an assisted page’s checks in the browser (JavaScript on)', () => {
  it('show the adviser’s error messages, not the resident’s, in the error summary and at each field, with no post', async () => {
    const context = await run.browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await signInInBrowser(
      page,
      { baseUrl: run.server.baseUrl, db: run.server.database.db, base: '/staff', home: '/staff/dashboard' },
      adviser,
    );
    await page.goto(`${run.server.baseUrl}/staff/assisted`);
    await page.getByLabel('On the phone').check();
    await page.getByLabel('Security questions').check();
    await page.getByLabel(/The resident agreed/).check();
    await press(page, 'Start', '/start');
    await page.getByLabel(catalogue['moving-home'].title).check();
    await press(page, 'Continue', detailsPath);

    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(new URL(request.url()).pathname);
    });
    const adviserMessages = ["Enter the resident's full name", "Enter the resident's date of birth"];
    const shown = await continueEmpty(page);
    expect(shown.summary).toEqual(adviserMessages);
    expect(shown.fields).toEqual(adviserMessages.map((message) => `Error: ${message}`));
    expect(await page.locator('main').textContent()).not.toContain('Enter your');
    // The browser's checks, not the server's: nothing was posted.
    expect(posts).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);

    // A resident who reads Welsh: the adviser's page and its checks stay in English.
    await page.goto(`${run.server.baseUrl}${detailsPath}?lang=cy`);
    await page.waitForURL((url) => url.pathname === detailsPath);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('#resident-language').textContent()).toContain('Welsh (Cymraeg)');
    const inWelsh = await continueEmpty(page);
    expect(inWelsh.summary).toEqual(adviserMessages);
    expect(posts).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
