import { z } from 'zod';
import {
  addMonths,
  formatIsoDate,
  isRealDate,
  monthFromName,
  parseIsoDate,
  toIsoDate,
  todayInLondon,
} from './calendar-date.js';

/** A date as an HTML form posts it from the GOV.UK date input: three text boxes. */
export interface DateParts {
  day?: string | undefined;
  month?: string | undefined;
  year?: string | undefined;
}

/** One of the three boxes of a date input, so a client can highlight the one in error. */
export type DatePart = keyof DateParts;

/**
 * What a date may be relative to today: `'past'` means today or earlier (a birth or a death);
 * `{ upToMonthsAhead: 3 }` means any date from 1900 up to 3 months from today (a move date).
 */
export type DateRule = 'past' | { readonly upToMonthsAhead: number };

/** How to check a date and word its errors. */
export interface DateCheckOptions {
  /** Noun phrase that starts the error messages, such as "Date of death". */
  readonly label: string;
  readonly rule: DateRule;
  /** Message when nothing is entered; defaults to "Enter date of death" built from the label. */
  readonly requiredMessage?: string | undefined;
  /** Today as `YYYY-MM-DD`; defaults to today in the UK. Pass it in tests. */
  readonly today?: string | undefined;
}

/** Result of checking a date: the ISO date, or a GOV.UK message and the boxes to highlight. */
export type DateCheckResult =
  | { readonly success: true; readonly date: string }
  | { readonly success: false; readonly message: string; readonly parts: readonly DatePart[] };

/** The earliest date we accept: nobody alive or recently died was born before it. */
export const earliestPlausibleDate = '1900-01-01';

const allParts: readonly DatePart[] = ['day', 'month', 'year'];

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function failure(message: string, parts: readonly DatePart[] = allParts): DateCheckResult {
  return { success: false, message, parts };
}

/** Checks that an ISO date is plausible (1900 or later) and meets the rule relative to today. */
export function checkIsoDate(iso: string, options: DateCheckOptions): DateCheckResult {
  const { label, rule } = options;
  if (!parseIsoDate(iso)) return failure(`${label} must be a real date`);
  if (iso < earliestPlausibleDate)
    return failure(`${label} must be the same as or after ${formatIsoDate(earliestPlausibleDate)}`, ['year']);
  const today = options.today ?? todayInLondon();
  if (rule === 'past') {
    if (iso > today) return failure(`${label} must be today or in the past`);
  } else if (iso > addMonths(today, rule.upToMonthsAhead)) {
    const months = rule.upToMonthsAhead === 1 ? '1 month' : `${rule.upToMonthsAhead} months`;
    return failure(`${label} must be no more than ${months} from today`);
  }
  return { success: true, date: iso };
}

/**
 * Turns the three boxes of a date input into an ISO date, following the GOV.UK date input error
 * rules: "Enter date of death", "Date of death must include a month", "Year must include 4 numbers",
 * "Date of death must be a real date", then the plausibility and today rules of {@link checkIsoDate}.
 * Month names such as "March" or "Mar" are accepted, as people type them.
 */
export function datePartsToIsoDate(parts: DateParts, options: DateCheckOptions): DateCheckResult {
  const values = { day: parts.day?.trim() ?? '', month: parts.month?.trim() ?? '', year: parts.year?.trim() ?? '' };
  const missing = allParts.filter((part) => values[part] === '');
  if (missing.length === allParts.length)
    return failure(options.requiredMessage ?? `Enter ${lowerFirst(options.label)}`);
  if (missing.length > 0) return failure(`${options.label} must include a ${missing.join(' and ')}`, missing);
  const month = /^\d{1,2}$/.test(values.month) ? Number(values.month) : monthFromName(values.month);
  if (!/^\d{1,2}$/.test(values.day) || month === undefined || !/^\d+$/.test(values.year)) {
    return failure(`${options.label} must be a real date`);
  }
  if (values.year.length !== 4) return failure('Year must include 4 numbers', ['year']);
  const [year, day] = [Number(values.year), Number(values.day)];
  if (!isRealDate(year, month, day)) return failure(`${options.label} must be a real date`);
  return checkIsoDate(toIsoDate(year, month, day), options);
}

/**
 * A zod schema for a GOV.UK date input: takes `{ day, month, year }` strings, outputs `YYYY-MM-DD`.
 * Issues sit on the date itself; `params.parts` names the boxes to highlight.
 */
export function datePartsSchema(options: DateCheckOptions): z.ZodType<string, DateParts> {
  const part = z.string().optional();
  return z.object({ day: part, month: part, year: part }).transform((parts, ctx) => {
    const result = datePartsToIsoDate(parts, options);
    if (result.success) return result.date;
    ctx.addIssue({ code: 'custom', message: result.message, params: { parts: result.parts } });
    return z.NEVER;
  });
}

/** A zod schema for a date already in `YYYY-MM-DD` form, as stored in answers and payloads. */
export function isoDateSchema(options: DateCheckOptions): z.ZodType<string, string> {
  return z
    .string({ error: options.requiredMessage ?? `Enter ${lowerFirst(options.label)}` })
    .superRefine((iso, ctx) => {
      const result = checkIsoDate(iso, options);
      if (!result.success) ctx.addIssue({ code: 'custom', message: result.message, params: { parts: result.parts } });
    });
}
