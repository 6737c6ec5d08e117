/**
 * Plain calendar arithmetic on ISO dates (`YYYY-MM-DD`). Dates in answers are calendar days in the
 * UK, not instants, so none of this goes through a time zone except {@link todayInLondon}.
 */

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when the year, month and day form a date that exists, so 29 February only in leap years. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** Number of days in a month (1 to 12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Formats a year, month and day as `YYYY-MM-DD`. */
export function toIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Splits a real ISO date into numbers, or returns `undefined` if it is not one. */
export function parseIsoDate(iso: string): { year: number; month: number; day: number } | undefined {
  const match = isoDatePattern.exec(iso);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isRealDate(year, month, day) ? { year, month, day } : undefined;
}

/**
 * Adds whole months to an ISO date. A day that does not exist in the target month moves back to
 * its last day, so 31 January plus 1 month is 28 or 29 February.
 */
export function addMonths(iso: string, months: number): string {
  const date = parseIsoDate(iso);
  if (!date) throw new RangeError(`Not a real ISO date: ${iso}`);
  const monthIndex = date.month - 1 + months;
  const year = date.year + Math.floor(monthIndex / 12);
  const month = (((monthIndex % 12) + 12) % 12) + 1;
  return toIsoDate(year, month, Math.min(date.day, daysInMonth(year, month)));
}

// Building a DateTimeFormat costs far more than using one, and dates are checked on every submission.
const londonDateFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in the UK (Europe/London), whatever the time zone of the machine running this. */
export function todayInLondon(now: Date = new Date()): string {
  // Every date field asks; the answer only changes at midnight, so it is worked out once a minute.
  const minute = Math.floor(now.getTime() / 60_000);
  if (cachedToday?.minute === minute) return cachedToday.value;
  const value = londonDate(now);
  cachedToday = { minute, value };
  return value;
}

let cachedToday: { minute: number; value: string } | undefined;

function londonDate(now: Date): string {
  const parts = londonDateFormat.formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return toIsoDate(part('year'), part('month'), part('day'));
}

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Formats an ISO date the GOV.UK way, "1 March 2024"; returns the input unchanged if it is not a date. */
export function formatIsoDate(iso: string): string {
  const date = parseIsoDate(iso);
  if (!date) return iso;
  return `${date.day} ${monthNames[date.month - 1] ?? ''} ${date.year}`;
}

/** Month number (1 to 12) for an English month name or its usual short form ("Mar", "Sept"), any case. */
export function monthFromName(name: string): number | undefined {
  const lower = name.trim().toLowerCase();
  const index = monthNames.findIndex((month) => {
    const full = month.toLowerCase();
    return lower === full || lower === full.slice(0, 3) || (full === 'september' && lower === 'sept');
  });
  return index === -1 ? undefined : index + 1;
}
