import type { TFunction } from 'i18next';

/** The page's words for each kind of figure, withheld ones included. */
export function figureText(t: TFunction) {
  return {
    count: (value: number | null) =>
      value === null ? t('service-levels:performance.fewerThan10') : value.toLocaleString('en-GB'),
    days: (value: number | null) =>
      value === null
        ? t('service-levels:performance.notShown')
        : t('service-levels:performance.workingDays', { count: value }),
    share: (value: number | null) =>
      value === null
        ? t('service-levels:performance.notShown')
        : t('service-levels:performance.percent', { value: Math.round(value * 1000) / 10 }),
    average: (value: number | null) =>
      value === null
        ? t('service-levels:performance.notShown')
        : value.toLocaleString('en-GB', { maximumFractionDigits: 2 }),
  };
}
