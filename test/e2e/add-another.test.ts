import { catalogue, exampleSubmissions, maxPeople, reachablePages } from '@tuo/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations } from '../support/browser.js';
import { fillForm } from '../support/fill-form.js';
import { browserAndApp } from '../support/browser-and-app.js';
import { pagePost } from '../support/resident.js';

const run = browserAndApp();

const journey = catalogue['moving-home'];
const answers = exampleSubmissions['moving-home'].answers;
const peoplePath = '/moving-home/people-moving-with-you';

async function press(page: Page, name: string, path: string): Promise<void> {
  await Promise.all([
    page.waitForURL((url) => url.pathname === path),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
}

/** Answers moving home up to "Who is moving with you?". */
async function toPeoplePage(page: Page): Promise<void> {
  await page.goto(`${run.server.baseUrl}/start`);
  await page.getByLabel(journey.title).check();
  const [yourDetails, whoIsMoving] = reachablePages(journey, answers);
  if (!yourDetails || !whoIsMoving) throw new Error('Moving home has no first pages');
  await press(page, 'Continue', `/moving-home/${yourDetails.path}`);
  await fillForm(page, pagePost(yourDetails, answers));
  await press(page, 'Continue', `/moving-home/${whoIsMoving.path}`);
  await fillForm(page, pagePost(whoIsMoving, answers));
  await press(page, 'Continue', peoplePath);
}

async function typePerson(page: Page, index: number, [name, day, month, year]: string[]): Promise<void> {
  const row = `#peopleMoving-${String(index)}`;
  await page.locator(`${row}-fullName`).fill(name ?? '');
  await page.locator(`${row}-dateOfBirth-day`).fill(day ?? '');
  await page.locator(`${row}-dateOfBirth-month`).fill(month ?? '');
  await page.locator(`${row}-dateOfBirth-year`).fill(year ?? '');
}

const legends = (page: Page) => page.locator('.govuk-fieldset__heading').allTextContents();

describe.each([true, false])('people moving together with JavaScript %s', (javaScript) => {
  it('adds two people, removes one, shows a row its errors and goes on, axe clean throughout', async () => {
    const context = await run.browser.newContext({ javaScriptEnabled: javaScript });
    const page = await context.newPage();
    let navigations = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations += 1;
    });
    await toPeoplePage(page);
    if (javaScript)
      await expect
        .poll(() => page.evaluate(() => document.body.classList.contains('govuk-frontend-supported')))
        .toBe(true);
    expect(await legends(page)).toEqual(['Person 1']);
    // One person needs no Remove button.
    expect(await page.getByRole('button', { name: /^Remove/ }).count()).toBe(0);
    // axe runs in the page, so only where scripts run: the markup is the same without them.
    if (javaScript) expect(await accessibilityViolations(page), 'people page').toEqual([]);

    await typePerson(page, 0, ['Piotr Kowalski', '12', '4', '1988']);
    const before = navigations;
    await page.getByRole('button', { name: 'Add another person' }).click();
    await page.locator('#peopleMoving-1-fullName').waitFor();
    if (javaScript) {
      // No round trip, and focus on the new person's first box.
      expect(navigations).toBe(before);
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('peopleMoving-1-fullName');
    } else expect(navigations).toBeGreaterThan(before);
    await typePerson(page, 1, ['Nobody Here', '1', '1', '2000']);
    await page.getByRole('button', { name: 'Add another person' }).click();
    await page.locator('#peopleMoving-2-fullName').waitFor();
    await typePerson(page, 2, ['Zofia Kowalska', '1', '9', '2019']);
    expect(await legends(page)).toEqual(['Person 1', 'Person 2', 'Person 3']);

    await page.getByRole('button', { name: 'Remove Person 2' }).click();
    await expect.poll(() => legends(page)).toEqual(['Person 1', 'Person 2']);
    expect(await page.locator('#peopleMoving-0-fullName').inputValue()).toBe('Piotr Kowalski');
    expect(await page.locator('#peopleMoving-1-fullName').inputValue()).toBe('Zofia Kowalska');
    expect(await page.locator('#peopleMoving-1-dateOfBirth-year').inputValue()).toBe('2019');

    // A row in error: named in the summary and beside the box, with everything typed kept.
    await page.locator('#peopleMoving-1-fullName').fill('');
    await page.locator('#peopleMoving-0-dateOfBirth-month').fill('13');
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('.govuk-error-summary a').allTextContents()).toEqual([
      'Date of birth of person 1 must be a real date',
      'Enter the full name of person 2',
    ]);
    expect(await page.title()).toMatch(/^Error: Who is moving with you\?/);
    expect(await page.locator('#peopleMoving-1-dateOfBirth-day').inputValue()).toBe('1');
    expect(await page.locator('#peopleMoving-0-fullName').inputValue()).toBe('Piotr Kowalski');
    expect(await page.locator('.govuk-error-summary a', { hasText: 'person 2' }).getAttribute('href')).toBe(
      '#peopleMoving-1-fullName',
    );
    if (javaScript) {
      expect(await accessibilityViolations(page), 'people page with errors').toEqual([]);
      await page.locator('.govuk-error-summary a', { hasText: 'person 2' }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('peopleMoving-1-fullName');
    }

    await page.locator('#peopleMoving-0-dateOfBirth-month').fill('4');
    await page.locator('#peopleMoving-1-fullName').fill('Zofia Kowalska');
    await press(page, 'Continue', '/moving-home/old-address');
    await page.goto(`${run.server.baseUrl}${peoplePath}`);
    expect(await legends(page)).toEqual(['Person 1', 'Person 2']);
    await context.close();
  });
});

