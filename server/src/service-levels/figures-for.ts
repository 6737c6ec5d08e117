import type { PerformanceFigures } from '@tuo/shared/api/performance';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { performanceFigures } from './performance-figures.js';
import { loadPerformanceRows, type PerformanceFilter } from './performance-query.js';
import type { ServiceLevels } from './targets.js';
import { englandAndWales } from './working-days.js';

/** Reads the rows for a filter and works out the published figures from them. */
export async function figuresFor(
  db: Kysely<Database>,
  filter: PerformanceFilter,
  deps: { serviceLevels: ServiceLevels; now: Date },
): Promise<PerformanceFigures> {
  const rows = await loadPerformanceRows(db, filter);
  return performanceFigures(
    { ...rows, from: filter.from, to: filter.to },
    { serviceLevels: deps.serviceLevels, calendar: englandAndWales, now: deps.now },
  );
}
