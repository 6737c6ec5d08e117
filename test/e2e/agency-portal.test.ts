import { catalogue, exampleSubmissions, reachablePages } from '@tuo/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningWorker } from '../../server/src/queue/worker-runner.js';
import { createTestAgencyUser, type TestAgencyUser } from '../support/agency-client.js';
import { fakeNotify } from '../support/fake-notify.js';
import { fillForm } from '../support/fill-form.js';
import { pagePost } from '../support/resident.js';
import { createTestStaff, type TestStaff } from '../support/staff-client.js';
import { accessibilityViolations, launchBrowser } from '../support/browser.js';
import { signInInBrowser } from '../support/browser-sign-in.js';
import { startListeningApp, type ListeningApp } from '../support/listening-app.js';
import { testConfig } from '../support/test-config.js';
import { startTestWorker } from '../support/test-worker.js';
import { waitFor } from '../support/wait-for.js';
import { outsideServices } from '../support/outside-services.js';

// Codes go by email through a fake GOV.UK Notify (msw in this process, which runs the portal), and
// Jobcentre Plus needs a medium level, so a confirmed online report waits for a staff check there.
const notify = fakeNotify('https://notify-stub.example.org');
outsideServices({ handlers: notify.handlers, unhandled: 'bypass' });
const env = {
  OUTBOX_RELAY_INTERVAL_MS: '20',
  NOTIFY_API_KEY: notify.apiKey,
  NOTIFY_BASE_URL: 'https://notify-stub.example.org',
  NOTIFY_EMAIL_TEMPLATE_ID: '6d4b7c7e-3d2a-4c55-9f57-3f3b0d8d7a10',
  VERIFICATION_MINIMUMS: 'jobcentre=medium',
};
let browser: Browser;
let server: ListeningApp;
let worker: RunningWorker;
let user: TestAgencyUser;
let admin: TestAgencyUser;
let supervisor: TestStaff;
beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startListeningApp({ env })]);
  worker = await startTestWorker(server.database, testConfig(server.database.url, env));
  [user, admin] = [
    await createTestAgencyUser(server.database.db, 'council'),
    await createTestAgencyUser(server.database.db, 'council', 'agency-admin'),
  ];
  supervisor = await createTestStaff(server.database.db, 'supervisor');
});
afterAll(async () => {
  await worker.stop();
  await browser.close();
  await server.close();
});

/** The code the fake Notify emailed for a report. */
const emailedCode = async (reference: string) =>
  (await waitFor(async () => notify.sent.find((m) => m.personalisation.reference === reference))).personalisation
    .code ?? '';

/** Clicks a button and waits for the page it leads to. */
async function press(page: Page, button: string | RegExp, path: string): Promise<void> {
  await Promise.all([
    page.waitForURL((url) => url.pathname === path),
    page.getByRole('button', { name: button }).click(),
  ]);
}

/** Axe on the page as it stands: every portal page, error states included, must have no violations. */
async function expectAccessible(page: Page): Promise<void> {
  expect(await accessibilityViolations(page), page.url()).toEqual([]);
}

/** A new browser context that records script errors and hydration mismatches. */
async function watchedPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await (await browser.newContext()).newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // Pages answered 4xx on purpose are logged too; those are not errors of the page.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      errors.push(message.text());
  });
  return { page, errors };
}

async function signIn(page: Page, who: TestAgencyUser): Promise<void> {
  await signInInBrowser(
    page,
    { baseUrl: server.baseUrl, db: server.database.db, base: '/agency', home: '/agency/notifications' },
    who,
  );
}

