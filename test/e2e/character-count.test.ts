import { catalogue } from '@tuo/shared';
import { maxTextareaLength } from '@tuo/shared/journeys/engine/field-basics';
import type { Page } from 'playwright-core';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { addEveryLanguage } from '../../client/src/i18n/every-language.js';
import { createI18n } from '../../client/src/i18n/i18n.js';
import { JourneyFormContext, type JourneyForm } from '../../client/src/journeys/journey-form.js';
import { TextareaField } from '../../client/src/journeys/fields/textarea-field.js';
import { accessibilityViolations } from '../support/browser.js';
import { browserAndApp } from '../support/browser-and-app.js';

// No journey asks for free text yet (the kind is there for a council's own question), so the
// textarea's server markup is put into a real question page as it is served, before any script
// runs: what is tested is govuk-frontend's own script, started by the page script, on our markup.
addEveryLanguage();
const run = browserAndApp();
const journey = catalogue['someone-died'];

function textareaMarkup(language: string): string {
  // What TextareaField reads of the question form, as the server's would give it.
  const form = {
    register: (name: string) => ({ name }),
    defaults: {},
    current: () => '',
    errors: [],
  } satisfies Partial<Record<keyof JourneyForm, unknown>>;
  const field = createElement(TextareaField, {
    field: { name: 'details', kind: 'textarea', label: 'Anything else we should know' },
    heading: false,
    hint: undefined,
  });
  return renderToString(
    createElement(
      I18nextProvider,
      { i18n: createI18n(language) },
      createElement(JourneyFormContext.Provider, { value: form as unknown as JourneyForm }, field),
    ),
  );
}

/** Opens the journey's first question page in `language`, with the textarea added to its form. */
async function questionWithTextarea(page: Page, language: string): Promise<void> {
  await page.goto(`${run.server.baseUrl}/?lang=${language}`);
  await page.goto(`${run.server.baseUrl}/start`);
  await page.locator(`input[value="${journey.id}"]`).check();
  await Promise.all([
    page.waitForURL((url) => url.pathname.startsWith(`/${journey.id}/`)),
    page.locator('form button[type="submit"]').first().click(),
  ]);
  // The page again, as served, with the textarea before its Continue button.
  await page.route(page.url(), async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      '<button type="submit" class="govuk-button" data-module="govuk-button"',
      (button) => `${textareaMarkup(language)}${button}`,
    );
    await route.fulfill({ response, body: html });
  });
  await page.goto(page.url());
  await expect.poll(() => page.locator('textarea#details').count()).toBe(1);
}

const status = (page: Page) => page.locator('.govuk-character-count__status');

/** Runs `test` on that page in a browser context of its own, closed whatever happens. */
async function onTextareaPage(language: string, javaScript: boolean, test: (page: Page) => Promise<void>) {
  const context = await run.browser.newContext({ javaScriptEnabled: javaScript });
  try {
    const page = await context.newPage();
    await questionWithTextarea(page, language);
    await test(page);
  } finally {
    await context.close();
  }
}

describe('a character count', () => {
  it("counts down as the resident types, then counts what is over, in govuk-frontend's own script", async () => {
    await onTextareaPage('en', true, async (page) => {
      // Started with the page: the static limit gives way to the live count.
      await expect
        .poll(() => status(page).textContent())
        .toBe(`You have ${maxTextareaLength.toLocaleString('en-GB')} characters remaining`);
      // The static limit stays for a screen reader, as the box's description; the count is shown instead.
      expect(await page.locator('#details-info').getAttribute('class')).toContain('govuk-visually-hidden');
      await page.locator('#details').fill('x'.repeat(maxTextareaLength - 1));
      await expect.poll(() => status(page).textContent()).toBe('You have 1 character remaining');
      // A screen reader is told too, by govuk-frontend's check a second after the box gets focus.
      await expect
        .poll(() => page.locator('.govuk-character-count__sr-status').textContent(), { timeout: 5000 })
        .toBe('You have 1 character remaining');
      await page.locator('#details').fill('x'.repeat(maxTextareaLength + 2));
      await expect.poll(() => status(page).textContent()).toBe('You have 2 characters too many');
      expect(await page.locator('#details').getAttribute('class')).toContain('govuk-textarea--error');
      expect(await accessibilityViolations(page)).toEqual([]);
    });
  });

  it('speaks the page language, in its own plural forms', async () => {
    await onTextareaPage('cy', true, async (page) => {
      await page.locator('#details').fill('x'.repeat(maxTextareaLength - 2));
      await expect.poll(() => status(page).textContent()).toBe('Mae gennych 2 nod ar ôl');
    });
  });

  it('states the limit, and nothing counts, without JavaScript', async () => {
    await onTextareaPage('en', false, async (page) => {
      expect(await page.locator('#details-info').textContent()).toBe(
        `You can enter up to ${String(maxTextareaLength)} characters`,
      );
      expect(await status(page).count()).toBe(0);
    });
  });
});
