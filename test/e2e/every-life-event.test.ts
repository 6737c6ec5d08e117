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

// Each behaviour is walked once: these journeys carry the checks of one mode beyond completing it.
const browserChecked: LifeEventId = 'someone-died';
const plainHtmlChecked: LifeEventId = 'moving-home';
// Without JavaScript, this resident picks who to tell by hand (consent is opt-in per agency).
const pickedByHand = ['Your local council', 'Your housing association or council landlord', 'Jobcentre Plus'];

/** With JavaScript, an empty Continue is caught in the browser: no request, the summary takes focus, the title says Error. */
async function expectCaughtInBrowser(page: Page): Promise<void> {
  const posts: string[] = [];
  const onRequest = (request: { method: () => string; url: () => string }) => {
    if (request.method() === 'POST') posts.push(request.url());
  };
  page.on('request', onRequest);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary')))
    .toBe(true);
  page.off('request', onRequest);
  expect(posts).toEqual([]);
}

/**
 * Runs one life event from "What has happened?" to the confirmation, on a phone-sized screen. With
 * JavaScript, axe checks every page, question pages with their errors showing (after an empty
 * Continue, caught in the browser), the declaration both ways and the tracking page. axe runs as
 * script in the page, so it cannot run with JavaScript off; those runs prove the plain HTML forms
 * complete the journey, with the server's errors, conditional questions shown under their option,
 * a Change link, agencies picked by hand and tracking by reference and code.
 */
async function runJourney(lifeEvent: LifeEventId, javaScript: boolean): Promise<{ reference: string; told: string[] }> {
  const journey = catalogue[lifeEvent];
  const answers = exampleSubmissions[lifeEvent].answers;
  const context = await browser.newContext({ javaScriptEnabled: javaScript, viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    // A refused form comes back as a 400 page, which the browser logs: that is the server's answer, not a fault.
    if (message.type() === 'error' && !message.text().includes('status of 400')) problems.push(message.text());
  });
  const check = async (what: string) => {
    if (javaScript) await expectAccessible(page, what);
  };
  const plainHtml = !javaScript && lifeEvent === plainHtmlChecked;
  await page.goto(`${server.baseUrl}/start`);
  await check('What has happened?');
  if (plainHtml) {
    await continueTo(page, '/start');
    expect(await page.title()).toMatch(/^Error: What has happened\?/);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Select what has happened');
  }
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
      if (lifeEvent === browserChecked && index === 0) await expectCaughtInBrowser(page);
      else await page.getByRole('button', { name: 'Continue' }).click();
      await page.locator('.govuk-error-summary').waitFor();
      expect(await page.title(), what).toMatch(/^Error: /);
      if (lifeEvent === browserChecked && index === 0)
        expect(await page.locator('.govuk-error-summary a').first().textContent()).toBe('Enter their first name');
      await check(`${what} with errors`);
    }
    if (plainHtml && definition.id === 'gp') {
      // Without JavaScript the follow-up question is simply on the page, under its option.
      expect(await page.getByLabel('Name of your GP practice').isVisible()).toBe(true);
      await continueTo(page, `/${lifeEvent}/${definition.path}`);
      expect(await page.locator('.govuk-error-summary a').first().textContent()).toBe(
        'Select yes if you are registered with a GP',
      );
    }
    await fillForm(page, pagePost(definition, answers));
    await continueTo(page, `/${lifeEvent}/${route[index + 1]?.path ?? 'check-answers'}`);
  }
  await check(`${lifeEvent} check your answers`);
  if (plainHtml) {
    expect((await page.locator('.govuk-summary-list').allTextContents()).join(' ')).toContain('45 High Street');
    await page.getByRole('link', { name: 'Change when do you move?' }).click();
    expect(new URL(page.url()).search).toBe('?change=1');
    await continueTo(page, `/${lifeEvent}/check-answers`);
  }
  await Promise.all([
    page.waitForURL((url) => url.pathname === `/${lifeEvent}/who-to-tell`),
    page.getByRole('button', { name: 'Continue' }).click(),
  ]);
  await check(`${lifeEvent} who to tell`);
  const everyone = consentOptions(journey, answers).map((option) => option.agency as string);
  let told = everyone;
  if (plainHtml) {
    for (const name of pickedByHand) await page.getByLabel(name).check();
    await continueTo(page, `/${lifeEvent}/declaration`);
    told = ['council', 'housing-provider', 'jobcentre'];
  } else await continueTo(page, `/${lifeEvent}/declaration`, 'Tell all of them');
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
  const trackingCode = (await page.locator('#tracking-code').textContent()) ?? '';
  if (javaScript && lifeEvent === browserChecked) {
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/track'),
      page.getByRole('link', { name: 'Track your report' }).click(),
    ]);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Your report ${reference}`);
    // Not yet confirmed by its code: nothing has gone anywhere.
    expect((await page.locator('.govuk-summary-list').allTextContents()).join(' ')).toContain(
      'Waiting for you to confirm',
    );
    await check('tracking result');
    await page.goto(`${server.baseUrl}/track`);
    await check('tracking form');
    await page.goto(`${server.baseUrl}/${lifeEvent}/confirmation`);
  }
  await confirmWithTrialCode(page);
  await check(`${lifeEvent} confirmation`);
  if (plainHtml) {
    await page.goto(`${server.baseUrl}/track`);
    await page.getByLabel('Reference').fill(reference);
    await page.getByLabel('Tracking code').fill(trackingCode);
    await page.getByRole('button', { name: 'Show progress' }).click();
    // Each service told, by its organisation's name with its kind under it (the kind's own team when none was picked).
    expect(await page.locator('.govuk-summary-list__key > span').allTextContents()).toEqual(pickedByHand);
  }
  expect(problems).toEqual([]);
  await context.close();
  return { reference, told };
}

describe.each([
  ['with JavaScript', true],
  ['without JavaScript', false],
])('every life event %s', (_mode, javaScript) => {
  it.each(lifeEventIds)(
    '%s: completes, passes axe on every page, and reaches every agency told',
    async (lifeEvent) => {
      // Every relevant agency is told ("Tell all of them"), but those picked by hand on the plain HTML run.
      const { reference, told } = await runJourney(lifeEvent, javaScript);
      expect(reference).toMatch(/^TUO-/);
      const received = await waitFor(async () => {
        const agencies = receiver.received
          .filter((webhook) => webhook.reference === reference)
          .map((webhook) => webhook.agency);
        return Promise.resolve(told.every((agency) => agencies.includes(agency)) ? agencies : undefined);
      });
      expect([...new Set(received)].sort()).toEqual([...told].sort());
      // The runs carrying one mode's own checks (and axe on every page) take longer than the default minute.
    },
    120_000,
  );
});
