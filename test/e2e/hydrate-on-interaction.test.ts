import type { Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndApp } from '../support/browser-and-app.js';

const run = browserAndApp();

describe('a question page hydrating on the first interaction', () => {
  it('keeps what was typed before it hydrated and where focus was, and checks the form in the browser', async () => {
    const context = await run.browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.goto(`${run.server.baseUrl}/start`);
    await page.getByLabel('Someone has died').check();
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/someone-died/their-name'),
      page.getByRole('button', { name: 'Continue' }).click(),
    ]);
    // The page's React chunk is held back, so the resident types into the server's HTML.
    const held: Route[] = [];
    await page.route(/\/static\/hydrate-page-[^/]+\.js$/, (route) => {
      held.push(route);
    });
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(request.url());
    });
    const firstName = page.getByLabel('First name');
    await firstName.click();
    await page.keyboard.type('Marg');
    await expect.poll(() => held.length).toBe(1);
    await page.keyboard.type('aret');
    for (const route of held) await route.continue();
    // Hydrated: the validators chunk is fetched alongside the page's React chunk.
    await expect
      .poll(() =>
        page.evaluate(() =>
          performance.getEntriesByType('resource').some((entry) => entry.name.includes('question-validation')),
        ),
      )
      .toBe(true);
    await page.keyboard.type(' Ann');
    expect(await firstName.inputValue()).toBe('Margaret Ann');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('firstName');
    // Last name left empty: the browser's checks show the GOV.UK error summary, with no post.
    await page.keyboard.press('Enter');
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual(['Enter their last name']);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.className ?? ''))
      .toContain('govuk-error-summary');
    expect(await firstName.inputValue()).toBe('Margaret Ann');
    expect(posts).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('holds a press of Continue made before it hydrated and checks it in the browser', async () => {
    const context = await run.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${run.server.baseUrl}/start`);
    await page.getByLabel('Someone has died').check();
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/someone-died/their-name'),
      page.getByRole('button', { name: 'Continue' }).click(),
    ]);
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(request.url());
    });
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('.govuk-error-summary').getByRole('link').allTextContents()).toEqual([
      'Enter their first name',
      'Enter their last name',
    ]);
    expect(posts).toEqual([]);
    await context.close();
  });
});
