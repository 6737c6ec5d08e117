import type { Task } from 'graphile-worker';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { resealProtectedData } from '../privacy/reseal-protected-data.js';
import type { ProtectedValues } from '../privacy/protected-values.js';

/**
 * Every ten minutes (graphile-worker cron): re-seals data not sealed under the current key, for up
 * to 30 seconds a run. After a key rotation this is what moves old data onto the new key; on a
 * database from before sealing, it seals what was in clear.
 */
export function createResealProtectedDataTask(deps: { db: Kysely<Database>; privacy: ProtectedValues }): Task {
  return async (_payload, helpers) => {
    const { resealed, unreadable } = await resealProtectedData(deps.db, deps.privacy, 30_000);
    if (resealed > 0)
      helpers.logger.info(`re-sealed ${String(resealed)} submissions under key ${deps.privacy.keyring.currentKeyId}`);
    if (unreadable > 0)
      helpers.logger.error(
        `${String(unreadable)} submissions are sealed under a key that is not configured: add it back to PROTECTED_DATA_KEYS`,
      );
  };
}
