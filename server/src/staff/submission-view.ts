import { normaliseReference } from '@tuo/shared';
import type { SubmissionView } from '@tuo/shared/api/staff-submissions';
import { startAssistedRequestSchema } from '@tuo/shared/api/staff-session';
import { z } from 'zod';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { ProtectedValues } from '../privacy/protected-values.js';
import { messageIdFor } from '../deliveries/attempt-delivery.js';
import { linkedReports } from '../duplicates/possible-duplicates.js';
import { deliveryRecords } from '../deliveries/delivery-records.js';
import { answeredOrganisationNames, answeredRows } from './answered-rows.js';
import { listCaseNotes } from './case-notes.js';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** Who made an assisted submission and what they recorded, from the audit line written with it. */
async function assistedDetails(db: Kysely<Database>, submissionId: string): Promise<SubmissionView['assisted']> {
  const row = await db
    .selectFrom('audit_events as a')
    .leftJoin('staff_users as u', (join) =>
      join.on((eb) => eb(eb.cast<string>('u.id', 'text'), '=', eb.ref('a.actor_id'))),
    )
    .select(['a.actor_id', 'a.detail', 'u.email', 'u.display_name'])
    .where('a.submission_id', '=', submissionId)
    .where('a.action', '=', 'submission.created')
    .where('a.actor_type', '=', 'staff')
    .executeTakeFirst();
  // The audit detail also holds the life event, channel and agencies: read only what the adviser recorded.
  const recorded = z.object(startAssistedRequestSchema.shape).safeParse(row?.detail);
  if (!row?.actor_id || !recorded.success) return null;
  return { staffId: row.actor_id, staffEmail: row.email, staffName: row.display_name, ...recorded.data };
}

/** Everything staff may see about one submission, found by its reference; undefined when there is none. */
export async function loadSubmissionView(
  db: Kysely<Database>,
  privacy: ProtectedValues,
  reference: string,
): Promise<{ id: string; view: SubmissionView } | undefined> {
  const submission = await db
    .selectFrom('submissions')
    .select([
      'id',
      'reference',
      'life_event',
      'channel',
      'language',
      'submitted_at',
      'envelope',
      'answers_erased_at',
      'erasure_kind',
      'withdrawn_at',
      'withdrawn_by',
      'withdrawal_reason',
    ])
    .where('reference', '=', normaliseReference(reference))
    .executeTakeFirst();
  if (!submission) return undefined;
  const [deliveries, notes, assisted, possibleDuplicates, openings] = await Promise.all([
    deliveryRecords(db, submission.id),
    listCaseNotes(db, submission.id),
    assistedDetails(db, submission.id),
    linkedReports(db, submission.id),
    // When someone at the organisation first opened each notification in the portal.
    db
      .selectFrom('audit_events')
      .select([sql<string>`detail->>'deliveryId'`.as('delivery_id'), sql<Date>`min(at)`.as('at')])
      .where('submission_id', '=', submission.id)
      .where('action', '=', 'agency.notification.viewed')
      .groupBy(sql`detail->>'deliveryId'`)
      .execute(),
  ]);
  const opened = new Map(openings.map((row) => [row.delivery_id, row.at]));
  const envelope = privacy.openEnvelope(submission.envelope);
  const lifeEvent = submission.life_event;
  return {
    id: submission.id,
    view: {
      reference: submission.reference,
      lifeEvent,
      channel: submission.channel,
      language: submission.language,
      submittedAt: submission.submitted_at.toISOString(),
      assisted,
      erasure: submission.answers_erased_at
        ? {
            at: submission.answers_erased_at.toISOString(),
            kind: submission.erasure_kind ?? 'retention',
          }
        : null,
      withdrawn: submission.withdrawn_at
        ? {
            at: submission.withdrawn_at.toISOString(),
            by: submission.withdrawn_by === 'staff' ? 'staff' : 'resident',
            reason: submission.withdrawal_reason,
          }
        : null,
      possibleDuplicates,
      answers: answeredRows(
        lifeEvent,
        envelope.answers,
        await answeredOrganisationNames(db, lifeEvent, envelope.answers),
      ),
      deliveries: deliveries.map(({ row, record }) => ({
        ...record,
        nextAttemptAt: iso(row.next_attempt_at),
        webhookId: messageIdFor(row.id),
        agencyReference: row.agency_reference,
        firstOpenedAt: iso(opened.get(row.id) ?? null),
        missedTargets: [
          ...(row.acknowledge_flagged_at ? (['acknowledge'] as const) : []),
          ...(row.action_flagged_at ? (['action'] as const) : []),
        ],
      })),
      notes,
    },
  };
}
