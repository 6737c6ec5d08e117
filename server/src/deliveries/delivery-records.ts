import type { DeliveryRecord } from '@tuo/shared/api/staff-submissions';
import type { Kysely, Selectable } from 'kysely';
import type { Database, DeliveriesTable } from '../db/database.js';

/** One delivery row of a submission, and the record of it every view shows. */
export interface DeliveryWithRecord {
  row: Selectable<DeliveriesTable>;
  record: DeliveryRecord;
}

/**
 * Each delivery of a submission (by kind, then role) with its organisation's name, its events and attempts, in three statements
 * whatever the number of agencies: what the staff view and the subject access export both show.
 */
export async function deliveryRecords(db: Kysely<Database>, submissionId: string): Promise<DeliveryWithRecord[]> {
  const rows = await db
    .selectFrom('deliveries')
    .selectAll('deliveries')
    .innerJoin('organisations', 'organisations.id', 'deliveries.organisation_id')
    .select('organisations.name as organisation_name')
    .where('deliveries.submission_id', '=', submissionId)
    // The old council before the new, as the resident moved.
    .orderBy('deliveries.agency')
    .orderBy('deliveries.role', 'desc')
    .execute();
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return [];
  const [events, attempts] = await Promise.all([
    db.selectFrom('delivery_events').selectAll().where('delivery_id', 'in', ids).orderBy('at').orderBy('id').execute(),
    db
      .selectFrom('delivery_attempts')
      .selectAll()
      .where('delivery_id', 'in', ids)
      .orderBy('attempt')
      .orderBy('id')
      .execute(),
  ]);
  return rows.map((row) => ({
    row,
    record: {
      id: row.id,
      agency: row.agency,
      organisation: row.organisation_name,
      ...(row.role ? { role: row.role } : {}),
      transport: row.transport,
      status: row.status,
      statusChangedAt: row.status_changed_at.toISOString(),
      attempts: row.attempts,
      lastError: row.last_error,
      outcome: row.outcome,
      ...(row.check_rejected_at
        ? { rejectedAfterCheck: { at: row.check_rejected_at.toISOString(), reason: row.check_rejection_reason ?? '' } }
        : {}),
      events: events
        .filter((event) => event.delivery_id === row.id)
        .map((event) => ({ status: event.status, at: event.at.toISOString(), detail: event.detail })),
      attemptHistory: attempts
        .filter((attempt) => attempt.delivery_id === row.id)
        .map((attempt) => ({
          attempt: attempt.attempt,
          startedAt: attempt.started_at.toISOString(),
          durationMs: attempt.duration_ms,
          outcome: attempt.outcome,
          statusCode: attempt.status_code,
          error: attempt.error,
        })),
    },
  }));
}
