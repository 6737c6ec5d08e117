import type { Task } from 'graphile-worker';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';

/**
 * Hourly (graphile-worker cron): forgets idempotency records a day old. Safe to run twice and on
 * several workers at once: graphile-worker runs each cron slot once, and deleting is idempotent.
 */
export function createRemoveExpiredRecordsTask(deps: { db: Kysely<Database> }): Task {
  return async (_payload, helpers) => {
    const removed = await deps.db.deleteFrom('idempotency_keys').where('expires_at', '<', new Date()).executeTakeFirst();
    helpers.logger.info(`removed ${String(removed.numDeletedRows)} expired idempotency records`);
  };
}
