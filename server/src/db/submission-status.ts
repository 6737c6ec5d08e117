import type { AgencyKind, LifeEventId } from '@tuo/shared';
import type { ConfirmationStatus, DeliveryStatus, SubmissionStatusResponse } from '@tuo/shared/api/submissions';
import type { Kysely } from 'kysely';
import type { Database } from './database.js';

/** A submission's public progress, and the hash its tracking secret must match. */
export interface SubmissionStatusRecord {
  id: string;
  trackingSecretHash: string;
  status: SubmissionStatusResponse;
}

/** Reads each agency's status for a reference: nothing personal, only states and times. */
export async function findSubmissionStatus(
  db: Kysely<Database>,
  reference: string,
): Promise<SubmissionStatusRecord | undefined> {
  const submission = await db
    .selectFrom('submissions')
    .select([
      'id',
      'reference',
      'life_event',
      'submitted_at',
      'tracking_secret_hash',
      'confirmation',
      'withdrawn_at',
      'withdrawn_by',
    ])
    .where('reference', '=', reference)
    .executeTakeFirst();
  if (!submission) return undefined;
  const corrections = await db
    .selectFrom('submission_corrections')
    .select(['corrected_at', 'fields'])
    .where('submission_id', '=', submission.id)
    .orderBy('corrected_at')
    .execute();
  const deliveries = await db
    .selectFrom('deliveries')
    .select(['agency', 'status', 'held_for', 'status_changed_at', 'agency_reference', 'check_rejected_at'])
    .where('submission_id', '=', submission.id)
    .orderBy('agency')
    .execute();
  return {
    id: submission.id,
    trackingSecretHash: submission.tracking_secret_hash,
    status: {
      reference: submission.reference,
      lifeEvent: submission.life_event as LifeEventId,
      submittedAt: submission.submitted_at.toISOString(),
      confirmation: submission.confirmation as ConfirmationStatus,
      withdrawn: withdrawnOf(submission),
      corrections: corrections.map((c) => ({ at: c.corrected_at.toISOString(), fields: c.fields })),
      agencies: deliveries.map((d) => ({
        agency: d.agency as AgencyKind,
        status: d.status as DeliveryStatus,
        ...(d.status === 'held'
          ? { heldFor: d.held_for === 'check' ? ('check' as const) : ('confirmation' as const) }
          : {}),
        ...(d.status === 'cancelled' && d.check_rejected_at ? { rejectedAfterCheck: true as const } : {}),
        changedAt: d.status_changed_at.toISOString(),
        agencyReference: d.agency_reference,
      })),
    },
  };
}

/** A submission's withdrawal as the resident and the services see it (never its reason). */
export function withdrawnOf(row: {
  withdrawn_at: Date | null;
  withdrawn_by: string | null;
}): { at: string; by: 'resident' | 'staff' } | null {
  return row.withdrawn_at
    ? { at: row.withdrawn_at.toISOString(), by: row.withdrawn_by === 'staff' ? 'staff' : 'resident' }
    : null;
}
