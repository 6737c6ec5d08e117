import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { isLifeEventId, type LifeEventId } from '@tuo/shared';
import type { ProtectedValues } from '../privacy/protected-values.js';
import type { Database } from '../db/database.js';
import { SEND_SAVED_FORM_LINK } from '../jobs/job-names.js';
import { openSavedAnswers, sealSavedAnswers, type SavedAnswers } from './saved-answers.js';

/** How a saved form is reached: a code shown on screen, or a link sent by email or text message. */
export type SaveMethod = { kind: 'code'; codeHash: string } | { kind: 'link'; channel: 'email' | 'sms'; to: string };

/** A saved form to create. */
export interface NewSavedJourney {
  lifeEvent: LifeEventId;
  pageId: string;
  saved: SavedAnswers;
  expiresAt: Date;
  method: SaveMethod;
}

/** A saved form given back: its answers and where the resident left off. */
export interface RestoredJourney {
  /** The saved form's id, kept with the journey so sending the report spends it (see {@link spendSavedJourneys}). */
  id: string;
  lifeEvent: string;
  pageId: string;
  saved: SavedAnswers;
}

/** Why a saved form could not be given back: already restored once, past its time, or never there. */
export type UnavailableReason = 'used' | 'expired' | 'unknown';

/**
 * Keeps a saved form. A link is not made here: the job that sends it makes the token, so the
 * token itself is never written anywhere. The job is queued through the outbox in the same
 * transaction, and carries only the row's id; the address waits in the row until it is sent.
 */
export async function createSavedJourney(
  db: Kysely<Database>,
  privacy: ProtectedValues,
  input: NewSavedJourney,
): Promise<string> {
  // Made here, not by Postgres, because the sealed answers are bound to the row's id.
  const id = randomUUID();
  return db.transaction().execute(async (trx: Transaction<Database>) => {
    await trx
      .insertInto('saved_journeys')
      .values({
        id,
        life_event: input.lifeEvent,
        page_id: input.pageId,
        answers: sealSavedAnswers(privacy, input.lifeEvent, id, input.saved),
        expires_at: input.expiresAt,
        ...(input.method.kind === 'code'
          ? { code_hash: input.method.codeHash }
          : {
              send_channel: input.method.channel,
              send_to: input.method.to,
              send_status: 'queued',
            }),
      })
      .execute();
    if (input.method.kind === 'link') {
      await trx
        .insertInto('outbox')
        .values({
          task: SEND_SAVED_FORM_LINK,
          payload: JSON.stringify({ savedJourneyId: id }),
          job_key: `saved-form-link:${id}`,
        })
        .execute();
    }
    return id;
  });
}

type HashColumn = 'token_hash' | 'code_hash';

/**
 * Gives back a saved form once. The row is locked, its answers opened, and only then marked used
 * and emptied, in one transaction: if the answers cannot be opened (say, sealed under a key since
 * removed) nothing is spent and the error reaches the caller. A second use, or one after expiry,
 * finds nothing.
 */
export async function restoreSavedJourney(
  db: Kysely<Database>,
  privacy: ProtectedValues,
  column: HashColumn,
  hash: string,
): Promise<RestoredJourney | undefined> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('saved_journeys')
      .select(['id', 'life_event', 'page_id', 'answers'])
      .where(column, '=', hash)
      .where('used_at', 'is', null)
      .where('submitted_reference', 'is', null)
      .where('expires_at', '>', sql<Date>`now()`)
      .forUpdate()
      .executeTakeFirst();
    if (!row || !isLifeEventId(row.life_event)) return undefined;
    const saved = openSavedAnswers(privacy, row.life_event, row.id, row.answers);
    await trx
      .updateTable('saved_journeys')
      .set({ used_at: sql<Date>`now()`, answers: null })
      .where('id', '=', row.id)
      .execute();
    return { id: row.id, lifeEvent: row.life_event, pageId: row.page_id, saved };
  });
}

/** Whether a saved form could be restored now, or why not; nothing is changed. */
export type SavedJourneyState =
  | { state: 'ready' | UnavailableReason }
  /** Its report has been sent since it was saved: the reference to track it by. */
  | { state: 'submitted'; reference: string };

/** Whether a saved form could be restored now, or why not; nothing is changed. */
export async function savedJourneyState(
  db: Kysely<Database>,
  column: HashColumn,
  hash: string,
): Promise<SavedJourneyState> {
  const row = await db
    .selectFrom('saved_journeys')
    .select(['used_at', 'submitted_reference', sql<boolean>`expires_at <= now()`.as('expired')])
    .where(column, '=', hash)
    .executeTakeFirst();
  if (!row) return { state: 'unknown' };
  // Said even after expiry: "already sent, track it here" helps more than "run out".
  if (row.submitted_reference !== null) return { state: 'submitted', reference: row.submitted_reference };
  if (row.used_at) return { state: 'used' };
  return { state: row.expired ? 'expired' : 'ready' };
}

/**
 * Spends the saved forms a journey was saved to or restored from, once its report is sent: they
 * lose their answers and keep the reference, so a code or link cannot send the same report twice.
 */
export async function spendSavedJourneys(
  db: Kysely<Database>,
  ids: readonly string[],
  reference: string,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('saved_journeys')
    .set({ submitted_reference: reference, answers: null, used_at: sql<Date>`coalesce(used_at, now())` })
    .where('id', 'in', ids)
    .execute();
}

/** Forgets saved forms past their time, used or not. */
export async function deleteExpiredSavedJourneys(db: Kysely<Database>): Promise<bigint> {
  const removed = await db.deleteFrom('saved_journeys').where('expires_at', '<', new Date()).executeTakeFirst();
  return removed.numDeletedRows;
}
