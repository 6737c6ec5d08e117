import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { searchIndexValues } from '../staff/submission-search.js';
import { SealedValueError } from './keyring.js';
import type { ProtectedValues } from './protected-values.js';
import { resealSavedJourneys } from '../saved-journeys/reseal-saved-journeys.js';

const BATCH = 100;

/** What a re-sealing pass did. */
export interface ResealResult {
  resealed: number;
  /** Submissions sealed under a key no longer configured (or damaged): left as they are, and counted. */
  unreadable: number;
}

/** One batch in one transaction; unreadable rows are added to `skip`, so later batches pass them by. */
async function resealBatch(
  db: Kysely<Database>,
  privacy: ProtectedValues,
  skip: string[],
): Promise<ResealResult & { seen: number }> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('submissions')
      .select(['id', 'envelope', 'life_event'])
      .where('answers_erased_at', 'is', null)
      .where((eb) =>
        eb.or([eb('protected_key_id', 'is', null), eb('protected_key_id', '<>', privacy.keyring.currentKeyId)]),
      )
      .$if(skip.length > 0, (qb) => qb.where('id', 'not in', skip))
      .orderBy('submitted_at')
      .limit(BATCH)
      .forUpdate()
      .skipLocked()
      .execute();
    let unreadable = 0;
    for (const row of rows) {
      try {
        const envelope = privacy.openEnvelope(row.envelope);
        const deliveries = await trx
          .selectFrom('deliveries')
          .select(['id', 'payload'])
          .where('submission_id', '=', row.id)
          .where('payload', 'is not', null)
          .execute();
        for (const delivery of deliveries) {
          await trx
            .updateTable('deliveries')
            .set({ payload: JSON.stringify(privacy.sealPayload(privacy.openPayload(delivery.payload))) })
            .where('id', '=', delivery.id)
            .execute();
        }
        await trx
          .updateTable('submissions')
          .set({
            envelope: JSON.stringify(privacy.sealEnvelope(envelope)),
            protected_key_id: privacy.keyring.currentKeyId,
          })
          .where('id', '=', row.id)
          .execute();
        // Rows from before sealing had identifiers in clear: the index is rebuilt from the answers.
        await trx
          .updateTable('submission_search')
          .set({
            ...searchIndexValues(envelope),
            identifier_hashes: privacy.searchHashes(row.life_event, envelope.answers),
          })
          .where('submission_id', '=', row.id)
          .execute();
      } catch (error) {
        if (!(error instanceof SealedValueError)) throw error;
        unreadable += 1;
        skip.push(row.id);
      }
    }
    return { resealed: rows.length - unreadable, unreadable, seen: rows.length };
  });
}

/**
 * Re-seals every submission not sealed under the current key (written before sealing, or before a
 * key rotation): its envelope, its agency payloads and its search hashes; and saved forms waiting to
 * be restored. Afterwards an old key can
 * be removed from PROTECTED_DATA_KEYS once resident sessions (4 hours) have expired too. Rows are
 * locked and skipped when another worker holds them, so several may run at once.
 */
export async function resealProtectedData(
  db: Kysely<Database>,
  privacy: ProtectedValues,
  budgetMs = Number.POSITIVE_INFINITY,
): Promise<ResealResult> {
  const deadline = Date.now() + budgetMs;
  const total: ResealResult = { resealed: 0, unreadable: 0 };
  const unreadableIds: string[] = [];
  for (;;) {
    const batch = await resealBatch(db, privacy, unreadableIds);
    total.resealed += batch.resealed;
    total.unreadable += batch.unreadable;
    if (batch.seen < BATCH || Date.now() > deadline) break;
  }
  // Forms saved to come back to hold the same identifiers, and outlive resident sessions by weeks.
  const saved = await resealSavedJourneys(db, privacy);
  total.resealed += saved.resealed;
  total.unreadable += saved.unreadable;
  if (total.resealed > 0 || total.unreadable > 0) {
    await recordAudit(db, {
      actor: { type: 'system' },
      action: 'privacy.resealed',
      detail: { keyId: privacy.keyring.currentKeyId, ...total },
    });
  }
  return total;
}
