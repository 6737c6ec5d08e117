import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../../server/src/organisations/organisation-repository.js';
import { createTestAgencyUser } from '../support/agency-client.js';
import { accessibilityViolations, launchBrowser } from '../support/browser.js';
import { signInInBrowser } from '../support/browser-sign-in.js';
import { setPasswordInBrowser } from '../support/browser-set-password.js';
import { freePort } from '../support/free-port.js';
import { startListeningApp, type ListeningApp } from '../support/listening-app.js';
import { startTestOidcProvider, type TestOidcProvider } from '../support/oidc-provider.js';

// The agency portal's single sign-on in a browser: an agency admin sets up their organisation's
// provider (a real one on loopback), its people sign in through it from the sign-in page, and the
// admin invites someone. axe on every new page and error state.
let browser: Browser;
let server: ListeningApp;
let provider: TestOidcProvider;
beforeAll(async () => {
  const port = await freePort();
  provider = await startTestOidcProvider(`http://127.0.0.1:${String(port)}`);
  [browser, server] = await Promise.all([
    launchBrowser(),
    startListeningApp({ port, env: { PUBLIC_URL: `http://127.0.0.1:${String(port)}` } }),
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

describe('agency portal single sign-on in a browser', () => {
  it('an agency admin sets up their organisation’s provider; its people sign in through it, or see why not', async () => {
    const organisation = await createOrganisation(
      server.database.db,
      { kind: 'council', name: 'Northshire Council', code: 'E06000999', areas: [], postcode: 'NB1 1AA' },
      { type: 'system' },
    );
    const admin = await createTestAgencyUser(server.database.db, 'council', 'agency-admin', {
      id: organisation.id,
      kind: 'council',
    });
    const page = await (await browser.newContext()).newPage();
    await signInInBrowser(
      page,
      { baseUrl: server.baseUrl, db: server.database.db, base: '/agency', home: '/agency/notifications' },
      admin,
    );
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/agency/single-sign-on'),
      page.getByRole('link', { name: 'Single sign-on' }).click(),
    ]);
    expect(await page.locator('h1').textContent()).toBe('Single sign-on');
    await expectAccessible(page);
    await page.getByLabel('Role map').fill('portal=admin');
    await press(page, 'Save single sign-on', '/agency/single-sign-on');
    expect(await page.title()).toMatch(/^Error: Single sign-on/);
    const summary = (await page.locator('.govuk-error-summary').textContent()) ?? '';
    expect(summary).toContain('Enter the provider’s issuer URL');
    expect(summary).toContain('the role agency-user or agency-admin (not “portal=admin”)');
    await expectAccessible(page);

    await page.getByLabel('Issuer URL').fill(provider.issuer);
    await page.getByLabel('Client (application) ID').fill(provider.clientId);
    await page.getByLabel('Client secret').fill(provider.clientSecret);
    await page.getByLabel('Role map').fill('northshire-portal=agency-user\nnorthshire-leads=agency-admin');
    await page.getByLabel('Yes, passwords stay on').check();
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('done') === 'saved'),
      page.getByRole('button', { name: 'Save single sign-on' }).click(),
    ]);
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Single sign-on is saved');
    await expectAccessible(page);

    provider.people.set('northshire-1', { email: 'officer@northshire.example', roles: ['northshire-portal'] });
    provider.signInAs('northshire-1');
    const officer = await (await browser.newContext()).newPage();
    // A link to an organisation that no longer signs in here: the sign-in page says so.
    await officer.goto(`${server.baseUrl}/agency/sign-in/oidc?organisation=${admin.id}`);
    expect(await officer.title()).toMatch(/^Error: Sign in to the agency portal/);
    expect(await officer.locator('.govuk-error-summary').textContent()).toContain('does not sign in here');
    await expectAccessible(officer);
    await officer.goto(`${server.baseUrl}/agency/sign-in`);
    await expectAccessible(officer);
    // The provider sends the browser back to the callback, whose page moves on to the portal at once.
    await Promise.all([
      officer.waitForURL((url) => url.pathname === '/agency/sign-in/oidc/callback', { waitUntil: 'commit' }),
      officer.getByRole('button', { name: 'Sign in with Northshire Council' }).click(),
    ]);
    await officer.waitForURL((url) => url.pathname === '/agency/notifications');
    expect(await officer.getByText('officer@northshire.example').count()).toBeGreaterThan(0);

    provider.people.set('northshire-2', { email: 'finance@northshire.example', roles: ['finance'] });
    provider.signInAs('northshire-2');
    const outsider = await (await browser.newContext()).newPage();
    await outsider.goto(`${server.baseUrl}/agency/sign-in`);
    await Promise.all([
      outsider.waitForURL((url) => url.pathname === '/agency/sign-in/oidc/callback'),
      outsider.getByRole('button', { name: 'Sign in with Northshire Council' }).click(),
    ]);
    expect(await outsider.locator('h1').textContent()).toBe('You do not have access to the agency portal');
    await expectAccessible(outsider);
  });

  it('an agency admin invites someone, who sets their password through the link', async () => {
    const admin = await createTestAgencyUser(server.database.db, 'council', 'agency-admin');
    const page = await (await browser.newContext()).newPage();
    await signInInBrowser(
      page,
      { baseUrl: server.baseUrl, db: server.database.db, base: '/agency', home: '/agency/notifications' },
      admin,
    );
    await page.goto(`${server.baseUrl}/agency/users`);
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/agency/users/invite'),
      page.getByRole('button', { name: 'Invite someone' }).click(),
    ]);
    await expectAccessible(page);
    await press(page, 'Invite', '/agency/users/invite');
    expect(await page.title()).toMatch(/^Error: Invite someone/);
    await expectAccessible(page);
    await page.getByLabel('Email address').fill('invited.clerk@agency.example');
    await page.getByLabel('Role').selectOption('agency-user');
    await press(page, 'Invite', '/agency/users/invite');
    expect(await page.locator('h1').textContent()).toBe('Invitation made');
    await expectAccessible(page);
    const link = (await page.getByTestId('account-link').textContent()) ?? '';

    const invited = await (await browser.newContext()).newPage();
    await setPasswordInBrowser(invited, link, 'a portal browser password');
    await invited.goto(`${server.baseUrl}/agency/sign-in`);
    await invited.getByLabel('Email address').fill('invited.clerk@agency.example');
    await invited.getByLabel('Password').fill('a portal browser password');
    await press(invited, 'Sign in', '/agency/notifications');
  });
});
