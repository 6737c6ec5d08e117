import type { Answers, LifeEventId } from '@tuo/shared';
import type { Task } from 'graphile-worker';
import { sql, type Kysely } from 'kysely';
import type { AdapterRegistry } from '../adapters/adapter-registry.js';
import type { DeliveryOutcome } from '../adapters/agency-adapter.js';
import type { Database } from '../db/database.js';
import {
  organisationAdapter,
  type OrganisationChannelFacts,
  type OrganisationWebhooks,
} from '../deliveries/organisation-adapter.js';
import type { ProtectedValues } from '../privacy/protected-values.js';
import { decideDelivery } from './delivery-decision.js';
import { SEND_NOTIFICATION_EVENT, sendNotificationEventPayloadSchema } from './notification-event-job.js';
import type { RetryPolicy } from './retry-delay.js';

/** The webhook-id of an event: its own (a receiver must not take it for a repeat of the notification), stable across retries. */
export function eventMessageIdFor(eventId: string): string {
  return `msg_${eventId.replaceAll('-', '')}`;
}

interface ClaimedEvent extends OrganisationChannelFacts {
  delivery_id: string;
  kind: 'withdrawn' | 'corrected';
  payload: { correctedAt: string; answers: Answers } | null;
  delivery_status: string;
  transport: string | null;
  reference: string;
  life_event: LifeEventId;
  withdrawn_at: Date | null;
  withdrawn_by: string | null;
}

/**
 * Makes one attempt at one event about a notification: `{agency}.notification.withdrawn` or
 * `.corrected`, whose `data.id` is the notification's own id. It goes the way deliveries go: the
 * attempt is claimed against the event row (a stale or repeated job does nothing), it is sent the
 * way its notification was (`organisationAdapter`: the organisation's own webhook, signed with its
 * own secrets, or its kind's for the fallback), and a retryable failure schedules the next attempt with the
 * same backoff, in the statement that records this one. An event waits while its notification is
 * still being sent, and is dropped if the notification never reached the agency.
 */
export function createSendNotificationEventTask(deps: {
  db: Kysely<Database>;
  adapters: AdapterRegistry;
  privacy: ProtectedValues;
  policy: RetryPolicy & { maxAttempts: number };
  webhooks: OrganisationWebhooks;
}): Task {
  const { db, adapters, privacy, policy } = deps;
  return async (rawPayload, helpers) => {
    const { eventId, attempt } = sendNotificationEventPayloadSchema.parse(rawPayload);
    const claimed = await sql<ClaimedEvent>`
      with claimed as (
        update notification_events set status = 'sending', attempts = ${attempt}, status_changed_at = now()
        where id = ${eventId}
          and ((status = 'queued' and attempts = ${attempt - 1}) or (status = 'sending' and attempts = ${attempt}))
        returning delivery_id, kind, payload
      )
      select claimed.delivery_id, claimed.kind, claimed.payload, d.agency, d.status as delivery_status, d.transport,
        s.reference, s.life_event, s.withdrawn_at, s.withdrawn_by,
        d.organisation_id, o.fallback, os.webhook_url, os.webhook_secret_sealed, os.primary_channel
      from claimed join deliveries d on d.id = claimed.delivery_id join submissions s on s.id = d.submission_id
        join organisations o on o.id = d.organisation_id
        left join organisation_settings os on os.organisation_id = d.organisation_id
    `.execute(db);
    const row = claimed.rows[0];
    if (!row) {
      helpers.logger.info(`notification event ${eventId} attempt ${attempt} is no longer due; nothing to do`);
      return;
    }
    const adapter = organisationAdapter(adapters, row, deps.webhooks);
    const told = ['delivered', 'acknowledged', 'actioned'].includes(row.delivery_status);
    const settledUntold = ['failed', 'cancelled'].includes(row.delivery_status);
    const finished = () => new Date();
    let outcome: DeliveryOutcome | 'drop';
    const pushed = row.transport === 'webhook' && adapter.transport === 'webhook';
    if (settledUntold || (told && !pushed) || (row.kind === 'corrected' && !row.payload))
      // Never reached the agency, or reached its inbox or file (which show the change when read), or the
      // organisation is no longer told by webhook: nothing to push.
      outcome = 'drop';
    else if (!told) outcome = { kind: 'retry', error: 'Waiting for the notification itself to be delivered' };
    else {
      const data: Record<string, unknown> = {
        id: row.delivery_id,
        reference: row.reference,
        lifeEvent: row.life_event,
      };
      if (row.kind === 'withdrawn') {
        data.withdrawnAt = row.withdrawn_at?.toISOString() ?? null;
        data.withdrawnBy = row.withdrawn_by;
      } else if (row.payload) {
        data.correctedAt = row.payload.correctedAt;
        data.answers = privacy.openAnswers(row.life_event, row.payload.answers, row.reference);
      }
      outcome = await adapter.sendEvent({
        messageId: eventMessageIdFor(eventId),
        type: `${row.agency}.notification.${row.kind}`,
        data,
      });
    }
    const at = finished();
    const decision =
      outcome === 'drop'
        ? {
            status: 'cancelled',
            error: 'The notification did not reach the agency by webhook; nothing to send',
            detail: '',
            nextAttemptAt: null,
          }
        : decideDelivery(outcome, attempt, { policy, transport: 'webhook', finished: at });
    const next = decision.nextAttemptAt;
    const nextJob = next
      ? sql`, queued as (select graphile_worker.add_job(${SEND_NOTIFICATION_EVENT}, ${JSON.stringify({ eventId, attempt: attempt + 1 })}::json, run_at => ${next}, job_key => ${`notification-event:${eventId}:${attempt + 1}`}) from updated)`
      : sql``;
    const words = row.kind === 'withdrawn' ? 'Withdrawal' : 'Correction';
    const historyLine =
      decision.status === 'delivered'
        ? `${words} sent to the agency`
        : decision.status === 'failed'
          ? `${words} could not be sent: ${decision.error ?? ''}`
          : null;
    await sql`
      with updated as (
        update notification_events set status = ${decision.status}, status_changed_at = ${at}, last_error = ${decision.error},
          next_attempt_at = ${next}, delivered_at = case when ${decision.status} = 'delivered' then ${at}::timestamptz else delivered_at end
        where id = ${eventId} and status = 'sending' and attempts = ${attempt}
        returning delivery_id
      ),
      history as (
        insert into delivery_events (delivery_id, status, at, detail)
        select delivery_id, ${row.kind}, ${at}, ${historyLine} from updated where ${historyLine !== null}
      )
      ${nextJob}
      select ${next ? sql`(select count(*) from queued)` : sql`0`} as queued
    `.execute(db);
  };
}
