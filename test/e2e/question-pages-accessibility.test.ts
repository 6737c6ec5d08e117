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

describe('the axe check every browser test uses', () => {
  it('finds what it is for: an unlabelled field, an image without words, a frame of the same origin', async () => {
    const page = await run.browser.newPage();
    await page.goto(`${run.server.baseUrl}/no-such-page`);
    await page.evaluate(() => {
      document.querySelector('main')?.insertAdjacentHTML('beforeend', '<input type="text"><img src="/x.png">');
      const frame = document.createElement('iframe');
      frame.title = 'A frame';
      frame.srcdoc = '<html lang="en"><title>Frame</title><body><main><input type="text"></main></body></html>';
      document.querySelector('main')?.append(frame);
    });
    await page.frameLocator('iframe').locator('input').waitFor();
    const violations = await accessibilityViolations(page);
    expect(violations.map((violation) => violation.split(':')[0])).toEqual(['image-alt', 'label']);
    // The field inside the frame is found too: the label rule names both.
    expect(violations.find((violation) => violation.startsWith('label:'))).toContain('iframe');
    await page.close();
  });
});

describe('question pages with their errors showing', () => {
  it('have no axe violations, for every combination of field kinds in a journey', async () => {
    const context = await run.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${run.server.baseUrl}/start`);
    await page.getByLabel(journey.title).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    const route = reachablePages(journey, answers);
    // axe takes about half a second a page, so each combination of field kinds is checked once.
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
