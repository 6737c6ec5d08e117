import { submissionEnvelopeV1Schema } from '@tuo/shared';
import { verificationCheckSchema, type VerificationCheck } from '@tuo/shared/verification/verification';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { residentMessageJob } from '../jobs/job-names.js';
import type { ProtectedValues } from '../privacy/protected-values.js';
import type { VerificationMinimums } from '../verification/verification-minimums.js';
import { codeInsert, codeMaxAttempts, codeRecipient, type ConfirmationCodes } from './confirmation-codes.js';
import { findHeld, planRelease, releaseHeld } from './delivery-hold.js';

/** What became of a code the reporter entered. */
export type ConfirmOutcome =
  | { outcome: 'confirmed' }
  | { outcome: 'already-confirmed' }
  | { outcome: 'wrong'; triesLeft: number }
  /** Out of tries, expired, or never sent: a new code is needed. */
  | { outcome: 'new-code-needed' }
  /** Not waiting for a code (expired unconfirmed, or one that never needed one). */
  | { outcome: 'not-awaiting' };

const checksSchema = z.array(verificationCheckSchema);

/**
 * Checks the code entered for a submission. Right (and in time, within its tries): the contact is
 * recorded as confirmed and the held deliveries are released in one statement (see delivery-hold.ts).
 * Wrong: a try is used, counted in the database so parallel guesses all count.
 */
export async function confirmSubmission(
  db: Kysely<Database>,
  submissionId: string,
  presented: string,
  deps: { codes: ConfirmationCodes; minimums: VerificationMinimums; actor: Actor },
): Promise<ConfirmOutcome> {
  const submission = await db
    .selectFrom('submissions')
    .select(['confirmation', 'life_event', 'verification_checks'])
    .where('id', '=', submissionId)
    .executeTakeFirstOrThrow();
  if (submission.confirmation === 'confirmed') return { outcome: 'already-confirmed' };
  if (submission.confirmation !== 'awaiting') return { outcome: 'not-awaiting' };
  const code = await db
    .selectFrom('confirmation_codes')
    .select(['id', 'channel', 'code_hash', 'attempts', 'expires_at'])
    .where('submission_id', '=', submissionId)
    .where('spent_at', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!code || code.attempts >= codeMaxAttempts || code.expires_at.getTime() <= Date.now())
    return { outcome: 'new-code-needed' };
  if (!deps.codes.matches(code.id, presented, code.code_hash)) {
    const used = await db
      .updateTable('confirmation_codes')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('id', '=', code.id)
      .where('attempts', '<', codeMaxAttempts)
      .returning('attempts')
      .executeTakeFirst();
    const triesLeft = used ? codeMaxAttempts - used.attempts : 0;
    return triesLeft > 0 ? { outcome: 'wrong', triesLeft } : { outcome: 'new-code-needed' };
  }
  const check: VerificationCheck = {
    kind: 'contact-confirmed',
    by: code.channel === 'sms' ? 'sms' : 'email',
    at: new Date().toISOString(),
  };
  const checks = [...checksSchema.parse(submission.verification_checks), check];
  const held = await findHeld(db, submissionId);
  const plan = planRelease(
    held.deliveries.filter((d) => d.heldFor === 'confirmation'),
    checks,
    submission.life_event,
    deps.minimums,
  );
  const released = await releaseHeld(db, {
    submissionId,
    from: 'confirmation',
    codeId: code.id,
    check,
    plan,
    heldMessageIds: held.messageIds,
    audit: {
      actor: deps.actor,
      action: 'submission.confirmed',
      submissionId,
      detail: {
        by: check.by,
        released: plan.release.map((d) => d.agency),
        heldForCheck: plan.stillHeld.map((d) => d.agency),
      },
    },
  });
  return released ? { outcome: 'confirmed' } : { outcome: 'new-code-needed' };
}

/** Where a new code went, and (on a trial install only) the code itself. */
export interface NewCodeSent {
  sentTo: 'email' | 'sms' | null;
  trialCode?: string;
}

/**
 * Sends a new code for a submission still awaiting one (older codes stop working), within the
 * same caps as the first. With neither email nor mobile there is nowhere to send one.
 */
export async function sendNewCode(
  db: Kysely<Database>,
  submissionId: string,
  deps: { codes: ConfirmationCodes; privacy: ProtectedValues; address: string; showCodeOnPage: boolean; actor: Actor },
): Promise<NewCodeSent | undefined> {
  const submission = await db
    .selectFrom('submissions')
    .select(['reference', 'envelope', 'confirmation'])
    .where('id', '=', submissionId)
    .executeTakeFirstOrThrow();
  if (submission.confirmation !== 'awaiting') return undefined;
  const envelope = submissionEnvelopeV1Schema.parse(deps.privacy.openEnvelope(submission.envelope));
  const recipient = codeRecipient(envelope.answers);
  if (!recipient) return { sentTo: null };
  const now = new Date();
  await deps.codes.assertWithinCaps(db, recipient, deps.address, now);
  const code = deps.codes.create(recipient, deps.address, now);
  const messageId = crypto.randomUUID();
  const job = residentMessageJob(messageId);
  await sql`
    with s as (select id from submissions where id = ${submissionId} and confirmation = 'awaiting'),
    old as (update confirmation_codes set spent_at = ${now} from s where confirmation_codes.submission_id = s.id and spent_at is null),
    c as (${codeInsert(code, submissionId, sql`from s`)}),
    m as (
      insert into resident_messages (id, submission_id, kind, channel, status, personalisation, created_at, updated_at)
      select ${messageId}, s.id, 'confirmation-code', ${code.channel}, 'queued', ${JSON.stringify({ reference: submission.reference, code: code.code })}::jsonb, ${now}, ${now} from s
    ),
    o as (insert into outbox (task, payload, job_key) select ${job.task}, ${JSON.stringify(job.payload)}::jsonb, ${job.job_key} from s),
    a as (
      insert into audit_events (actor_type, actor_id, address, action, submission_id, detail)
      select ${deps.actor.type}, ${deps.actor.id ?? null}, ${deps.actor.address ?? null}, 'submission.confirmation-code-sent', s.id, ${JSON.stringify({ channel: code.channel })}::jsonb from s
    )
    select 1
  `.execute(db);
  return { sentTo: code.channel, ...(deps.showCodeOnPage ? { trialCode: code.code } : {}) };
}
