import { catalogue, exampleSubmissions, reachablePages } from '@tuo/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAgencyUser } from '../support/agency-client.js';
import { accessibilityViolations, launchBrowser } from '../support/browser.js';
import { signInInBrowser, type BrowserSignInAccount } from '../support/browser-sign-in.js';
import { submitConfirmed } from '../support/confirm-submission.js';
import { deliver, submit } from '../support/service-level-fixtures.js';
import { createTestStaff } from '../support/staff-client.js';
import { testConfig } from '../support/test-config.js';
import { startTestWorker } from '../support/test-worker.js';
import { waitFor } from '../support/wait-for.js';
import { fillForm } from '../support/fill-form.js';
import { startListeningApp, type ListeningApp } from '../support/listening-app.js';
import { pagePost } from '../support/resident.js';
import { openNarrowViews, overflow } from '../support/reflow-check.js';

// Reports to the Jobcentre after a death need a high level, so an online one waits in "Needs checking".
const env = { VERIFICATION_MINIMUMS: 'jobcentre:someone-died=high', OUTBOX_RELAY_INTERVAL_MS: '20' };
let browser: Browser;
let server: ListeningApp;
beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startListeningApp({ env })]);
});
afterAll(async () => {
  await browser.close();
  await server.close();
});

const long = 'Wolfeschlegelsteinhausenbergerdorff';

describe('every page kind at 320 CSS pixels wide (a small phone, and 400% zoom)', () => {
  it('scrolls only up and down, and cuts nothing off, with long answers, a long reference and errors showing', async () => {
    const lifeEvent = 'someone-died';
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
    const narrow = await openNarrowViews(browser);
    const page = await driver.newPage();
    const problems: string[] = [];
    const check = async (what: string) => {
      problems.push(...(await narrow.check(page, what)));
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
      const word = Object.assign(document.createElement('p'), { id: 'word', textContent: 'y'.repeat(200) });
      word.style.overflowWrap = 'normal';
      document.querySelector('main')?.append(wide, cut, word);
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
    expect(
      noticed.some((problem) => problem.startsWith('the text "yyy') && problem.includes('in p#word')),
      noticed.join('; '),
    ).toBe(true);
    await Promise.all([driver.close(), narrow.close()]);
  }, 240_000);
});

/** Signs in at a console in this browser context, as a person would. */
async function signedIn(context: BrowserContext, base: '/staff' | '/agency', who: BrowserSignInAccount): Promise<Page> {
  const page = await context.newPage();
  const home = base === '/staff' ? '/staff/dashboard' : '/agency/notifications';
  await signInInBrowser(page, { baseUrl: server.baseUrl, db: server.database.db, base, home }, who);
  return page;
}

describe('the consoles, admin pages and the performance page at 320 CSS pixels wide', () => {
  it('scroll only up and down, cut nothing off, keep wide tables in their own captioned regions, and are axe clean', async () => {
    const worker = await startTestWorker(server.database, testConfig(server.database.url, env));
    const answers = {
      ...exampleSubmissions['someone-died'].answers,
      lastName: long,
      lastAddress: {
        line1: `Flat 12, ${long}house`,
        town: 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch',
        postcode: 'LS1 4AP',
      },
      email: 'a.very.long.email.address.without.spaces@example-council-services.gov.uk',
    };
    const created = await submitConfirmed(server.app, { ...exampleSubmissions['someone-died'], answers });
    const { reference } = created.json<{ reference: string }>();
    const deliveries = await waitFor(async () => {
      const rows = await server.database.db
        .selectFrom('deliveries')
        .innerJoin('submissions', 'submissions.id', 'deliveries.submission_id')
        .select([
          'deliveries.id',
          'deliveries.agency',
          'deliveries.status',
          'deliveries.submission_id',
          'deliveries.organisation_id',
        ])
        .where('submissions.reference', '=', reference)
        .execute();
      return rows.some((row) => row.agency === 'council' && row.status === 'delivered') &&
        rows.some((row) => row.status === 'held')
        ? rows
        : undefined;
    });
    await worker.stop();
    const council = deliveries.find((row) => row.agency === 'council');
    const held = deliveries.find((row) => row.status === 'held');
    if (!council || !held) throw new Error('Expected a delivered and a held notification');
    await server.database.db
      .insertInto('chase_requests')
      .values({
        delivery_id: council.id,
        submission_id: council.submission_id,
        target: 'acknowledge',
        status: 'open',
        resident_note: `Please chase ${long} at the council`,
        requested_at: new Date(),
      })
      .execute();
    // Enough delivered reports for the figures to be shown, not withheld.
    for (let i = 0; i < 11; i += 1) {
      const { id } = await submit(server.app, server.database.db, 'baby-born');
      await deliver(server.database.db, id, '2026-11-02T10:00:00Z', {
        council: { acknowledgedAt: '2026-11-04T10:00:00Z' },
      });
    }
    const admin = await createTestStaff(server.database.db, 'admin');
    const agencyAdmin = await createTestAgencyUser(server.database.db, 'council', 'agency-admin');

    const problems: string[] = [];
    const narrow = await openNarrowViews(browser);
    const visit = async (page: Page, path: string) => {
      await page.goto(`${server.baseUrl}${path}`);
      problems.push(...(await narrow.check(page, path)));
      problems.push(...(await accessibilityViolations(page)).map((violation) => `${path}: ${violation}`));
    };

    const staffContext = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const staff = await signedIn(staffContext, '/staff', admin);
    for (const path of [
      '/staff/dashboard',
      '/staff/search',
      `/staff/search?name=${long}`,
      `/staff/submissions/${reference}`,
      '/staff/needs-checking',
      `/staff/needs-checking/${held.id}`,
      '/staff/chase-requests',
      '/staff/accounts',
      `/staff/accounts/${admin.id}`,
      '/staff/accounts/invite',
      '/staff/audit',
      `/staff/submissions/${reference}/export`,
      `/staff/submissions/${reference}/erase`,
      '/staff/performance',
      '/staff/assisted',
      '/staff/organisations',
      '/staff/organisations/new',
      `/staff/organisations/${council.organisation_id}`,
      `/staff/organisations/${council.organisation_id}/change`,
    ])
      await visit(staff, path);

    const agencyContext = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const agency = await signedIn(agencyContext, '/agency', agencyAdmin);
    for (const path of [
      '/agency/notifications',
      '/agency/notifications?status=all',
      `/agency/notifications/${council.id}`,
      '/agency/users',
      `/agency/users/${agencyAdmin.id}`,
      '/agency/keys',
      '/agency/single-sign-on',
    ])
      await visit(agency, path);

    const performance = await (await browser.newContext({ viewport: { width: 320, height: 640 } })).newPage();
    await visit(performance, '/performance');
    // The charts' words are drawn at 16 units: at 320 pixels wide they stay at least 14 pixels high.
    const chartText = await performance.evaluate(() =>
      [...document.querySelectorAll<SVGTextElement>('.app-bar-chart text')].map(
        (text) => 16 * (text.getScreenCTM()?.a ?? 0),
      ),
    );
    expect(chartText.length).toBeGreaterThan(0);
    expect(Math.min(...chartText)).toBeGreaterThanOrEqual(14);

    expect(problems).toEqual([]);
    await Promise.all([staffContext.close(), agencyContext.close(), narrow.close()]);
  }, 480_000);
});
