import { catalogue, exampleSubmissions, reachablePages } from '@tuo/shared';
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
