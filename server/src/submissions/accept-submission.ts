import { createHash, randomUUID } from 'node:crypto';
import {
  chosenOrganisations,
  createSubmissionEnvelopeV1,
  generateReference,
  getJourney,
  type AgencyKind,
} from '@tuo/shared';
import type { CreateSubmissionRequest, CreateSubmissionResponse } from '@tuo/shared/api/submissions';
import type { StartAssistedRequest } from '@tuo/shared/api/staff-session';
import { sql, type Kysely } from 'kysely';
import { auditInsert, type Actor, type AuditEvent } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { ConflictError, ValidationError } from '../errors.js';
import { deliveryJob, residentMessageJob } from '../jobs/job-names.js';
import type { ProtectedValues } from '../privacy/protected-values.js';
import { idempotencyLookupKey, openResponse, sealResponse } from './idempotency-record.js';
import { organisationsForConsent } from '../organisations/organisations-for-consent.js';
import { searchIndexInsert } from '../staff/submission-search.js';
import { hashTrackingSecret, newTrackingSecret } from './tracking-secret.js';
import type { VerificationCheck } from '@tuo/shared/verification/verification';
import { evidenceChecks } from '@tuo/shared/verification/evidence';
import { codeInsert, codeRecipient, type ConfirmationCodes, type NewCode } from './confirmation-codes.js';
import { holdsForConfirmation, initialDelivery } from './delivery-hold.js';
import { initialChecks } from '../verification/initial-checks.js';
import { minimumFor, type VerificationMinimums } from '../verification/verification-minimums.js';

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

/** A resident's contact details in the answers, if they gave any. */
function contactChannels(answers: Record<string, unknown>): ('email' | 'sms')[] {
  const channels: ('email' | 'sms')[] = [];
  if (typeof answers.email === 'string') channels.push('email');
  if (typeof answers.phone === 'string') channels.push('sms');
  return channels;
}

const UNIQUE_VIOLATION = '23505';
const isUniqueViolation = (error: unknown, constraint: string) =>
  (error as { code?: string; constraint?: string }).code === UNIQUE_VIOLATION &&
  (error as { constraint?: string }).constraint === constraint;

const SCOPE = 'submissions';

/** The version of a purpose text the resident was shown: a content hash, the same for the same words. */
const purposeVersion = (text: string) =>
  `sha256:${createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16)}`;

async function replay(db: Kysely<Database>, claim: IdempotencyClaim): Promise<CreateSubmissionResponse> {
  const stored = await db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'response'])
    .where('key', '=', idempotencyLookupKey(SCOPE, claim.key))
    .executeTakeFirstOrThrow();
  if (stored.request_hash !== claim.requestHash || stored.response === null) {
    throw new ConflictError(
      'idempotency_key_reused',
      'This Idempotency-Key was already used with a different request. Use a new key for a new submission.',
      422,
    );
  }
  return openResponse(SCOPE, claim.key, stored.response) as CreateSubmissionResponse;
}

/**
 * Writes everything in ONE statement (data-modifying CTEs), which Postgres runs atomically: one
 * round trip instead of seven on the hot path. With an idempotency claim, the key row goes first
 * and every other insert happens only if the key was free; a concurrent request holding the same
 * key makes this statement wait until that one commits, then insert nothing.
 * Returns undefined when the key was already taken.
 */
