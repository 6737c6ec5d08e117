import { catalogue, exampleSubmissions, reachablePages } from '@tuo/shared';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations } from '../support/browser.js';
import { fillForm } from '../support/fill-form.js';
import { browserAndApp } from '../support/browser-and-app.js';
import { pagePost } from '../support/resident.js';

const run = browserAndApp();

// Moving home has every field kind the other journeys use, plus a character count and conditional reveals.
const lifeEvent = 'moving-home';
const journey = catalogue[lifeEvent];
const answers = exampleSubmissions[lifeEvent].answers;

describe('question pages with their errors showing', () => {
  it('have no axe violations, for every combination of field kinds in a journey', async () => {
    const context = await run.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${run.server.baseUrl}/start`);
    await page.getByLabel(journey.title).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    const route = reachablePages(journey, answers);
    // axe takes a second or two a page, so each combination of field kinds is checked once.
    const checked = new Set<string>();
    for (const [index, definition] of route.entries()) {
      await page.waitForURL((url) => url.pathname === `/${lifeEvent}/${definition.path}`);
      await expect
        .poll(() => page.evaluate(() => document.body.classList.contains('govuk-frontend-supported')))
        .toBe(true);
      await page.getByRole('button', { name: 'Continue' }).click();
      const hasErrors = definition.fields.some((field) => !field.optional);
      if (hasErrors) await page.locator('.govuk-error-summary').waitFor();
      const kinds = definition.fields.map((field) => field.kind).join(' ');
      if (!checked.has(kinds)) expect(await accessibilityViolations(page), definition.path).toEqual([]);
      checked.add(kinds);
      await fillForm(page, pagePost(definition, answers));
      await page.getByRole('button', { name: 'Continue' }).click();
      if (index === route.length - 1) await page.waitForURL((url) => url.pathname === `/${lifeEvent}/check-answers`);
    }
    await page.goto(`${run.server.baseUrl}/no-such-page`);
    expect(await accessibilityViolations(page), 'page not found').toEqual([]);
    await context.close();
  });
});
