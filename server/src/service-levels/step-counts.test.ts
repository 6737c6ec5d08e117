import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stepCounts } from './performance-groups.js';

describe('stepCounts', () => {
  it('gives the nearest-rank median and 90th percentile of the days in a histogram, as over the sorted days', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 200 }), (days) => {
        const histogram = new Map<number, number>();
        for (const d of days) histogram.set(d, (histogram.get(d) ?? 0) + 1);
        const rows = [...histogram].map(([d, n]) => ({ days: d, judged: true, within: d <= 2, n }));
        const sorted = [...days].sort((a, b) => a - b);
        const rank = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
        expect(stepCounts(rows)).toEqual({
          done: days.length,
          median: rank(0.5),
          p90: rank(0.9),
          judged: days.length,
          within: days.filter((d) => d <= 2).length,
        });
      }),
    );
  });

  it('counts steps not done as judged only when past their deadline, and never as within', () => {
    expect(
      stepCounts([
        { days: null, judged: true, within: false, n: 3 },
        { days: null, judged: false, within: false, n: 5 },
        { days: 1, judged: true, within: true, n: 2 },
      ]),
    ).toEqual({ done: 2, median: 1, p90: 1, judged: 5, within: 2 });
  });
});
