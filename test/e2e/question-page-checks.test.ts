import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations } from '../support/browser.js';
import { browserAndApp } from '../support/browser-and-app.js';
import { answeredJourney } from '../load/journey-session.js';

const run = browserAndApp();

/** A context, recording script errors and every post. */
async function open(javaScriptEnabled: boolean): Promise<{ context: BrowserContext; page: Page; posts: string[] }> {
  const context = await run.browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  const posts: string[] = [];
  page.on('pageerror', (error) => {
    throw error;
  });
  page.on('request', (request) => {
    if (request.method() === 'POST') posts.push(new URL(request.url()).pathname);
  });
  return { context, page, posts };
}

/** Chooses a life event on the start page and lands on its first question. */
async function begin(page: Page, lifeEvent: string, path: string): Promise<void> {
  await page.goto(`${run.server.baseUrl}/start`);
  await page.getByLabel(lifeEvent).check();
  await Promise.all([
    page.waitForURL((url) => url.pathname === path),
    page.getByRole('button', { name: 'Continue' }).click(),
  ]);
}

/**
 * The question's column as markup to compare: elements with their attributes sorted, text with
 * its spaces collapsed, no comments (React's text separators), no hidden inputs (the form's token),
 * and no `value`, `checked` or `selected` on boxes, choices and options (the server writes what was
 * posted into them; in the browser what was typed or chosen is in the box, not the attribute). What scripts add to every page at load
 * with JavaScript on (govuk-frontend's `data-…-init` marks, the heading made a focus target after a
 * navigation) is left out too: the page without JavaScript has none of it.
 */
function questionMarkup(page: Page): Promise<string> {
  return page.evaluate(() => {
    const serialise = (node: Node): string => {
      if (node.nodeType === Node.TEXT_NODE) return (node.textContent ?? '').replace(/\s+/g, ' ');
      if (!(node instanceof Element)) return '';
      if (node instanceof HTMLInputElement && node.type === 'hidden') return '';
      const box = node instanceof HTMLInputElement && !['radio', 'checkbox'].includes(node.type);
      const focusTarget = node.classList.contains('app-focus-target');
      const attributes = [...node.attributes]
        .filter(
          (attribute) => !(box && attribute.name === 'value') && !['checked', 'selected'].includes(attribute.name),
        )
        .filter((attribute) => !/^data-govuk-[a-z-]+-init$/.test(attribute.name))
        .filter((attribute) => !(focusTarget && attribute.name === 'tabindex'))
        .map((attribute) =>
          attribute.name === 'class'
            ? `class="${attribute.value.replace(' app-focus-target', '')}"`
            : `${attribute.name}="${attribute.value}"`,
        )
        .sort();
      const children = [...node.childNodes].map(serialise).join('');
      return `<${node.localName} ${attributes.join(' ')}>${children}</${node.localName}>`;
    };
    const column = document.querySelector('#main-content .govuk-grid-column-two-thirds');
    return column ? serialise(column).replace(/> +</g, '><').replace(/ +/g, ' ') : '';
  });
}

/** Presses Continue on a page whose checks run in the browser, and waits for them to show their errors. */
async function continueWithErrors(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.locator('.govuk-error-summary').waitFor();
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.className ?? ''))
    .toContain('govuk-error-summary');
}

/** Presses Continue without JavaScript, where the server checks the post and answers with its errors. */
async function continueWithoutJavaScript(page: Page): Promise<void> {
  await Promise.all([
    page.waitForResponse((response) => response.request().method() === 'POST'),
    page.getByRole('button', { name: 'Continue' }).click(),
  ]);
  await page.locator('.govuk-error-summary').waitFor();
}

