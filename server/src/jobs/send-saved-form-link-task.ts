import { getJourney, isLifeEventId } from '@tuo/shared';
import type { Task } from 'graphile-worker';
import type { Kysely } from 'kysely';
import { NotifyClient } from 'notifications-node-client';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { generateReturnLinkToken, returnLinkTokenHash } from '../saved-journeys/return-link-token.js';
import { sendSavedFormLinkPayloadSchema } from './job-names.js';

function httpStatusOf(error: unknown): number | undefined {
  return (error as { response?: { status?: number } }).response?.status;
}

const londonDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});

/**
 * Sends the link back to a saved form by GOV.UK Notify (personalisation: `link`, `life_event`,
 * `expires_on`). The token is made here and only its hash kept, so it exists nowhere but in the
 * message; each try makes a new one, so a link from a try that seemed to fail simply never works.
 * The address is cleared from the row once the message has gone or been refused.
 */
export function createSendSavedFormLinkTask(deps: {
  db: Kysely<Database>;
  config: Pick<Config, 'notify' | 'publicUrl' | 'savedJourneys'>;
}): Task {
  const { db, config } = deps;
  const client = config.notify ? new NotifyClient(config.notify.baseUrl, config.notify.apiKey) : undefined;
  return async (rawPayload) => {
    const { savedJourneyId } = sendSavedFormLinkPayloadSchema.parse(rawPayload);
    // Claim it first, so a job run twice never sends twice.
    const claimed = await db
      .updateTable('saved_journeys')
      .set({ send_status: 'sending' })
      .where('id', '=', savedJourneyId)
      .where('send_status', '=', 'queued')
      .returning(['life_event', 'send_channel', 'send_to', 'expires_at'])
      .executeTakeFirst();
    if (!claimed) return;
    const token = generateReturnLinkToken();
    await db
      .updateTable('saved_journeys')
      .set({ token_hash: returnLinkTokenHash(token) })
      .where('id', '=', savedJourneyId)
      .execute();
    const personalisation = {
      link: `${config.publicUrl}/return?token=${token}`,
      life_event: isLifeEventId(claimed.life_event) ? getJourney(claimed.life_event).title : '',
      expires_on: londonDate.format(claimed.expires_at),
    };
    const templateId =
      claimed.send_channel === 'email' ? config.savedJourneys.emailTemplateId : config.savedJourneys.smsTemplateId;
    let status = 'recorded';
    if (client && templateId && claimed.send_to) {
      try {
        if (claimed.send_channel === 'email')
          await client.sendEmail(templateId, claimed.send_to, {
            personalisation,
          });
        else
          await client.sendSms(templateId, claimed.send_to, {
            personalisation,
          });
        status = 'sent';
      } catch (failure) {
        const code = httpStatusOf(failure);
        // Notify's 400 and 403 will not change on retry; anything else (429, 5xx, network) will be retried.
        if (code !== 400 && code !== 403) {
          await db
            .updateTable('saved_journeys')
            .set({ send_status: 'queued', token_hash: null })
            .where('id', '=', savedJourneyId)
            .execute();
          throw new Error(`GOV.UK Notify did not accept the saved form link (${code ?? 'no answer'})`);
        }
        status = 'failed';
      }
    }
    await db
      .updateTable('saved_journeys')
      .set({ send_status: status, send_to: null })
      .where('id', '=', savedJourneyId)
      .execute();
  };
}
