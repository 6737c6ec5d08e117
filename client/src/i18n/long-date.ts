import type { TFunction } from 'i18next';

/**
 * A date as "27 March 1948" in the reader's language, from the translations rather than `Intl`:
 * browsers carry different locale data (Debian's Chromium has no Welsh months), and a page must
 * read the same from the server as after hydration. `isoDate` is `YYYY-MM-DD`.
 */
export function longDate(t: TFunction, isoDate: string): string {
  const [year = '', month = '', day = ''] = isoDate.split('-');
  return t('dates.long', { day: String(Number(day)), month: t(`dates.months.${Number(month)}`), year });
}
