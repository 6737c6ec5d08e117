import { randomBytes } from 'node:crypto';
import {
  catalogue,
  consentOptions,
  exampleSubmissions,
  lifeEventIds,
  reachablePages,
  type LifeEventId,
} from '@tuo/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningWorker } from '../../server/src/queue/worker-runner.js';
import { accessibilityViolations, launchBrowser } from '../support/browser.js';
import { fillForm } from '../support/fill-form.js';
import { startListeningApp, type ListeningApp } from '../support/listening-app.js';
import { pagePost } from '../support/resident.js';
import { testConfig } from '../support/test-config.js';
import { startTestWorker } from '../support/test-worker.js';
import { startWebhookReceiver, webhookEnv } from '../support/webhook-receiver.js';
import { waitFor } from '../support/wait-for.js';
import { confirmWithTrialCode } from '../support/confirm-in-browser.js';

// One browser, one portal, one worker and one webhook receiver for every journey in this file.
const secret = `whsec_${randomBytes(32).toString('base64')}`;
let browser: Browser;
let server: ListeningApp;
let worker: RunningWorker;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
beforeAll(async () => {
  receiver = await startWebhookReceiver({ secret });
  const env = { ...webhookEnv(receiver, secret), OUTBOX_RELAY_INTERVAL_MS: '20' };
  [browser, server] = await Promise.all([launchBrowser(), startListeningApp({ env })]);
  worker = await startTestWorker(server.database, testConfig(server.database.url, env));
});
afterAll(async () => {
  await worker.stop();
  await browser.close();
  await server.close();
  await receiver.close();
});

async function continueTo(page: Page, path: string, button = 'Continue'): Promise<void> {
  await Promise.all([
    page.waitForURL((url) => url.pathname === path),
    page.getByRole('button', { name: button }).click(),
  ]);
}

async function expectAccessible(page: Page, what: string): Promise<void> {
  expect(await accessibilityViolations(page), what).toEqual([]);
}

/**
 * Runs one life event from "What has happened?" to the confirmation. With JavaScript, axe checks
 * every page, question pages with their errors showing (after an empty Continue, caught in the
 * browser) and the declaration both ways. axe runs as script in the page, so it cannot run with
 * JavaScript off; those runs prove the plain HTML forms complete the journey.
 */
async function runJourney(lifeEvent: LifeEventId, javaScript: boolean): Promise<string> {
  const journey = catalogue[lifeEvent];
  const answers = exampleSubmissions[lifeEvent].answers;
  const context = await browser.newContext({ javaScriptEnabled: javaScript, viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  const check = async (what: string) => {
    if (javaScript) await expectAccessible(page, what);
  };
  await page.goto(`${server.baseUrl}/start`);
  await check('What has happened?');
  await page.getByLabel(journey.title).check();
  const route = reachablePages(journey, answers);
  await continueTo(page, `/${lifeEvent}/${route[0]?.path ?? ''}`);
  for (const [index, definition] of route.entries()) {
    const what = `${lifeEvent}/${definition.path}`;
    // A page with errors is the same page plus the summary and messages, so one axe run covers both
    // (the other e2e files check each field-kind combination as first shown).
    if (!definition.fields.some((field) => !field.optional && !field.showWhen)) await check(what);
    else if (javaScript) {
      await expect
        .poll(() => page.evaluate(() => document.body.classList.contains('govuk-frontend-supported')), {
          message: `${what} ran no script: ${problems.join('; ')}`,
          timeout: 5000,
        })
        .toBe(true);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.locator('.govuk-error-summary').waitFor();
      expect(await page.title(), what).toMatch(/^Error: /);
      await check(`${what} with errors`);
    }
    await fillForm(page, pagePost(definition, answers));
    await continueTo(page, `/${lifeEvent}/${route[index + 1]?.path ?? 'check-answers'}`);
  }
  await check(`${lifeEvent} check your answers`);
  await Promise.all([
    page.waitForURL((url) => url.pathname === `/${lifeEvent}/who-to-tell`),
    page.getByRole('button', { name: 'Continue' }).click(),
  ]);
  await check(`${lifeEvent} who to tell`);
  await continueTo(page, `/${lifeEvent}/declaration`, 'Tell all of them');
  await check(`${lifeEvent} declaration`);
  // Sending without the declaration ticked is refused by the server, with or without JavaScript.
  await continueTo(page, `/${lifeEvent}/declaration`, 'Accept and send');
  await page.locator('.govuk-error-summary').waitFor();
  await check(`${lifeEvent} declaration with errors`);
  await page.getByLabel(/I confirm/).check();
  await continueTo(page, `/${lifeEvent}/confirmation`, 'Accept and send');
  // Nothing is sent until the resident confirms with the code (shown here: tests run as a trial install).
  await check(`${lifeEvent} confirm your report`);
  const reference = (await page.locator('#reference').textContent()) ?? '';
  await confirmWithTrialCode(page);
  await check(`${lifeEvent} confirmation`);
  expect(problems).toEqual([]);
  await context.close();
  return reference;
}

describe.each([
  ['with JavaScript', true],
  ['without JavaScript', false],
])('every life event %s', (_mode, javaScript) => {
  it.each(lifeEventIds)('%s: completes, passes axe on every page, and reaches every agency told', async (lifeEvent) => {
    const reference = await runJourney(lifeEvent, javaScript);
    expect(reference).toMatch(/^TUO-/);
    // Every relevant agency is ticked to start with, and this resident leaves them all in.
    const told = consentOptions(catalogue[lifeEvent], exampleSubmissions[lifeEvent].answers).map(
      (option) => option.agency,
    );
    const received = await waitFor(async () => {
      const agencies = receiver.received
        .filter((webhook) => webhook.reference === reference)
        .map((webhook) => webhook.agency);
      return Promise.resolve(told.every((agency) => agencies.includes(agency)) ? agencies : undefined);
    });
    expect([...new Set(received)].sort()).toEqual([...told].sort());
  });
});
