import type { Task } from 'graphile-worker';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { deleteOldCodeFailures } from '../saved-journeys/code-throttle.js';
import { deleteExpiredSavedJourneys } from '../saved-journeys/saved-journey-repository.js';

/**
 * Hourly (graphile-worker cron): forgets idempotency records a day old, saved forms past their
 * time (used or not) and wrong saved-form codes older than their throttle window. Safe to run twice and on
 * several workers at once: graphile-worker runs each cron slot once, and deleting is idempotent.
 */
export function createRemoveExpiredRecordsTask(deps: { db: Kysely<Database> }): Task {
  return async (_payload, helpers) => {
    const removed = await deps.db
      .deleteFrom('idempotency_keys')
      .where('expires_at', '<', new Date())
      .executeTakeFirst();
    helpers.logger.info(`removed ${String(removed.numDeletedRows)} expired idempotency records`);
    const saved = await deleteExpiredSavedJourneys(deps.db);
    await deleteOldCodeFailures(deps.db);
    helpers.logger.info(`removed ${String(saved)} expired saved forms`);
  };
}
