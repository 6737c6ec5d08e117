import { catalogue, exampleSubmissions, reachablePages } from '@tuo/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { fillForm } from '../support/fill-form.js';
import { startListeningApp, type ListeningApp } from '../support/listening-app.js';
import { pagePost } from '../support/resident.js';

let browser: Browser;
let server: ListeningApp;
beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startListeningApp()]);
});
afterAll(async () => {
  await browser.close();
  await server.close();
});

const lifeEvent = 'moving-home';
const journey = catalogue[lifeEvent];
const answers = exampleSubmissions[lifeEvent].answers;

async function continueTo(page: Page, path: string, button = 'Continue'): Promise<void> {
  await Promise.all([
    page.waitForURL((url) => url.pathname === path),
    page.getByRole('button', { name: button }).click(),
  ]);
}

describe('a whole journey with JavaScript off', () => {
  it('completes with plain HTML forms: server errors, conditional questions shown, sent and tracked', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/start`);
    await continueTo(page, '/start');
    expect(await page.title()).toMatch(/^Error: What has happened\?/);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Select what has happened');
    await page.getByLabel(journey.title).check();
    const route = reachablePages(journey, answers);
    await continueTo(page, `/${lifeEvent}/${route[0]?.path ?? ''}`);

    for (const [index, definition] of route.entries()) {
      if (definition.id === 'who-is-moving') {
        // Without JavaScript the follow-up question is simply on the page, under its option.
        expect(await page.getByLabel('Who else is moving with you?').isVisible()).toBe(true);
        await continueTo(page, `/${lifeEvent}/${definition.path}`);
        expect(await page.locator('.govuk-error-summary a').first().textContent()).toBe('Select who is moving');
      }
      await fillForm(page, pagePost(definition, answers));
      await continueTo(page, `/${lifeEvent}/${route[index + 1]?.path ?? 'check-answers'}`);
    }

    expect((await page.locator('.govuk-summary-list').allTextContents()).join(' ')).toContain('45 High Street');
    await page.getByRole('link', { name: 'Change when do you move?' }).click();
    expect(new URL(page.url()).search).toBe('?change=1');
    await continueTo(page, `/${lifeEvent}/check-answers`);
    await continueTo(page, `/${lifeEvent}/who-to-tell`);
    // Nothing is ticked to start with (consent is opt-in): tick all but the GP.
    for (const name of ['Your local council', 'Your housing association or council landlord', 'Jobcentre Plus'])
      await page.getByLabel(name).check();
    await page.screenshot({ path: 'test-results/journey-who-to-tell-no-js-375.png', fullPage: true });
    await continueTo(page, `/${lifeEvent}/declaration`);
    await continueTo(page, `/${lifeEvent}/declaration`, 'Accept and send');
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Select that you confirm');
    await page.getByLabel(/I confirm/).check();
    await continueTo(page, `/${lifeEvent}/confirmation`, 'Accept and send');
    const reference = (await page.locator('#reference').textContent()) ?? '';
    const code = (await page.locator('#tracking-code').textContent()) ?? '';

    await page.goto(`${server.baseUrl}/track`);
    await page.getByLabel('Reference').fill(reference);
    await page.getByLabel('Tracking code').fill(code);
    await page.getByRole('button', { name: 'Show progress' }).click();
    const statuses = await page.locator('.govuk-summary-list__key').allTextContents();
    expect(statuses).toEqual(['Your local council', 'Your housing association or council landlord', 'Jobcentre Plus']);
    await context.close();
  });
});
