import { catalogue, exampleSubmissions, reachablePages } from '@tuo/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchBrowser } from '../support/browser.js';
import { signInInBrowser } from '../support/browser-sign-in.js';
import { fillForm } from '../support/fill-form.js';
import { startListeningApp, type ListeningApp } from '../support/listening-app.js';
import { pagePost } from '../support/resident.js';
import { createOrganisation } from '../../server/src/organisations/organisation-repository.js';
import { fallbackOrganisation } from '../../server/src/organisations/fallback-organisation.js';
import { createTestStaff, type TestStaff } from '../support/staff-client.js';

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

/** Clicks a button (or link) and waits for the page it leads to. */
async function press(page: Page, name: string, path?: string, role: 'button' | 'link' = 'button'): Promise<void> {
  await Promise.all([
    path ? page.waitForURL((url) => url.pathname === path) : page.waitForLoadState('load'),
    page.getByRole(role, { name, exact: true }).click(),
  ]);
}

async function expectAccessible(page: Page, state: string): Promise<void> {
  expect(await accessibilityViolations(page), state).toEqual([]);
}

const errorSummary = (page: Page) => page.locator('.govuk-error-summary li').allTextContents();

/** A browser signed in to the staff console as the admin, keeping every script error its pages raise. */
async function signedInAdmin() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await signInInBrowser(
    page,
    { baseUrl: server.baseUrl, db: server.database.db, base: '/staff', home: '/staff/dashboard' },
    admin,
  );
  return { context, page, errors };
}

const journey = catalogue['someone-died'];
const route = reachablePages(journey, exampleSubmissions['someone-died'].answers);