/** Presses a button without JavaScript: the page posts, and the server answers with the page again. */
async function pressWithoutJavaScript(page: Page, button: string): Promise<void> {
  await Promise.all([
    page.waitForResponse((response) => response.request().method() === 'POST'),
    page.waitForEvent('load'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
}

/** Two contexts, one without JavaScript and one with, in one answered session of "someone died". */
async function bothAnswered(): Promise<{
  plain: Awaited<ReturnType<typeof open>>;
  scripted: Awaited<ReturnType<typeof open>>;
}> {
  const { cookie } = await answeredJourney(run.server.baseUrl, 'someone-died');
  const [name = '', value = ''] = cookie.split('=');
  const plain = await open(false);
  const scripted = await open(true);
  for (const { context } of [plain, scripted]) await context.addCookies([{ name, value, url: run.server.baseUrl }]);
  return { plain, scripted };
}

/** Goes on to the next page, in either context. */
async function continueTo(page: Page, path: string): Promise<void> {
  await Promise.all([
    page.waitForURL((url) => url.pathname === path),
    page.getByRole('button', { name: 'Continue' }).click(),
  ]);
}

describe('question pages checked in the browser without React', () => {
  it('show, for the same answers, the very errors the server shows without JavaScript, and never post', async () => {
    const plain = await open(false);
    const scripted = await open(true);
    const both = [plain.page, scripted.page];
    for (const page of both) await begin(page, 'A baby has been born', '/baby-born/baby-name');

    // Names: two required boxes left empty.
    await continueWithoutJavaScript(plain.page);
    await continueWithErrors(scripted.page);
    expect(scripted.posts).toEqual(['/start']);
    expect(await questionMarkup(scripted.page)).toBe(await questionMarkup(plain.page));
    expect(await scripted.page.title()).toBe(await plain.page.title());
    expect(await scripted.page.title()).toMatch(/^Error: /);
    expect(await accessibilityViolations(scripted.page)).toEqual([]);

    for (const page of both) {
      await page.getByLabel('First name').fill('Ada');
      await page.getByLabel('Last name').fill('Lovelace');
    }
    // Corrected: the browser's checks let it post, and both move on.
    for (const page of both) await continueTo(page, '/baby-born/baby-date-of-birth');
    expect(await scripted.page.title()).not.toMatch(/^Error: /);

    // A date missing its year: only that box is bordered.
    for (const page of both) {
      await page.getByLabel('Day').fill('31');
      await page.getByLabel('Month').fill('12');
    }
    await continueWithoutJavaScript(plain.page);
    await continueWithErrors(scripted.page);
    expect(await questionMarkup(scripted.page)).toBe(await questionMarkup(plain.page));
    expect(await scripted.page.locator('.govuk-input--error').count()).toBe(1);

    // Checked again after a change: the errors shown are the new ones, none left over.
    for (const page of both) await page.getByLabel('Year').fill('1815');
    await continueWithoutJavaScript(plain.page);
    await continueWithErrors(scripted.page);
    expect(await questionMarkup(scripted.page)).toBe(await questionMarkup(plain.page));
    expect(await scripted.page.locator('.govuk-error-summary a').allTextContents()).toEqual([
      'Date of birth must be the same as or after 1 January 1900',
    ]);
    expect(scripted.posts).toEqual(['/start', '/baby-born/baby-name']);
    await plain.context.close();
    await scripted.context.close();
  });

  it('show a choice left unanswered as the server does, on the fieldset', async () => {
    const plain = await open(false);
    const scripted = await open(true);
    for (const page of [plain.page, scripted.page]) {
      await begin(page, 'Moving home', '/moving-home/your-details');
      await page.getByLabel('Full name').fill('Ada Lovelace');
      await page.getByLabel('Day').fill('10');
      await page.getByLabel('Month').fill('12');
      await page.getByLabel('Year').fill('1985');
      await continueTo(page, '/moving-home/who-is-moving');
    }
    await continueWithoutJavaScript(plain.page);
    await continueWithErrors(scripted.page);
    expect(await questionMarkup(scripted.page)).toBe(await questionMarkup(plain.page));
    expect(await scripted.page.locator('fieldset[aria-describedby~="movingWith-error"]').count()).toBe(1);
    expect(scripted.posts).toEqual(['/start', '/moving-home/your-details']);
    await plain.context.close();
    await scripted.context.close();
  });

  it('reveal what a choice asks next, clear the others for "None of these", and show errors inside a reveal as the server does', async () => {
    // A session with every page answered, shared by both contexts, so later pages can be opened directly.
    const { plain, scripted } = await bothAnswered();
    const { page } = scripted;
    await page.goto(`${run.server.baseUrl}/someone-died/services`);
    await page.getByLabel('Library card').check();
    await page.getByLabel('None of these').check();
    expect(await page.getByLabel('Library card').isChecked()).toBe(false);
    await page.getByLabel('Blue Badge for parking').check();
    expect(await page.getByLabel('None of these').isChecked()).toBe(false);

    for (const each of [plain.page, scripted.page]) await each.goto(`${run.server.baseUrl}/someone-died/registration`);
    const reference = page.getByLabel('Tell Us Once reference number', { exact: true });
    await page.getByLabel('Not yet, or I do not know').check();
    expect(await reference.isVisible()).toBe(false);
    await page.getByLabel('Yes, and the registrar gave me a Tell Us Once reference number').check();
    expect(await reference.isVisible()).toBe(true);
    await reference.fill('');
    await plain.page.getByLabel('Yes, and the registrar gave me a Tell Us Once reference number').check();
    await plain.page.getByLabel('Tell Us Once reference number', { exact: true }).fill('');
    await continueWithoutJavaScript(plain.page);
    await continueWithErrors(scripted.page);
    expect(await questionMarkup(scripted.page)).toBe(await questionMarkup(plain.page));
    expect(await page.locator('.govuk-radios__conditional .govuk-error-message').count()).toBe(1);
    expect(scripted.posts).toEqual([]);
    await plain.context.close();
    await scripted.context.close();
  });

  it('find an address in place and show what the server shows after posting "Find address" or "Use this address"', async () => {
    const { plain, scripted } = await bothAnswered();
    const both = [plain.page, scripted.page];
    const { page } = scripted;
    const same = async (what: string) => {
      await expect.poll(() => questionMarkup(page), { message: what }).toBe(await questionMarkup(plain.page));
      expect(await page.title(), what).toBe(await plain.page.title());
    };
    for (const each of both) {
      await each.goto(`${run.server.baseUrl}/someone-died/their-address`);
      for (const label of ['Postcode', 'Address line 1', 'Address line 2 (optional)', 'Town or city'])
        await each.getByLabel(label, { exact: true }).fill('');
    }
    // No postcode, no address typed: the postcode is asked for.
    await pressWithoutJavaScript(plain.page, 'Find address');
    await page.getByRole('button', { name: 'Find address' }).click();
    await same('no postcode');
    expect(await page.locator('.govuk-error-summary a').allTextContents()).toEqual([
      'Enter a postcode to find the address',
    ]);
    expect(await accessibilityViolations(page)).toEqual([]);

    // Not a postcode: the look-up says so, and the page shows it as the server does.
    for (const each of both) await each.getByLabel('Postcode', { exact: true }).fill('nope');
    await pressWithoutJavaScript(plain.page, 'Find address');
    await page.getByRole('button', { name: 'Find address' }).click();
    await same('not a postcode');
    expect(await page.locator('.govuk-error-summary a').allTextContents()).toEqual(['Enter a real postcode']);

    // Nothing there.
    for (const each of both) await each.getByLabel('Postcode', { exact: true }).fill('NB9 9ZZ');
    await pressWithoutJavaScript(plain.page, 'Find address');
    await page.getByRole('button', { name: 'Find address' }).click();
    await same('nothing found');
    expect(await page.locator('[aria-live="polite"]').textContent()).toContain(
      'We could not find any addresses at NB9 9ZZ',
    );

    // Found: the list, then "Use this address" with nothing chosen, then with an address chosen.
    for (const each of both) await each.getByLabel('Postcode', { exact: true }).fill('nb2 7qt');
    await pressWithoutJavaScript(plain.page, 'Find address');
    await page.getByRole('button', { name: 'Find address' }).click();
    await same('found');
    expect(await page.getByLabel('Select an address').locator('option').first().textContent()).toBe(
      '6 addresses found',
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    await pressWithoutJavaScript(plain.page, 'Use this address');
    await page.getByRole('button', { name: 'Use this address' }).click();
    await same('none chosen');
    expect(await page.locator('.govuk-error-summary a').allTextContents()).toEqual(['Select an address from the list']);
    for (const each of both)
      await each.getByLabel('Select an address').selectOption({ label: '24 Mill Lane, Northbridge, NB2 7QT' });
    await pressWithoutJavaScript(plain.page, 'Use this address');
    await page.getByRole('button', { name: 'Use this address' }).click();
    await same('chosen');
    for (const each of both) expect(await each.getByLabel('Address line 1').inputValue()).toBe('24 Mill Lane');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lastAddress-line1');

    // Continue with the address emptied, on the page afresh (a post of Continue forgets the list):
    // the page's own checks, on the address's boxes.
    for (const each of both) {
      await each.goto(`${run.server.baseUrl}/someone-died/their-address`);
      for (const label of ['Postcode', 'Address line 1', 'Town or city'])
        await each.getByLabel(label, { exact: true }).fill('');
    }
    await continueWithoutJavaScript(plain.page);
    await continueWithErrors(page);
    expect(await questionMarkup(page)).toBe(await questionMarkup(plain.page));
    expect(await page.locator('.govuk-error-summary a').count()).toBe(3);
    expect(scripted.posts).toEqual([]);
    await plain.context.close();
    await scripted.context.close();
  });

  it('word the address finder in the page’s language, plurals as i18next does: Arabic', async () => {
    const { plain, scripted } = await bothAnswered();
    for (const each of [plain.page, scripted.page]) {
      await each.goto(`${run.server.baseUrl}/someone-died/their-address?lang=ar`);
      // The answered address emptied, so "Find address" is not taken for Continue.
      for (const part of ['line1', 'line2', 'town']) await each.locator(`#lastAddress-${part}`).fill('');
      await each.locator('#lastAddress-postcode').fill('NB2 7QT');
    }
    await plain.page.locator('button[value="find-address:lastAddress"]').click();
    await plain.page.locator('#lastAddress-choice').waitFor();
    await scripted.page.locator('button[value="find-address:lastAddress"]').click();
    await expect.poll(() => questionMarkup(scripted.page)).toBe(await questionMarkup(plain.page));
    // Six is one of Arabic's "few".
    expect(await scripted.page.locator('#lastAddress-choice option').first().textContent()).toBe('عُثر على 6 عناوين');
    expect(scripted.posts).toEqual([]);
    await plain.context.close();
    await scripted.context.close();
  });

  it('fetch no React, keep what was typed, and check a press of Continue made before the checks arrived', async () => {
    const { context, page, posts } = await open(true);
    await begin(page, 'Someone has died', '/someone-died/their-name');
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    // The checks are held back, so the press comes before they can run.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/static\/question-checks-[^/]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.getByLabel('First name').fill('Margaret');
    await page.getByRole('button', { name: 'Continue' }).click();
    release();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('.govuk-error-summary a').allTextContents()).toEqual(['Enter their last name']);
    expect(await page.getByLabel('First name').inputValue()).toBe('Margaret');
    // A link in the summary takes the resident to the box to fix.
    await page.locator('.govuk-error-summary a').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lastName');
    expect(posts).toEqual(['/start']);
    expect(scripts.some((path) => path.includes('question-checks'))).toBe(true);
    expect(scripts.filter((path) => /hydrate-page|react|index\.esm/.test(path))).toEqual([]);
    await context.close();
  });

  it('let "Save and come back later" post unchecked', async () => {
    const { context, page, posts } = await open(true);
    await begin(page, 'Someone has died', '/someone-died/their-name');
    await page.getByLabel('First name').fill('Margaret');
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/someone-died/save'),
      page.getByRole('button', { name: 'Save and come back later' }).click(),
    ]);
    expect(posts).toEqual(['/start', '/someone-died/their-name']);
    await context.close();
  });

  it('speak the page’s language: Welsh messages in Welsh', async () => {
    const { context, page } = await open(true);
    await page.goto(`${run.server.baseUrl}/start?lang=cy`);
    await page.locator('input[name="lifeEvent"][value="baby-born"]').check();
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/baby-born/baby-name'),
      page.locator('main form button[type="submit"]').first().click(),
    ]);
    await page.locator('main form button[type="submit"]').first().click();
    await page.locator('.govuk-error-summary').waitFor();
    const links = await page.locator('.govuk-error-summary a').allTextContents();
    expect(links.length).toBe(2);
    for (const link of links) expect(link).not.toMatch(/^Enter /);
    expect(await page.title()).not.toMatch(/^Error: /);
    await context.close();
  });
});
