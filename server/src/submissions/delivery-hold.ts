import type { AgencyKind, LifeEventId } from '@tuo/shared';
import {
  meetsLevel,
  verificationLevel,
  type VerificationCheck,
  type VerificationLevel,
} from '@tuo/shared/verification/verification';
import { sql, type Kysely } from 'kysely';
import { auditInsert, type Actor, type AuditEvent } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { deliveryJob, residentMessageJob, type OutboxJob } from '../jobs/job-names.js';
import { minimumFor, type VerificationMinimums } from '../verification/verification-minimums.js';
import { codeMaxAttempts } from './confirmation-codes.js';

/**
 * The one rule of what may leave, and when. A delivery is written at accept time either `queued`
 * (with its outbox row) or `held` WITHOUT one, so nothing can send it:
 * - `held_for = 'confirmation'`: an online report whose reporter has not yet entered their code;
 * - `held_for = 'check'`: the report's verification level is below the agency's minimum, until a
 *   supervisor checks it.
 * Releasing is ONE statement that moves held rows to `queued` and writes their outbox rows, guarded
 * by the rows' own state, so a release run twice (or two at once) queues each delivery exactly once.
 * Accepting in batches keeps this rule by calling {@link initialDelivery} per delivery.
 */

/** Online residents confirm by code; advisers (assisted) and trusted submitters do not. */
export function holdsForConfirmation(actor: Actor): boolean {
  return actor.type === 'resident';
}

/** How one delivery is written at accept time. */
export interface InitialDelivery {
  status: 'queued' | 'held';
  heldFor: 'confirmation' | 'check' | null;
}

/** A new delivery's state: held for the code, else held for a check when below the agency's minimum, else queued. */
export function initialDelivery(
  awaitingCode: boolean,
  checks: readonly VerificationCheck[],
  minimum: Parameters<typeof meetsLevel>[1],
): InitialDelivery {
  if (awaitingCode) return { status: 'held', heldFor: 'confirmation' };
  if (!meetsLevel(verificationLevel(checks), minimum)) return { status: 'held', heldFor: 'check' };
  return { status: 'queued', heldFor: null };
}

/** One held delivery of a submission. */
export interface HeldDelivery {
  id: string;
  agency: AgencyKind;
  heldFor: 'confirmation' | 'check';
  /** Its organisation's own minimum, when an admin set one (else its kind's configured one). */
  minimum?: VerificationLevel;
}

/** What a release does: which held deliveries become queued, and which stay held for a check. */
export interface ReleasePlan {
  release: HeldDelivery[];
  stillHeld: HeldDelivery[];
}

/** Splits held deliveries by whether the level the checks reach meets each agency's minimum. */
export function planRelease(
  held: readonly HeldDelivery[],
  checks: readonly VerificationCheck[],
  lifeEvent: LifeEventId,
  minimums: VerificationMinimums,
): ReleasePlan {
  const level = verificationLevel(checks);
  const meets = (d: HeldDelivery) => meetsLevel(level, minimumFor(minimums, d.agency, lifeEvent, d.minimum));
  return { release: held.filter(meets), stillHeld: held.filter((d) => !meets(d)) };
}

/**
 * Releases a submission's held deliveries in one statement, adding `check` to what was checked.
 * `from: 'confirmation'` is the reporter's code (spending `codeId`, confirming the submission and
 * queueing the resident's held receipt too); `from: 'check'` is a supervisor's check. Returns
 * false, writing nothing, when the submission was no longer in that state (released already).
 */
