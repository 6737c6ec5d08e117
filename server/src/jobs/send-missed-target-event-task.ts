import type { Task } from 'graphile-worker';
import type { Kysely } from 'kysely';
import type { AdapterRegistry } from '../adapters/adapter-registry.js';
import type { Database } from '../db/database.js';
import { organisationAdapter, type OrganisationWebhooks } from '../deliveries/organisation-adapter.js';
import { missedTargetEventPayloadSchema } from '../service-levels/service-level-jobs.js';
import { ownTarget } from '../organisations/organisation-settings.js';
import { deadlineDate, targetFor, type ServiceLevels } from '../service-levels/targets.js';
import type { WorkingCalendar } from '../service-levels/working-days.js';

/** Thrown for an answer worth retrying; graphile-worker retries the job with its own backoff. */
export class MissedTargetEventRetryError extends Error {
  override name = 'MissedTargetEventRetryError';
}

/**
 * Tells a webhook organisation that one of its notifications missed a target: a Standard Webhooks
 * event `{agency}.notification.target_missed` with the notification's id, reference, which target
 * and the last day it had. Ids and dates only: the organisation already holds the notification. It
 * goes the way the notification went (`organisationAdapter`: the organisation's own webhook and
 * secrets, or the kind's for its fallback); an organisation told otherwise sees the flag in its
 * inbox. A timeout, 5xx, 408 or 429 is retried (by graphile-worker); any other refusal is logged
 * and dropped, since the flag is also in the inbox and on the staff console.
 */
export function createSendMissedTargetEventTask(deps: {
  db: Kysely<Database>;
  serviceLevels: ServiceLevels;
  calendar: WorkingCalendar;
  /** The kinds' adapters (for a fallback organisation, signed by the kind's rotated secrets). */
  adapters: AdapterRegistry;
  webhooks: OrganisationWebhooks;
}): Task {
  return async (rawPayload, helpers) => {
    const { deliveryId, target } = missedTargetEventPayloadSchema.parse(rawPayload);
    const row = await deps.db
      .selectFrom('deliveries as d')
      .innerJoin('submissions as s', 's.id', 'd.submission_id')
      .innerJoin('organisations as o', 'o.id', 'd.organisation_id')
      .leftJoin('organisation_settings as os', 'os.organisation_id', 'd.organisation_id')
      .select([
        'd.agency',
        'd.organisation_id',
        'd.delivered_at',
        's.reference',
        's.life_event',
        'o.fallback',
        'os.acknowledge_days',
        'os.action_days',
        'os.webhook_url',
        'os.webhook_secret_sealed',
        'os.primary_channel',
      ])
      .where('d.id', '=', deliveryId)
      .executeTakeFirst();
    const adapter = row
      ? organisationAdapter(
          deps.adapters,
          {
            ...row,
            webhook_url: row.webhook_url ?? null,
            webhook_secret_sealed: row.webhook_secret_sealed ?? null,
            primary_channel: row.primary_channel ?? null,
          },
          deps.webhooks,
        )
      : undefined;
    if (!row?.delivered_at || adapter?.transport !== 'webhook') {
      helpers.logger.info(`missed-target event for ${deliveryId}: no webhook organisation to tell; nothing to do`);
      return;
    }
    const { agency } = row;
    const days = targetFor(deps.serviceLevels, agency, row.life_event, ownTarget(row))[
      target === 'acknowledge' ? 'acknowledgeDays' : 'actionDays'
    ];
    const outcome = await adapter.sendEvent({
      messageId: `msg_target_${target}_${deliveryId.replaceAll('-', '')}`,
      type: `${agency}.notification.target_missed`,
      data: {
        id: deliveryId,
        reference: row.reference,
        lifeEvent: row.life_event,
        target,
        deadline: deadlineDate(deps.calendar, row.delivered_at, days),
      },
    });
    if (outcome.kind === 'retry')
      throw new MissedTargetEventRetryError(`the ${agency} webhook: ${outcome.error}; will retry`);
    if (outcome.kind === 'failed')
      helpers.logger.warn(
        `the ${agency} webhook refused a missed-target event (${outcome.error}); the inbox flag stands`,
      );
  };
}
