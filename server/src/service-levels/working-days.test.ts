import { describe, expect, it } from 'vitest';
import { deadlineDate, targetFor, targetStates, type ServiceLevels } from './targets.js';
import { englandAndWales as calendar, londonDate, startOfLondonDay } from './working-days.js';

describe('working days in England and Wales', () => {
  it('skips weekends', () => {
    expect(calendar.addWorkingDays('2026-06-12', 1)).toBe('2026-06-15'); // Friday → Monday
    expect(calendar.addWorkingDays('2026-06-13', 2)).toBe('2026-06-16'); // from a Saturday
    expect(calendar.workingDaysBetween('2026-06-12', '2026-06-15')).toBe(1);
    expect(calendar.workingDaysBetween('2026-06-15', '2026-06-15')).toBe(0);
    expect(calendar.workingDaysBetween('2026-06-15', '2026-06-26')).toBe(9);
  });

  it('skips Easter 2026 and 2027 (Good Friday and Easter Monday)', () => {
    expect(calendar.isWorkingDay('2026-04-03')).toBe(false);
    expect(calendar.isWorkingDay('2026-04-06')).toBe(false);
    expect(calendar.addWorkingDays('2026-04-02', 1)).toBe('2026-04-07');
    expect(calendar.addWorkingDays('2027-03-25', 2)).toBe('2027-03-31');
    expect(calendar.workingDaysBetween('2027-03-25', '2027-03-30')).toBe(1);
  });

  it('skips Christmas 2026 and 2027, substitute days included, and New Year 2028', () => {
    // 2026: Christmas Friday, Boxing Day Saturday, so Monday 28th is the substitute.
    expect(calendar.addWorkingDays('2026-12-24', 1)).toBe('2026-12-29');
    expect(calendar.addWorkingDays('2026-12-24', 2)).toBe('2026-12-30');
    // 2027: both fall on the weekend, so Monday 27th and Tuesday 28th are off.
    expect(calendar.isWorkingDay('2027-12-27')).toBe(false);
    expect(calendar.isWorkingDay('2027-12-28')).toBe(false);
    expect(calendar.addWorkingDays('2027-12-24', 1)).toBe('2027-12-29');
    // New Year's Day 2028 is a Saturday: Monday 3 January is the bank holiday.
    expect(calendar.addWorkingDays('2027-12-31', 1)).toBe('2028-01-04');
    expect(calendar.workingDaysBetween('2027-12-23', '2028-01-04')).toBe(5);
  });

  it('counts observances such as Mother’s Day as ordinary days, and early May and summer bank holidays as off', () => {
    expect(calendar.isWorkingDay('2026-05-04')).toBe(false);
    expect(calendar.isWorkingDay('2026-08-31')).toBe(false);
    expect(calendar.isWorkingDay('2026-03-16')).toBe(true);
  });

  it('reads instants as UK days (British Summer Time included)', () => {
    expect(londonDate(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(londonDate(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
    expect(startOfLondonDay('2026-07-01').toISOString()).toBe('2026-06-30T23:00:00.000Z');
    expect(startOfLondonDay('2026-12-01').toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });
});

describe('targets', () => {
  const levels: ServiceLevels = {
    default: { acknowledgeDays: 2, actionDays: 10 },
    overrides: [
      { agency: 'gp-practice', target: { acknowledgeDays: 1, actionDays: 5 } },
      { agency: 'gp-practice', lifeEvent: 'someone-died', target: { acknowledgeDays: 1, actionDays: 3 } },
    ],
  };

  it('takes the most specific override, else the default', () => {
    expect(targetFor(levels, 'gp-practice', 'someone-died')).toEqual({ acknowledgeDays: 1, actionDays: 3 });
    expect(targetFor(levels, 'gp-practice', 'baby-born')).toEqual({ acknowledgeDays: 1, actionDays: 5 });
    expect(targetFor(levels, 'council', 'someone-died')).toEqual({ acknowledgeDays: 2, actionDays: 10 });
  });

  it('misses a target only once its last working day is over, and never once the step is done', () => {
    // Delivered on Maundy Thursday 2026: two working days run to Wednesday 8 April.
    const deliveredAt = new Date('2026-04-02T15:00:00Z');
    expect(deadlineDate(calendar, deliveredAt, 2)).toBe('2026-04-08');
    const at = (iso: string, acknowledgedAt: Date | null = null) =>
      targetStates(
        calendar,
        { acknowledgeDays: 2, actionDays: 10 },
        { deliveredAt, acknowledgedAt, actionedAt: null },
        new Date(iso),
      );
    expect(at('2026-04-08T22:59:00Z').acknowledge.missed).toBe(false); // 23:59 on the 8th in London
    expect(at('2026-04-08T23:00:00Z').acknowledge.missed).toBe(true);
    expect(at('2026-04-20T12:00:00Z', new Date('2026-04-20T11:00:00Z')).acknowledge.missed).toBe(false);
  });
});
