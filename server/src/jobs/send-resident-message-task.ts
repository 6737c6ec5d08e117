import type { ResidentMessageStatus } from '@tuo/shared/api/resident-messages';
import type { Task } from 'graphile-worker';
import { sql, type Kysely } from 'kysely';
import { NotifyClient } from 'notifications-node-client';
import pLimit from 'p-limit';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { residentText } from '../i18n/resident-text.js';
import type { ProtectedValues } from '../privacy/protected-values.js';
import { sendResidentMessagePayloadSchema } from './job-names.js';
import { submissionEnvelopeV1AroundCheckedAnswersSchema } from '@tuo/shared/submission/v1/submission-envelope-v1-schema';

interface Personalisation {
  reference: string;
  /** A receipt's tracking secret, or a confirmation code's code (by the message's kind). */
  trackingSecret?: string;
  code?: string;
}

/** A message claimed for sending, with its submission's sealed envelope. */
interface ClaimedMessage {
  id: string;
  channel: 'email' | 'sms';
  kind: string;
  personalisation: unknown;
  envelope: unknown;
}

/** What became of one message: its final status, or `queued` again for graphile-worker to retry. */
interface MessageOutcome {
  id: string;
  status: ResidentMessageStatus;
  providerId: string | null;
  error: string | null;
}

/** Messages sent to GOV.UK Notify at once from one batch (its rate limit is per minute; this keeps a batch polite). */
const NOTIFY_CONCURRENCY = 10;

function httpStatusOf(error: unknown): number | undefined {
  return (error as { response?: { status?: number } }).response?.status;
}

/**
 * Claims the messages still queued, in one statement, so a job run twice (or a retry after Notify
 * accepted one) never sends twice: a message already claimed or settled is not returned.
 */
async function claimMessages(db: Kysely<Database>, ids: readonly string[]): Promise<ClaimedMessage[]> {
  const result = await sql<ClaimedMessage>`
    with claimed as (
      update resident_messages set status = 'sending', updated_at = now()
      where id = any(${[...ids]}::uuid[]) and status = 'queued'
      returning id, channel, kind, personalisation, submission_id
    )
    select claimed.id, claimed.channel, claimed.kind, claimed.personalisation, submissions.envelope
    from claimed join submissions on submissions.id = claimed.submission_id
  `.execute(db);
  return result.rows;
}

/**
 * Records every outcome in one statement. A settled message loses its personalisation (the
 * tracking link is needed only until it has gone); one to retry goes back to `queued` with it.
 */
async function recordMessages(db: Kysely<Database>, outcomes: readonly MessageOutcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  const rows = outcomes.map((o) => ({
    id: o.id,
    status: o.status,
    provider_id: o.providerId,
    // A retry keeps no error on the row (it is still on its way); graphile-worker keeps the reason.
    error: o.status === 'queued' ? null : o.error,
  }));
  await sql`
    update resident_messages m set status = o.status, provider_id = o.provider_id, error = o.error,
      personalisation = case when o.status = 'queued' then m.personalisation else null end, updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as o(id uuid, status text, provider_id text, error text)
    where m.id = o.id and m.status = 'sending'
  `.execute(db);
}

/** A rejection graphile-worker reads from a batch job's answers, marked handled so Node does not warn of it meanwhile. */
function retryLater(error: string): Promise<void> {
  const rejected = Promise.reject(new Error(error));
  rejected.catch(() => undefined);
  return rejected;
}

/**
 * Sends confirmations to residents through GOV.UK Notify when it is configured; otherwise records
 * that they would have been sent. One job is one message, or many (a batch job, as the outbox
 * relay gathers them): they are claimed in one statement, sent a few at a time, and recorded in
 * one statement; a message Notify could not take now (429, 5xx, no answer) goes back to the queue
 * and, in a batch, only it is retried (graphile-worker's partial success). The tracking link
 * (which unlocks the status page) is cleared from the database once the message is sent or recorded.
 */
