import type { AgencyKind } from '@tuo/shared';
import type { Task } from 'graphile-worker';
import type { Kysely } from 'kysely';
import { signatureHeader } from '../adapters/transports/webhook-transport.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { missedTargetEventPayloadSchema } from '../service-levels/service-level-jobs.js';
import { ownTarget } from '../organisations/organisation-settings.js';
import { deadlineDate, targetFor, type ServiceLevels } from '../service-levels/targets.js';
import type { WorkingCalendar } from '../service-levels/working-days.js';

/** Thrown for an answer worth retrying; graphile-worker retries the job with its own backoff. */
export class MissedTargetEventRetryError extends Error {
  override name = 'MissedTargetEventRetryError';
}

/**
 * Tells a webhook agency that one of its notifications missed a target: a Standard Webhooks event
 * `{agency}.notification.target_missed` with the notification's id, reference, which target and
 * the last day it had. Ids and dates only: the agency already holds the notification. A timeout,
 * 5xx, 408 or 429 is retried (by graphile-worker); any other refusal is logged and dropped, since
 * the flag is also in the agency's inbox and on the staff console.
 */
export function createSendMissedTargetEventTask(deps: {
  db: Kysely<Database>;
  config: Pick<Config, 'agencies' | 'delivery'> & { serviceLevels: ServiceLevels };
  calendar: WorkingCalendar;
  /** The agency's current signing secrets (rotated ones from the database, see agency/webhook-secrets.ts). */
  signingSecrets: (agency: AgencyKind, configured: string) => Promise<string[]>;
}): Task {
  return async (rawPayload, helpers) => {
    const { deliveryId, target } = missedTargetEventPayloadSchema.parse(rawPayload);
    const row = await deps.db
      .selectFrom('deliveries as d')
      .innerJoin('submissions as s', 's.id', 'd.submission_id')
      .leftJoin('organisation_settings as os', 'os.organisation_id', 'd.organisation_id')
      .select(['d.agency', 'd.delivered_at', 's.reference', 's.life_event', 'os.acknowledge_days', 'os.action_days'])
      .where('d.id', '=', deliveryId)
      .executeTakeFirst();
    const webhook = row ? deps.config.agencies[row.agency].webhook : undefined;
    if (!row?.delivered_at || !webhook) {
      helpers.logger.info(`missed-target event for ${deliveryId}: no webhook agency to tell; nothing to do`);
      return;
    }
    const days = targetFor(deps.config.serviceLevels, row.agency, row.life_event, ownTarget(row))[
      target === 'acknowledge' ? 'acknowledgeDays' : 'actionDays'
    ];
    const messageId = `msg_target_${target}_${deliveryId.replaceAll('-', '')}`;
    const timestamp = new Date();
    const body = JSON.stringify({
      type: `${row.agency}.notification.target_missed`,
      timestamp: timestamp.toISOString(),
      data: {
        id: deliveryId,
        reference: row.reference,
        lifeEvent: row.life_event,
        target,
        deadline: deadlineDate(deps.calendar, row.delivered_at, days),
      },
    });
    // Signed like every other webhook: after a rotation, by the new secret (and the old one while it retires).
    const signature = signatureHeader(
      await deps.signingSecrets(row.agency, webhook.secret),
      messageId,
      timestamp,
      body,
    );
    let status: number;
    try {
      const response = await fetch(webhook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'TellUsOnce-Webhooks/1',
          'webhook-id': messageId,
          'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
          'webhook-signature': signature,
        },
        body,
        signal: AbortSignal.timeout(deps.config.delivery.timeoutMs),
        redirect: 'manual',
      });
      void response.body?.cancel().catch(() => undefined);
      status = response.status;
    } catch {
      throw new MissedTargetEventRetryError(`could not reach the ${row.agency} webhook; will retry`);
    }
    if (status >= 500 || status === 408 || status === 429)
      throw new MissedTargetEventRetryError(`the ${row.agency} webhook answered ${String(status)}; will retry`);
    if (status < 200 || status >= 300)
      helpers.logger.warn(
        `the ${row.agency} webhook refused a missed-target event (${String(status)}); the inbox flag stands`,
      );
  };
}
