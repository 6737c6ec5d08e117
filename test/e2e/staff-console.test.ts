import { catalogue, exampleSubmissions, reachablePages, type Answers } from '@tuo/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchBrowser } from '../support/browser.js';
import { signInInBrowser } from '../support/browser-sign-in.js';
import { fillForm } from '../support/fill-form.js';
import { startListeningApp, type ListeningApp } from '../support/listening-app.js';
import { pagePost } from '../support/resident.js';
import { createTestStaff, type TestStaff } from '../support/staff-client.js';
import { submitConfirmed } from '../support/confirm-submission.js';

let browser: Browser;
let server: ListeningApp;
let adviser: TestStaff;
let supervisor: TestStaff;
let admin: TestStaff;
beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startListeningApp()]);
  [adviser, supervisor, admin] = [
    await createTestStaff(server.database.db, 'adviser', undefined, { displayName: 'Alex Adviser' }),
    await createTestStaff(server.database.db, 'supervisor'),
    await createTestStaff(server.database.db, 'admin'),
  ];
});
afterAll(async () => {
  await browser.close();
  await server.close();
});

const lifeEvent = 'baby-born';
const answers = JSON.parse(
  JSON.stringify(exampleSubmissions[lifeEvent].answers, (key, value: unknown) => (key === 'uprn' ? undefined : value)),
) as Answers;

/** Clicks a button and waits for the page it leads to. */
async function press(page: Page, button: string, path: string): Promise<void> {
  await Promise.all([
    page.waitForURL((url) => url.pathname === path),
    page.getByRole('button', { name: button }).click(),
  ]);
}

/** Axe on the page as it stands: every console page must have no violations. */
async function expectAccessible(page: Page): Promise<void> {
  expect(await accessibilityViolations(page), page.url()).toEqual([]);
}

async function signIn(page: Page, who: TestStaff): Promise<void> {
  await signInInBrowser(
    page,
    { baseUrl: server.baseUrl, db: server.database.db, base: '/staff', home: '/staff/dashboard' },
    who,
  );
}

