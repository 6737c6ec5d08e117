import type { Browser, Page } from 'playwright-core';

/**
 * What does not fit: the page scrolling sideways, or any visible element of the page reaching past
 * the right edge (so cut off or only seen by scrolling). WCAG 1.4.10 Reflow: 320 CSS pixels wide.
 * A wide table may scroll inside its own region (the GOV.UK way) when that region takes focus, is
 * named (by the table's caption) and scrolls: what is inside it may reach past the edge, the page may not.
 */
export function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const scroller = document.scrollingElement ?? document.documentElement;
    if (scroller.scrollWidth > scroller.clientWidth)
      problems.push(`the page scrolls sideways (${String(scroller.scrollWidth)} > ${String(scroller.clientWidth)})`);
    const width = document.documentElement.clientWidth;
    const name = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${[...element.classList].join('.')}`;
    const isScrollRegion = (element: Element) =>
      element.getAttribute('role') === 'region' &&
      element.getAttribute('tabindex') === '0' &&
      element.hasAttribute('aria-labelledby') &&
      ['auto', 'scroll'].includes(getComputedStyle(element).overflowX);
    for (const region of document.querySelectorAll('[role="region"][tabindex="0"]')) {
      const labelledBy = region.getAttribute('aria-labelledby') ?? '';
      if (!isScrollRegion(region) || !document.getElementById(labelledBy)?.textContent.trim())
        problems.push(`${name(region)} is a scrolling region without a scrollbar or a name`);
    }
    for (const element of document.querySelectorAll('body *')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || element.closest('.govuk-visually-hidden, script, [hidden]')) continue;
      const style = getComputedStyle(element);
      // Hidden until focused (the skip link): clipped to nothing on purpose.
      const clipped = style.clipPath !== 'none';
      if (style.visibility === 'hidden' || style.opacity === '0' || clipped) continue;
      const region = element.parentElement?.closest('[role="region"][tabindex="0"]');
      if (region && isScrollRegion(region)) continue;
      if (box.right > width + 1) problems.push(`${name(element)} reaches ${String(Math.round(box.right))}px`);
      // Text wider than its box is cut off even when the box fits.
      if (
        element.scrollWidth > element.clientWidth + 1 &&
        style.overflowX !== 'visible' &&
        element.clientWidth > 0 &&
        !isScrollRegion(element) &&
        !['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName)
      ) {
        problems.push(`${name(element)} clips its content`);
      }
    }
    // Text can run past its own box (a long word that cannot wrap), which the boxes above do not show.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.textContent?.trim() || parent.closest('.govuk-visually-hidden, script, style, [hidden]'))
        continue;
      const region = parent.closest('[role="region"][tabindex="0"]');
      if (region && isScrollRegion(region)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      if (box.width > 0 && box.right > width + 1)
        problems.push(
          `the text "${node.textContent.trim().slice(0, 40)}" in ${name(parent)} reaches ${String(Math.round(box.right))}px`,
        );
    }
    return [...new Set(problems)];
  });
}

/** A phone 320 pixels wide, and a 1280-pixel desktop window at 400% zoom (the same 320 CSS pixels, drawn 4 times denser). */
export const narrowScreens = [
  { name: '320 × 640', options: { viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 } },
  { name: '1280 × 1024 at 400%', options: { viewport: { width: 320, height: 256 }, deviceScaleFactor: 4 } },
] as const;

/** A page kept open at each narrow size, to load there whatever a test's own page shows. */
export interface NarrowViews {
  /**
   * What does not fit on `source` as shown, and on the same page (same session) loaded at each
   * narrow size other than the one `source` is shown at.
   */
  check(source: Page, what: string): Promise<string[]>;
  close(): Promise<void>;
}

/** Opens a page at each of {@link narrowScreens}, kept for every check (a new page each time was most of the time). */
export async function openNarrowViews(browser: Browser): Promise<NarrowViews> {
  const views = await Promise.all(
    narrowScreens.map(async (screen) => {
      const context = await browser.newContext(screen.options);
      return { screen, context, page: await context.newPage() };
    }),
  );
  return {
    async check(source, what) {
      const problems = (await overflow(source)).map((problem) => `${what} (as shown): ${problem}`);
      const shown = { ...source.viewportSize(), scale: await source.evaluate(() => window.devicePixelRatio) };
      for (const { screen, context, page } of views) {
        const { viewport, deviceScaleFactor } = screen.options;
        if (shown.width === viewport.width && shown.height === viewport.height && shown.scale === deviceScaleFactor)
          continue;
        await context.addCookies(await source.context().cookies());
        await page.goto(source.url());
        // Sent elsewhere (signed out, say), it would be checking another page.
        if (page.url() !== source.url()) problems.push(`${what} at ${screen.name}: came to ${page.url()} instead`);
        problems.push(...(await overflow(page)).map((problem) => `${what} at ${screen.name}: ${problem}`));
      }
      return problems;
    },
    async close() {
      await Promise.all(views.map(({ context }) => context.close()));
    },
  };
}
