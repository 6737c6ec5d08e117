import { randomUUID } from 'node:crypto';
import { answersSchema, getJourney, toAgencyPayload, toFieldErrors, type Answers, type FieldError } from '@tuo/shared';
import type { Kysely } from 'kysely';
import { recordAudit, type Actor } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { notificationEventJob } from '../jobs/notification-event-job.js';
import type { ProtectedValues } from '../privacy/protected-values.js';
import { searchIndexValues } from '../staff/submission-search.js';

/** What a correction came to. */
export type CorrectionResult =
  | { done: true; fields: string[]; events: number }
  | { done: false; reason: 'not_found' | 'withdrawn' | 'erased' | 'unchanged' }
  | { done: false; reason: 'invalid'; errors: FieldError[] };

/** The routed answers of one agency's payload that differ between two versions, with their new values. */
function changedRouted(before: Answers, after: Answers): Answers {
  const changed: Answers = {};
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[name]) !== JSON.stringify(after[name])) {
      // A routed answer that is gone is sent as null, so the agency knows to drop it.
      changed[name] = after[name] ?? (null as unknown as Answers[string]);
    }
  }
  return changed;
}

/**
 * A supervisor corrects a report's answers after it was sent. The corrected answers are checked
 * against the journey like new ones; the envelope and search row are rewritten; each agency's
 * minimisation is run again, and every webhook agency already told whose own routed fields
 * changed is sent `{agency}.notification.corrected` with the new values of those fields only
 * (sealed while they wait). Deliveries not yet sent simply carry the corrected answers; an inbox
 * shows them when read. The correction (field names only) and an audit line are kept.
 */
export async function correctSubmission(
  db: Kysely<Database>,
  privacy: ProtectedValues,
  request: { submissionId: string; changes: Answers; actor: Actor },
): Promise<CorrectionResult> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('submissions')
      .select(['id', 'reference', 'envelope', 'withdrawn_at', 'answers_erased_at'])
      .where('id', '=', request.submissionId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return { done: false, reason: 'not_found' } as const;
    if (row.withdrawn_at) return { done: false, reason: 'withdrawn' } as const;
    if (row.answers_erased_at) return { done: false, reason: 'erased' } as const;
    const before = privacy.openEnvelope(row.envelope);
    const journey = getJourney(before.lifeEvent);
    const parsed = answersSchema(journey).safeParse({ ...before.answers, ...request.changes });
    if (!parsed.success) return { done: false, reason: 'invalid', errors: toFieldErrors(parsed.error.issues) } as const;
    const after = { ...before, answers: parsed.data };
    // Compared in the schema's own normal form, so an answer only re-normalised is not a change.
    const normal = answersSchema(journey).safeParse(before.answers);
    const was = normal.success ? { ...before, answers: normal.data } : before;
    const fields = Object.keys(changedRouted(was.answers, after.answers));
    if (fields.length === 0) return { done: false, reason: 'unchanged' } as const;
    const correctionId = randomUUID();
    const correctedAt = new Date();
    const deliveries = await trx
      .selectFrom('deliveries')
      .select(['id', 'agency', 'role', 'status', 'transport', 'payload'])
      .where('submission_id', '=', row.id)
      .forUpdate()
      .execute();
    const events: { id: string; deliveryId: string; payload: string }[] = [];
    for (const delivery of deliveries) {
      // Each organisation's own part: the old council hears of a change to what it was told, and only that.
      const agency = delivery.agency;
      const role = delivery.role ?? undefined;
      const old = toAgencyPayload(was, agency, role);
      const next = toAgencyPayload(after, agency, role);
      if (!old || !next) continue;
      const changed = changedRouted(old.answers, next.answers);
      if (Object.keys(changed).length === 0) continue;
      const told = ['sending', 'delivered', 'acknowledged', 'actioned'].includes(delivery.status);
      if (told && delivery.payload !== null) {
        // What the inbox, the API and the portal show from now on: the corrected answers, with what
        // the agency was told beside them (how far it was checked, a possible duplicate) kept.
        const { answers: _answers, ...sent } = privacy.openPayload(delivery.payload);
        await trx
          .updateTable('deliveries')
          .set({ payload: JSON.stringify(privacy.sealPayload({ ...sent, ...next })) })
          .where('id', '=', delivery.id)
          .execute();
      }
      if (told && (delivery.transport === 'webhook' || delivery.status === 'sending'))
        events.push({
          id: randomUUID(),
          deliveryId: delivery.id,
          payload: JSON.stringify({
            correctedAt: correctedAt.toISOString(),
            answers: privacy.sealAnswers(before.lifeEvent, changed, before.reference),
          }),
        });
    }
    await trx
      .updateTable('submissions')
      .set({ envelope: JSON.stringify(privacy.sealEnvelope(after)), protected_key_id: privacy.keyring.currentKeyId })
      .where('id', '=', row.id)
      .execute();
    await trx
      .updateTable('submission_search')
      .set({
        ...searchIndexValues(after),
        identifier_hashes: privacy.searchHashes(after.lifeEvent, after.answers),
      })
      .where('submission_id', '=', row.id)
      .execute();
    await trx
      .insertInto('submission_corrections')
      .values({
        id: correctionId,
        submission_id: row.id,
        staff_id: request.actor.id ?? null,
        corrected_at: correctedAt,
        fields,
      })
      .execute();
    if (events.length > 0) {
      await trx
        .insertInto('notification_events')
        .values(
          events.map((event) => ({
            id: event.id,
            delivery_id: event.deliveryId,
            kind: 'corrected',
            correction_id: correctionId,
            status: 'queued',
            payload: event.payload,
            created_at: correctedAt,
            status_changed_at: correctedAt,
          })),
        )
        .execute();
      await trx
        .insertInto('outbox')
        .values(
          events.map((event) => {
            const job = notificationEventJob(event.id, 1);
            return { task: job.task, payload: JSON.stringify(job.payload), job_key: job.job_key };
          }),
        )
        .execute();
    }
    await recordAudit(trx, {
      actor: request.actor,
      action: 'submission.corrected',
      submissionId: row.id,
      detail: { fields, agenciesToldByEvent: events.length },
    });
    return { done: true, fields, events: events.length } as const;
  });
}
