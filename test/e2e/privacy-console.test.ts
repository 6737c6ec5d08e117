import { exampleSubmissions } from '@tuo/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchBrowser } from '../support/browser.js';
import { signInInBrowser } from '../support/browser-sign-in.js';
import { startListeningApp, type ListeningApp } from '../support/listening-app.js';
import { createTestStaff, type TestStaff } from '../support/staff-client.js';
import { submitConfirmed } from '../support/confirm-submission.js';

let browser: Browser;
let server: ListeningApp;
let admin: TestStaff;
beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startListeningApp()]);
  admin = await createTestStaff(server.database.db, 'admin');
});
afterAll(async () => {
  await browser.close();
  await server.close();
});

async function press(page: Page, button: string, path: string): Promise<void> {
  await Promise.all([
    page.waitForURL((url) => url.pathname === path),
    page.getByRole('button', { name: button }).click(),
  ]);
}

/** Axe runs in the page, so only with JavaScript on (as in the other browser tests). */
async function expectAccessible(page: Page, javaScript: boolean): Promise<void> {
  if (javaScript) expect(await accessibilityViolations(page), page.url()).toEqual([]);
}

describe.each([true, false])('subject access and erasure in the console (JavaScript %s)', (javaScriptEnabled) => {
  it('an admin sees everything held, then erases it with a reason, every page accessible', async () => {
    const res = await submitConfirmed(server.app, exampleSubmissions['someone-died']);
    const { reference } = res.json<{ reference: string }>();
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
        errors.push(message.text());
    });
    await signInInBrowser(
      page,
      { baseUrl: server.baseUrl, db: server.database.db, base: '/staff', home: '/staff/dashboard' },
      admin,
    );

    const submissionPath = `/staff/submissions/${reference}`;
    await page.goto(`${server.baseUrl}${submissionPath}`);
    await Promise.all([
      page.waitForURL((url) => url.pathname === `${submissionPath}/export`),
      page.getByRole('link', { name: 'See everything held (subject access)' }).click(),
    ]);
    await expect.poll(() => page.title()).toMatch(new RegExp(`^Everything held about ${reference}`));
    await expect.poll(() => page.getByText('943 476 5919').count()).toBeGreaterThan(0);
    await expectAccessible(page, javaScriptEnabled);

    await page.goto(`${server.baseUrl}${submissionPath}`);
    await Promise.all([
      page.waitForURL((url) => url.pathname === `${submissionPath}/erase`),
      page.getByRole('link', { name: 'Erase personal data now' }).click(),
    ]);
    await expectAccessible(page, javaScriptEnabled);
    await press(page, 'Erase personal data', `${submissionPath}/erase`);
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    await expectAccessible(page, javaScriptEnabled);
    await page.getByLabel('Why is it being erased early?').fill('The resident asked for erasure by letter');
    await page.getByLabel("Erase this submission's personal data now").check();
    await press(page, 'Erase personal data', submissionPath);
    await expect.poll(() => page.getByText('The personal data of this submission has been erased.').count()).toBe(1);
    await expect.poll(() => page.getByText('943 476 5919').count()).toBe(0);
    await expectAccessible(page, javaScriptEnabled);
    expect(errors).toEqual([]);
    await context.close();
  });
});
