import Holidays from 'date-holidays';
import { todayInLondon } from '@tuo/shared';

/**
 * Working days in England and Wales: Monday to Friday, less bank holidays. Bank holidays come from
 * `date-holidays` (maintained, and offline: its data ships in the package), for both nations, so a
 * new or moved bank holiday arrives with a dependency update rather than a hand-edited list.
 * Dates are calendar days in the UK as `YYYY-MM-DD`; instants are read in Europe/London.
 */
export interface WorkingCalendar {
  isWorkingDay(date: string): boolean;
  /** The date `days` working days after `date` (which need not itself be a working day). */
  addWorkingDays(date: string, days: number): string;
  /** Working days after `from` up to and including `to`: 0 on the same day, or when `to` is not later. */
  workingDaysBetween(from: string, to: string): number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** The UK calendar day an instant falls on. */
export function londonDate(instant: Date): string {
  return todayInLondon(instant);
}

const londonHour = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone: 'Europe/London' });

/** The instant a UK day starts: midnight in London, in British Summer Time or not. */
export function startOfLondonDay(date: string): Date {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  // London is UTC or one hour ahead: at UTC midnight its clock reads 00 or 01.
  const ahead = Number(londonHour.format(utcMidnight)) * 60 * 60 * 1000;
  return new Date(utcMidnight - ahead);
}

/** A calendar for the given `date-holidays` regions; England and Wales by default. */
export function createWorkingCalendar(
  regions: readonly (readonly [country: string, state: string])[] = [
    ['GB', 'ENG'],
    ['GB', 'WLS'],
  ],
): WorkingCalendar {
  const sources = regions.map(([country, state]) => new Holidays(country, state));
  const byYear = new Map<number, ReadonlySet<string>>();
  const holidaysIn = (year: number): ReadonlySet<string> => {
    let found = byYear.get(year);
    if (!found) {
      // Only bank holidays ('public'): Mother's Day and the like are observances, not days off.
      found = new Set(
        sources.flatMap((source) =>
          source
            .getHolidays(year)
            .filter((h) => h.type === 'public')
            .map((h) => h.date.slice(0, 10)),
        ),
      );
      byYear.set(year, found);
    }
    return found;
  };
  const isWorkingDay = (date: string) => {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6 && !holidaysIn(Number(date.slice(0, 4))).has(date);
  };
  return {
    isWorkingDay,
    addWorkingDays(date, days) {
      let current = date;
      for (let left = days; left > 0;) {
        current = nextDate(current);
        if (isWorkingDay(current)) left -= 1;
      }
      return current;
    },
    workingDaysBetween(from, to) {
      let count = 0;
      for (let current = nextDate(from); current <= to; current = nextDate(current))
        if (isWorkingDay(current)) count += 1;
      return count;
    },
  };
}

/** England and Wales, made once: the holiday data is read lazily, a year at a time. */
export const englandAndWales: WorkingCalendar = createWorkingCalendar();
