import { catalogue, exampleSubmissions, reachablePages } from '@tuo/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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

/**
 * What does not fit: the page scrolling sideways, or any visible element of the page reaching past
 * the right edge (so cut off or only seen by scrolling). WCAG 1.4.10 Reflow: 320 CSS pixels wide.
 */
function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const scroller = document.scrollingElement ?? document.documentElement;
    if (scroller.scrollWidth > scroller.clientWidth)
      problems.push(`the page scrolls sideways (${String(scroller.scrollWidth)} > ${String(scroller.clientWidth)})`);
    const width = document.documentElement.clientWidth;
    for (const element of document.querySelectorAll('body *')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || element.closest('.govuk-visually-hidden, script, [hidden]')) continue;
      const style = getComputedStyle(element);
      // Hidden until focused (the skip link): clipped to nothing on purpose.
      const clipped = style.clipPath !== 'none';
      if (style.visibility === 'hidden' || style.opacity === '0' || clipped) continue;
      if (box.right > width + 1)
        problems.push(
          `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${[...element.classList].join('.')} reaches ${String(Math.round(box.right))}px`,
        );
      // Text wider than its box is cut off even when the box fits.
      if (
        element.scrollWidth > element.clientWidth + 1 &&
        style.overflowX !== 'visible' &&
        element.clientWidth > 0 &&
        !['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName)
      ) {
        problems.push(
          `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${[...element.classList].join('.')} clips its content`,
        );
      }
    }
    return [...new Set(problems)];
  });
}

// A phone 320 pixels wide, and a 1280-pixel desktop window at 400% zoom (the same 320 CSS pixels, drawn 4 times denser).
const screens = [
  { name: '320 × 640', options: { viewport: { width: 320, height: 640 } } },
  { name: '1280 × 1024 at 400%', options: { viewport: { width: 320, height: 256 }, deviceScaleFactor: 4 } },
] as const;

/** Loads the same page (same session) at each narrow size and lists what does not fit. */
async function checkAtEverySize(contexts: readonly BrowserContext[], source: Page, what: string): Promise<string[]> {
  const problems: string[] = [];
  for (const [index, context] of contexts.entries()) {
    await context.addCookies(await source.context().cookies());
    const page = await context.newPage();
    await page.goto(source.url());
    problems.push(...(await overflow(page)).map((problem) => `${what} at ${screens[index]?.name ?? ''}: ${problem}`));
    await page.close();
  }
  return problems;
}

describe('every page kind at 320 CSS pixels wide (a small phone, and 400% zoom)', () => {
  it('scrolls only up and down, and cuts nothing off, with long answers, a long reference and errors showing', async () => {
    const lifeEvent = 'someone-died';
    const long = 'Wolfeschlegelsteinhausenbergerdorff';
    const answers = {
      ...exampleSubmissions[lifeEvent].answers,
      lastName: long,
      lastAddress: {
        line1: `Flat 12, ${long}house, Longstreetnamewithoutanyspaces`,
        town: 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch',
        postcode: 'LS1 4AP',
      },
      email: 'a.very.long.email.address.without.spaces@example-council-services.gov.uk',
    };
    const journey = catalogue[lifeEvent];
    const driver = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const narrow = await Promise.all(screens.map((screen) => browser.newContext(screen.options)));
    const page = await driver.newPage();
    const problems: string[] = [];
    const check = async (what: string) => {
      problems.push(...(await overflow(page)).map((problem) => `${what} (as shown): ${problem}`));
      problems.push(...(await checkAtEverySize(narrow, page, what)));
    };

    await page.goto(`${server.baseUrl}/`);
    await check('start');
    await page.goto(`${server.baseUrl}/no-such-page`);
    await check('not found');
    await page.goto(`${server.baseUrl}/start`);
    await check('what has happened');
    await page.getByLabel(journey.title).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    for (const definition of reachablePages(journey, answers)) {
      await page.waitForURL((url) => url.pathname === `/${lifeEvent}/${definition.path}`);
      await check(definition.path);
      // An empty Continue shows errors, where the page has a required question (otherwise it would move on).
      if (definition.fields.some((field) => !field.optional && !field.showWhen)) {
        await page.getByRole('button', { name: 'Continue' }).click();
        await page.locator('.govuk-error-summary').waitFor();
        problems.push(...(await overflow(page)).map((problem) => `${definition.path} with errors: ${problem}`));
      }
      await fillForm(page, pagePost(definition, answers));
      await page.getByRole('button', { name: 'Continue' }).click();
    }
    await page.waitForURL((url) => url.pathname === `/${lifeEvent}/check-answers`);
    await check('check answers');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL((url) => url.pathname === `/${lifeEvent}/who-to-tell`);
    for (const summary of await page.locator('.govuk-details__summary').all()) await summary.click();
    problems.push(...(await overflow(page)).map((problem) => `who to tell, details open: ${problem}`));
    await check('who to tell');
    await page.getByRole('button', { name: 'Tell all of them' }).click();
    await page.waitForURL((url) => url.pathname === `/${lifeEvent}/declaration`);
    await check('declaration');
    await page.getByLabel(/I confirm/).check();
    await page.getByRole('button', { name: 'Accept and send' }).click();
    await page.waitForURL((url) => url.pathname === `/${lifeEvent}/confirmation`);
    // The confirmation shows the tracking code once, so it is checked as shown, at each size in turn.
    problems.push(...(await overflow(page)).map((problem) => `confirmation at 320 × 640: ${problem}`));
    const reference = (await page.locator('#reference').textContent()) ?? '';
    const code = (await page.locator('#tracking-code').textContent()) ?? '';
    await page.setViewportSize({ width: 320, height: 256 });
    problems.push(...(await overflow(page)).map((problem) => `confirmation at 320 × 256: ${problem}`));
    await page.goto(`${server.baseUrl}/track?reference=${reference}&secret=${code}`);
    await page.locator('.govuk-summary-list').waitFor();
    await check('tracking result');
    await page.goto(`${server.baseUrl}/track`);
    await page.getByRole('button', { name: 'Show progress' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    problems.push(...(await overflow(page)).map((problem) => `track with errors: ${problem}`));

    expect(problems).toEqual([]);
    // And the check would notice: a box wider than the screen, and a word that cannot wrap in a box that hides overflow.
    // (Styles set from script: the CSP refuses inline style attributes.)
    await page.evaluate(() => {
      const wide = Object.assign(document.createElement('div'), { id: 'too-wide', textContent: 'x' });
      wide.style.width = '400px';
      const cut = Object.assign(document.createElement('p'), { id: 'cut', textContent: 'x'.repeat(200) });
      Object.assign(cut.style, { overflow: 'hidden', whiteSpace: 'nowrap' });
      document.querySelector('main')?.append(wide, cut);
    });
    const noticed = await overflow(page);
    expect(
      noticed.some((problem) => problem.startsWith('the page scrolls sideways')),
      noticed.join('; '),
    ).toBe(true);
    expect(
      noticed.some((problem) => problem.startsWith('div#too-wide')),
      noticed.join('; '),
    ).toBe(true);
    expect(
      noticed.some((problem) => problem.startsWith('p#cut') && problem.endsWith('clips its content')),
      noticed.join('; '),
    ).toBe(true);
    await Promise.all([driver.close(), ...narrow.map((context) => context.close())]);
  });
});
