import { catalogue, exampleSubmissions, reachablePages } from '@tuo/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchBrowser } from '../support/browser.js';
import { fillForm } from '../support/fill-form.js';
import { startListeningApp, type ListeningApp } from '../support/listening-app.js';
import { pagePost } from '../support/resident.js';
import { addSampleCouncils } from '../support/sample-councils.js';

let browser: Browser;
let server: ListeningApp;
beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startListeningApp()]);
  await addSampleCouncils(server.database.db);
});
afterAll(async () => {
  await browser.close();
  await server.close();
});

// The example move has addresses typed by hand, which the look-up cannot place: the resident is
// asked which council each is in, then "Who do you want us to tell?" names both councils.
const lifeEvent = 'moving-home';
const journey = catalogue[lifeEvent];
// Moving alone: the people-moving repeating group is another test's (add-another pages).
const { peopleMoving: _others, ...example } = exampleSubmissions[lifeEvent].answers;
const answers = { ...example, movingWith: 'just-me' };

describe('which council an address is in', () => {
  it('asks with radios, shows its error GOV.UK style, and names both councils after: axe clean throughout', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/start`);
    await page.getByLabel(journey.title).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    for (const definition of reachablePages(journey, answers)) {
      await page.waitForURL((url) => url.pathname === `/${lifeEvent}/${definition.path}`);
      await fillForm(page, pagePost(definition, answers));
      await page.getByRole('button', { name: 'Continue' }).click();
    }
    await page.waitForURL((url) => url.pathname === `/${lifeEvent}/check-answers`);
    await page.goto(`${server.baseUrl}/${lifeEvent}/who-to-tell`);
    await page.waitForURL((url) => url.pathname === `/${lifeEvent}/which-council/oldAddress`);
    expect(await page.locator('h1').textContent()).toBe('Which council is this address in?');
    expect(await accessibilityViolations(page), 'which council').toEqual([]);

    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await accessibilityViolations(page), 'which council, with its error').toEqual([]);

    await page.getByLabel('Northbridge Borough Council').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    // The new address's UPRN is not one the sample gazetteer lists either: asked again.
    await page.waitForURL((url) => url.pathname === `/${lifeEvent}/which-council/newAddress`);
    await page.getByLabel('Southmere District Council').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL((url) => url.pathname === `/${lifeEvent}/who-to-tell`);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('We will tell Northbridge Borough Council.');
    expect(text).toContain('We will tell Southmere District Council.');
    expect(await accessibilityViolations(page), 'who to tell, two councils').toEqual([]);
    await context.close();
  });
});