describe('people rows with JavaScript', () => {
  it('fills the list to ten in place with JavaScript, gives "Add another person" back when one goes, and checks the moved rows again', async () => {
    const context = await run.browser.newContext();
    const page = await context.newPage();
    await toPeoplePage(page);
    const scripts: string[] = [];
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
      if (request.method() === 'POST') posts.push(new URL(request.url()).pathname);
    });
    await typePerson(page, 0, ['Piotr Kowalski', '12', '4', '1988']);
    // Each new row named but not born: a blank row is no person, but a named one needs a date of birth.
    for (let added = 1; added < maxPeople; added += 1) {
      await page.getByRole('button', { name: 'Add another person' }).click();
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.id))
        .toBe(`peopleMoving-${String(added)}-fullName`);
      await page.keyboard.type(`Name ${String.fromCharCode(65 + added)}`);
    }
    expect(await legends(page)).toHaveLength(maxPeople);
    expect(await page.getByRole('button', { name: 'Add another person' }).count()).toBe(0);
    expect(await page.getByText('You have added 10 people, the most you can add here.').count()).toBe(1);
    // Each row's boxes are named as the server numbers them, and start empty.
    expect(await page.locator('#peopleMoving-9-dateOfBirth-year').getAttribute('name')).toBe(
      'peopleMoving.9.dateOfBirth.year',
    );
    expect(await page.locator('label[for="peopleMoving-9-fullName"]').count()).toBe(1);
    expect(await page.locator('#peopleMoving-9-dateOfBirth-year').inputValue()).toBe('');

    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.locator('.govuk-error-summary').waitFor();
    const links = page.locator('.govuk-error-summary a');
    expect(await links.count()).toBe(maxPeople - 1);
    expect(await links.first().textContent()).toBe('Enter the date of birth of person 2');

    await page.getByRole('button', { name: 'Remove Person 2' }).click();
    await expect.poll(() => legends(page)).toHaveLength(maxPeople - 1);
    // Focus goes to the row that took the removed one's place, and there is room for one more again.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('peopleMoving-1-fullName');
    expect(await page.locator('#peopleMoving-1-fullName').inputValue()).toBe('Name C');
    expect(await page.getByRole('button', { name: 'Add another person' }).count()).toBe(1);
    // The errors are checked again for the rows in their new places, each under its new number.
    await expect.poll(() => links.count()).toBe(maxPeople - 2);
    expect(await links.first().textContent()).toBe('Enter the date of birth of person 2');
    expect(await links.last().textContent()).toBe('Enter the date of birth of person 9');
    expect(await page.locator('#peopleMoving-1-dateOfBirth-error').textContent()).toContain('person 2');
    expect(await page.locator('#peopleMoving-9-fullName').count()).toBe(0);
    expect(await accessibilityViolations(page), 'nine people, eight in error').toEqual([]);

    // Down to one: it has no Remove button.
    for (let left = maxPeople - 1; left > 1; left -= 1)
      await page.getByRole('button', { name: `Remove Person ${String(left)}` }).click();
    expect(await legends(page)).toEqual(['Person 1']);
    expect(await page.getByRole('button', { name: /^Remove/ }).count()).toBe(0);
    expect(posts).toEqual([]);
    expect(scripts.filter((path) => /hydrate-page|react|index\.esm/.test(path))).toEqual([]);
    await context.close();
  });

  it('post "Add another person" for the server to do when the rows script cannot arrive', async () => {
    const context = await run.browser.newContext();
    const page = await context.newPage();
    await toPeoplePage(page);
    // Aborted: it fails as the resident moves into the form, before they press.
    await page.route(/\/static\/people-rows-[^/]+\.js$/, (route) => route.abort());
    await typePerson(page, 0, ['Piotr Kowalski', '12', '4', '1988']);
    await Promise.all([
      page.waitForRequest((request) => request.method() === 'POST'),
      page.getByRole('button', { name: 'Add another person' }).click(),
    ]);
    await page.locator('#peopleMoving-1-fullName').waitFor();
    expect(await legends(page)).toEqual(['Person 1', 'Person 2']);
    expect(await page.locator('#peopleMoving-0-fullName').inputValue()).toBe('Piotr Kowalski');
    await context.close();
  });
});
