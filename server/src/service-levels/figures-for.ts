import type { PerformanceFigures } from '@tuo/shared/api/performance';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { refreshFigureDays } from './figures-by-day.js';
import { performanceFigures } from './performance-figures.js';
import { loadPerformanceCounts, type PerformanceFilter } from './performance-query.js';
import type { ServiceLevels } from './targets.js';
import { englandAndWales } from './working-days.js';

/**
 * Has the database count what the figures need for a filter, and works out the published figures,
 * naming each organisation told from the directory.
 * Changes noted since the worker's last refresh (every minute) are added in first, so the figures
 * are never behind the rows.
 */
export async function figuresFor(
  db: Kysely<Database>,
  filter: PerformanceFilter,
  deps: { serviceLevels: ServiceLevels; now: Date },
): Promise<PerformanceFigures> {
  await refreshFigureDays(db, { calendar: englandAndWales, now: deps.now });
  const counts = await loadPerformanceCounts(db, filter, { ...deps, calendar: englandAndWales });
  const ids = [...new Set(counts.organisations.map((group) => group.organisationId))];
  const directory =
    ids.length === 0
      ? []
      : await db.selectFrom('organisations').select(['id', 'kind', 'name', 'code']).where('id', 'in', ids).execute();
  return performanceFigures({ ...counts, directory, from: filter.from, to: filter.to });
}
