import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';

/** Kilobytes and files of JavaScript, gzipped. */
export interface JavaScriptWeight {
  kilobytes: number;
  files: number;
}

async function weigh(bodies: Promise<Buffer>[]): Promise<JavaScriptWeight> {
  const sizes = (await Promise.all(bodies)).map((body) => gzipSync(body, { level: 9 }).length);
  return { kilobytes: sizes.reduce((sum, size) => sum + size, 0) / 1024, files: sizes.length };
}

/**
 * The JavaScript a browser downloads for a page, as a real browser loads it: the entry, its
 * modulepreloads and every chunk it then imports (the page's own view is a dynamic import), each
 * gzipped as a server would send it. `cookie` carries a journey's session for pages behind one.
 * With `form`, also the total once the resident moves into the page's form (a question page
 * fetches its validators then), so what is put off is counted too.
 */
export async function javascriptWeight(
  browser: Browser,
  url: string,
  options: { cookie?: string | undefined; form?: boolean } = {},
): Promise<{ atLoad: JavaScriptWeight; inUse?: JavaScriptWeight }> {
  const { cookie, form = false } = options;
  const context = await browser.newContext(cookie ? { extraHTTPHeaders: { cookie } } : {});
  try {
    const page = await context.newPage();
    const bodies: Promise<Buffer>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') bodies.push(response.body());
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    const atLoad = await weigh([...bodies]);
    if (!form) return { atLoad };
    await page.locator('main form input:not([type="hidden"])').first().focus();
    // The page has been idle once already, so Playwright's networkidle would not wait again: wait
    // until no script has arrived for half a second.
    for (let seen = -1; seen !== bodies.length;) {
      seen = bodies.length;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    return { atLoad, inUse: await weigh(bodies) };
  } finally {
    await context.close();
  }
}
