import type { LifeEventId } from '../journeys/catalogue.js';
import type { PerformanceFigures, PerformancePeriod } from '../api/performance.js';
import type { FormProps } from './page-model.js';

/** The public "How we are doing" page: a GET form choosing the period and life event, and the figures. */
export interface PerformanceProps {
  form: FormProps;
  period: PerformancePeriod;
  lifeEvent: LifeEventId | 'all';
  figures: PerformanceFigures;
  /** The same figures to download. */
  downloads: { notificationsCsv: string; organisationsCsv: string; reportsCsv: string; json: string };
}
