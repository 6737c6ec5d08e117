import { createHash, randomUUID } from 'node:crypto';
import { createSubmissionEnvelopeV1, generateReference, type AgencyKind } from '@tuo/shared';
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
  assisted: StartAssistedRequest | undefined,
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
  const organisations = await organisationsForConsent(db, request.consent, request.organisations);
  const envelope = createSubmissionEnvelopeV1(request, {
    reference,
    submittedAt,
    consentGivenBy,
    purposeVersion,
    organisations,
  });
  // Protected identifiers never reach the database in clear: sealed in the envelope, hashed for search.
  const stored = privacy.sealEnvelope(envelope);
  const agencies: AgencyKind[] = envelope.consent.filter((c) => c.given).map((c) => c.agency);
  const submissionId = randomUUID();
  const deliveryIds = agencies.map(() => randomUUID());
  const organisationIds = agencies.map((agency) => organisations[agency]?.id ?? '');
  const messages = contactChannels(envelope.answers).map((channel) => ({ id: randomUUID(), channel }));
  const jobs = [...deliveryIds.map((id) => deliveryJob(id, 1)), ...messages.map((m) => residentMessageJob(m.id))];
  const response: CreateSubmissionResponse = { reference, trackingSecret, agencies };
  // An assisted submission's audit line also holds what the adviser recorded (codes only).
  const assistedDetail: AuditEvent['detail'] = assisted
    ? { mode: assisted.mode, identityChecks: assisted.identityChecks, consentConfirmed: assisted.consentConfirmed }
    : {};
  const audit: AuditEvent = {
    actor,
    action: 'submission.created',
    submissionId,
    detail: { lifeEvent: envelope.lifeEvent, channel: envelope.channel, agencies, ...assistedDetail },
  };

  const claimCte = claim
    ? sql`insert into idempotency_keys (key, request_hash, response)
          values (${idempotencyLookupKey(SCOPE, claim.key)}, ${claim.requestHash}, ${sealResponse(SCOPE, claim.key, response)})
          on conflict (key) do nothing returning key`
    : sql`select 'no-key' as key`;
  const result = await sql<{ created: boolean }>`
    with claim as (${claimCte}),
    s as (
      insert into submissions (id, reference, life_event, channel, language, schema_version, envelope, tracking_secret_hash, submitted_at, protected_key_id)
      select ${submissionId}, ${reference}, ${envelope.lifeEvent}, ${envelope.channel}, ${envelope.language ?? 'en'}, ${envelope.schemaVersion},
             ${JSON.stringify(stored)}::jsonb, ${hashTrackingSecret(trackingSecret)}, ${submittedAt}, ${privacy.keyring.currentKeyId}
      where exists (select 1 from claim)
      returning id
    ),
    d as (
      -- The transport is set by the worker that delivers, from its own configuration.
      insert into deliveries (id, submission_id, agency, organisation_id, status, status_changed_at, created_at)
      select d.id, s.id, d.agency, d.organisation_id, 'queued', ${submittedAt}, ${submittedAt}
      from s, unnest(${deliveryIds}::uuid[], ${agencies}::text[], ${organisationIds}::uuid[]) as d(id, agency, organisation_id)
    ),
    m as (
      insert into resident_messages (id, submission_id, kind, channel, status, personalisation, created_at, updated_at)
      select m.id, s.id, 'confirmation', m.channel, 'queued', ${JSON.stringify({ reference, trackingSecret })}::jsonb, ${submittedAt}, ${submittedAt}
      from s, unnest(${messages.map((m) => m.id)}::uuid[], ${messages.map((m) => m.channel)}::text[]) as m(id, channel)
    ),
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
 * Accepts a validated submission in one transaction: the submission, one delivery per agency the
 * resident agreed to tell, their queue jobs (in the outbox) and an audit event. If anything fails,
 * nothing is written and nothing is sent. With an Idempotency-Key, a repeat of the same request
 * returns the first response and writes nothing; concurrent repeats wait for the first to finish.
 */
export async function acceptSubmission(
  db: Kysely<Database>,
  request: CreateSubmissionRequest,
  options: { actor: Actor; privacy: ProtectedValues; idempotency?: IdempotencyClaim; assisted?: StartAssistedRequest },
): Promise<{ response: CreateSubmissionResponse; replayed: boolean }> {
  // Only an adviser acting for a resident (through the staff console) makes an assisted submission.
  if (request.channel === 'assisted' && !options.assisted) {
    throw new ValidationError('Only customer-centre staff can make an assisted submission.', [
      { path: 'channel', message: "Leave out channel, or send 'online'" },
    ]);
  }
  const claim = options.idempotency;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const created = await insertAll(db, options.privacy, request, options.actor, claim, options.assisted);
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
