import type { Page } from 'playwright-core';

/**
 * On "Confirm your report", enters the code a trial install shows (tests' configuration) and sends
 * it, as a resident would, ending on the confirmed page.
 */
export async function confirmWithTrialCode(page: Page): Promise<void> {
  const code = (await page.locator('#trial-code').textContent())?.trim() ?? '';
  await page.locator('#code').fill(code);
  await page.locator('main form button.govuk-button').first().click();
  await page.locator('.govuk-panel--confirmation').waitFor();
}