async function insertAll(
  db: Kysely<Database>,
  privacy: ProtectedValues,
  request: CreateSubmissionRequest,
  actor: Actor,
  claim: IdempotencyClaim | undefined,
  assisted: AssistedSubmission | undefined,
  trust: TrustOptions,
  extraChecks: VerificationCheck[],
): Promise<CreateSubmissionResponse | undefined> {
  const submittedAt = new Date();
  const reference = generateReference();
  const trackingSecret = newTrackingSecret();
  // An adviser's assisted submission records that they made the choices, for the resident, with their agreement.
  const consentGivenBy =
    assisted && actor.type === 'staff' && actor.id
      ? {
          by: 'adviser' as const,
          onBehalfOf: 'resident' as const,
          staffId: actor.id,
          mode: assisted.mode,
          residentAgreed: assisted.consentConfirmed,
        }
      : { by: 'resident' as const };
  // The organisations picked in the answers (their GP practice, their landlord), unless the request names its own.
  const picked = Object.entries(chosenOrganisations(getJourney(request.lifeEvent), request.answers)).filter(([kind]) =>
    request.consent.includes(kind as AgencyKind),
  );
  const told = await organisationsForConsent(db, getJourney(request.lifeEvent), request.consent, {
    chosen: { ...Object.fromEntries(picked), ...request.organisations },
    ...(request.organisationsLeft ? { left: request.organisationsLeft } : {}),
  });
  const envelope = createSubmissionEnvelopeV1(request, {
    reference,
    submittedAt,
    consentGivenBy,
    purposeVersion,
    told,
  });
  // Protected identifiers never reach the database in clear: sealed in the envelope, hashed for search.
  const stored = privacy.sealEnvelope(envelope);
  // One delivery per organisation told: two of a kind when a move spans two councils.
  const agencies: AgencyKind[] = [...new Set(told.map((t) => t.agency))];
  const submissionId = randomUUID();
  const deliveryIds = told.map(() => randomUUID());
  const organisationIds = told.map((t) => t.organisation.id);
  const roles = told.map((t) => t.role ?? null);
  // Confirmed before sent (see delivery-hold.ts): an online report's deliveries and receipts are
  // written held, with no queue jobs, and only a code goes out until the reporter enters it.
  const awaitingCode = holdsForConfirmation(actor);
  const checks = [
    ...initialChecks(submittedAt, assisted && actor.id ? { staffId: actor.id, request: assisted } : undefined),
    ...extraChecks,
    // Evidence the answers give (a registrar's reference, a registration), by the rule in shared/.
    ...evidenceChecks(getJourney(envelope.lifeEvent), envelope.answers, submittedAt),
  ];
  const states = told.map(({ agency }) =>
    initialDelivery(awaitingCode, checks, minimumFor(trust.minimums, agency, envelope.lifeEvent)),
  );
  const recipient = awaitingCode ? codeRecipient(envelope.answers) : undefined;
  const code: NewCode | undefined = recipient ? trust.codes.create(recipient, trust.address, submittedAt) : undefined;
  const receipts = contactChannels(envelope.answers).map((channel) => ({
    id: randomUUID(),
    channel,
    kind: 'confirmation',
    status: awaitingCode ? 'held' : 'queued',
    personalisation: { reference, trackingSecret },
  }));
  const codeMessages = code
    ? [
        {
          id: randomUUID(),
          channel: code.channel,
          kind: 'confirmation-code',
          status: 'queued',
          personalisation: { reference, code: code.code },
        },
      ]
    : [];
  const messages = [...receipts, ...codeMessages];
  const jobs = [
    ...deliveryIds.filter((_, i) => states[i]?.status === 'queued').map((id) => deliveryJob(id, 1)),
    ...messages.filter((m) => m.status === 'queued').map((m) => residentMessageJob(m.id)),
  ];
  const response: CreateSubmissionResponse = {
    reference,
    trackingSecret,
    agencies,
    confirmation: awaitingCode
      ? {
          status: 'awaiting',
          codeSentTo: code?.channel ?? null,
          ...(code && trust.showCodeOnPage ? { trialCode: code.code } : {}),
        }
      : { status: 'not-needed', codeSentTo: null },
  };
  // An assisted submission's audit line also holds what the adviser recorded (codes only).
  const assistedDetail: AuditEvent['detail'] = assisted
    ? {
        mode: assisted.mode,
        identityChecks: assisted.identityChecks,
        consentConfirmed: assisted.consentConfirmed,
        ...(assisted.declaration ? { declaration: assisted.declaration } : {}),
      }
    : {};
  const audit: AuditEvent = {
    actor,
    action: 'submission.created',
    submissionId,
    detail: {
      lifeEvent: envelope.lifeEvent,
      channel: envelope.channel,
      agencies,
      awaitingConfirmation: awaitingCode,
      ...assistedDetail,
    },
  };

  const claimCte = claim
    ? sql`insert into idempotency_keys (key, request_hash, response)
          values (${idempotencyLookupKey(SCOPE, claim.key)}, ${claim.requestHash}, ${sealResponse(SCOPE, claim.key, response)})
          on conflict (key) do nothing returning key`
    : sql`select 'no-key' as key`;
  const result = await sql<{ created: boolean }>`
    with claim as (${claimCte}),
    s as (
      insert into submissions (id, reference, life_event, channel, language, schema_version, envelope, tracking_secret_hash, submitted_at, protected_key_id, confirmation, verification_checks)
      select ${submissionId}, ${reference}, ${envelope.lifeEvent}, ${envelope.channel}, ${envelope.language ?? 'en'}, ${envelope.schemaVersion},
             ${JSON.stringify(stored)}::jsonb, ${hashTrackingSecret(trackingSecret)}, ${submittedAt}, ${privacy.keyring.currentKeyId},
             ${awaitingCode ? 'awaiting' : 'not-needed'}, ${JSON.stringify(checks)}::jsonb
      where exists (select 1 from claim)
      returning id
    ),
    d as (
      -- The transport is set by the worker that delivers, from its own configuration.
      insert into deliveries (id, submission_id, agency, organisation_id, role, status, held_for, status_changed_at, created_at)
      select d.id, s.id, d.agency, d.organisation_id, d.role, d.status, d.held_for, ${submittedAt}, ${submittedAt}
      from s, unnest(${deliveryIds}::uuid[], ${told.map((t) => t.agency)}::text[], ${organisationIds}::uuid[], ${roles}::text[], ${states.map((st) => st.status)}::text[], ${states.map((st) => st.heldFor)}::text[]) as d(id, agency, organisation_id, role, status, held_for)
    ),
    m as (
      insert into resident_messages (id, submission_id, kind, channel, status, personalisation, created_at, updated_at)
      select m.id, s.id, m.kind, m.channel, m.status, m.personalisation, ${submittedAt}, ${submittedAt}
      from s, unnest(${messages.map((m) => m.id)}::uuid[], ${messages.map((m) => m.kind)}::text[], ${messages.map((m) => m.channel)}::text[], ${messages.map((m) => m.status)}::text[], ${messages.map((m) => JSON.stringify(m.personalisation))}::jsonb[]) as m(id, kind, channel, status, personalisation)
    ),
    c as (${code ? codeInsert(code, submissionId, sql`from s`) : sql`select 1 where false`}),
    o as (
      insert into outbox (task, payload, job_key)
      select j.task, j.payload, j.job_key
      from s, unnest(${jobs.map((j) => j.task)}::text[], ${jobs.map((j) => JSON.stringify(j.payload))}::jsonb[], ${jobs.map((j) => j.job_key)}::text[]) as j(task, payload, job_key)
    ),
    a as (${auditInsert(audit, sql`from s`)}),
    search as (${searchIndexInsert(envelope, privacy.searchHashes(envelope.lifeEvent, envelope.answers), sql`from s`)})
    select exists (select 1 from s) as created
  `.execute(db);
  return result.rows[0]?.created ? response : undefined;
}

/**
 * Accepts a validated submission in one transaction: the submission, one delivery per organisation
 * the resident agreed to tell (the old and the new council after a move between them), their queue jobs (in the outbox) and an audit event. If anything fails,
 * nothing is written and nothing is sent. With an Idempotency-Key, a repeat of the same request
 * returns the first response and writes nothing; concurrent repeats wait for the first to finish.
 */
export async function acceptSubmission(
  db: Kysely<Database>,
  request: CreateSubmissionRequest,
  options: {
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
    try {
      const created = await insertAll(
        db,
        options.privacy,
        request,
        options.actor,
        claim,
        options.assisted,
        options.trust,
        options.checks ?? [],
      );
      if (created) return { response: created, replayed: false };
      if (!claim) throw new Error('unreachable: nothing written without an idempotency claim');
      return { response: await replay(db, claim), replayed: true };
    } catch (error) {
      // A reference collision is astronomically rare but possible: draw another.
      if (attempt < 3 && isUniqueViolation(error, 'submissions_reference_key')) continue;
      throw error;
    }
  }
}
