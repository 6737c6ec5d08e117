import { catalogue, exampleSubmissions, reachablePages } from '@tuo/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndApp } from '../support/browser-and-app.js';
import { pagePost } from '../support/resident.js';

const run = browserAndApp();

interface Focused {
  tag: string;
  id: string;
  name: string;
  value: string;
  type: string;
  text: string;
  className: string;
  checked: boolean;
  /** GOV.UK focus states: a yellow outline or ring on controls (on the label of radios and checkboxes), yellow behind links and buttons. */
  focusVisible: boolean;
}

/** What has focus, read from the page (reading is not interacting: every action below is a key press). */
const focused = (page: Page): Promise<Focused> =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLInputElement | null;
    // GOV.UK radios and checkboxes hide the real input and draw its focus ring on the label's ::before.
    const choice = element?.type === 'radio' || element?.type === 'checkbox';
    const label = choice ? element.nextElementSibling : null;
    const style = label ? getComputedStyle(label, '::before') : element ? getComputedStyle(element) : undefined;
    const yellow = (colour: string | undefined) => colour?.includes('255, 221, 0') ?? false;
    return {
      tag: element?.tagName.toLowerCase() ?? '',
      id: element?.id ?? '',
      name: element?.getAttribute('name') ?? '',
      value: element?.value ?? '',
      type: element?.getAttribute('type') ?? '',
      text: element?.textContent.trim() ?? '',
      className: typeof element?.className === 'string' ? element.className : '',
      checked: element?.checked ?? false,
      focusVisible:
        style !== undefined &&
        ((style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 3) ||
          yellow(style.boxShadow) ||
          yellow(style.backgroundColor) ||
          yellow(style.outlineColor)),
    };
  });

/** Presses Tab (or Shift+Tab) until the focused element matches, checking each stop shows its focus. */
async function tabTo(page: Page, matches: (element: Focused) => boolean, limit = 40): Promise<Focused> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press(presses < limit / 2 ? 'Tab' : 'Shift+Tab');
    const element = await focused(page);
    if (element.tag !== 'body')
      expect(
        element.focusVisible,
        `focus on ${element.tag}#${element.id} "${element.text.slice(0, 30)}" is visible`,
      ).toBe(true);
    if (matches(element)) return element;
  }
  throw new Error('Nothing matching was reached with Tab or Shift+Tab');
}

/** Chooses a radio with the keyboard: Tab into the group, then arrow keys until the option is chosen. */
async function chooseRadio(page: Page, name: string, value: string): Promise<void> {
  let element = await tabTo(page, (candidate) => candidate.name === name && candidate.type === 'radio');
  for (let presses = 0; !(element.value === value && element.checked); presses += 1) {
    if (presses > 12) throw new Error(`Could not reach ${name}=${value} with the arrow keys`);
    await page.keyboard.press(presses === 0 && element.value === value ? 'Space' : 'ArrowDown');
    element = await focused(page);
  }
}

async function fillByKeyboard(page: Page, pairs: readonly (readonly [string, string])[]): Promise<void> {
  for (const [name, value] of pairs) {
    const kind = await page.evaluate(
      (field) => document.querySelector(`[name="${CSS.escape(field)}"]`)?.getAttribute('type') ?? 'text',
      name,
    );
    if (kind === 'radio') await chooseRadio(page, name, value);
    else if (kind === 'checkbox') {
      const box = await tabTo(page, (candidate) => candidate.name === name && candidate.value === value);
      if (!box.checked) await page.keyboard.press('Space');
    } else {
      await tabTo(page, (candidate) => candidate.name === name);
      await page.keyboard.type(value);
    }
  }
}

/** Presses Enter on the button or button-like link, and waits for the next page; focus should be on its heading. */
async function activate(page: Page, label: string, path: string): Promise<void> {
  await tabTo(page, (element) => element.text === label);
  await Promise.all([page.waitForURL((url) => url.pathname === path), page.keyboard.press('Enter')]);
  await expect.poll(() => page.evaluate(() => document.body.classList.contains('govuk-frontend-supported'))).toBe(true);
  await expect.poll(async () => (await focused(page)).tag, { message: `focus on the heading of ${path}` }).toBe('h1');
}

describe('a whole life event with the keyboard alone', () => {
  it('reports a change in work from "What has happened?" to the confirmation with Tab, arrows, Space and Enter only', async () => {
    const lifeEvent = 'change-in-work-or-income';
    const { answers } = exampleSubmissions[lifeEvent];
    const pages = reachablePages(catalogue[lifeEvent], answers);
    const context = await run.browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${run.server.baseUrl}/start`);
    await expect
      .poll(() => page.evaluate(() => document.body.classList.contains('govuk-frontend-supported')))
      .toBe(true);
    await chooseRadio(page, 'lifeEvent', lifeEvent);

    for (const [index, definition] of pages.entries()) {
      await activate(page, 'Continue', `/${lifeEvent}/${definition.path}`);
      if (index === 0) {
        // A failed submit: focus goes to the error summary, whose first link leads to the box to fix.
        await tabTo(page, (element) => element.text === 'Continue');
        await page.keyboard.press('Enter');
        await expect.poll(async () => (await focused(page)).className).toContain('govuk-error-summary');
        await page.keyboard.press('Tab');
        const link = await focused(page);
        expect(link.tag).toBe('a');
        expect(link.focusVisible).toBe(true);
      }
      await fillByKeyboard(page, pagePost(definition, answers));
    }
    await activate(page, 'Continue', `/${lifeEvent}/check-answers`);
    await activate(page, 'Continue', `/${lifeEvent}/who-to-tell`);
    await activate(page, 'Tell all of them', `/${lifeEvent}/declaration`);
    await fillByKeyboard(page, [['declaration', 'confirmed']]);
    await activate(page, 'Accept and send', `/${lifeEvent}/confirmation`);
    expect(await page.evaluate(() => document.querySelector('#reference')?.textContent ?? '')).toMatch(/^TUO-/);
    expect(problems).toEqual([]);
    await context.close();
  });
});
