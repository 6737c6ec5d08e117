import { submissionEnvelopeV1Schema } from '@tuo/shared';
import type { ResidentMessageStatus } from '@tuo/shared/api/resident-messages';
import type { Task } from 'graphile-worker';
import type { Kysely } from 'kysely';
import { NotifyClient } from 'notifications-node-client';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { residentText } from '../i18n/resident-text.js';
import type { ProtectedValues } from '../privacy/protected-values.js';
import { sendResidentMessagePayloadSchema } from './job-names.js';

interface Personalisation {
  reference: string;
  /** A receipt's tracking secret, or a confirmation code's code (by the message's kind). */
  trackingSecret?: string;
  code?: string;
}

function httpStatusOf(error: unknown): number | undefined {
  return (error as { response?: { status?: number } }).response?.status;
}

/**
 * Sends a confirmation to the resident through GOV.UK Notify when it is configured; otherwise
 * records that it would have been sent. The tracking link (which unlocks the status page) is
 * cleared from the database once the message is sent or recorded.
 */
export function createSendResidentMessageTask(deps: {
  db: Kysely<Database>;
  privacy: ProtectedValues;
  config: Pick<Config, 'notify' | 'publicUrl'>;
}): Task {
  const { db, privacy, config } = deps;
  const client = config.notify ? new NotifyClient(config.notify.baseUrl, config.notify.apiKey) : undefined;
  return async (rawPayload) => {
    const { messageId } = sendResidentMessagePayloadSchema.parse(rawPayload);
    // Claim it first, so a job run twice (or a retry after Notify accepted it) never sends twice.
    const claimed = await db
      .updateTable('resident_messages')
      .set({ status: 'sending', updated_at: new Date() })
      .where('id', '=', messageId)
      .where('status', '=', 'queued')
      .executeTakeFirst();
    if (claimed.numUpdatedRows === 0n) return;
    const message = await db
      .selectFrom('resident_messages')
      .innerJoin('submissions', 'submissions.id', 'resident_messages.submission_id')
      .select([
        'resident_messages.channel',
        'resident_messages.kind',
        'resident_messages.personalisation',
        'submissions.envelope',
      ])
      .where('resident_messages.id', '=', messageId)
      .executeTakeFirstOrThrow();
    const envelope = submissionEnvelopeV1Schema.parse(privacy.openEnvelope(message.envelope));
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
    let status: ResidentMessageStatus = 'recorded';
    let providerId: string | null = null;
    let error: string | null = null;
    if (client && templateId && typeof recipient === 'string') {
      try {
        const sent =
          message.channel === 'email'
            ? await client.sendEmail(templateId, recipient, { personalisation, reference })
            : await client.sendSms(templateId, recipient, { personalisation, reference });
        status = 'sent';
        providerId = sent.data.id;
      } catch (failure) {
        const code = httpStatusOf(failure);
        // Notify's 400 and 403 will not change on retry; anything else (429, 5xx, network) will be retried.
        if (code !== 400 && code !== 403) {
          await db
            .updateTable('resident_messages')
            .set({ status: 'queued', updated_at: new Date() })
            .where('id', '=', messageId)
            .execute();
          throw new Error(`GOV.UK Notify did not accept the message (${code ?? 'no answer'})`);
        }
        status = 'failed';
        error = `GOV.UK Notify refused the message (${code})`;
      }
    }
    await db
      .updateTable('resident_messages')
      .set({ status, provider_id: providerId, error, personalisation: null, updated_at: new Date() })
      .where('id', '=', messageId)
      .where('status', '=', 'sending')
      .execute();
  };
}
