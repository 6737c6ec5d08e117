import { createHash, randomUUID } from 'node:crypto';
import {
  chosenOrganisations,
  createSubmissionEnvelopeV1,
  generateReference,
  getJourney,
  type AgencyKind,
} from '@tuo/shared';
import type { CreateSubmissionRequest, CreateSubmissionResponse } from '@tuo/shared/api/submissions';
import type { VerificationCheck } from '@tuo/shared/verification/verification';
import { evidenceChecks } from '@tuo/shared/verification/evidence';
import type { Kysely } from 'kysely';
import type { Actor, AuditEvent } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { residentMessageJob } from '../jobs/job-names.js';
import { organisationsForConsent } from '../organisations/organisations-for-consent.js';
import type { ProtectedValues } from '../privacy/protected-values.js';
import { normaliseCode, searchIndexValues } from '../staff/submission-search.js';
import { initialChecks } from '../verification/initial-checks.js';
import { minimumFor } from '../verification/verification-minimums.js';
import type { AssistedSubmission, IdempotencyClaim, TrustOptions } from './accept-submission.js';
import { codeRecipient, type NewCode } from './confirmation-codes.js';
import { holdsForConfirmation, initialDelivery } from './delivery-hold.js';
import { idempotencyLookupKey, sealResponse } from './idempotency-record.js';
import { hashTrackingSecret, newTrackingSecret } from './tracking-secret.js';

/** The scope of the idempotency records of submissions (see idempotency-record.ts). */
export const SUBMISSIONS_SCOPE = 'submissions';

/**
 * Every row one accepted submission writes, ready for a multi-row statement (write-submissions.ts),
 * and the answer its request gets once they are committed.
 */
export interface SubmissionRows {
  response: CreateSubmissionResponse;
  /** The idempotency record, written first: the other rows are written only if its key was free. */
  claim?: { key: string; requestHash: string; response: string };
  submission: {
    id: string;
    reference: string;
    life_event: string;
    channel: string;
    language: string;
    schema_version: number;
    envelope: unknown;
    tracking_secret_hash: string;
    submitted_at: string;
    protected_key_id: string;
    confirmation: string;
    verification_checks: unknown;
  };
  deliveries: {
    id: string;
    agency: string;
    organisation_id: string;
    role: string | null;
    status: string;
    held_for: string | null;
  }[];
  messages: { id: string; kind: string; channel: string; status: string; personalisation: unknown }[];
  code?: NewCode;
  jobs: { task: string; payload: unknown; job_key: string | null }[];
  audit: AuditEvent;
  search: { reference: string; names: string; postcodes: string; identifier_hashes: string[] };
}

/** A resident's contact details in the answers, if they gave any. */
function contactChannels(answers: Record<string, unknown>): ('email' | 'sms')[] {
  const channels: ('email' | 'sms')[] = [];
  if (typeof answers.email === 'string') channels.push('email');
  if (typeof answers.phone === 'string') channels.push('sms');
  return channels;
}

/** The version of a purpose text the resident was shown: a content hash, the same for the same words. */
const purposeVersion = (text: string) =>
  `sha256:${createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16)}`;

/**
 * Works out everything a submission writes (its envelope, deliveries, messages, code, outbox jobs,
 * audit line and search row) under a fresh reference. Reads only: the organisations told.
 * `request` is the output of `createSubmissionRequestSchema` (its answers are not checked again).
 */
export async function submissionRows(
  db: Kysely<Database>,
  request: CreateSubmissionRequest,
  options: {
    actor: Actor;
    privacy: ProtectedValues;
    trust: TrustOptions;
    claim: IdempotencyClaim | undefined;
    assisted: AssistedSubmission | undefined;
    extraChecks: VerificationCheck[];
  },
): Promise<SubmissionRows> {
  const { actor, privacy, trust, claim, assisted } = options;
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
    chosen: request.organisations ?? {},
    picked: Object.fromEntries(picked),
    ...(request.organisationsLeft ? { left: request.organisationsLeft } : {}),
  });
  const envelope = createSubmissionEnvelopeV1(request, {
    reference,
    submittedAt,
    consentGivenBy,
    purposeVersion,
    told,
    // Every caller's request was parsed by createSubmissionRequestSchema (the route's body schema,
    // the declaration page's safeParse), answers included: checking them again cost 9% of a burst.
    answersChecked: true,
  });
  // Protected identifiers never reach the database in clear: sealed in the envelope, hashed for search.
  const stored = privacy.sealEnvelope(envelope);
  const agencies: AgencyKind[] = [...new Set(told.map((t) => t.agency))];
  const submissionId = randomUUID();
  // Confirmed before sent (see delivery-hold.ts): an online report's deliveries and receipts are
  // written held, with no queue jobs, and only a code goes out until the reporter enters it.
  const awaitingCode = holdsForConfirmation(actor);
  const checks = [
    ...initialChecks(submittedAt, assisted && actor.id ? { staffId: actor.id, request: assisted } : undefined),
    ...options.extraChecks,
    // Evidence the answers give (a registrar's reference, a registration), by the rule in shared/.
    ...evidenceChecks(getJourney(envelope.lifeEvent), envelope.answers, submittedAt),
  ];
  // One delivery per organisation told: two of a kind when a move spans two councils.
  const deliveries = told.map(({ agency, role, organisation, verificationMinimum }) => {
    const state = initialDelivery(
      awaitingCode,
      checks,
      minimumFor(trust.minimums, agency, envelope.lifeEvent, verificationMinimum),
    );
    return {
      id: randomUUID(),
      agency,
      organisation_id: organisation.id,
      role: role ?? null,
      status: state.status,
      held_for: state.heldFor,
    };
  });
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
  // A queued delivery needs no job: it is written due (write-submissions.ts), and the dispatcher claims it.
  const jobs = messages.filter((m) => m.status === 'queued').map((m) => residentMessageJob(m.id));
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
  const terms = searchIndexValues(envelope);
  return {
    response,
    ...(claim
      ? {
          claim: {
            key: idempotencyLookupKey(SUBMISSIONS_SCOPE, claim.key),
            requestHash: claim.requestHash,
            response: sealResponse(SUBMISSIONS_SCOPE, claim.key, response),
          },
        }
      : {}),
    submission: {
      id: submissionId,
      reference,
      life_event: envelope.lifeEvent,
      channel: envelope.channel,
      language: envelope.language ?? 'en',
      schema_version: envelope.schemaVersion,
      envelope: stored,
      tracking_secret_hash: hashTrackingSecret(trackingSecret),
      submitted_at: submittedAt.toISOString(),
      protected_key_id: privacy.keyring.currentKeyId,
      confirmation: awaitingCode ? 'awaiting' : 'not-needed',
      verification_checks: checks,
    },
    deliveries,
    messages,
    ...(code ? { code } : {}),
    jobs,
    audit: {
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
    },
    search: {
      reference: normaliseCode(reference),
      names: terms.names,
      postcodes: terms.postcodes,
      identifier_hashes: privacy.searchHashes(envelope.lifeEvent, envelope.answers),
    },
  };
}
