import { normaliseReference } from '@tuo/shared';
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { eraseAnswers } from './answers-erasure.js';

/** What became of an early erasure. */
export type EraseResult =
  | { done: true; submissionId: string; reference: string; answersErasedAt: Date }
  | { done: false; reason: 'not_found' | 'already_erased' };

/** Erases one submission's personal data before its time, at an admin's request, with their reason (audited). */
export async function eraseSubmissionEarly(
  db: Kysely<Database>,
  reference: string,
  actor: Actor,
  reason: string,
): Promise<EraseResult> {
  const found = await db
    .selectFrom('submissions')
    .select(['id', 'reference'])
    .where('reference', '=', normaliseReference(reference))
    .executeTakeFirst();
  if (!found) return { done: false, reason: 'not_found' };
  const erased = await eraseAnswers(
    db,
    sql`select id from submissions where id = ${found.id} and answers_erased_at is null for update`,
    { kind: 'request', actor, reason },
  );
  const row = await db
    .selectFrom('submissions')
    .select('answers_erased_at')
    .where('id', '=', found.id)
    .executeTakeFirstOrThrow();
  if (erased.length === 0 || !row.answers_erased_at) return { done: false, reason: 'already_erased' };
  return { done: true, submissionId: found.id, reference: found.reference, answersErasedAt: row.answers_erased_at };
}
