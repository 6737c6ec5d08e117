import { randomUUID } from 'node:crypto';
import {
  createSubmissionEnvelopeV1,
  generateReference,
  type AgencyId,
} from '@tuo/shared';
import type { CreateSubmissionRequest, CreateSubmissionResponse } from '@tuo/shared/api/submissions';
import type { Kysely, Transaction } from 'kysely';
import { recordAudit, type Actor } from '../audit/audit-log.js';
import type { AdapterRegistry } from '../adapters/adapter-registry.js';
import type { Database } from '../db/database.js';
import { ConflictError } from '../errors.js';
import { deliveryJob, residentMessageJob } from '../jobs/job-names.js';
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
  (error as { code?: string; constraint?: string }).code === UNIQUE_VIOLATION && (error as { constraint?: string }).constraint === constraint;

async function replay(db: Kysely<Database>, claim: IdempotencyClaim): Promise<CreateSubmissionResponse> {
  const stored = await db.selectFrom('idempotency_keys').select(['request_hash', 'response']).where('key', '=', claim.key).executeTakeFirstOrThrow();
  if (stored.request_hash !== claim.requestHash) {
    throw new ConflictError('idempotency_key_reused', 'This Idempotency-Key was already used with a different request. Use a new key for a new submission.', 422);
  }
  return stored.response as CreateSubmissionResponse;
}

async function insertAll(
  trx: Transaction<Database>,
  request: CreateSubmissionRequest,
  adapters: AdapterRegistry,
  actor: Actor,
  claim: IdempotencyClaim | undefined,
): Promise<CreateSubmissionResponse> {
  const submittedAt = new Date();
  const reference = generateReference();
  const trackingSecret = newTrackingSecret();
  const envelope = createSubmissionEnvelopeV1(request, { reference, submittedAt });
  const agencies = envelope.consent.filter((c) => c.given).map((c) => c.agency);
  const submissionId = randomUUID();
  const deliveries = agencies.map((agency: AgencyId) => ({ id: randomUUID(), agency }));

  await trx
    .insertInto('submissions')
    .values({
      id: submissionId,
      reference,
      life_event: envelope.lifeEvent,
      channel: envelope.channel,
      language: envelope.language ?? 'en',
      schema_version: envelope.schemaVersion,
      envelope: JSON.stringify(envelope),
      tracking_secret_hash: hashTrackingSecret(trackingSecret),
      submitted_at: submittedAt,
    })
    .execute();
  await trx
    .insertInto('deliveries')
    .values(
      deliveries.map((d) => ({
        id: d.id,
        submission_id: submissionId,
        agency: d.agency,
        transport: adapters[d.agency].transport,
        status: 'queued',
        status_changed_at: submittedAt,
        created_at: submittedAt,
        next_attempt_at: null,
        last_error: null,
        payload: null,
      })),
    )
    .execute();
  const messages = contactChannels(envelope.answers).map((channel) => ({ id: randomUUID(), channel }));
  if (messages.length > 0) {
    await trx
      .insertInto('resident_messages')
      .values(
        messages.map((m) => ({
          id: m.id,
          submission_id: submissionId,
          kind: 'confirmation',
          channel: m.channel,
          status: 'queued',
          personalisation: JSON.stringify({ reference, trackingSecret }),
          provider_id: null,
          error: null,
          created_at: submittedAt,
          updated_at: submittedAt,
        })),
      )
      .execute();
  }
  await trx
    .insertInto('outbox')
    .values([...deliveries.map((d) => deliveryJob(d.id, 1)), ...messages.map((m) => residentMessageJob(m.id))].map((job) => ({ ...job, payload: JSON.stringify(job.payload) })))
    .execute();
  await recordAudit(trx, { actor, action: 'submission.created', submissionId, detail: { lifeEvent: envelope.lifeEvent, channel: envelope.channel, agencies } });

  const response: CreateSubmissionResponse = { reference, trackingSecret, agencies };
  if (claim) await trx.updateTable('idempotency_keys').set({ response: JSON.stringify(response) }).where('key', '=', claim.key).execute();
  return response;
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
  options: { adapters: AdapterRegistry; actor: Actor; idempotency?: IdempotencyClaim },
): Promise<{ response: CreateSubmissionResponse; replayed: boolean }> {
  const claim = options.idempotency;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const result = await db.transaction().execute(async (trx) => {
        if (claim) {
          // Taking the key first makes a concurrent request with the same key wait here for us.
          const taken = await trx
            .insertInto('idempotency_keys')
            .values({ key: claim.key, request_hash: claim.requestHash, response: null })
            .onConflict((oc) => oc.column('key').doNothing())
            .returning('key')
            .executeTakeFirst();
          if (!taken) return undefined;
        }
        return insertAll(trx, request, options.adapters, options.actor, claim);
      });
      if (result) return { response: result, replayed: false };
      if (!claim) throw new Error('unreachable: no idempotency claim');
      return { response: await replay(db, claim), replayed: true };
    } catch (error) {
      // A reference collision is astronomically rare but possible: draw another.
      if (attempt < 3 && isUniqueViolation(error, 'submissions_reference_key')) continue;
      throw error;
    }
  }
}