describe('the agency portal in a browser', () => {
  it(
    'an agency user signs in, opens a notification, acknowledges and actions it, and the resident sees it',
    { timeout: 120_000 },
    async () => {
      const created = await fetch(`${server.baseUrl}/api/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(exampleSubmissions['someone-died']),
      });
      const { reference, trackingSecret } = (await created.json()) as { reference: string; trackingSecret: string };
      // An anonymous report goes nowhere until the code emailed to its reporter is entered.
      const confirmed = await fetch(`${server.baseUrl}/api/submissions/${reference}/confirmation`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'tracking-secret': trackingSecret },
        body: JSON.stringify({ code: await emailedCode(reference) }),
      });
      expect(confirmed.status).toBe(200);
      await waitFor(async () => {
        const rows = await server.database.db
          .selectFrom('deliveries')
          .select('status')
          .innerJoin('submissions', 'submissions.id', 'deliveries.submission_id')
          .where('agency', '=', 'council')
          .where('submissions.reference', '=', reference)
          .execute();
        return rows.length > 0 && rows.every((r) => r.status === 'delivered') ? true : undefined;
      });
      const { page, errors } = await watchedPage();

      await page.goto(`${server.baseUrl}/agency/sign-in`);
      await expectAccessible(page);
      await page.getByLabel('Email address').fill(user.email);
      await page.getByLabel('Password').fill('not the password');
      await press(page, 'Sign in', '/agency/sign-in');
      expect(await page.title()).toMatch(/^Error: Sign in to the agency portal/);
      await expectAccessible(page);
      await signIn(page, user);
      expect(await page.locator('h1').textContent()).toBe('Notifications');
      await expectAccessible(page);

      await page.goto(`${server.baseUrl}/agency/notifications?status=all&from=2026-02-30`);
      expect(await page.locator('.govuk-error-summary').textContent()).toContain('Delivered from must be a real date');
      await expectAccessible(page);
      await page.getByRole('link', { name: 'New' }).click();
      await page.getByLabel('Life event').selectOption('someone-died');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL((url) => url.searchParams.get('lifeEvent') === 'someone-died');
      await expectAccessible(page);

      await page.getByRole('link', { name: reference }).click();
      await page.waitForURL((url) => url.pathname.startsWith('/agency/notifications/'));
      const notificationPath = new URL(page.url()).pathname;
      expect(await page.locator('h1').textContent()).toBe(`Notification ${reference}`);
      expect(await page.locator('.govuk-summary-list').nth(1).textContent()).toContain(
        'When did they die?14 January 2025',
      );
      await expectAccessible(page);

      await press(page, 'Mark as actioned', `${notificationPath}/actioned`);
      expect(await page.locator('.govuk-error-summary').textContent()).toContain('Say what was done');
      await expectAccessible(page);
      await press(page, 'Acknowledge', notificationPath);
      expect(await page.locator('.govuk-notification-banner').textContent()).toContain(
        'You acknowledged this notification.',
      );
      await expectAccessible(page);
      const outcome = 'Closed the council tax account from 14 January';
      await page.getByLabel('What did your agency do?').fill(outcome);
      expect(await page.locator('#outcome-info').textContent()).toBe(
        `You have ${String(2000 - outcome.length)} characters remaining`,
      );
      await press(page, 'Mark as actioned', notificationPath);
      expect(await page.locator('.govuk-notification-banner').textContent()).toContain(
        'You marked this notification as actioned.',
      );
      expect(await page.locator('main').textContent()).toContain('Closed the council tax account from 14 January');
      await expectAccessible(page);

      await page.goto(`${server.baseUrl}/agency/notifications/00000000-0000-4000-8000-000000000000`);
      expect(await page.locator('h1').textContent()).toBe('Page not found');
      await expectAccessible(page);
      await page.goto(`${server.baseUrl}/agency/keys`);
      expect(await page.locator('h1').textContent()).toBe('You cannot do this');
      await expectAccessible(page);

      await page.goto(`${server.baseUrl}/track`);
      await page.getByLabel('Reference').fill(reference);
      await page.getByLabel('Tracking code').fill(trackingSecret);
      await page.getByRole('button', { name: /progress/i }).click();
      await page.waitForSelector('h1:has-text("Your report")');
      const council = page.locator('.govuk-summary-list__row', { hasText: 'Their local council' });
      expect(await council.locator('.govuk-tag').textContent()).toBe('Done');
      expect(errors).toEqual([]);
    },
  );

  it('an agency admin makes an API key and sees how webhooks are signed', async () => {
    const { page, errors } = await watchedPage();
    await signIn(page, admin);
    await page.getByRole('link', { name: 'API keys and webhook secret' }).click();
    await page.waitForURL((url) => url.pathname === '/agency/keys');
    await expectAccessible(page);
    await press(page, 'Make key', '/agency/keys');
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter a name for the key');
    await expectAccessible(page);
    await page.getByLabel('Name of the system that will use it').fill('Revenues system');
    await press(page, 'Make key', '/agency/keys');
    expect(await page.locator('.govuk-panel code').textContent()).toMatch(/^tuo_council_/);
    await expectAccessible(page);
    await press(page, 'Revoke Revenues system', '/agency/keys');
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('The key was revoked');
    expect(await page.locator('main').textContent()).toContain('has no webhook secret');
    await expectAccessible(page);
    expect(errors).toEqual([]);
  });

  it('a resident confirms with the emailed code, tracks, is checked and corrected by staff, then withdraws; the council sees the level and the withdrawal', async () => {
    const lifeEvent = 'someone-died';
    const resident = await watchedPage();
    const page = resident.page;
    await page.goto(`${server.baseUrl}/start`);
    await page.getByLabel(catalogue[lifeEvent].title).check();
    const answers = exampleSubmissions[lifeEvent].answers;
    const route = reachablePages(catalogue[lifeEvent], answers);
    await press(page, 'Continue', `/${lifeEvent}/${route[0]?.path ?? ''}`);
    for (const [index, definition] of route.entries()) {
      await fillForm(page, pagePost(definition, answers));
      await press(page, 'Continue', `/${lifeEvent}/${route[index + 1]?.path ?? 'check-answers'}`);
    }
    await press(page, 'Continue', `/${lifeEvent}/who-to-tell`);
    await press(page, 'Tell all of them', `/${lifeEvent}/declaration`);
    await page.getByLabel(/I confirm/).check();
    await press(page, 'Accept and send', `/${lifeEvent}/confirmation`);
    const reference = (await page.locator('#reference').textContent()) ?? '';
    expect(await page.locator('main').textContent()).not.toContain('Trial install');
    await expectAccessible(page);
    await page.getByLabel('Enter your code').fill('000000');
    await press(page, 'Confirm my report', `/${lifeEvent}/confirmation`);
    await page.locator('.govuk-error-summary').waitFor();
    await expectAccessible(page);
    await page.getByLabel('Enter your code').fill(await emailedCode(reference));
    await press(page, 'Confirm my report', `/${lifeEvent}/confirmation`);
    await page.locator('.govuk-panel--confirmation').waitFor();
    // The receipt emailed once the report is confirmed links to its tracking page.
    const receipt = await waitFor(async () =>
      notify.sent.find((m) => m.personalisation.reference === reference && m.personalisation.tracking_link),
    );
    const link = new URL(receipt.personalisation.tracking_link ?? '');
    const showProgress = async () => {
      await page.goto(`${server.baseUrl}${link.pathname}${link.search}`);
      await page.waitForSelector('h1:has-text("Your report")');
    };
    await showProgress();
    const jobcentre = page.locator('.govuk-summary-list__row', { hasText: 'Jobcentre Plus' });
    expect(await jobcentre.locator('.govuk-tag').textContent()).toBe('Being checked by our staff');
    await expectAccessible(page);

    // A supervisor works the "Needs checking" queue: errors first, then decides not to send it.
    const staff = await watchedPage();
    await signInInBrowser(
      staff.page,
      { baseUrl: server.baseUrl, db: server.database.db, base: '/staff', home: '/staff/dashboard' },
      supervisor,
    );
    await staff.page.getByRole('link', { name: 'Needs checking' }).click();
    await staff.page.waitForURL((url) => url.pathname === '/staff/needs-checking');
    await expectAccessible(staff.page);
    await staff.page.getByRole('link', { name: new RegExp(reference) }).click();
    await staff.page.waitForURL((url) => url.pathname.startsWith('/staff/needs-checking/'));
    const checkPath = new URL(staff.page.url()).pathname;
    await expectAccessible(staff.page);
    await press(staff.page, 'Record check and release', `${checkPath}/release`);
    expect(await staff.page.locator('.govuk-error-summary').textContent()).toContain('Select what you checked');
    await expectAccessible(staff.page);
    await staff.page.getByLabel('Why should it not be sent?').fill('The register office has no record of this death');
    await press(staff.page, 'Do not send', '/staff/needs-checking');
    expect(await staff.page.locator('.govuk-notification-banner').textContent()).toContain('will not be sent');
    await expectAccessible(staff.page);

    // And corrects an answer: errors on the form, then the corrected date.
    await staff.page.goto(`${server.baseUrl}/staff/submissions/${reference}`);
    await staff.page.getByRole('link', { name: 'Correct an answer' }).click();
    const correctionPath = `/staff/submissions/${reference}/correction`;
    await staff.page.waitForURL((url) => url.pathname === correctionPath);
    await expectAccessible(staff.page);
    await press(staff.page, 'Continue', correctionPath);
    expect(await staff.page.locator('.govuk-error-summary').textContent()).toContain('Select the answer to correct');
    await expectAccessible(staff.page);
    await staff.page.getByLabel('When did they die?').check();
    await press(staff.page, 'Continue', correctionPath);
    await staff.page.getByLabel(/the correct answer/).fill('2025-02-30');
    await press(staff.page, 'Save correction', correctionPath);
    await staff.page.locator('.govuk-error-summary').waitFor();
    await expectAccessible(staff.page);
    await staff.page.getByLabel(/the correct answer/).fill('2025-01-13');
    await press(staff.page, 'Save correction', `/staff/submissions/${reference}`);
    expect(await staff.page.locator('.govuk-notification-banner').textContent()).toContain('The answer is corrected');

    await showProgress();
    expect(await jobcentre.locator('.govuk-tag').textContent()).toBe(
      'Not sent: our staff could not confirm the report',
    );
    expect(await page.locator('main').textContent()).toMatch(
      /Our staff corrected this report on .*: When did they die\?/,
    );
    await expectAccessible(page);

    // The council has it, at the level the code reached.
    await waitFor(async () => {
      const rows = await server.database.db
        .selectFrom('deliveries')
        .innerJoin('submissions', 'submissions.id', 'deliveries.submission_id')
        .select('status')
        .where('agency', '=', 'council')
        .where('submissions.reference', '=', reference)
        .execute();
      return rows[0]?.status === 'delivered' ? true : undefined;
    });
    const agency = await watchedPage();
    await signIn(agency.page, user);
    const row = agency.page.locator('tr', { hasText: reference });
    expect(await row.locator('[data-level]').textContent()).toBe('Verification level: Low');
    await row.getByRole('link', { name: reference }).click();
    await agency.page.waitForURL((url) => url.pathname.startsWith('/agency/notifications/'));
    expect(await agency.page.locator('#verification').textContent()).toContain('contact confirmed by code');

    // The resident withdraws it from the tracking page; the council is told not to act.
    await page.getByText('Withdraw this report').first().click();
    await page.getByLabel('Why are you withdrawing this report?').fill('I reported the wrong person');
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/track'),
      page.getByRole('button', { name: 'Withdraw this report' }).click(),
    ]);
    await page.locator('#withdrawn').waitFor();
    expect(await page.locator('#withdrawn').textContent()).toContain('You withdrew this report on');
    await expectAccessible(page);
    await agency.page.reload();
    expect(await agency.page.locator('#withdrawn').textContent()).toContain('Withdrawn');
    await expectAccessible(agency.page);
    await agency.page.goto(`${server.baseUrl}/agency/notifications?status=all`);
    expect(await agency.page.locator('tr', { hasText: reference }).textContent()).toContain('Withdrawn');
    expect([...resident.errors, ...staff.errors, ...agency.errors]).toEqual([]);
    // A whole journey, the console and the portal in one run: longer than one page's test.
  }, 180_000);
});