export function createSendResidentMessageTask(deps: {
  db: Kysely<Database>;
  privacy: ProtectedValues;
  config: Pick<Config, 'notify' | 'publicUrl'>;
}): Task {
  const { db, privacy, config } = deps;
  const client = config.notify ? new NotifyClient(config.notify.baseUrl, config.notify.apiKey) : undefined;
  const limit = pLimit(NOTIFY_CONCURRENCY);

  const send = async (message: ClaimedMessage): Promise<MessageOutcome> => {
    const outcome = (status: ResidentMessageStatus, providerId: string | null = null, error: string | null = null) => ({
      id: message.id,
      status,
      providerId,
      error,
    });
    let envelope;
    try {
      // Its answers were checked when it was written; what is read here is the rest (language,
      // consent, life event) and a contact answer, so they are not checked again (a full check of
      // every answer was a tenth of the worker's time under the bench's steady load).
      envelope = submissionEnvelopeV1AroundCheckedAnswersSchema.parse(privacy.openEnvelope(message.envelope));
    } catch {
      // Not worth retrying: the same envelope will not open next time either. Staff see it failed.
      return outcome('failed', null, 'The message could not be prepared');
    }
    const { reference, trackingSecret = '', code = '' } = message.personalisation as Personalisation;
    // A confirmation code (nothing is sent to any agency until it is entered), or the receipt.
    const prefix = message.kind === 'confirmation-code' ? 'code.' : '';
    // In the language the resident used. The template shows ((subject)) and ((body)); the other
    // fields are there for templates that word the message themselves.
    const text = residentText(envelope.language ?? 'en');
    const told = envelope.consent.filter((c) => c.given).map((c) => text.agency(c.agency));
    const values = {
      reference,
      lifeEvent: text.lifeEvent(envelope.lifeEvent),
      agencies: told.join(text.message('listSeparator')),
      trackingLink: `${config.publicUrl}/track?reference=${encodeURIComponent(reference)}&secret=${encodeURIComponent(trackingSecret)}`,
      code,
    };
    const personalisation = {
      reference,
      life_event: values.lifeEvent,
      agencies: values.agencies,
      tracking_link: message.kind === 'confirmation-code' ? '' : values.trackingLink,
      ...(message.kind === 'confirmation-code' ? { code } : {}),
      language: envelope.language ?? 'en',
      ...(message.channel === 'email'
        ? { subject: text.message(`${prefix}email.subject`, values), body: text.message(`${prefix}email.body`, values) }
        : { body: text.message(`${prefix}sms.body`, values) }),
    };
    const templateId = message.channel === 'email' ? config.notify?.emailTemplateId : config.notify?.smsTemplateId;
    const recipient = message.channel === 'email' ? envelope.answers.email : envelope.answers.phone;
    if (!client || !templateId || typeof recipient !== 'string') return outcome('recorded');
    try {
      const providerId = await limit(async () =>
        message.channel === 'email'
          ? (await client.sendEmail(templateId, recipient, { personalisation, reference })).data.id
          : (await client.sendSms(templateId, recipient, { personalisation, reference })).data.id,
      );
      return outcome('sent', providerId);
    } catch (failure) {
      const code = httpStatusOf(failure);
      // Notify's 400 and 403 will not change on retry; anything else (429, 5xx, network) will be retried.
      if (code !== 400 && code !== 403)
        return outcome('queued', null, `GOV.UK Notify did not accept the message (${code ?? 'no answer'})`);
      return outcome('failed', null, `GOV.UK Notify refused the message (${code})`);
    }
  };

  return async (rawPayload) => {
    const payload = sendResidentMessagePayloadSchema.parse(rawPayload);
    const ids = (Array.isArray(payload) ? payload : [payload]).map((item) => item.messageId);
    const outcomes = await Promise.all((await claimMessages(db, ids)).map(send));
    await recordMessages(db, outcomes);
    const retries = new Map(outcomes.filter((o) => o.status === 'queued').map((o) => [o.id, o.error ?? '']));
    if (!Array.isArray(payload)) {
      const [reason] = retries.values();
      if (reason !== undefined) throw new Error(reason);
      return;
    }
    return ids.map((id) => {
      const reason = retries.get(id);
      return reason === undefined ? Promise.resolve() : retryLater(reason);
    });
  };
}
