import type { AgencyKind } from '@tuo/shared';
import { staffCheckLevels, type StaffCheckKind } from '@tuo/shared/api/needs-checking';
import { verificationCheckSchema, type VerificationCheck } from '@tuo/shared/verification/verification';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { auditInsert, type Actor } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { addCaseNote } from '../staff/case-notes.js';
import { findHeld, planRelease, releaseHeld } from '../submissions/delivery-hold.js';
import type { VerificationMinimums } from '../verification/verification-minimums.js';

/** What a supervisor's check came to: which organisations' notifications left, and which still wait for more. */
export type ReleaseOutcome = { done: true; released: AgencyKind[]; stillHeld: AgencyKind[] } | { done: false };

/**
 * A supervisor records what they checked about a report: it joins the report's checks as a
 * `staff-check` at the level that kind of check reaches, every notification of the report held
 * for a check that now meets its organisation's minimum is released (its payload carries the new
 * level, worked out when it is sent), and their note is kept as a case note, all in one
 * transaction with the audit line. Nothing happens (`done: false`) when nothing is held for a check.
 */
export async function releaseAfterCheck(
  db: Kysely<Database>,
  minimums: VerificationMinimums,
  request: { submissionId: string; kind: StaffCheckKind; note: string; actor: Actor & { id: string } },
): Promise<ReleaseOutcome> {
  const { submissionId, kind, actor } = request;
  const level = staffCheckLevels[kind];
  const check: VerificationCheck = {
    kind: 'staff-check',
    by: `supervisor:${actor.id}`,
    at: new Date().toISOString(),
    level,
    detail: [kind],
  };
  return db.transaction().execute(async (trx) => {
    const submission = await trx
      .selectFrom('submissions')
      .select(['life_event', 'verification_checks'])
      .where('id', '=', submissionId)
      .forUpdate()
      .executeTakeFirst();
    if (!submission) return { done: false };
    const checks = [...z.array(verificationCheckSchema).parse(submission.verification_checks), check];
    const held = await findHeld(trx, submissionId);
    const plan = planRelease(
      held.deliveries.filter((d) => d.heldFor === 'check'),
      checks,
      submission.life_event,
      minimums,
    );
    if (plan.release.length + plan.stillHeld.length === 0) return { done: false };
    const outcome = {
      released: plan.release.map((d) => d.agency),
      stillHeld: plan.stillHeld.map((d) => d.agency),
    };
    const released = await releaseHeld(trx, {
      submissionId,
      from: 'check',
      check,
      plan,
      heldMessageIds: [],
      audit: { actor, action: 'submission.check-released', submissionId, detail: { kind, level, ...outcome } },
    });
    if (!released) return { done: false };
    await addCaseNote(trx, submissionId, actor, request.note);
    return { done: true, ...outcome };
  });
}

/**
 * A supervisor decides a held notification must not be sent: it is cancelled with their reason
 * (kept for staff; the resident's tracking page says plainly that it was not sent), in one
 * statement with its status event and audit line. False when it was no longer held for a check.
 */
export async function rejectAfterCheck(
  db: Kysely<Database>,
  request: { deliveryId: string; submissionId: string; reason: string; actor: Actor },
): Promise<boolean> {
  const result = await sql<{ rejected: boolean }>`
    with d as (
      update deliveries set status = 'cancelled', held_for = null, status_changed_at = now(),
        check_rejected_at = now(), check_rejection_reason = ${request.reason}
      where id = ${request.deliveryId} and submission_id = ${request.submissionId}
        and status = 'held' and held_for = 'check'
      returning id, agency
    ),
    e as (
      insert into delivery_events (delivery_id, status, at, detail)
      select id, 'cancelled', now(), 'Not sent: rejected after a staff check' from d
    ),
    a as (${auditInsert(
      {
        actor: request.actor,
        action: 'submission.check-rejected',
        submissionId: request.submissionId,
        detail: { delivery: request.deliveryId },
      },
      sql`from d`,
    )})
    select exists (select 1 from d) as rejected
  `.execute(db);
  return result.rows[0]?.rejected ?? false;
}
