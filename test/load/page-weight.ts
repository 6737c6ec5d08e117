import { gzipSync } from 'node:zlib';

/**
 * The JavaScript a browser downloads for a page: every module script and modulepreload the HTML
 * names, fetched and gzipped as a server would send them. Returns kilobytes (gzipped) and the files.
 */
export async function javascriptWeight(baseUrl: string, path: string): Promise<{ kilobytes: number; files: number }> {
  const html = await (await fetch(`${baseUrl}${path}`)).text();
  const sources = new Set<string>();
  for (const match of html.matchAll(/<script[^>]+type="module"[^>]*src="([^"]+)"/g)) if (match[1]) sources.add(match[1]);
  for (const match of html.matchAll(/<link[^>]+rel="modulepreload"[^>]*href="([^"]+)"/g)) if (match[1]) sources.add(match[1]);
  let bytes = 0;
  for (const source of sources) {
    const body = Buffer.from(await (await fetch(new URL(source, baseUrl))).arrayBuffer());
    bytes += gzipSync(body, { level: 9 }).length;
  }
  return { kilobytes: bytes / 1024, files: sources.size };
}
