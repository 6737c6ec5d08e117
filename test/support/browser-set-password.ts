import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { accessibilityViolations } from './browser.js';

/**
 * Opens a one-time link in `page` and sets a password through it as its person would: first a too
 * short one (the GOV.UK error, axe clean), then `password` twice, ending on "Your password is set".
 */
export async function setPasswordInBrowser(page: Page, link: string, password: string): Promise<void> {
  const path = new URL(link).pathname;
  const submit = () =>
    Promise.all([
      page.waitForURL((url) => url.pathname === path),
      page.getByRole('button', { name: 'Set password', exact: true }).click(),
    ]);
  await page.goto(link);
  expect(await accessibilityViolations(page), page.url()).toEqual([]);
  await page.getByLabel('New password', { exact: true }).fill('short');
  await page.getByLabel('Confirm your new password').fill('short');
  await submit();
  expect(await page.locator('.govuk-error-summary').textContent()).toContain('at least 12 characters');
  expect(await accessibilityViolations(page), page.url()).toEqual([]);
  await page.getByLabel('New password', { exact: true }).fill(password);
  await page.getByLabel('Confirm your new password').fill(password);
  await submit();
  expect(await page.locator('h1').textContent()).toBe('Your password is set');
  expect(await accessibilityViolations(page), page.url()).toEqual([]);
}
