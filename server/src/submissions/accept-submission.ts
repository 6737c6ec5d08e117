import type { CreateSubmissionRequest, CreateSubmissionResponse } from '@tuo/shared/api/submissions';
import type { StartAssistedRequest } from '@tuo/shared/api/staff-session';
import type { VerificationCheck } from '@tuo/shared/verification/verification';
import type { Kysely } from 'kysely';
import type { Actor } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { ConflictError, ValidationError } from '../errors.js';
import type { ProtectedValues } from '../privacy/protected-values.js';
import { codeRecipient, type ConfirmationCodes } from './confirmation-codes.js';
import { holdsForConfirmation } from './delivery-hold.js';
import { idempotencyLookupKey, openResponse } from './idempotency-record.js';
import type { SubmissionWriter } from './submission-batcher.js';
import { SUBMISSIONS_SCOPE, submissionRows } from './submission-rows.js';
import type { VerificationMinimums } from '../verification/verification-minimums.js';

/**
 * What an adviser recorded for an assisted submission; from the journey pages also how the
 * declaration was made: the resident agreed to it aloud, as the adviser read it to them.
 */
export type AssistedSubmission = StartAssistedRequest & { declaration?: 'heard-from-resident' };

/** What accepting needs to hold an online report for its code, and to hold what is below an agency's minimum. */
export interface TrustOptions {
  codes: ConfirmationCodes;
  minimums: VerificationMinimums;
  /** A trial install with no Notify key: the code is given back to be shown (see config.ts). */
  showCodeOnPage: boolean;
  /** The client address, for capping codes per address. */
  address: string;
}

/** The Idempotency-Key a client sent, and a hash of its request. */
export interface IdempotencyClaim {
  key: string;
  requestHash: string;
}

const UNIQUE_VIOLATION = '23505';
const isUniqueViolation = (error: unknown, constraint: string) =>
  (error as { code?: string; constraint?: string }).code === UNIQUE_VIOLATION &&
  (error as { constraint?: string }).constraint === constraint;

async function replay(db: Kysely<Database>, claim: IdempotencyClaim): Promise<CreateSubmissionResponse> {
  const stored = await db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'response'])
    .where('key', '=', idempotencyLookupKey(SUBMISSIONS_SCOPE, claim.key))
    .executeTakeFirstOrThrow();
  if (stored.request_hash !== claim.requestHash || stored.response === null) {
    throw new ConflictError(
      'idempotency_key_reused',
      'This Idempotency-Key was already used with a different request. Use a new key for a new submission.',
      422,
    );
  }
  return openResponse(SUBMISSIONS_SCOPE, claim.key, stored.response) as CreateSubmissionResponse;
}

/**
 * Accepts a validated submission in one transaction: the submission, one delivery per organisation
 * the resident agreed to tell (the old and the new council after a move between them), their queue jobs (in the outbox), an audit event and its search row
 * (see submission-rows.ts), committed with whatever other submissions arrive at the same moment.
 * If anything fails, nothing of it is written and nothing is sent. With an Idempotency-Key, a repeat of the same request
 * returns the first response and writes nothing; concurrent repeats wait for the first to finish.
 * `request` must be the output of `createSubmissionRequestSchema`: its answers are not checked again.
 */
export async function acceptSubmission(
  db: Kysely<Database>,
  request: CreateSubmissionRequest,
  options: {
    /** Where the rows go: this process's batcher. */
    writer: SubmissionWriter;
    actor: Actor;
    privacy: ProtectedValues;
    trust: TrustOptions;
    idempotency?: IdempotencyClaim;
    assisted?: AssistedSubmission;
    /** Checks vouched for by whoever submits (a trusted submitter's key). */
    checks?: VerificationCheck[];
  },
): Promise<{ response: CreateSubmissionResponse; replayed: boolean }> {
  // Only an adviser acting for a resident (through the staff console) makes an assisted submission.
  if (request.channel === 'assisted' && !options.assisted) {
    throw new ValidationError('Only customer-centre staff can make an assisted submission.', [
      { path: 'channel', message: "Leave out channel, or send 'online'" },
    ]);
  }
  const claim = options.idempotency;
  // Codes are capped per recipient and per client address, before anything is written.
  const recipient = holdsForConfirmation(options.actor) ? codeRecipient(request.answers) : undefined;
  if (recipient) await options.trust.codes.assertWithinCaps(db, recipient, options.trust.address, new Date());
  for (let attempt = 1; ; attempt += 1) {
    const rows = await submissionRows(db, request, {
      actor: options.actor,
      privacy: options.privacy,
      trust: options.trust,
      claim,
      assisted: options.assisted,
      extraChecks: options.checks ?? [],
    });
    try {
      // Committed together with other requests' submissions (submission-batcher.ts), answered after the commit.
      if (await options.writer.write(rows)) return { response: rows.response, replayed: false };
      if (!claim) throw new Error('unreachable: nothing written without an idempotency claim');
      return { response: await replay(db, claim), replayed: true };
    } catch (error) {
      // A reference collision is astronomically rare but possible: draw another.
      if (attempt < 3 && isUniqueViolation(error, 'submissions_reference_key')) continue;
      throw error;
    }
  }
}
