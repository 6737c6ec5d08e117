import type { WorkingCalendar } from './working-days.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days in order, each with its working-day number at the same index. */
export interface WorkingDayNumbering {
  days: string[];
  numbers: number[];
}

/**
 * Every UK day from `first` to `last` with its working-day number: how many working days there are
 * from `first` up to and including it. The working days after one day up to and including
 * another are the difference of their numbers, so the database can do working-day arithmetic on
 * many rows with one join (the bank holidays stay in `date-holidays`, read here).
 */
export function workingDayNumbers(calendar: WorkingCalendar, first: string, last: string): WorkingDayNumbering {
  const days: string[] = [];
  const numbers: number[] = [];
  let n = 0;
  for (let t = Date.parse(`${first}T00:00:00Z`), end = Date.parse(`${last}T00:00:00Z`); t <= end; t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    if (calendar.isWorkingDay(day)) n += 1;
    days.push(day);
    numbers.push(n);
  }
  return { days, numbers };
}