export async function releaseHeld(
  db: Kysely<Database>,
  input: {
    submissionId: string;
    from: 'confirmation' | 'check';
    codeId?: string;
    check: VerificationCheck;
    plan: ReleasePlan;
    heldMessageIds: string[];
    audit: AuditEvent;
  },
): Promise<boolean> {
  const { submissionId, plan } = input;
  const releaseIds = plan.release.map((d) => d.id);
  const stillIds = plan.stillHeld.map((d) => d.id);
  const targetIds = [...releaseIds, ...stillIds];
  const jobs: (OutboxJob & { ref: string })[] = [
    ...releaseIds.map((id) => ({ ...deliveryJob(id, 1), ref: id })),
    ...(input.from === 'confirmation'
      ? input.heldMessageIds.map((id) => ({ ...residentMessageJob(id), ref: id }))
      : []),
  ];
  const gate =
    input.from === 'confirmation'
      ? sql`update confirmation_codes set spent_at = now() where id = ${input.codeId ?? null} and submission_id = ${submissionId} and spent_at is null
            and attempts < ${codeMaxAttempts} and expires_at > now() returning submission_id`
      : sql`select ${submissionId}::uuid as submission_id`;
  const submissionUpdate =
    input.from === 'confirmation'
      ? sql`update submissions set confirmation = 'confirmed', confirmed_at = now(), verification_checks = verification_checks || ${JSON.stringify([input.check])}::jsonb
            from gate where submissions.id = gate.submission_id and submissions.confirmation = 'awaiting' and submissions.answers_erased_at is null
            returning submissions.id`
      : sql`update submissions set verification_checks = verification_checks || ${JSON.stringify([input.check])}::jsonb
            from gate where submissions.id = gate.submission_id and submissions.answers_erased_at is null
              and exists (select 1 from deliveries where submission_id = ${submissionId} and status = 'held' and held_for = 'check' and id = any(${targetIds}::uuid[]))
            returning submissions.id`;
  const result = await sql<{ released: boolean }>`
    with gate as (${gate}),
    s as (${submissionUpdate}),
    d as (
      update deliveries set
        status = case when deliveries.id = any(${releaseIds}::uuid[]) then 'queued' else 'held' end,
        held_for = case when deliveries.id = any(${releaseIds}::uuid[]) then null else 'check' end,
        status_changed_at = now()
      from s
      where deliveries.submission_id = s.id and deliveries.id = any(${targetIds}::uuid[])
        and deliveries.status = 'held' and deliveries.held_for = ${input.from}
      returning deliveries.id, deliveries.status
    ),
    events as (
      insert into delivery_events (delivery_id, status, at, detail)
      select d.id, d.status, now(), case when d.status = 'queued' then ${input.from === 'confirmation' ? 'Confirmed by the reporter' : 'Released after a staff check'} else 'Held for a staff check: below this agency''s minimum level' end
      from d
    ),
    m as (
      update resident_messages set status = 'queued', updated_at = now()
      from s where resident_messages.submission_id = s.id and resident_messages.status = 'held' and ${input.from === 'confirmation'}
      returning resident_messages.id
    ),
    o as (
      insert into outbox (task, payload, job_key)
      select j.task, j.payload, j.job_key
      from unnest(${jobs.map((j) => j.task)}::text[], ${jobs.map((j) => JSON.stringify(j.payload))}::jsonb[], ${jobs.map((j) => j.job_key)}::text[], ${jobs.map((j) => j.ref)}::uuid[]) as j(task, payload, job_key, ref)
      where j.ref in (select id from d where status = 'queued') or j.ref in (select id from m)
    ),
    a as (${auditInsert(input.audit, sql`from s`)})
    select exists (select 1 from s) as released
  `.execute(db);
  return result.rows[0]?.released ?? false;
}

/** A submission's held deliveries and held resident messages, as a release needs them. */
export async function findHeld(
  db: Kysely<Database>,
  submissionId: string,
): Promise<{ deliveries: HeldDelivery[]; messageIds: string[] }> {
  const [deliveries, messages] = await Promise.all([
    db
      .selectFrom('deliveries as d')
      .leftJoin('organisation_settings as os', 'os.organisation_id', 'd.organisation_id')
      .select(['d.id', 'd.agency', 'd.held_for', 'os.verification_minimum'])
      .where('d.submission_id', '=', submissionId)
      .where('d.status', '=', 'held')
      .execute(),
    db
      .selectFrom('resident_messages')
      .select('id')
      .where('submission_id', '=', submissionId)
      .where('status', '=', 'held')
      .execute(),
  ]);
  return {
    deliveries: deliveries.map((d) => ({
      id: d.id,
      agency: d.agency,
      heldFor: d.held_for ?? 'confirmation',
      ...(d.verification_minimum ? { minimum: d.verification_minimum } : {}),
    })),
    messageIds: messages.map((m) => m.id),
  };
}
