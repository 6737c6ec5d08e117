import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchBrowser } from '../support/browser.js';
import { fakeNotify } from '../support/fake-notify.js';
import { startListeningApp, type ListeningApp } from '../support/listening-app.js';
import { testConfig } from '../support/test-config.js';
import { startTestWorker } from '../support/test-worker.js';
import { waitFor } from '../support/wait-for.js';
import { outsideServices } from '../support/outside-services.js';

const notify = fakeNotify();
outsideServices({ handlers: notify.handlers, unhandled: 'bypass' });
const env = {
  OUTBOX_RELAY_INTERVAL_MS: '20',
  NOTIFY_API_KEY: notify.apiKey,
  NOTIFY_EMAIL_TEMPLATE_ID: randomUUID(),
  NOTIFY_SAVED_FORM_EMAIL_TEMPLATE_ID: randomUUID(),
};

let browser: Browser;
let server: ListeningApp;
let worker: Awaited<ReturnType<typeof startTestWorker>>;
beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startListeningApp({ env })]);
  worker = await startTestWorker(server.database, testConfig(server.database.url, env));
});
afterAll(async () => {
  await worker.stop();
  await browser.close();
  await server.close();
});

async function press(page: Page, button: string, path?: string): Promise<void> {
  await Promise.all([
    path ? page.waitForURL((url) => url.pathname === path) : page.waitForLoadState('load'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
}

/** Answers the first question, types part of the second, and presses "Save and come back later". */
async function startAndSave(page: Page): Promise<void> {
  await page.goto(`${server.baseUrl}/start`);
  await page.getByLabel('Someone has died').check();
  await press(page, 'Continue', '/someone-died/their-name');
  await page.getByLabel('First name').fill('Mary');
  await page.getByLabel('Last name').fill('Jones');
  await press(page, 'Continue', '/someone-died/date-of-birth');
  await page.getByLabel('Day').fill('2');
  await press(page, 'Save and come back later', '/someone-died/save');
}

async function firstNameShown(page: Page): Promise<string> {
  await page.goto(`${server.baseUrl}/someone-died/their-name`);
  return page.getByLabel('First name').inputValue();
}

describe('save and come back later in a real browser', () => {
  it('by a code, with JavaScript off: the code restores the answers in another browser, once', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await startAndSave(page);
    await press(page, 'Save my answers');
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'Select how you want to come back to your form',
    );
    await page.getByLabel('Show me a code to write down').check();
    await press(page, 'Save my answers');
    const code = (await page.locator('#return-code').textContent()) ?? '';
    expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    await context.close();

    const other = await browser.newContext({ javaScriptEnabled: false });
    const later = await other.newPage();
    await later.goto(`${server.baseUrl}/`);
    await Promise.all([
      later.waitForURL((url) => url.pathname === '/return'),
      later.getByRole('link', { name: 'Return to a saved form' }).click(),
    ]);
    await later.getByLabel('Enter your code').fill(code.toLowerCase());
    await press(later, 'Continue', '/someone-died/date-of-birth');
    expect(await firstNameShown(later)).toBe('Mary');

    await later.goto(`${server.baseUrl}/return`);
    await later.getByLabel('Enter your code').fill(code);
    await press(later, 'Continue');
    expect(await later.getByRole('heading', { level: 1 }).textContent()).toBe(
      'This link or code has already been used',
    );
    await other.close();
  });

  it('by an emailed link, with JavaScript on, axe clean on every page; the link works once', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await startAndSave(page);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Send me a link by email').check();
    // The email box is revealed under its option.
    await page.getByLabel('Email address').fill('mary.reporter@example.com');
    await press(page, 'Save my answers');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Your answers are saved');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({
      path: 'test-results/saved-form-sent.png',
      fullPage: true,
    });
    await context.close();

    const sent = await waitFor(
      async () => Promise.resolve(notify.sent.find((message) => message.to === 'mary.reporter@example.com')),
      20_000,
      'the saved form email',
    );
    const link = (sent.personalisation.link ?? '').replace(/^https?:\/\/[^/]+/, server.baseUrl);
    const other = await browser.newContext();
    const later = await other.newPage();
    await later.goto(link);
    expect(await later.getByRole('heading', { level: 1 }).textContent()).toBe('Carry on with your form');
    expect(await accessibilityViolations(later)).toEqual([]);
    await press(later, 'Carry on', '/someone-died/date-of-birth');
    expect(await firstNameShown(later)).toBe('Mary');

    await later.goto(link);
    expect(await later.getByRole('heading', { level: 1 }).textContent()).toBe(
      'This link or code has already been used',
    );
    expect(await accessibilityViolations(later)).toEqual([]);
    await other.close();
  });

  it('shows clear, accessible pages for the code form, a wrong code and an expired code', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await startAndSave(page);
    await page.getByLabel('Show me a code to write down').check();
    await press(page, 'Save my answers');
    expect(await accessibilityViolations(page)).toEqual([]);
    const code = (await page.locator('#return-code').textContent()) ?? '';

    await page.goto(`${server.baseUrl}/return`);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Enter your code').fill('ZZZZZ-ZZZZZ');
    await press(page, 'Continue');
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'We cannot find a saved form with this code',
    );
    expect(await accessibilityViolations(page)).toEqual([]);

    await server.database.db
      .updateTable('saved_journeys')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('used_at', 'is', null)
      .execute();
    await page.getByLabel('Enter your code').fill(code);
    await press(page, 'Continue');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('This link or code has run out');
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
