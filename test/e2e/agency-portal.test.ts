import { exampleSubmissions } from '@tuo/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningWorker } from '../../server/src/queue/worker-runner.js';
import { createTestAgencyUser, type TestAgencyUser } from '../support/agency-client.js';
import { accessibilityViolations, launchBrowser } from '../support/browser.js';
import { signInInBrowser } from '../support/browser-sign-in.js';
import { startListeningApp, type ListeningApp } from '../support/listening-app.js';
import { testConfig } from '../support/test-config.js';
import { startTestWorker } from '../support/test-worker.js';
import { waitFor } from '../support/wait-for.js';

const env = { OUTBOX_RELAY_INTERVAL_MS: '20' };
let browser: Browser;
let server: ListeningApp;
let worker: RunningWorker;
let user: TestAgencyUser;
let admin: TestAgencyUser;
beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startListeningApp({ env })]);
  worker = await startTestWorker(server.database, testConfig(server.database.url, env));
  [user, admin] = [
    await createTestAgencyUser(server.database.db, 'council'),
    await createTestAgencyUser(server.database.db, 'council', 'agency-admin'),
  ];
});
afterAll(async () => {
  await worker.stop();
  await browser.close();
  await server.close();
});

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
  it('an agency user signs in, opens a notification, acknowledges and actions it, and the resident sees it', async () => {
    const created = await fetch(`${server.baseUrl}/api/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(exampleSubmissions['someone-died']),
    });
    const { reference, trackingSecret, confirmation } = (await created.json()) as {
      reference: string;
      trackingSecret: string;
      confirmation?: { trialCode?: string };
    };
    // An anonymous report goes nowhere until its code is entered (shown here: the tests run as a trial install).
    const confirmed = await fetch(`${server.baseUrl}/api/submissions/${reference}/confirmation`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'tracking-secret': trackingSecret },
      body: JSON.stringify({ code: confirmation?.trialCode }),
    });
    expect(confirmed.status).toBe(200);
    await waitFor(async () => {
      const rows = await server.database.db
        .selectFrom('deliveries')
        .select('status')
        .where('agency', '=', 'council')
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
  });

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
});
