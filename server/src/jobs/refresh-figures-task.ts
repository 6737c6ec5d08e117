import type { Kysely } from 'kysely';
import type { Task } from 'graphile-worker';
import type { Database } from '../db/database.js';
import { refreshFigureDays } from '../service-levels/figures-by-day.js';
import type { WorkingCalendar } from '../service-levels/working-days.js';

/**
 * Every minute (graphile-worker cron): counts again the days whose deliveries or reports changed, so
 * the figures page finds its counts ready (it refreshes too before reading, so it is never behind).
 */
export function createRefreshFiguresTask(deps: {
  db: Kysely<Database>;
  calendar: WorkingCalendar;
  now: () => Date;
}): Task {
  return async (_payload, helpers) => {
    const days = await refreshFigureDays(deps.db, { calendar: deps.calendar, now: deps.now() });
    if (days > 0) helpers.logger.debug(`counted the figures of ${String(days)} day(s) again`);
  };
}
