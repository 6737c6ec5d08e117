import { sql, type Kysely } from 'kysely';
import { auditInsert, type Actor } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { deliveryJob } from '../jobs/job-names.js';

/** What became of a repair: done, or refused because there is no such delivery or it is not (or no longer) failed. */
export type RepairResult = { done: true; submissionId: string } | { done: false; reason: 'not_found' | 'not_failed' };

async function failedDelivery(db: Kysely<Database>, deliveryId: string) {
  return db
    .selectFrom('deliveries')
    .select(['submission_id', 'status', 'attempts'])
    .where('id', '=', deliveryId)
    .executeTakeFirst();
}

/**
 * Retries a failed delivery as a new attempt: the delivery goes back to `queued` and the job for
 * attempt `attempts + 1` goes into the outbox, in one statement with its event and audit line.
 * The worker claims exactly that attempt and sends with the delivery's webhook-id, as on every
 * attempt, so an agency that did get an earlier one can discard the repeat. The update holds only
 * while the delivery is still failed at the attempt count read, so two supervisors pressing
 * "retry" at once queue one attempt.
 */
export async function retryFailedDelivery(
  db: Kysely<Database>,
  deliveryId: string,
  actor: Actor,
): Promise<RepairResult> {
  const current = await failedDelivery(db, deliveryId);
  if (!current) return { done: false, reason: 'not_found' };
  if (current.status !== 'failed') return { done: false, reason: 'not_failed' };
  const job = deliveryJob(deliveryId, current.attempts + 1);
  const result = await sql<{ id: string }>`
    with d as (
      update deliveries set status = 'queued', status_changed_at = now(), next_attempt_at = null
      where id = ${deliveryId} and status = 'failed' and attempts = ${current.attempts}
      returning id
    ),
    job as (insert into outbox (task, payload, job_key) select ${job.task}, ${JSON.stringify(job.payload)}::jsonb, ${job.job_key} from d),
    event as (insert into delivery_events (delivery_id, status, at, detail) select d.id, 'queued', now(), ${`Attempt ${String(current.attempts + 1)} requested by staff`} from d),
    audit as (${auditInsert({ actor, action: 'staff.delivery.retried', submissionId: current.submission_id, detail: { deliveryId, attempt: current.attempts + 1 } }, sql`from d`)})
    select id from d
  `.execute(db);
  return result.rows.length > 0
    ? { done: true, submissionId: current.submission_id }
    : { done: false, reason: 'not_failed' };
}

/**
 * Records that staff told the agency some other way (phone, email, post): the delivery is closed
 * as actioned, with what was done as its outcome, so it stops showing as failing and the resident
 * sees it done. Only a failed delivery can be closed like this.
 */
export async function markHandledOffline(
  db: Kysely<Database>,
  deliveryId: string,
  actor: Actor,
  note: string,
): Promise<RepairResult> {
  const current = await failedDelivery(db, deliveryId);
  if (!current) return { done: false, reason: 'not_found' };
  const outcome = `Handled offline by the customer centre: ${note}`;
  const result = await sql<{ id: string }>`
    with d as (
      update deliveries set status = 'actioned', status_changed_at = now(), actioned_at = now(), next_attempt_at = null, outcome = ${outcome}
      where id = ${deliveryId} and status = 'failed'
      returning id
    ),
    event as (insert into delivery_events (delivery_id, status, at, detail) select d.id, 'actioned', now(), ${outcome} from d),
    audit as (${auditInsert({ actor, action: 'staff.delivery.handled-offline', submissionId: current.submission_id, detail: { deliveryId } }, sql`from d`)})
    select id from d
  `.execute(db);
  return result.rows.length > 0
    ? { done: true, submissionId: current.submission_id }
    : { done: false, reason: 'not_failed' };
}
