import { catalogue, exampleSubmissions, reachablePages, type LifeEventId } from '@tuo/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations } from '../support/browser.js';
import { fillForm } from '../support/fill-form.js';
import { browserAndApp } from '../support/browser-and-app.js';
import { pagePost } from '../support/resident.js';
import { confirmWithTrialCode } from '../support/confirm-in-browser.js';

const run = browserAndApp();

/** Submits the page's form by its button, whatever the button says in this language, and waits for `path`. */
async function continueTo(page: Page, path: string): Promise<void> {
  await Promise.all([
    page.waitForURL((url) => url.pathname === path),
    // The primary button: a page's secondary ones (an organisation search, save) do something else.
    page.locator('main button.govuk-button:not(.govuk-button--secondary)').first().click(),
  ]);
}

async function expectPage(page: Page, language: string, dir: string, what: string): Promise<void> {
  expect(await page.locator('html').getAttribute('lang'), what).toBe(language);
  expect(await page.locator('html').getAttribute('dir'), what).toBe(dir);
  // Hydrated with this language's text (fetched for this page only), so the browser shows no mismatch.
  await expect
    .poll(() => page.evaluate(() => document.body.classList.contains('govuk-frontend-supported')), {
      message: `${what} ran no script`,
    })
    .toBe(true);
  expect(await accessibilityViolations(page), what).toEqual([]);
}

/** One whole journey in `language`, axe-checked on every page, ending on the confirmation. */
async function journeyIn(
  language: string,
  dir: string,
  lifeEvent: LifeEventId,
  check?: (page: Page, what: string) => Promise<void>,
): Promise<Page> {
  const journey = catalogue[lifeEvent];
  const answers = exampleSubmissions[lifeEvent].answers;
  const context = await run.browser.newContext({ viewport: { width: 1024, height: 800 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`${new URL(page.url()).pathname}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${new URL(page.url()).pathname}: ${message.text()}`);
  });
  await page.goto(`${run.server.baseUrl}/?lang=${language}`);
  await expectPage(page, language, dir, 'start');
  await page.goto(`${run.server.baseUrl}/start`);
  await expectPage(page, language, dir, 'what has happened');
  await page.locator(`input[name="lifeEvent"][value="${lifeEvent}"]`).check();
  const route = reachablePages(journey, answers);
  await continueTo(page, `/${lifeEvent}/${route[0]?.path ?? ''}`);
  for (const [index, definition] of route.entries()) {
    const what = `${lifeEvent}/${definition.path}`;
    await expectPage(page, language, dir, what);
    await check?.(page, what);
    await fillForm(page, pagePost(definition, answers));
    await continueTo(page, `/${lifeEvent}/${route[index + 1]?.path ?? 'check-answers'}`);
  }
  await expectPage(page, language, dir, 'check answers');
  await check?.(page, 'check answers');
  await Promise.all([
    page.waitForURL((url) => url.pathname === `/${lifeEvent}/who-to-tell`),
    page.locator('main a.govuk-button').click(),
  ]);
  await expectPage(page, language, dir, 'who to tell');
  await Promise.all([
    page.waitForURL((url) => url.pathname === `/${lifeEvent}/declaration`),
    page.locator('main button[name="tellAll"]').click(),
  ]);
  await expectPage(page, language, dir, 'declaration');
  await page.locator('input[name="declaration"]').check();
  await continueTo(page, `/${lifeEvent}/confirmation`);
  await expectPage(page, language, dir, 'confirm your report');
  await confirmWithTrialCode(page);
  await expectPage(page, language, dir, 'confirmation');
  expect(problems).toEqual([]);
  return page;
}

describe('a whole journey in another language', () => {
  it('in Welsh: every page in Welsh, axe clean', async () => {
    const page = await journeyIn('cy', 'ltr', 'someone-died');
    expect(await page.locator('h1').textContent()).toBe('Rydym wedi cael eich adroddiad');
    expect(await page.title()).toBe('Rydym wedi cael eich adroddiad – Dywedwch Wrthym Unwaith');
    await page.context().close();
  });

  it('in Arabic: right to left and mirrored, with the reference and numbers still left to right, axe clean', async () => {
    const mirrored: string[] = [];
    const page = await journeyIn('ar', 'rtl', 'moving-home', async (current, what) => {
      // A control sits to the right of its label, and a back link's chevron on its right.
      const control = current.locator('.govuk-radios__item, .govuk-checkboxes__item').first();
      if ((await control.count()) > 0) {
        const input = await control.locator('input').boundingBox();
        const label = await control.locator('label').boundingBox();
        if (input && label) mirrored.push(`${what}: ${input.x > label.x ? 'mirrored' : 'not mirrored'}`);
      }
      const ltrInput = current.locator('input[dir="ltr"]').first();
      if ((await ltrInput.count()) > 0)
        expect(await ltrInput.evaluate((element) => getComputedStyle(element).direction), what).toBe('ltr');
    });
    expect(mirrored.length).toBeGreaterThan(0);
    expect(mirrored.filter((line) => !line.endsWith(': mirrored'))).toEqual([]);
    const reference = page.locator('#reference');
    expect(await reference.textContent()).toMatch(/^TUO-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(await reference.evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');
    expect(await page.locator('main').evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    await page.context().close();
  });
});

describe('changing language mid-journey', () => {
  it('keeps the answers given so far and stays on the same page', async () => {
    const lifeEvent = 'baby-born';
    const journey = catalogue[lifeEvent];
    const answers = exampleSubmissions[lifeEvent].answers;
    const [first, second] = reachablePages(journey, answers);
    if (!first || !second) throw new Error('baby-born has fewer than two pages');
    const context = await run.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${run.server.baseUrl}/start`);
    await page.locator(`input[name="lifeEvent"][value="${lifeEvent}"]`).check();
    await continueTo(page, `/${lifeEvent}/${first.path}`);
    await fillForm(page, pagePost(first, answers));
    await continueTo(page, `/${lifeEvent}/${second.path}`);
    // The language links are plain links: the server keeps the choice and sends the reader back.
    await Promise.all([
      page.waitForURL((url) => url.pathname === `/${lifeEvent}/${second.path}` && url.search === ''),
      page.locator('a[hreflang="pl"]').click(),
    ]);
    expect(await page.locator('html').getAttribute('lang')).toBe('pl');
    await expect.poll(() => page.locator('.app-translation-notice').count()).toBe(1);
    await Promise.all([
      page.waitForURL((url) => url.pathname === `/${lifeEvent}/${first.path}`),
      page.locator('.govuk-back-link').click(),
    ]);
    expect(await page.locator('html').getAttribute('lang')).toBe('pl');
    for (const [name, value] of pagePost(first, answers))
      expect(await page.locator(`[name="${name}"]`).first().inputValue(), name).toBe(value);
    await context.close();
  });
});
