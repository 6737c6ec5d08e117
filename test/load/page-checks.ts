import { launchBrowser } from '../support/browser.js';
import { answeredJourney } from './journey-session.js';
import { lighthouseScores } from './lighthouse-scores.js';
import { javascriptWeight } from './page-weight.js';

/** One printed line: what, the figure, and the target or a note. */
export type BenchRow = [string, string, string];

/**
 * The resident pages' weight and Lighthouse scores: the start page, question pages (all checked by
 * the page script): one of boxes, one with an address finder (the finder's own chunk too), one with
 * an organisation search and one of people rows (their own chunk too), and "Check your answers"
 * (reached with sessions answered over HTTP). Printed, not asserted.
 */
export async function measurePages(baseUrl: string, progress: (text: string) => void): Promise<BenchRow[]> {
  progress('Answering journeys to reach pages behind a session…');
  const journey = await answeredJourney(baseUrl, 'someone-died');
  const moving = await answeredJourney(baseUrl, 'moving-home');
  const pages = [
    { name: 'Start page', url: `${baseUrl}/` },
    { name: 'Question page', url: `${baseUrl}${journey.questionPath}`, cookie: journey.cookie, form: true },
    {
      name: 'Address question',
      url: `${baseUrl}${journey.pathWith.address ?? ''}`,
      cookie: journey.cookie,
      form: true,
    },
    {
      name: 'Organisation question',
      url: `${baseUrl}${journey.pathWith.organisation ?? ''}`,
      cookie: journey.cookie,
      form: true,
    },
    { name: 'People question', url: `${baseUrl}${moving.pathWith.people ?? ''}`, cookie: moving.cookie, form: true },
    { name: 'Check answers', url: `${baseUrl}${journey.checkAnswersPath}`, cookie: journey.cookie },
  ];
  progress('Weighing each page’s JavaScript in Chromium…');
  const browser = await launchBrowser();
  const weights: Awaited<ReturnType<typeof javascriptWeight>>[] = [];
  try {
    for (const page of pages) weights.push(await javascriptWeight(browser, page.url, page));
  } finally {
    await browser.close();
  }
  progress('Running Lighthouse (mobile) on each page…');
  const scores = await lighthouseScores(pages);
  return pages.flatMap((page, index): BenchRow[] => {
    const weight = weights[index];
    const lighthouse = scores[index];
    if (!weight || !lighthouse) return [];
    const { atLoad, inUse } = weight;
    return [
      [
        `${page.name}: JavaScript (KB gzipped)`,
        atLoad.kilobytes.toFixed(1),
        `${String(atLoad.files)} file(s); target < 100`,
      ],
      ...(inUse
        ? [
            [
              `${page.name}, form in use: JavaScript (KB gzipped)`,
              inUse.kilobytes.toFixed(1),
              `${String(inUse.files)} file(s): with what first focus fetches; target < 100`,
            ] as BenchRow,
          ]
        : []),
      [
        `${page.name}: Lighthouse performance / accessibility`,
        `${String(lighthouse.performance)} / ${String(lighthouse.accessibility)}`,
        `target ≥ 95 / 100${lighthouse.failing.length > 0 ? `; to fix: ${lighthouse.failing.join(', ')}` : ''}`,
      ],
    ];
  });
}
