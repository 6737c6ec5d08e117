import { agencyKindSchema } from '@tuo/shared';
import type { CronItem, Task } from 'graphile-worker';
import type { Kysely } from 'kysely';
import { NotifyClient } from 'notifications-node-client';
import { z } from 'zod';
import { alertSchedules } from '../channels/email-alert-settings.js';
import { findQueuedAlert, settleAlert, writeNextAlert } from '../channels/email/agency-alerts.js';
import { alertMessage } from '../channels/email/alert-message.js';
import { alertOfOrganisation, channelOrganisation } from '../channels/organisation-channels.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';

/** The queue task that emails an organisation's team mailbox that new notifications wait. */
export const SEND_AGENCY_ALERT = 'send_agency_alert';

/**
 * `send_agency_alert` payload: the organisation, or a kind (its fallback, as the environment's
 * cron items and older jobs name it). Re-parsed on entry: the job may have been queued by older code.
 */
export const sendAgencyAlertPayloadSchema = z.union([
  z.object({ organisationId: z.uuid() }),
  z.object({ agency: agencyKindSchema }),
]);

/** The queue an organisation's alerts share: a fallback's is its kind's (as its environment cron item queues it). */
export function alertQueueName(organisation: { id: string; kind: string; fallback: boolean }): string {
  return `${SEND_AGENCY_ALERT}:${organisation.fallback ? organisation.kind : organisation.id}`;
}

/**
 * One cron item per kind whose fallback has an email alert in the environment: every minute ("at
 * once"), or a daily digest. An organisation's own alert is queued by `schedule_organisation_channels`.
 */
export function emailAlertCronItems(agencies: Config['agencies']): CronItem[] {
  return Object.entries(agencies).flatMap(([agency, channels]) =>
    channels.alert
      ? [
          {
            task: SEND_AGENCY_ALERT,
            match: alertSchedules[channels.alert.frequency],
            identifier: `${SEND_AGENCY_ALERT}:${agency}`,
            payload: { agency },
            options: { queueName: `${SEND_AGENCY_ALERT}:${agency}`, maxAttempts: 5 },
          },
        ]
      : [],
  );
}

function httpStatusOf(error: unknown): number | undefined {
  return (error as { response?: { status?: number } }).response?.status;
}

/**
 * Tells an organisation's team mailbox (its own, else its kind's configured one for a fallback),
 * through GOV.UK Notify, how many new notifications wait in its
 * portal: an alert left unsent first, else a new one if anything new has arrived. Without Notify
 * set up, the alert is recorded, not sent. Notify's 400 and 403 fail the alert; anything else
 * leaves it queued and throws, so graphile-worker retries.
 */
export function createSendAgencyAlertTask(deps: {
  db: Kysely<Database>;
  config: Pick<Config, 'agencies' | 'notify' | 'publicUrl'>;
}): Task {
  const { db, config } = deps;
  const client = config.notify ? new NotifyClient(config.notify.apiKey) : undefined;
  const templateId = config.notify?.agencyAlertTemplateId;
  return async (rawPayload) => {
    const organisation = await channelOrganisation(db, sendAgencyAlertPayloadSchema.parse(rawPayload));
    const settings = organisation ? await alertOfOrganisation(db, config, organisation) : undefined;
    if (!organisation || !settings) return;
    const alert = (await findQueuedAlert(db, organisation)) ?? (await writeNextAlert(db, organisation));
    if (!alert) return;
    const portalLink = `${config.publicUrl}/agency/notifications`;
    if (!client || !templateId) {
      await settleAlert(db, alert.id, { status: 'recorded' });
      return;
    }
    const message = alertMessage(alert.notifications, portalLink);
    try {
      const sent = await client.sendEmail(templateId, settings.to, {
        personalisation: {
          subject: message.subject,
          body: message.body,
          count: String(alert.notifications),
          portal_link: portalLink,
        },
        reference: alert.id,
      });
      await settleAlert(db, alert.id, { status: 'sent', providerId: sent.data.id });
    } catch (failure) {
      const code = httpStatusOf(failure);
      if (code !== 400 && code !== 403)
        throw new Error(`GOV.UK Notify did not accept the alert (${code ?? 'no answer'})`);
      await settleAlert(db, alert.id, { status: 'failed', error: `GOV.UK Notify refused the alert (${code})` });
    }
  };
}
