import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, formatIsoDate, parseIsoDate, todayInLondon } from './calendar-date.js';
import type { DateCheckOptions } from './date-parts.js';
import { datePartsSchema, datePartsToIsoDate, isoDateSchema } from './date-parts.js';

const today = '2025-06-15';
const death: DateCheckOptions = { label: 'Date of death', rule: 'past', today };
const move: DateCheckOptions = { label: 'Moving date', rule: { upToMonthsAhead: 3 }, today };

describe('date parts', () => {
  it.each([
    [{}, 'Enter date of death', ['day', 'month', 'year']],
    [{ day: '3', month: '', year: '2020' }, 'Date of death must include a month', ['month']],
    [{ day: '', month: '', year: '2020' }, 'Date of death must include a day and month', ['day', 'month']],
    [{ day: '3', month: '4', year: '' }, 'Date of death must include a year', ['year']],
    [{ day: '31', month: '2', year: '2020' }, 'Date of death must be a real date', ['day', 'month', 'year']],
    [{ day: '29', month: '2', year: '2023' }, 'Date of death must be a real date', ['day', 'month', 'year']],
    [{ day: 'x', month: '2', year: '2020' }, 'Date of death must be a real date', ['day', 'month', 'year']],
    [{ day: '3', month: '4', year: '20' }, 'Year must include 4 numbers', ['year']],
    [{ day: '31', month: '12', year: '1899' }, 'Date of death must be the same as or after 1 January 1900', ['year']],
    [{ day: '16', month: '6', year: '2025' }, 'Date of death must be today or in the past', ['day', 'month', 'year']],
  ])('%j gives "%s"', (parts, message, highlighted) => {
    expect(datePartsToIsoDate(parts, death)).toEqual({ success: false, message, parts: highlighted });
  });

  it('accepts real dates, month names and today, as ISO dates', () => {
    expect(datePartsToIsoDate({ day: ' 29 ', month: '2', year: '2024' }, death)).toEqual({
      success: true,
      date: '2024-02-29',
    });
    expect(datePartsToIsoDate({ day: '1', month: 'March', year: '1950' }, death)).toEqual({
      success: true,
      date: '1950-03-01',
    });
    expect(datePartsToIsoDate({ day: '1', month: 'sept', year: '1950' }, death)).toEqual({
      success: true,
      date: '1950-09-01',
    });
    expect(datePartsToIsoDate({ day: '15', month: '06', year: '2025' }, death)).toEqual({ success: true, date: today });
  });

  it('lets a move date be up to 3 months ahead, and no further', () => {
    expect(datePartsToIsoDate({ day: '15', month: '9', year: '2025' }, move)).toEqual({
      success: true,
      date: '2025-09-15',
    });
    expect(datePartsToIsoDate({ day: '16', month: '9', year: '2025' }, move)).toMatchObject({
      success: false,
      message: 'Moving date must be no more than 3 months from today',
    });
    expect(datePartsToIsoDate({ day: '1', month: '1', year: '2001' }, move)).toEqual({
      success: true,
      date: '2001-01-01',
    });
  });

  it('works as zod schemas, with the boxes to highlight in params', () => {
    expect(datePartsSchema(death).parse({ day: '1', month: '2', year: '2003' })).toBe('2003-02-01');
    const issue = datePartsSchema(death).safeParse({ day: '1', month: '', year: '2003' }).error?.issues[0];
    expect(issue).toMatchObject({
      path: [],
      message: 'Date of death must include a month',
      params: { parts: ['month'] },
    });
    expect(isoDateSchema(death).safeParse('2030-01-01').error?.issues[0]?.message).toBe(
      'Date of death must be today or in the past',
    );
  });

  it('round-trips every real date between 1900 and today through the three boxes', () => {
    const days = fc.integer({ min: Date.parse('1900-01-01') / 86_400_000, max: Date.parse(today) / 86_400_000 });
    fc.assert(
      fc.property(days, (day) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        const date = parseIsoDate(iso);
        if (!date) return false;
        const result = datePartsToIsoDate(
          { day: String(date.day), month: String(date.month), year: String(date.year) },
          death,
        );
        return result.success && result.date === iso && isoDateSchema(death).safeParse(iso).success;
      }),
    );
  });

  it('does calendar arithmetic and formatting the GOV.UK way', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
    expect(formatIsoDate('2024-03-01')).toBe('1 March 2024');
    expect(todayInLondon(new Date('2025-06-30T23:30:00Z'))).toBe('2025-07-01');
    expect(todayInLondon(new Date('2025-12-31T23:30:00Z'))).toBe('2025-12-31');
  });
});
