import { catalogue, exampleSubmissions, reachablePages } from '@tuo/shared';
import { sql } from 'kysely';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchBrowser } from '../support/browser.js';
import { fillForm } from '../support/fill-form.js';
import { startListeningApp, type ListeningApp } from '../support/listening-app.js';
import { pagePost } from '../support/resident.js';
import type { Organisation } from '@tuo/shared/api/organisations';
import { createOrganisation } from '../../server/src/organisations/organisation-repository.js';

let browser: Browser;
let server: ListeningApp;
let riverside: Organisation;
beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startListeningApp()]);
  riverside = await createOrganisation(
    server.database.db,
    { kind: 'gp-practice', name: 'Riverside Surgery', code: 'Y90001', areas: ['NB1'], postcode: 'NB1 4AB' },
    { type: 'system' },
  );
});
afterAll(async () => {
  await browser.close();
  await server.close();
});

const journey = catalogue['someone-died'];
const route = reachablePages(journey, exampleSubmissions['someone-died'].answers);

async function press(page: Page, button: string, path?: string): Promise<void> {
  await Promise.all([
    path ? page.waitForURL((url) => url.pathname === path) : page.waitForLoadState('load'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
}

/** Answers "someone died" up to the page asking for their address. */
async function toAddressPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/start`);
  await page.getByLabel(journey.title).check();
  await press(page, 'Continue', `/someone-died/${route[0]?.path ?? ''}`);
  for (const [index, definition] of route.entries()) {
    if (definition.id === 'last-address') return page;
    await fillForm(page, pagePost(definition, exampleSubmissions['someone-died'].answers));
    await press(page, 'Continue', `/someone-died/${route[index + 1]?.path ?? ''}`);
  }
  throw new Error('no address page');
}

/** True when some resident session holds this text (answers are kept server-side). */
async function sessionHolds(text: string): Promise<boolean> {
  const rows = await sql<{
    found: boolean;
  }>`select exists (select 1 from sessions where data::text like ${`%${text}%`}) as found`.execute(server.database.db);
  return rows.rows[0]?.found ?? false;
}

/** True when some resident session holds this UPRN. */
const sessionHoldsUprn = (uprn: string) => sessionHolds(`"uprn": "${uprn}"`);

describe('address look-up in a real browser', () => {
  it('with JavaScript: finds in place, fills the boxes, and the UPRN goes with the answer; axe clean', async () => {
    const context = await browser.newContext();
    const page = await toAddressPage(context);
    expect(await accessibilityViolations(page)).toEqual([]);
    // One postcode box, for the look-up and the typed address alike; its example is one the look-up finds.
    expect(await page.getByLabel('Postcode', { exact: true }).count()).toBe(1);
    expect(await page.getByText('For example, NB1 4AA').count()).toBe(1);
    await page.getByLabel('Postcode', { exact: true }).fill('nb2 7qt');
    await page.getByRole('button', { name: 'Find address' }).click();
    const list = page.getByLabel('Select an address');
    await list.waitFor();
    // Found by fetch: the page did not reload.
    expect(new URL(page.url()).pathname).toBe('/someone-died/their-address');
    expect(await accessibilityViolations(page)).toEqual([]);
    await list.selectOption({ label: '24 Mill Lane, Northbridge, NB2 7QT' });
    await page.getByRole('button', { name: 'Use this address' }).click();
    expect(await page.getByLabel('Address line 1').inputValue()).toBe('24 Mill Lane');
    expect(await page.getByLabel('Town or city').inputValue()).toBe('Northbridge');
    expect(await page.locator('input[name="lastAddress.uprn"]').inputValue()).toBe('9000000205');
    await page.screenshot({
      path: 'test-results/address-lookup-js.png',
      fullPage: true,
    });
    await press(page, 'Continue', '/someone-died/their-numbers');
    expect(await sessionHoldsUprn('9000000205')).toBe(true);
    await context.close();
  });

  it('with JavaScript and no React: choosing fills the boxes and the UPRN at once, and typing over them forgets it', async () => {
    const context = await browser.newContext();
    const page = await toAddressPage(context);
    const scripts: string[] = [];
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
      if (request.method() === 'POST') posts.push(new URL(request.url()).pathname);
    });
    const uprn = page.locator('input[name="lastAddress.uprn"]');
    await page.getByLabel('Postcode', { exact: true }).fill('NB2 7QT');
    await page.getByRole('button', { name: 'Find address' }).click();
    const list = page.getByLabel('Select an address');
    await list.focus();
    await list.selectOption({ label: '24 Mill Lane, Northbridge, NB2 7QT' });
    expect(await page.getByLabel('Address line 1').inputValue()).toBe('24 Mill Lane');
    expect(await page.getByLabel('Address line 2 (optional)').inputValue()).toBe('');
    expect(await page.getByLabel('Town or city').inputValue()).toBe('Northbridge');
    expect(await uprn.inputValue()).toBe('9000000205');
    // Still in the list: the resident may be choosing yet.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lastAddress-choice');
    expect(await page.locator('[aria-live="polite"]').textContent()).toContain(
      'We have filled in the address below. Check it is right.',
    );
    await page.getByLabel('Postcode', { exact: true }).pressSequentially('X');
    expect(await uprn.inputValue()).toBe('');
    await list.selectOption({ label: 'Flat 2, Orchard House, 22 Mill Lane, Northbridge, NB2 7QT' });
    expect(await page.getByLabel('Postcode', { exact: true }).inputValue()).toBe('NB2 7QT');
    expect(await uprn.inputValue()).toBe('9000000202');
    await page.getByLabel('Address line 1').pressSequentially(' and garden');
    expect(await uprn.inputValue()).toBe('');
    expect(posts).toEqual([]);
    expect(scripts.some((path) => path.includes('address-script'))).toBe(true);
    expect(scripts.filter((path) => /hydrate-page|react|index\.esm/.test(path))).toEqual([]);
    await context.close();
  });

  it('with JavaScript: Enter in the postcode box finds, and Enter in a box of the typed address is Continue, checked', async () => {
    const context = await browser.newContext();
    const page = await toAddressPage(context);
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(new URL(request.url()).pathname);
    });
    await page.getByLabel('Postcode', { exact: true }).fill('NB2 7QT');
    await page.getByLabel('Postcode', { exact: true }).press('Enter');
    await page.getByLabel('Select an address').waitFor();
    // Line 1 alone, Enter in it: Continue, which the page checks before it posts.
    await page.getByLabel('Address line 1').fill('24 Mill Lane');
    await page.getByLabel('Address line 1').press('Enter');
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('.govuk-error-summary a').allTextContents()).toEqual(['Enter town or city']);
    expect(posts).toEqual([]);
    await page.getByLabel('Town or city').fill('Northbridge');
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/someone-died/their-numbers'),
      page.getByLabel('Town or city').press('Enter'),
    ]);
    expect(posts).toEqual(['/someone-died/their-address']);
    await context.close();
  });

  it('with JavaScript: a look-up that cannot be reached says to type the address', async () => {
    const context = await browser.newContext();
    const page = await toAddressPage(context);
    // The network fails, as it may on a train: the page says so rather than breaking.
    await page.route(/\/api\/address-lookup/, (route) => route.abort('internetdisconnected'));
    await page.getByLabel('Postcode', { exact: true }).fill('NB2 7QT');
    await page.getByRole('button', { name: 'Find address' }).click();
    await page.locator('.govuk-inset-text').waitFor();
    expect(await page.locator('[aria-live="polite"] .govuk-inset-text').textContent()).toBe(
      'Sorry, we cannot look up addresses right now. Please type the address below.',
    );
    expect(new URL(page.url()).pathname).toBe('/someone-died/their-address');
    await context.close();
  });

  it('with JavaScript: a Welsh page’s finder speaks Welsh', async () => {
    const context = await browser.newContext();
    const page = await toAddressPage(context);
    await page.goto(`${server.baseUrl}/someone-died/their-address?lang=cy`);
    await page.locator('#lastAddress-postcode').fill('NB2 7QT');
    await page.locator('button[value="find-address:lastAddress"]').click();
    const list = page.locator('#lastAddress-choice');
    await list.waitFor();
    expect(await page.locator('label[for="lastAddress-choice"]').textContent()).toBe('Dewiswch gyfeiriad');
    expect(await list.locator('option').first().textContent()).toBe('Cyfeiriadau a ganfuwyd: 6');
    await page.locator('button[value="choose-address:lastAddress"]').click();
    expect(await page.locator('.govuk-error-summary a').allTextContents()).toEqual(["Dewiswch gyfeiriad o'r rhestr"]);
    await list.selectOption('9000000205');
    expect(await page.locator('[aria-live="polite"] p').textContent()).toBe(
      "Rydym wedi llenwi'r cyfeiriad isod. Gwiriwch ei fod yn gywir.",
    );
    await page.locator('#lastAddress-postcode').fill('NB9 9ZZ');
    await page.locator('button[value="find-address:lastAddress"]').click();
    await expect
      .poll(() => page.locator('[aria-live="polite"]').textContent())
      .toBe(
        'Nid oedd modd i ni ddod o hyd i unrhyw gyfeiriadau yn NB9 9ZZ. Gwiriwch y cod post, neu teipiwch y cyfeiriad isod.',
      );
    await context.close();
  });

  for (const javaScriptEnabled of [true, false])
    it(`choosing from the list then Continue is enough, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await toAddressPage(context);
      await page.getByLabel('Postcode', { exact: true }).fill('NB2 7QT');
      if (javaScriptEnabled) await page.getByRole('button', { name: 'Find address' }).click();
      else await press(page, 'Find address');
      const list = page.getByLabel('Select an address');
      await list.waitFor();
      await list.selectOption({ label: '24 Mill Lane, Northbridge, NB2 7QT' });
      // No "Use this address": Continue takes the chosen address, UPRN and all.
      await press(page, 'Continue', '/someone-died/their-numbers');
      expect(await sessionHoldsUprn('9000000205')).toBe(true);
      // Then their GP practice, searched for and picked from the directory the same way either way.
      await press(page, 'Continue', '/someone-died/their-gp-practice');
      if (javaScriptEnabled) {
        // "Search" posts the page, so its errors come from the server, with or without JavaScript.
        await press(page, 'Search');
        await page.locator('.govuk-error-summary').waitFor();
        expect(await accessibilityViolations(page), 'search error').toEqual([]);
      }
      await page.getByLabel('Search by name or postcode').fill('riverside');
      await press(page, 'Search');
      await page.getByLabel('Riverside Surgery').check();
      if (javaScriptEnabled) expect(await accessibilityViolations(page), 'search results').toEqual([]);
      await press(page, 'Continue', '/someone-died/marital-status');
      expect(await sessionHolds(riverside.id)).toBe(true);
      await context.close();
    });

  it('without JavaScript: each button is a round trip, and typing the address is always there', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await toAddressPage(context);
    const postcode = page.locator('#lastAddress-postcode');
    await postcode.fill('NB9 9ZZ');
    await press(page, 'Find address', '/someone-died/their-address');
    expect(await page.locator('main').textContent()).toContain('We could not find any addresses at NB9 9ZZ');
    await page.locator('#lastAddress-postcode').fill('AX7 1RS');
    await press(page, 'Find address', '/someone-died/their-address');
    await page.getByLabel('Select an address').selectOption({
      label: 'Church Farm, Church Street, Little Ashby, AX7 1RS',
    });
    await press(page, 'Use this address', '/someone-died/their-address');
    expect(await page.getByLabel('Address line 1').inputValue()).toBe('Church Farm');
    expect(await page.getByLabel('Address line 2 (optional)').inputValue()).toBe('Church Street');
    await press(page, 'Continue', '/someone-died/their-numbers');
    expect(await sessionHoldsUprn('9000000502')).toBe(true);
    await context.close();
  });
});
