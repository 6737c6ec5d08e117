import type { Kysely } from 'kysely';
import type { Task } from 'graphile-worker';
import type { Database } from '../db/database.js';
import { refreshFigureDays } from '../service-levels/figures-by-day.js';
import type { WorkingCalendar } from '../service-levels/working-days.js';

/**
 * Every minute (graphile-worker cron): adds the changes noted since the last refresh into the counts
 * per day, so the figures page finds few left (it refreshes too before reading, so it is never behind).
 */
export function createRefreshFiguresTask(deps: {
  db: Kysely<Database>;
  calendar: WorkingCalendar;
  now: () => Date;
}): Task {
  return async (_payload, helpers) => {
    const changes = await refreshFigureDays(deps.db, { calendar: deps.calendar, now: deps.now() });
    if (changes > 0) helpers.logger.debug(`added ${String(changes)} change(s) into the figures`);
  };
}
