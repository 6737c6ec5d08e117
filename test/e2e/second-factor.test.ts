import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../server/src/console/second-factor.js';
import { accessibilityViolations, launchBrowser } from '../support/browser.js';
import { signInInBrowser } from '../support/browser-sign-in.js';
import { startListeningApp, type ListeningApp } from '../support/listening-app.js';
import { createTestStaff } from '../support/staff-client.js';

let browser: Browser;
let server: ListeningApp;
beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startListeningApp()]);
});
afterAll(async () => {
  await browser.close();
  await server.close();
});

async function press(page: Page, button: string, path: string): Promise<void> {
  await Promise.all([
    page.waitForURL((url) => url.pathname === path),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await accessibilityViolations(page), page.url()).toEqual([]);
}

describe('a second factor in a browser', () => {
  it('an admin without one is taken to set it up, reads the key as text, gets recovery codes, and is asked for a code next time', async () => {
    const admin = await createTestStaff(server.database.db, 'admin', undefined, { secondFactor: false });
    const page = await (await browser.newContext()).newPage();
    await signInInBrowser(
      page,
      { baseUrl: server.baseUrl, db: server.database.db, base: '/staff', home: '/staff/second-factor' },
      admin,
    );
    expect(await page.locator('h1').textContent()).toBe('Set up a second factor');
    expect(await page.getByRole('img', { name: /QR code for your authenticator app/ }).count()).toBe(1);
    await expectAccessible(page);
    await page.getByLabel('Security code').fill('000000');
    await press(page, 'Set up', '/staff/second-factor');
    expect(await page.title()).toMatch(/^Error: Set up a second factor/);
    await expectAccessible(page);
    const key = ((await page.getByTestId('totp-key').textContent()) ?? '').replace(/\s/g, '');
    await page.getByLabel('Security code').fill(totpCode(key));
    await press(page, 'Set up', '/staff/second-factor');
    expect(await page.locator('h1').textContent()).toBe('Your recovery codes');
    expect(await page.getByTestId('recovery-codes').locator('li').count()).toBe(10);
    await expectAccessible(page);
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/staff/dashboard'),
      page.getByRole('link', { name: 'Continue' }).click(),
    ]);
    await press(page, 'Sign out', '/staff/sign-in');

    await page.getByLabel('Email address').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await press(page, 'Sign in', '/staff/sign-in/code');
    await expectAccessible(page);
    await page.getByLabel('Security code').fill('123456');
    await press(page, 'Continue', '/staff/sign-in/code');
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('The code is not right');
    await expectAccessible(page);
    // The step after the one used to set up: a code is never taken twice.
    await page.getByLabel('Security code').fill(totpCode(key, Date.now() + 30_000));
    await press(page, 'Continue', '/staff/dashboard');
  });
});
