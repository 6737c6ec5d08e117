import type { Task } from 'graphile-worker';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { markDueSql } from '../deliveries/claim-deliveries.js';
import { deliverToAgencyPayloadSchema } from './job-names.js';

/**
 * Delivery attempts are claimed and sent in batches by the dispatcher (server/src/deliveries), not
 * run as one job each. A `deliver_to_agency` job queued before that (by older code) only makes its
 * attempt due, so the dispatcher sends it like any other; a stale or repeated one does nothing.
 */
export function createDeliverToAgencyTask(deps: { db: Kysely<Database> }): Task {
  return async (rawPayload) => {
    const { deliveryId, attempt } = deliverToAgencyPayloadSchema.parse(rawPayload);
    await markDueSql(sql`(select ${deliveryId}::uuid as id, ${attempt}::int as attempt)`).execute(deps.db);
  };
}
