import { describe, expect, it } from 'vitest';
import { accessibilityViolations } from '../support/browser.js';
import { browserAndApp } from '../support/browser-and-app.js';

const run = browserAndApp();

describe('start page in a real browser', () => {
  it('hydrates with JavaScript, loads its styles under the CSP, and has no axe violations', async () => {
    const context = await run.browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${run.server.baseUrl}/`);
    await expect
      .poll(() => page.evaluate(() => document.body.classList.contains('govuk-frontend-supported')))
      .toBe(true);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Tell us once about a change in your life',
    );
    // The stylesheet applied: GOV.UK's heading size, not the browser's default.
    const fontFamily = await page.locator('h1').evaluate((h1) => getComputedStyle(h1).fontFamily);
    expect(fontFamily).toContain('arial');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.screenshot({ path: 'test-results/start-page.png', fullPage: true });
    await context.close();
  });

  it('works with JavaScript off: the start button is a real link', async () => {
    const context = await run.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${run.server.baseUrl}/`);
    const start = page.getByRole('button', { name: 'Start now' });
    expect(await start.getAttribute('href')).toBe('/start');
    // axe needs script in the page, so it runs in the test above on the same server-rendered HTML.
    expect(await page.locator('link[rel=stylesheet]').count()).toBe(1);
    await context.close();
  });
});
