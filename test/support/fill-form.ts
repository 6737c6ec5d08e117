import type { Page } from 'playwright-core';
import { addPersonAction } from '@tuo/shared/pages/form-values';
import type { FormPairs } from './resident.js';

/**
 * Fills a form as a person would: ticks the radios and checkboxes named, types into the rest. A
 * person of a list who has no row yet gets one from "Add another person" (in the browser with
 * JavaScript, by posting the page without).
 */
export async function fillForm(page: Page, pairs: FormPairs): Promise<void> {
  for (const [name, value] of pairs) {
    const inputs = page.locator(`[name="${name}"]`);
    if (/\.\d+\.fullName$/.test(name) && (await inputs.count()) === 0) {
      // By its value, not its words, so it is found in every language.
      await page.locator(`button[name="_action"][value="${addPersonAction}"]`).click();
      await inputs.waitFor();
    }
    const type = await inputs.first().getAttribute('type');
    // A person cannot type into a hidden box (an address's UPRN comes with choosing it from a list).
    if (type === 'hidden') continue;
    if (type === 'radio' || type === 'checkbox') await page.locator(`[name="${name}"][value="${value}"]`).check();
    else await inputs.fill(value);
  }
}
