import { catalogue, exampleSubmissions, getPage, reachablePages } from '@tuo/shared';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations } from '../support/browser.js';
import { browserAndApp } from '../support/browser-and-app.js';
import { fillForm } from '../support/fill-form.js';
import { pagePost } from '../support/resident.js';
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

/** Signs the adviser in and starts helping a resident move home, on its first page. */
async function startAssisted(page: Page): Promise<void> {
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
    await startAssisted(page);

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

  it('word the address finder for the adviser: about the resident, never "you"', async () => {
    const context = await run.browser.newContext();
    const page = await context.newPage();
    await startAssisted(page);
    const answers = exampleSubmissions['moving-home'].answers;
    const route = reachablePages(catalogue['moving-home'], answers);
    for (const [index, definition] of route.entries()) {
      if (definition.id === 'old-address') break;
      await fillForm(page, pagePost(definition, answers));
      await press(page, 'Continue', `/moving-home/${route[index + 1]?.path ?? ''}`);
    }
    const live = page.locator('[aria-live="polite"]');
    await page.getByLabel('Postcode', { exact: true }).fill('NB9 9ZZ');
    await page.getByRole('button', { name: 'Find address' }).click();
    await expect
      .poll(() => live.textContent())
      .toBe('No addresses were found at NB9 9ZZ. Check the postcode with the resident, or type the address below.');
    await page.getByLabel('Postcode', { exact: true }).fill('NB2 7QT');
    await page.getByRole('button', { name: 'Find address' }).click();
    await page.getByLabel('Select an address').selectOption('9000000205');
    expect(await live.locator('p').textContent()).toBe('The address is filled in below. Check it with the resident.');
    expect(await page.getByLabel('Address line 1').inputValue()).toBe('24 Mill Lane');
    await context.close();
  });
});
