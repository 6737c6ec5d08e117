import { catalogue, exampleSubmissions, reachablePages } from '@tuo/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchBrowser } from '../support/browser.js';
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

const lifeEvent = 'someone-died';
const journey = catalogue[lifeEvent];
const answers = exampleSubmissions[lifeEvent].answers;

async function expectNoViolations(page: Page, what: string): Promise<void> {
  expect(await accessibilityViolations(page), what).toEqual([]);
}

async function continueTo(page: Page, path: string, button = 'Continue'): Promise<void> {
  await Promise.all([
    page.waitForURL((url) => url.pathname === path),
    page.getByRole('button', { name: button }).click(),
  ]);
}

describe('a whole journey with JavaScript, on a phone-sized screen', () => {
  it('validates in the browser with the shared schema, sends, and tracks, with no axe violations on any page kind', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });

    await page.goto(`${server.baseUrl}/start`);
    await expectNoViolations(page, 'What has happened?');
    await page.getByLabel(journey.title).check();
    const route = reachablePages(journey, answers);
    await continueTo(page, `/${lifeEvent}/${route[0]?.path ?? ''}`);
    await expect
      .poll(() => page.evaluate(() => document.body.classList.contains('govuk-frontend-supported')))
      .toBe(true);

    // An empty Continue is caught in the browser: no request, the summary takes focus, the title says Error.
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(request.url());
    });
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary')))
      .toBe(true);
    expect(posts).toEqual([]);
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.locator('.govuk-error-summary a').first().textContent()).toBe('Enter their first name');
    await expectNoViolations(page, 'question page with errors');
    await page.screenshot({ path: 'test-results/journey-question-errors-375.png', fullPage: true });

    for (const [index, definition] of route.entries()) {
      await fillForm(page, pagePost(definition, answers));
      if (index === 1) await expectNoViolations(page, 'date question');
      if (definition.id === 'about-you')
        await expectNoViolations(page, 'radios with a conditional reveal and checkboxes');
      await continueTo(page, `/${lifeEvent}/${route[index + 1]?.path ?? 'check-answers'}`);
    }

    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Check your answers');
    expect((await page.locator('.govuk-summary-list').allTextContents()).join(' ')).toContain("O'Brien");
    await expectNoViolations(page, 'check your answers');
    await page.screenshot({ path: 'test-results/journey-check-answers-375.png', fullPage: true });
    await continueTo(page, `/${lifeEvent}/who-to-tell`);
    await expectNoViolations(page, 'who to tell');
    await continueTo(page, `/${lifeEvent}/declaration`, 'Tell all of them');
    await expectNoViolations(page, 'declaration');
    await page.getByLabel(/I confirm/).check();
    await continueTo(page, `/${lifeEvent}/confirmation`, 'Accept and send');
    await expectNoViolations(page, 'confirmation');
    await page.screenshot({ path: 'test-results/journey-confirmation-375.png', fullPage: true });
    const reference = await page.locator('#reference').textContent();
    expect(reference).toMatch(/^TUO-/);

    await Promise.all([
      page.waitForURL((url) => url.pathname === '/track'),
      page.getByRole('link', { name: 'Track your report' }).click(),
    ]);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Your report ${reference ?? ''}`);
    // Not yet confirmed by its code: nothing has gone anywhere.
    expect((await page.locator('.govuk-summary-list').allTextContents()).join(' ')).toContain(
      'Waiting for you to confirm',
    );
    await expectNoViolations(page, 'tracking result');
    await page.goto(`${server.baseUrl}/track`);
    await expectNoViolations(page, 'tracking form');
    expect(problems).toEqual([]);
    await context.close();
  });
});
