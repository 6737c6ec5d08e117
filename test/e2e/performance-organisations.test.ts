import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../../server/src/organisations/organisation-repository.js';
import { createSubmitterKey } from '../../server/src/submitters/submitter-keys.js';
import { accessibilityViolations, launchBrowser } from '../support/browser.js';
import { signInInBrowser } from '../support/browser-sign-in.js';
import { startListeningApp, type ListeningApp } from '../support/listening-app.js';
import { narrowScreens, openNarrowViews, type NarrowViews } from '../support/reflow-check.js';
import { addSampleCouncils } from '../support/sample-councils.js';
import { deliver, submit, testClock } from '../support/service-level-fixtures.js';
import { createTestStaff } from '../support/staff-client.js';

// The figures per organisation (#16) on the public page and the staff console's: a table per kind,
// read without JavaScript, axe clean, and reflowing at 320 CSS pixels with a long name.

let browser: Browser;
let server: ListeningApp;
const clock = testClock('2026-04-09T09:00:00Z');
const longName = 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch Community Council';

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startListeningApp({ now: clock.now })]);
  const db = server.database.db;
  const { northbridge, southmere } = await addSampleCouncils(db);
  const council = (name: string, code: string) =>
    createOrganisation(db, { kind: 'council', name, code, areas: [] }, { type: 'system' });
  const welsh = await council(longName, 'W06000001');
  const westvale = await council('Westvale Council', 'E07000904');
  // A register office's key: its reports need no code, so these many meet no code's rate limit.
  const { key } = await createSubmitterKey(db, { name: 'Register office', level: 'high' });
  // The two small councils' 11 together can be withheld without giving either away.
  for (const [organisation, count] of [
    [northbridge.id, 11],
    [southmere.id, 12],
    [welsh.id, 3],
    [westvale.id, 8],
  ] as const)
    for (let i = 0; i < count; i += 1) {
      const { id } = await submit(server.app, db, 'baby-born', { headers: { authorization: `Bearer ${key}` } });
      await db
        .updateTable('deliveries')
        .set({ organisation_id: organisation })
        .where('submission_id', '=', id)
        .where('agency', '=', 'council')
        .execute();
      await deliver(db, id, '2026-04-02T10:00:00Z', { council: { acknowledgedAt: '2026-04-07T10:00:00Z' } });
    }
});
afterAll(async () => {
  await browser.close();
  await server.close();
});

/** A page at 320 pixels wide, the narrow sizes to check it at, and a way to close both. */
async function narrowPage(): Promise<{ page: Page; narrow: NarrowViews; close: () => Promise<unknown> }> {
  const [first] = narrowScreens;
  const context = await browser.newContext(first.options);
  const narrow = await openNarrowViews(browser);
  return { page: await context.newPage(), narrow, close: () => Promise.all([context.close(), narrow.close()]) };
}

describe('figures per organisation in a browser', () => {
  it('the public page shows each council in its kind’s table without JavaScript, axe clean and reflowing at 320 pixels', async () => {
    const plain = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await plain.goto(`${server.baseUrl}/performance?period=30d&lifeEvent=baby-born`);
    expect(await plain.getByRole('heading', { name: 'Notifications by organisation' }).count()).toBe(1);
    const councils = plain.getByRole('table', { name: 'Your local council' }).last();
    expect(await councils.getByRole('row', { name: /^Northbridge Borough Council 11 / }).count()).toBe(1);
    expect(await councils.getByRole('row', { name: /^Southmere District Council 12 / }).count()).toBe(1);
    expect(await councils.getByRole('row', { name: new RegExp(`^${longName} fewer than 10 `) }).count()).toBe(1);
    expect(await plain.getByRole('link', { name: 'Notifications by organisation and life event (CSV)' }).count()).toBe(
      1,
    );

    const { page, narrow, close } = await narrowPage();
    await page.goto(`${server.baseUrl}/performance?period=30d&lifeEvent=baby-born`);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await narrow.check(page, 'performance')).toEqual([]);
    await close();
  });

  it('the staff console’s figures show the same per organisation, axe clean at 320 pixels', async () => {
    const adviser = await createTestStaff(server.database.db, 'adviser');
    const { page, narrow, close } = await narrowPage();
    await signInInBrowser(
      page,
      { baseUrl: server.baseUrl, db: server.database.db, base: '/staff', home: '/staff/dashboard' },
      adviser,
    );
    await page.goto(`${server.baseUrl}/staff/performance?from=2026-04-01&to=2026-04-08&lifeEvent=baby-born`);
    const councils = page.getByRole('table', { name: 'Your local council' }).last();
    expect(await councils.getByRole('row', { name: /^Southmere District Council 12 / }).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await narrow.check(page, 'staff performance')).toEqual([]);
    await close();
  });
});
