import { exampleSubmissions } from '@tuo/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchBrowser } from '../support/browser.js';
import { signInInBrowser } from '../support/browser-sign-in.js';
import { submitConfirmed } from '../support/confirm-submission.js';
import { startListeningApp, type ListeningApp } from '../support/listening-app.js';
import { createTestStaff, type TestStaff } from '../support/staff-client.js';

let browser: Browser;
let server: ListeningApp;
let admin: TestStaff;
beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startListeningApp()]);
  admin = await createTestStaff(server.database.db, 'admin');
});
afterAll(async () => {
  await browser.close();
  await server.close();
});

/**
 * Every Content-Security-Policy refusal the page meets: the browser's console lines ("Refused to
 * apply inline style …") and the `securitypolicyviolation` events the document fires for each.
 */
function watchRefusals(page: Page): string[] {
  const refused: string[] = [];
  page.on('console', (message) => {
    // Chromium words it "Refused to …" or, lately, "… violates the following Content Security Policy directive …".
    if (/Refused to|violates the following Content Security Policy/.test(message.text())) refused.push(message.text());
  });
  page.on('pageerror', (error) => refused.push(`script error: ${error.message}`));
  return refused;
}

/** The violations the document itself saw (registered before any of its scripts run). */
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { cspViolations: seen });
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(
        `${event.violatedDirective}: ${event.blockedURI || 'inline'} (${event.sourceFile}:${String(event.lineNumber)})`,
      );
    });
  });
}

const violationsIn = (page: Page) =>
  page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);

describe('pages under the Content-Security-Policy', () => {
  it('the subject access page and the API documentation load with no refusal, the site-wide policy unchanged', async () => {
    const created = await submitConfirmed(server.app, exampleSubmissions['someone-died']);
    const { reference } = created.json<{ reference: string }>();
    const context = await browser.newContext();
    const page = await context.newPage();
    const refused = watchRefusals(page);
    await recordViolations(page);
    await signInInBrowser(
      page,
      { baseUrl: server.baseUrl, db: server.database.db, base: '/staff', home: '/staff/dashboard' },
      admin,
    );

    const exportPage = await page.goto(`${server.baseUrl}/staff/submissions/${reference}/export`);
    await page.getByRole('heading', { name: `Everything held about ${reference}` }).waitFor();
    expect(exportPage?.headers()['content-security-policy']).toContain("style-src 'self'");
    expect(exportPage?.headers()['content-security-policy']).not.toContain('unsafe-inline');
    expect(await violationsIn(page)).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);

    const docs = await page.goto(`${server.baseUrl}/api/docs`);
    // Swagger UI draws the operations from the OpenAPI document once its scripts have run.
    await page.locator('.opblock').first().waitFor();
    // The documentation is under the site's own policy, not a looser one of its own.
    expect(docs?.headers()['content-security-policy']).toBe(exportPage?.headers()['content-security-policy']);
    expect(await violationsIn(page)).toEqual([]);

    expect(refused).toEqual([]);
    await context.close();
  });
});