describe('the directory in a browser', () => {
  it("shows a fallback organisation its kind's settings, accessibly", async () => {
    const { context, page, errors } = await signedInAdmin();
    const council = await fallbackOrganisation(server.database.db, 'council');
    await page.goto(`${server.baseUrl}/staff/organisations/${council.id}`);
    const settings = page.getByRole('region', { name: 'Its kind’s settings (AGENCY_COUNCIL_*)' });
    expect(await settings.locator('dt').allTextContents()).toEqual([
      'How its kind is told',
      'Webhook',
      'Scheduled file',
      'SFTP server’s host key',
      'Email alert',
    ]);
    expect(await settings.locator('dd').first().textContent()).toBe(
      'Its inbox (the agency API or portal): no webhook or file is set',
    );
    await expectAccessible(page, "a fallback with its kind's settings");
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an admin adds an organisation: a GP practice, which then appears in a resident’s GP search', async () => {
    const { context, page, errors } = await signedInAdmin();
    await press(page, 'Organisations', '/staff/organisations', 'link');
    expect(await page.locator('h1').textContent()).toBe('Organisations');
    await expectAccessible(page, 'the list');
    await page.getByLabel('Kind of organisation').selectOption('gp-practice');
    await press(page, 'Show organisations', '/staff/organisations');
    expect(await page.locator('caption').textContent()).toBe('1 organisation');
    await expectAccessible(page, 'the list filtered');

    // A link drawn as a button (GOV.UK's start-button pattern): its role is button.
    await press(page, 'Add an organisation', '/staff/organisations/new');
    await expectAccessible(page, 'the add form');
    await press(page, 'Add organisation', '/staff/organisations/new');
    expect(await errorSummary(page)).toEqual(['Select a service from the list', 'Enter the organisation’s name']);
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('govuk-error-summary');
    await expectAccessible(page, 'the add form with errors');

    await page.getByLabel('GP practice').check();
    await page.getByLabel('Name', { exact: true }).fill('Orchard Lane Surgery');
    await page.getByLabel('Official code').fill('Y0123');
    await page.getByLabel('Areas served').fill('NB1 NB2');
    await page.getByLabel('Postcode').fill('NB1 7XY');
    await page.getByLabel('Working days to acknowledge').fill('1');
    await page.getByLabel('Working days to action').fill('5');
    await page.getByLabel('Verification minimum').selectOption('medium');
    await press(page, 'Add organisation', '/staff/organisations/new');
    expect(await errorSummary(page)).toEqual([
      'Enter the practice’s NHS ODS code: a letter and 5 numbers, like Y01234',
    ]);
    // What was typed stays.
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Orchard Lane Surgery');
    await expectAccessible(page, 'the add form with a code of the wrong shape');

    await page.getByLabel('Official code').fill('Y01230');
    await Promise.all([
      page.waitForURL((url) => /^\/staff\/organisations\/[0-9a-f-]{36}$/.test(url.pathname)),
      page.getByRole('button', { name: 'Add organisation' }).click(),
    ]);
    const organisationPath = new URL(page.url()).pathname;
    expect(await page.locator('.govuk-notification-banner__heading').textContent()).toBe('The organisation is added');
    expect(await page.locator('h1').textContent()).toBe('Orchard Lane Surgery');
    expect(await page.locator('.govuk-summary-list').textContent()).toContain(
      '1 working days to acknowledge, 5 to action',
    );
    await expectAccessible(page, 'the organisation');

    await press(page, 'Change the organisation and its settings', `${organisationPath}/change`, 'link');
    await expectAccessible(page, 'the change form');
    await page.getByLabel('Working days to action').fill('');
    await press(page, 'Save changes', `${organisationPath}/change`);
    expect(await errorSummary(page)).toEqual([
      'Enter the working days to action, or leave both targets blank for the default',
    ]);
    await expectAccessible(page, 'the change form with errors');
    await page.getByLabel('Working days to action').fill('6');
    await press(page, 'Save changes', organisationPath);
    expect(await page.locator('.govuk-notification-banner__heading').textContent()).toBe('The organisation is changed');

    await press(page, 'Disable organisation', organisationPath);
    expect(await page.getByRole('button', { name: 'Enable organisation' }).count()).toBe(1);
    await expectAccessible(page, 'a disabled organisation');
    await press(page, 'Enable organisation', organisationPath);
    expect(await page.locator('.govuk-notification-banner__heading').textContent()).toBe(
      'The organisation is enabled again',
    );
    expect(errors).toEqual([]);
    await context.close();

    // A resident, without JavaScript, finds the practice on the GP practice page.
    const residentContext = await browser.newContext({ javaScriptEnabled: false });
    const resident = await residentContext.newPage();
    await resident.goto(`${server.baseUrl}/start`);
    await resident.getByLabel(journey.title).check();
    await press(resident, 'Continue', `/someone-died/${route[0]?.path ?? ''}`);
    for (const [index, definition] of route.entries()) {
      if (definition.id === 'their-gp-practice') break;
      await fillForm(resident, pagePost(definition, exampleSubmissions['someone-died'].answers));
      await press(resident, 'Continue', `/someone-died/${route[index + 1]?.path ?? ''}`);
    }
    await resident.getByLabel('Search by name or postcode').fill('orchard');
    await press(resident, 'Search', '/someone-died/their-gp-practice');
    expect(await resident.getByLabel('Orchard Lane Surgery').count()).toBe(1);
    await residentContext.close();
    // Ten pages checked with axe, and a resident's journey: slow on a loaded machine.
  }, 180_000);

  it('an admin sets a practice to be told by scheduled file, with an email alert, and copies its public key', async () => {
    const practice = await createOrganisation(
      server.database.db,
      { kind: 'gp-practice', name: 'Weir Side Surgery', code: 'Y01240', areas: [] },
      { type: 'system' },
    );
    const { context, page, errors } = await signedInAdmin();
    const organisationPath = `/staff/organisations/${practice.id}`;
    await page.goto(`${server.baseUrl}${organisationPath}/change`);
    await page.getByLabel('How it is told').selectOption('file');
    await page.getByLabel('SFTP server', { exact: true }).fill('files.weirside.example');
    await page.getByLabel('Host key fingerprint').fill('SHA256:not-a-fingerprint');
    await page.getByLabel('When the file is made').fill('0 18 * * 1-5');
    await page.getByLabel('Team mailbox').fill('registrations@weirside.example');
    await press(page, 'Save changes', `${organisationPath}/change`);
    expect(await errorSummary(page)).toEqual([
      'Enter the user the portal signs in as',
      'Enter the folder files are put in, starting /, like /imports',
      'Enter the host key fingerprint as ssh-keygen -lf prints it, starting SHA256:',
    ]);
    expect(await page.getByLabel('SFTP server', { exact: true }).inputValue()).toBe('files.weirside.example');
    await expectAccessible(page, 'the change form with channel errors');

    await page.getByLabel('User', { exact: true }).fill('tuo');
    await page.getByLabel('Folder', { exact: true }).fill('/imports');
    await page
      .getByLabel('Host key fingerprint')
      .fill(`SHA256:${Buffer.alloc(32, 5).toString('base64').replace(/=+$/, '')}`);
    await page.getByLabel('How often').selectOption('daily');
    await press(page, 'Save changes', organisationPath);
    expect(await page.locator('.govuk-notification-banner__heading').textContent()).toBe('The organisation is changed');
    const summary = await page.locator('.govuk-summary-list').textContent();
    expect(summary).toContain('A scheduled file over SFTP');
    expect(summary).toContain('CSV to /imports on files.weirside.example, port 22, as tuo');
    expect(summary).toContain('registrations@weirside.example, a daily digest at 08:00 UTC');
    const publicKey = page.getByLabel('The portal’s public key for its SFTP account');
    expect(await publicKey.inputValue()).toMatch(/^ssh-ed25519 AAAA\S+ tell-us-once-/);
    expect(await publicKey.getAttribute('readonly')).not.toBeNull();
    await expectAccessible(page, 'an organisation told by scheduled file');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
