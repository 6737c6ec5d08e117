import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumPath } from '../support/browser.js';

/** Lighthouse's scores for one page, out of 100, and the audits that cost performance points. */
export interface LighthouseScores {
  performance: number;
  accessibility: number;
  /** Failed audits with a weight in a score, for the bench to print as things to fix. */
  failing: string[];
}

const score = (value: number | null | undefined): number => Math.round((value ?? 0) * 100);

/** Tries a page up to three times: on a loaded machine a run sometimes ends without a score (a trace timeout, say). */
async function scoredRun(port: number, url: string, cookie: string | undefined) {
  for (let attempt = 1; ; attempt += 1) {
    const run = await lighthouse(url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      ...(cookie ? { extraHeaders: { cookie } } : {}),
    });
    if (!run) throw new Error(`Lighthouse gave no result for ${url}`);
    if ((run.lhr.categories.performance?.score ?? null) !== null || attempt === 3) return run.lhr;
  }
}

/**
 * Runs Lighthouse (mobile, its default simulated slow 4G and mid-range phone) on pages of a
 * running portal, in one Debian Chromium. `cookie` reaches pages behind a journey's session.
 */
export async function lighthouseScores(urls: readonly { url: string; cookie?: string }[]): Promise<LighthouseScores[]> {
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath,
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    logLevel: 'error',
  });
  try {
    const results: LighthouseScores[] = [];
    for (const { url, cookie } of urls) {
      const { categories, audits, runtimeError } = await scoredRun(chrome.port, url, cookie);
      const weighted = new Set(
        [...(categories.performance?.auditRefs ?? []), ...(categories.accessibility?.auditRefs ?? [])]
          .filter((ref) => ref.weight > 0)
          .map((ref) => ref.id),
      );
      const failing = Object.values(audits)
        .filter((audit) => weighted.has(audit.id) && audit.score !== null && audit.score < 0.9)
        .map((audit) => `${audit.id}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
      if (runtimeError) failing.unshift(`no score: ${runtimeError.code} (${runtimeError.message})`);
      results.push({
        performance: score(categories.performance?.score),
        accessibility: score(categories.accessibility?.score),
        failing,
      });
    }
    return results;
  } finally {
    chrome.kill();
  }
}
