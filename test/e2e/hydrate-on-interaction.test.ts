import { catalogue, exampleSubmissions, reachablePages } from '@tuo/shared';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndApp } from '../support/browser-and-app.js';
import { fillForm } from '../support/fill-form.js';
import { pagePost } from '../support/resident.js';

const run = browserAndApp();

const journey = catalogue['someone-died'];
const answers = exampleSubmissions['someone-died'].answers;
const route = reachablePages(journey, answers);
const addressPath = '/someone-died/their-address';

/**
 * Answers "someone died" up to the page asking for their address: a page with the address finder,
 * one of the widgets that still need React, so it hydrates on the first interaction. The pages
 * before it are plain boxes, checked without React.
 */
async function toAddressPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${run.server.baseUrl}/start`);
  await page.getByLabel(journey.title).check();
  for (const definition of route) {
    await Promise.all([
      page.waitForURL((url) => url.pathname === `/someone-died/${definition.path}`),
      page.getByRole('button', { name: 'Continue', exact: true }).click(),
    ]);
    if (definition.id === 'last-address') return page;
    await fillForm(page, pagePost(definition, answers));
  }
  throw new Error('no address page');
}

describe('a question page with a React widget, hydrating on the first interaction', () => {
  it('keeps what was typed before it hydrated and where focus was, and checks the form in the browser', async () => {
    const context = await run.browser.newContext();
    const page = await toAddressPage(context);
    expect(new URL(page.url()).pathname).toBe(addressPath);
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    // The page's React chunk is held back, so the resident types into the server's HTML.
    const held: Route[] = [];
    await page.route(/\/static\/hydrate-page-[^/]+\.js$/, (route) => {
      held.push(route);
    });
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(request.url());
    });
    const line1 = page.getByLabel('Address line 1');
    await line1.click();
    await page.keyboard.type('24 Mi');
    await expect.poll(() => held.length).toBe(1);
    await page.keyboard.type('ll');
    for (const route of held) await route.continue();
    // Hydrated: the validators chunk is fetched alongside the page's React chunk.
    await expect
      .poll(() =>
        page.evaluate(() =>
          performance.getEntriesByType('resource').some((entry) => entry.name.includes('question-validation')),
        ),
      )
      .toBe(true);
    await page.keyboard.type(' Lane');
    expect(await line1.inputValue()).toBe('24 Mill Lane');
    const line1Id = await line1.getAttribute('id');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(line1Id);
    // Town and postcode left empty: the browser's checks show the GOV.UK error summary, with no post.
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual(['Enter town or city', 'Enter postcode']);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.className ?? ''))
      .toContain('govuk-error-summary');
    expect(await line1.inputValue()).toBe('24 Mill Lane');
    expect(posts).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('holds a press of Continue made before it hydrated and checks it in the browser', async () => {
    const context = await run.browser.newContext();
    const page = await toAddressPage(context);
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(request.url());
    });
    // The press itself is the first interaction: it is held until React owns the page, then checked.
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('.govuk-error-summary').getByRole('link').allTextContents()).toEqual([
      'Enter address line 1, typically the building and street',
      'Enter town or city',
      'Enter postcode',
    ]);
    expect(
      await page.evaluate(() =>
        performance.getEntriesByType('resource').some((entry) => entry.name.includes('hydrate-page')),
      ),
    ).toBe(true);
    expect(posts).toEqual([]);
    expect(new URL(page.url()).pathname).toBe(addressPath);
    await context.close();
  });
});
