import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';

/**
 * The JavaScript a browser downloads for a page, as a real browser loads it: the entry, its
 * modulepreloads and every chunk it then imports (the page's own view is a dynamic import), each
 * gzipped as a server would send it. `cookie` carries a journey's session for pages behind one.
 */
export async function javascriptWeight(
  browser: Browser,
  url: string,
  cookie?: string,
): Promise<{ kilobytes: number; files: number }> {
  const context = await browser.newContext(cookie ? { extraHTTPHeaders: { cookie } } : {});
  try {
    const page = await context.newPage();
    const bodies: Promise<Buffer>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') bodies.push(response.body());
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    const sizes = (await Promise.all(bodies)).map((body) => gzipSync(body, { level: 9 }).length);
    return { kilobytes: sizes.reduce((sum, size) => sum + size, 0) / 1024, files: sizes.length };
  } finally {
    await context.close();
  }
}
