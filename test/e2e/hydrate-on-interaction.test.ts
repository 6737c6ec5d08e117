import { catalogue, exampleSubmissions, reachablePages } from '@tuo/shared';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndApp } from '../support/browser-and-app.js';
import { fillForm } from '../support/fill-form.js';
import { pagePost } from '../support/resident.js';

const run = browserAndApp();

const journey = catalogue['moving-home'];
const answers = exampleSubmissions['moving-home'].answers;
const route = reachablePages(journey, answers);
const peoplePath = '/moving-home/people-moving-with-you';

/**
 * Answers moving home up to "Who is moving with you?": a page of people rows, added and removed in
 * place, which still need React, so it hydrates on the first interaction. The pages before it are
 * plain boxes and choices, checked without React.
 */
async function toPeoplePage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${run.server.baseUrl}/start`);
  await page.getByLabel(journey.title).check();
  for (const definition of route) {
    await Promise.all([
      page.waitForURL((url) => url.pathname === `/moving-home/${definition.path}`),
      page.getByRole('button', { name: 'Continue', exact: true }).click(),
    ]);
    if (definition.id === 'people-moving') return page;
    await fillForm(page, pagePost(definition, answers));
  }
  throw new Error('no people page');
}

describe('a question page with a React widget, hydrating on the first interaction', () => {
  it('keeps what was typed before it hydrated and where focus was, and checks the form in the browser', async () => {
    const context = await run.browser.newContext();
    const page = await toPeoplePage(context);
    expect(new URL(page.url()).pathname).toBe(peoplePath);
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
    const fullName = page.locator('#peopleMoving-0-fullName');
    await fullName.click();
    await page.keyboard.type('Piotr Ko');
    await expect.poll(() => held.length).toBe(1);
    await page.keyboard.type('wal');
    for (const route of held) await route.continue();
    // Hydrated: the validators chunk is fetched alongside the page's React chunk.
    await expect
      .poll(() =>
        page.evaluate(() =>
          performance.getEntriesByType('resource').some((entry) => entry.name.includes('question-validation')),
        ),
      )
      .toBe(true);
    await page.keyboard.type('ski');
    expect(await fullName.inputValue()).toBe('Piotr Kowalski');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('peopleMoving-0-fullName');
    // The date of birth left empty: the browser's checks show the GOV.UK error summary, with no post.
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual(['Enter the date of birth of person 1']);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.className ?? ''))
      .toContain('govuk-error-summary');
    expect(await fullName.inputValue()).toBe('Piotr Kowalski');
    expect(posts).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('holds a press of Continue made before it hydrated and checks it in the browser', async () => {
    const context = await run.browser.newContext();
    const page = await toPeoplePage(context);
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(request.url());
    });
    // The press itself is the first interaction: it is held until React owns the page, then checked.
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('.govuk-error-summary').getByRole('link').allTextContents()).toEqual([
      'Enter the full name of person 1',
    ]);
    expect(
      await page.evaluate(() =>
        performance.getEntriesByType('resource').some((entry) => entry.name.includes('hydrate-page')),
      ),
    ).toBe(true);
    expect(posts).toEqual([]);
    expect(new URL(page.url()).pathname).toBe(peoplePath);
    await context.close();
  });
});
