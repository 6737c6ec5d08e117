import { createDb } from '../../server/src/db/create-db.js';
import { createSubmitterKey } from '../../server/src/submitters/submitter-keys.js';

/**
 * The bench submits as a trusted submitter (as `npm run submitter:key` would make one), so its
 * reports skip the confirmation code and their deliveries flow at once: an anonymous report is held
 * until its reporter enters a code, which would leave the drain and steady figures measuring nothing.
 * Call it once the API has migrated the database.
 */
export async function benchSubmitterHeaders(databaseUrl: string): Promise<Record<string, string>> {
  const { db } = createDb(databaseUrl, { max: 1 });
  try {
    const { key } = await createSubmitterKey(db, { name: 'Benchmark load generator', level: 'high' });
    return { 'content-type': 'application/json', authorization: `Bearer ${key}` };
  } finally {
    await db.destroy();
  }
}
