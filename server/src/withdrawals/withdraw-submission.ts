import { sql, type Kysely } from 'kysely';
import { auditInsert, type Actor } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
// The same job as notificationEventJob(id, 1), written in SQL for the ids Postgres draws.
import { SEND_NOTIFICATION_EVENT } from '../jobs/notification-event-job.js';

/** Statuses of a delivery the agency has, or may have by now (mid-send): it gets a withdrawal event. */
const told = ['sending', 'delivered', 'acknowledged', 'actioned'];
/** Statuses of a delivery not sent yet (waiting its turn, or held for a confirmation code or a check): withdrawing cancels it. */
const unsent = ['queued', 'held'];

/** What a withdrawal came to. */
export type WithdrawalResult =
  | { withdrawn: true; withdrawnAt: Date; cancelled: number; events: number }
  | { withdrawn: false; reason: 'not_found' | 'already_withdrawn'; withdrawnAt?: Date };

/**
 * Withdraws a report in one statement: marks it withdrawn (with who asked, and their reason, which
 * stays with us and is never sent), cancels every delivery not yet sent, queues one signed
 * `withdrawn` event for every agency already told by webhook or being told now (the event waits
 * for a send in flight; an inbox shows the withdrawal when read), and writes the audit line.
 * Asking again changes nothing: a report is withdrawn, and each agency told of it, once.
 */
export async function withdrawSubmission(
  db: Kysely<Database>,
  request: { submissionId: string; by: 'resident' | 'staff'; reason: string; actor: Actor },
): Promise<WithdrawalResult> {
  const at = new Date();
  const result = await sql<{ withdrawn: boolean; cancelled: number; events: number }>`
    with s as (
      update submissions set withdrawn_at = ${at}, withdrawn_by = ${request.by}, withdrawal_reason = ${request.reason}
      where id = ${request.submissionId} and withdrawn_at is null
      returning id
    ),
    -- Locked, so a worker claiming one of them now either finished first (and it counts as told)
    -- or waits, then finds it cancelled.
    locked as (
      select d.id, d.status, d.transport from deliveries d where d.submission_id in (select id from s) for update
    ),
    cancelled as (
      update deliveries set status = 'cancelled', status_changed_at = ${at}, next_attempt_at = null, due_at = null
      from locked where deliveries.id = locked.id and locked.status = any(${unsent}::text[])
      returning deliveries.id
    ),
    cancelled_events as (
      insert into delivery_events (delivery_id, status, at, detail)
      select id, 'cancelled', ${at}, 'Withdrawn before it was sent' from cancelled
    ),
    events as (
      insert into notification_events (id, delivery_id, kind, status, created_at, status_changed_at)
      select gen_random_uuid(), id, 'withdrawn', 'queued', ${at}, ${at} from locked
      where status = any(${told}::text[]) and (transport = 'webhook' or status = 'sending')
      on conflict do nothing
      returning id
    ),
    jobs as (
      insert into outbox (task, payload, job_key)
      select ${SEND_NOTIFICATION_EVENT}, jsonb_build_object('eventId', id, 'attempt', 1), ${'notification-event:'} || id || ':1'
      from events
    ),
    audit as (${auditInsert(
      {
        actor: request.actor,
        action: 'submission.withdrawn',
        submissionId: request.submissionId,
        detail: { by: request.by },
      },
      sql`from s`,
    )})
    select exists (select 1 from s) as withdrawn, (select count(*) from cancelled)::int as cancelled,
      (select count(*) from events)::int as events
  `.execute(db);
  const row = result.rows[0];
  if (row?.withdrawn) return { withdrawn: true, withdrawnAt: at, cancelled: row.cancelled, events: row.events };
  const existing = await db
    .selectFrom('submissions')
    .select('withdrawn_at')
    .where('id', '=', request.submissionId)
    .executeTakeFirst();
  if (!existing) return { withdrawn: false, reason: 'not_found' };
  return {
    withdrawn: false,
    reason: 'already_withdrawn',
    ...(existing.withdrawn_at ? { withdrawnAt: existing.withdrawn_at } : {}),
  };
}
