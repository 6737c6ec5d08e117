import type { Answers } from '@tuo/shared';
import { isLifeEventId } from '@tuo/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { SealedValueError } from '../privacy/keyring.js';
import type { ProtectedValues } from '../privacy/protected-values.js';
import { openSavedAnswers, sealSavedAnswers } from './saved-answers.js';

/**
 * Re-seals saved forms still waiting to be restored whose protected answers are not under the
 * current key, so an old key can be removed without losing a form saved under it. Saved forms are
 * few (they last SAVED_FORM_DAYS), so each pass reads them all; rows another worker holds are skipped.
 */
export async function resealSavedJourneys(
  db: Kysely<Database>,
  privacy: ProtectedValues,
): Promise<{ resealed: number; unreadable: number }> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('saved_journeys')
      .select(['id', 'life_event', 'answers'])
      .where('answers', 'is not', null)
      .where('used_at', 'is', null)
      .forUpdate()
      .skipLocked()
      .execute();
    let resealed = 0;
    let unreadable = 0;
    for (const row of rows) {
      const stored = row.answers as { answers?: Answers } | null;
      if (!isLifeEventId(row.life_event) || !stored?.answers || !privacy.needsResealing(row.life_event, stored.answers))
        continue;
      try {
        const saved = openSavedAnswers(privacy, row.life_event, row.id, stored);
        await trx
          .updateTable('saved_journeys')
          .set({ answers: sealSavedAnswers(privacy, row.life_event, row.id, saved) })
          .where('id', '=', row.id)
          .execute();
        resealed += 1;
      } catch (error) {
        if (!(error instanceof SealedValueError)) throw error;
        unreadable += 1;
      }
    }
    return { resealed, unreadable };
  });
}