describe('the staff console in a browser', () => {
  it('an adviser signs in, completes an assisted report, and finds it by search', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // Hydration mismatches and script errors surface here.
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      // Pages answered 400 or 401 on purpose are logged too; those are not errors of the page.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
        errors.push(message.text());
    });
    await page.goto(`${server.baseUrl}/staff/sign-in`);
    await expectAccessible(page);
    await page.getByLabel('Email address').fill(adviser.email);
    await page.getByLabel('Password').fill('not the password');
    await press(page, 'Sign in', '/staff/sign-in');
    expect(await page.title()).toMatch(/^Error: Sign in to the staff console/);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'Enter a correct email address and password',
    );
    await expectAccessible(page);
    await signIn(page, adviser);
    expect(await page.locator('h1').textContent()).toBe('Dashboard');
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Help a resident' }).click();
    await page.waitForURL((url) => url.pathname === '/staff/assisted');
    await expectAccessible(page);
    await press(page, 'Start', '/staff/assisted');
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      "Select the checks you made of the resident's identity",
    );
    await expectAccessible(page);
    // Identity checks must fit the channel: no photo ID on the phone.
    await page.getByLabel('On the phone').check();
    await page.getByLabel('Photo ID').check();
    await page.getByLabel(/The resident agreed/).check();
    await press(page, 'Start', '/staff/assisted');
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'Photo ID cannot be checked on the phone',
    );
    await expectAccessible(page);
    await page.getByLabel('Photo ID').uncheck();
    await page.getByLabel('Security questions').check();
    await press(page, 'Start', '/start');
    // Every resident page the adviser runs shows who is signed in and the way back to the console.
    const banner = page.getByRole('region', { name: 'Assisted report' });
    expect(await banner.textContent()).toContain('You are helping a resident on the phone.');
    expect(await banner.textContent()).toContain('Signed in to the staff console as Alex Adviser.');
    expect(await banner.getByRole('link', { name: 'Back to the staff console' }).getAttribute('href')).toBe(
      '/staff/dashboard',
    );
    await expectAccessible(page);

    await page.getByLabel(catalogue[lifeEvent].title).check();
    const route = reachablePages(catalogue[lifeEvent], answers);
    await press(page, 'Continue', `/${lifeEvent}/${route[0]?.path ?? ''}`);
    for (const [index, definition] of route.entries()) {
      expect(await banner.isVisible(), definition.path).toBe(true);
      if (definition.id === 'parents') expect(await page.getByLabel("The resident's full name").count()).toBe(1);
      await fillForm(page, pagePost(definition, answers));
      await press(page, 'Continue', `/${lifeEvent}/${route[index + 1]?.path ?? 'check-answers'}`);
    }
    // Once the journey has it, the resident's name leads the banner.
    expect(await banner.textContent()).toContain(
      `You are helping ${exampleSubmissions[lifeEvent].answers.parentName as string} on the phone.`,
    );
    await press(page, 'Continue', `/${lifeEvent}/who-to-tell`);
    await press(page, 'Tell all of them', `/${lifeEvent}/declaration`);
    expect(await page.locator('main').textContent()).toContain('Read this to the resident and ask if they agree');
    await page.getByLabel(/The resident told me that they agree/).check();
    await press(page, 'Accept and send', `/${lifeEvent}/confirmation`);
    const reference = (await page.locator('#reference').textContent()) ?? '';
    expect(reference).toMatch(/^TUO-/);
    expect(await page.locator('#tracking-code').textContent()).toBeTruthy();

    await page.goto(`${server.baseUrl}/staff/search`);
    await expectAccessible(page);
    await page.getByLabel('Name').fill('OKAF');
    await press(page, 'Search', '/staff/search');
    await expectAccessible(page);
    await Promise.all([
      page.waitForURL((url) => url.pathname === `/staff/submissions/${reference}`),
      page.getByRole('link', { name: reference }).click(),
    ]);
    expect(await page.locator('h1').textContent()).toBe(`Submission ${reference}`);
    expect(await page.locator('main').textContent()).toContain('Made by Alex Adviser for the resident (On the phone)');
    await expectAccessible(page);
    await page.getByLabel('Add a case note').fill('Read the reference and tracking code to the resident');
    await press(page, 'Save note', `/staff/submissions/${reference}`);
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Your case note has been saved');
    await expectAccessible(page);
    await press(page, 'Finish helping this resident', '/staff/dashboard');
    expect(errors).toEqual([]);
    await context.close();
    // The longest browser run: the console, the adviser banner on every journey page, search and notes.
  }, 120_000);

  it('a supervisor retries a failed delivery; an admin reads the audit log', async () => {
    const submitted = await submitConfirmed(server.app, exampleSubmissions['someone-died']);
    const { reference } = submitted.json<{ reference: string }>();
    await server.database.db
      .updateTable('deliveries')
      .set({ status: 'failed', attempts: 1, last_error: 'The agency refused it (400)' })
      .where('agency', '=', 'council')
      .where('submission_id', 'in', (eb) =>
        eb.selectFrom('submissions').select('id').where('reference', '=', reference),
      )
      .execute();
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, supervisor);
    expect(await page.locator('table', { hasText: 'Deliveries that failed' }).textContent()).toContain(reference);
    await page.goto(`${server.baseUrl}/staff/submissions/${reference}`);
    await expectAccessible(page);
    await press(page, 'Retry delivery', `/staff/submissions/${reference}`);
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('A new attempt has been queued');
    await context.close();

    const adminContext = await browser.newContext();
    const adminPage = await adminContext.newPage();
    await signIn(adminPage, admin);
    await adminPage.getByRole('link', { name: 'Audit log' }).click();
    await adminPage.waitForURL((url) => url.pathname === '/staff/audit');
    await adminPage.getByLabel('Action').fill('staff.delivery.retried');
    await press(adminPage, 'Filter', '/staff/audit');
    expect(await adminPage.locator('tbody').textContent()).toContain(supervisor.email);
    await expectAccessible(adminPage);
    await adminContext.close();
  });
});
