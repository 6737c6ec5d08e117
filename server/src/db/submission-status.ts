import type { SubmissionStatusResponse } from '@tuo/shared/api/submissions';
import type { Kysely } from 'kysely';
import type { Database } from './database.js';

/** A submission's public progress, and the hash its tracking secret must match. */
export interface SubmissionStatusRecord {
  id: string;
  trackingSecretHash: string;
  status: SubmissionStatusResponse;
}

/** Reads each organisation's status for a reference (its name, kind and role): nothing personal, only states and times. */
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
    .selectFrom('deliveries as d')
    .innerJoin('organisations as o', 'o.id', 'd.organisation_id')
    .select([
      'd.agency',
      'o.name as organisation',
      'o.fallback',
      'd.role',
      'd.status',
      'd.held_for',
      'd.status_changed_at',
      'd.agency_reference',
      'd.transport',
      'd.delivered_at',
      'd.opened_at',
      'd.check_rejected_at',
      'd.acknowledged_at',
      'd.actioned_at',
    ])
    .where('d.submission_id', '=', submission.id)
    // The old council before the new one, as the resident moved.
    .orderBy('d.agency')
    .orderBy('d.role', 'desc')
    .execute();
  return {
    id: submission.id,
    trackingSecretHash: submission.tracking_secret_hash,
    status: {
      reference: submission.reference,
      lifeEvent: submission.life_event,
      submittedAt: submission.submitted_at.toISOString(),
      confirmation: submission.confirmation,
      withdrawn: withdrawnOf(submission),
      corrections: corrections.map((c) => ({ at: c.corrected_at.toISOString(), fields: c.fields })),
      agencies: deliveries.map((d) => ({
        agency: d.agency,
        organisation: d.organisation,
        ...(d.fallback ? { organisationFallback: true as const } : {}),
        ...(d.role ? { role: d.role } : {}),
        status: d.status,
        ...(d.status === 'held' ? { heldFor: d.held_for ?? 'confirmation' } : {}),
        ...(d.status === 'cancelled' && d.check_rejected_at ? { rejectedAfterCheck: true as const } : {}),
        changedAt: d.status_changed_at.toISOString(),
        sentAt: d.delivered_at?.toISOString() ?? null,
        receivedAt: receivedAt(d)?.toISOString() ?? null,
        acknowledgedAt: d.acknowledged_at?.toISOString() ?? null,
        actionedAt: d.actioned_at?.toISOString() ?? null,
        agencyReference: d.agency_reference,
      })),
    },
  };
}

/**
 * When the organisation received a notification: a webhook's or file's delivery is their system
 * taking it; one left in their inbox is received only once opened there (or acknowledged).
 */
function receivedAt(row: {
  transport: string | null;
  delivered_at: Date | null;
  opened_at: Date | null;
  acknowledged_at: Date | null;
}): Date | null {
  if (!row.delivered_at) return null;
  if (row.transport === 'inbox') return row.opened_at ?? row.acknowledged_at;
  return row.delivered_at;
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
