import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Actor } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';

/** Why personal answers are erased: on schedule, or early by an admin (with their reason). */
export type Erasure =
  | { kind: 'retention'; actor: Actor; retentionDays: number }
  | { kind: 'request'; actor: Actor; reason: string }
  /** An online report never confirmed by its reporter within 24 hours (nothing was sent). */
  | { kind: 'unconfirmed'; actor: Actor };

const undelivered = 'Not sent: the personal data was erased first';

/**
 * Erases the personal data of the submissions `target` selects (a `select id from submissions …
 * for update` that must only pick rows still holding answers), in ONE statement: the envelope
 * keeps its consent records and loses its answers; search terms, agency payloads and outcomes,
 * case notes, chase-request notes and unsent message details go; deliveries not yet made fail with the reason; and an
 * audit line is written per submission. What stays is the skeleton (reference, life event,
 * channel, dates, statuses, consent and the audit trail) for statistics and accountability.
 * Running it again, or twice at once, erases nothing twice: the row lock and `answers_erased_at`
 * guard each submission. Returns the ids erased.
 */
export async function eraseAnswers(
  db: Kysely<Database>,
  target: RawBuilder<unknown>,
  erasure: Erasure,
): Promise<string[]> {
  const detail =
    erasure.kind === 'retention'
      ? { kind: erasure.kind, retentionDays: erasure.retentionDays }
      : { kind: erasure.kind };
  const result = await sql<{ id: string }>`
    with target as (${target}),
    s as (
      update submissions set envelope = jsonb_set(envelope, '{answers}', '{}'::jsonb), answers_erased_at = now(), protected_key_id = null,
        erasure_kind = ${erasure.kind}, erasure_reason = ${erasure.kind === 'request' ? erasure.reason : null},
        -- A withdrawal's reason is in the resident's or an adviser's own words.
        withdrawal_reason = null
      from target where submissions.id = target.id and submissions.answers_erased_at is null
      returning submissions.id
    ),
    search as (update submission_search set names = '', postcodes = '', identifier_hashes = '{}' from s where submission_search.submission_id = s.id),
    -- Read before this statement's updates: the deliveries still waiting to be made.
    pending as (select d.id from deliveries d join s on s.id = d.submission_id where d.status in ('held', 'queued', 'sending')),
    d as (
      -- A supervisor's reason for not sending is in their own words, about this report: it may name the resident.
      update deliveries set payload = null, outcome = null, check_rejection_reason = null,
        status = case when deliveries.id in (select id from pending) then 'failed' else status end,
        last_error = case when deliveries.id in (select id from pending) then ${undelivered} else last_error end,
        status_changed_at = case when deliveries.id in (select id from pending) then now() else status_changed_at end,
        next_attempt_at = null
      from s where deliveries.submission_id = s.id
    ),
    failed_events as (insert into delivery_events (delivery_id, status, at, detail) select id, 'failed', now(), ${undelivered} from pending),
    -- An actioned event's detail is the agency's or the adviser's own words: it may name the resident.
    outcomes as (update delivery_events set detail = null from deliveries, s where delivery_events.delivery_id = deliveries.id and deliveries.submission_id = s.id and delivery_events.status = 'actioned'),
    messages as (
      update resident_messages set personalisation = null,
        status = case when status in ('queued', 'sending') then 'failed' else status end,
        error = case when status in ('queued', 'sending') then ${undelivered} else error end,
        updated_at = now()
      from s where resident_messages.submission_id = s.id
    ),
    notes as (delete from case_notes using s where case_notes.submission_id = s.id),
    -- A correction event carries new answers: nothing of them is kept, and one not yet sent never will be.
    corrections as (
      update notification_events set payload = null,
        status = case when notification_events.status in ('queued', 'sending') and notification_events.kind = 'corrected' then 'cancelled' else notification_events.status end
      from deliveries, s where notification_events.delivery_id = deliveries.id and deliveries.submission_id = s.id
    ),
    -- A resident's request to chase, and staff's reply, are in their own words.
    chases as (update chase_requests set resident_note = null, staff_note = null from s where chase_requests.submission_id = s.id),
    audit as (
      insert into audit_events (actor_type, actor_id, address, action, submission_id, detail)
      select ${erasure.actor.type}, ${erasure.actor.id ?? null}, ${erasure.actor.address ?? null}, 'submission.answers-erased', s.id, ${JSON.stringify(detail)}::jsonb from s
    )
    select id from s
  `.execute(db);
  return result.rows.map((row) => row.id);
}
