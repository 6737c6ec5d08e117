import { describe, expect, it } from 'vitest';
import { hourNumbers } from './figures-by-day.js';

describe('hourNumbers', () => {
  it('numbers each UTC hour by the UK day it falls in, from the numbering it is given, over the clocks going forward', () => {
    // Friday 27 to Tuesday 31 March 2026, numbered as workingDayNumbers would; the clocks go forward
    // at 01:00 UTC on Sunday 29, so that UK day has 23 hours and Monday starts at 23:00 UTC.
    const { n, base } = hourNumbers({
      days: ['2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31'],
      numbers: [1, 1, 1, 2, 3],
    });
    expect(base).toBe(Date.UTC(2026, 2, 27) / 3_600_000);
    // 24 + 24 + 23 hours of Friday to Sunday, Monday's 24, Tuesday's 24, and the hour after (1 April, not numbered).
    expect(n).toEqual([...Array<number>(71).fill(1), ...Array<number>(24).fill(2), ...Array<number>(24).fill(3), 0]);
  });

  it('reads the numbers it is given rather than counting the calendar again', () => {
    const { n } = hourNumbers({ days: ['2026-12-01'], numbers: [41] });
    expect(n.slice(0, 24)).toEqual(Array<number>(24).fill(41));
  });
});
