import { describe, expect, it } from 'vitest';
import { workingDayNumbers } from './working-day-numbers.js';
import { englandAndWales } from './working-days.js';

describe('workingDayNumbers', () => {
  it('numbers every day so that differences are working days between, bank holidays and weekends included', () => {
    // Christmas and New Year 2026: Friday 25 and Monday 28 December are bank holidays, and 1 January.
    const { days, numbers } = workingDayNumbers(englandAndWales, '2026-12-20', '2027-01-10');
    expect(days).toHaveLength(22);
    expect(days[0]).toBe('2026-12-20');
    expect(days.at(-1)).toBe('2027-01-10');
    for (let i = 0; i < days.length; i++)
      for (let j = i; j < days.length; j++)
        expect((numbers[j] ?? 0) - (numbers[i] ?? 0), `${days[i] ?? ''} to ${days[j] ?? ''}`).toBe(
          englandAndWales.workingDaysBetween(days[i] ?? '', days[j] ?? ''),
        );
  });

  it('spans British Summer Time changes without skipping or repeating a day', () => {
    const { days } = workingDayNumbers(englandAndWales, '2026-03-27', '2026-03-31');
    expect(days).toEqual(['2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31']);
  });
});
