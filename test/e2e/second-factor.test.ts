import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../server/src/console/second-factor.js';
import { accessibilityViolations, launchBrowser } from '../support/browser.js';
import { signInInBrowser } from '../support/browser-sign-in.js';
import { setPasswordInBrowser } from '../support/browser-set-password.js';
import { freePort } from '../support/free-port.js';
import { startListeningApp, type ListeningApp } from '../support/listening-app.js';
import { startTestOidcProvider, type TestOidcProvider } from '../support/oidc-provider.js';
import { createTestAgencyUser } from '../support/agency-client.js';
import { createTestStaff } from '../support/staff-client.js';

// The console's sign-in in a browser: a second factor, single sign-on through a real provider on
// loopback, and account administration. The provider must know the console's address before the
// console starts, so the console's port is chosen first.
let browser: Browser;
let server: ListeningApp;
let provider: TestOidcProvider;
beforeAll(async () => {
  const port = await freePort();
  provider = await startTestOidcProvider(`http://127.0.0.1:${String(port)}`);
  [browser, server] = await Promise.all([
    launchBrowser(),
    startListeningApp({
      port,
      env: {
        PUBLIC_URL: `http://127.0.0.1:${String(port)}`,
        ...provider.env('tuo-advisers=adviser,tuo-admins=admin'),
      },
    }),
  ]);
});
afterAll(async () => {
  await browser.close();
  await server.close();
  await provider.close();
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

describe('single sign-on and account administration in a browser', () => {
  it('signs a person in through the council’s provider, and shows a person it gives no role the refusal page', async () => {
    provider.people.set('browser-adviser', { email: 'browser.adviser@council.example', roles: ['tuo-advisers'] });
    provider.signInAs('browser-adviser');
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.baseUrl}/staff/sign-in`);
    await expectAccessible(page);
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/staff/dashboard'),
      page.getByRole('button', { name: 'Sign in with your council account' }).click(),
    ]);
    expect(await page.getByText('browser.adviser@council.example').count()).toBeGreaterThan(0);

    provider.people.set('browser-nobody', { email: 'browser.nobody@council.example', roles: ['finance'] });
    provider.signInAs('browser-nobody');
    const other = await (await browser.newContext()).newPage();
    await other.goto(`${server.baseUrl}/staff/sign-in`);
    await Promise.all([
      other.waitForURL((url) => url.pathname === '/staff/sign-in/oidc/callback'),
      other.getByRole('button', { name: 'Sign in with your council account' }).click(),
    ]);
    expect(await other.locator('h1').textContent()).toBe('You do not have access to the staff console');
    await expectAccessible(other);
  });

  it('an admin invites someone, who sets a password through the link; the admin disables them and their session ends', async () => {
    const admin = await createTestStaff(server.database.db, 'admin');
    const page = await (await browser.newContext()).newPage();
    await signInInBrowser(
      page,
      { baseUrl: server.baseUrl, db: server.database.db, base: '/staff', home: '/staff/dashboard' },
      admin,
    );
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/staff/accounts'),
      page.getByRole('link', { name: 'Accounts' }).click(),
    ]);
    await expectAccessible(page);
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/staff/accounts/invite'),
      page.getByRole('button', { name: 'Invite someone' }).click(),
    ]);
    await expectAccessible(page);
    await press(page, 'Invite', '/staff/accounts/invite');
    expect(await page.title()).toMatch(/^Error: Invite someone/);
    await expectAccessible(page);
    await page.getByLabel('Email address').fill('invited.adviser@council.example');
    await page.getByLabel('Role').selectOption('adviser');
    await press(page, 'Invite', '/staff/accounts/invite');
    expect(await page.locator('h1').textContent()).toBe('Invitation made');
    await expectAccessible(page);
    const link = (await page.getByTestId('account-link').textContent()) ?? '';

    const invited = await (await browser.newContext()).newPage();
    await setPasswordInBrowser(invited, link, 'a browser test password');
    await invited.goto(`${server.baseUrl}/staff/sign-in`);
    await invited.getByLabel('Email address').fill('invited.adviser@council.example');
    await invited.getByLabel('Password').fill('a browser test password');
    await press(invited, 'Sign in', '/staff/dashboard');

    await page.goto(`${server.baseUrl}/staff/accounts`);
    await Promise.all([
      page.waitForURL((url) => url.pathname.startsWith('/staff/accounts/')),
      page.getByRole('link', { name: 'invited.adviser@council.example' }).click(),
    ]);
    await expectAccessible(page);
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('done') === 'disable'),
      page.getByRole('button', { name: 'Disable account' }).click(),
    ]);
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('The account is disabled');
    await expectAccessible(page);
    await invited.reload();
    expect(new URL(invited.url()).pathname).toBe('/staff/sign-in');
  });
  it('an agency admin sees their organisation’s portal accounts and one account’s page', async () => {
    const admin = await createTestAgencyUser(server.database.db, 'council', 'agency-admin');
    const colleague = await createTestAgencyUser(server.database.db, 'council');
    const page = await (await browser.newContext()).newPage();
    await signInInBrowser(
      page,
      { baseUrl: server.baseUrl, db: server.database.db, base: '/agency', home: '/agency/notifications' },
      admin,
    );
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/agency/users'),
      page.getByRole('link', { name: 'Portal accounts' }).click(),
    ]);
    await expectAccessible(page);
    await Promise.all([
      page.waitForURL((url) => url.pathname === `/agency/users/${colleague.id}`),
      page.getByRole('link', { name: colleague.email }).click(),
    ]);
    await expectAccessible(page);
  });
});
