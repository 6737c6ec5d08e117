import type { AgencyId } from '@tuo/shared';
import { submissionEnvelopeV1Schema } from '@tuo/shared';
import type { Task } from 'graphile-worker';
import { sql, type Kysely } from 'kysely';
import type { AdapterRegistry } from '../adapters/adapter-registry.js';
import type { DeliveryOutcome } from '../adapters/agency-adapter.js';
import type { Database } from '../db/database.js';
import { DELIVER_TO_AGENCY, deliverToAgencyPayloadSchema } from './job-names.js';
import { retryDelayMs, type RetryPolicy } from './retry-delay.js';

/** The webhook-id of a delivery: the same on every attempt, so the agency can discard repeats. */
export function messageIdFor(deliveryId: string): string {
  return `msg_${deliveryId.replaceAll('-', '')}`;
}

/**
 * Makes one attempt at one delivery. The attempt number in the job is claimed against the
 * delivery row, so a stale or duplicated job does nothing, and a job re-run after its worker died
 * mid-send simply sends again with the same webhook-id. A retryable failure schedules the next
 * attempt (its own job, with backoff and jitter) in the same transaction that records this one.
 */
export function createDeliverToAgencyTask(deps: { db: Kysely<Database>; adapters: AdapterRegistry; policy: RetryPolicy & { maxAttempts: number } }): Task {
  const { db, adapters, policy } = deps;
  return async (rawPayload, helpers) => {
    const { deliveryId, attempt } = deliverToAgencyPayloadSchema.parse(rawPayload);
    const now = new Date();
    const claimed = await db
      .updateTable('deliveries')
      .set({ status: 'sending', attempts: attempt, status_changed_at: now })
      .where('id', '=', deliveryId)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'queued'), eb('attempts', '=', attempt - 1)]),
          eb.and([eb('status', '=', 'sending'), eb('attempts', '=', attempt)]),
        ]),
      )
      .returning(['agency', 'submission_id'])
      .executeTakeFirst();
    if (!claimed) {
      helpers.logger.info(`delivery ${deliveryId} attempt ${attempt} is no longer due; nothing to do`);
      return;
    }
    await db.insertInto('delivery_events').values({ delivery_id: deliveryId, status: 'sending', at: now, detail: `Attempt ${attempt}` }).execute();

    const adapter = adapters[claimed.agency as AgencyId];
    const submission = await db.selectFrom('submissions').select('envelope').where('id', '=', claimed.submission_id).executeTakeFirstOrThrow();
    const payload = adapter.toPayload(submissionEnvelopeV1Schema.parse(submission.envelope));

    const started = Date.now();
    const outcome: DeliveryOutcome = payload
      ? await adapter.deliver({ messageId: messageIdFor(deliveryId), payload })
      : { kind: 'failed', error: 'The resident did not agree to tell this agency, or it is not relevant' };
    const durationMs = Date.now() - started;
    const finished = new Date();

    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('delivery_attempts')
        .values({
          delivery_id: deliveryId,
          attempt,
          started_at: new Date(started),
          duration_ms: durationMs,
          outcome: outcome.kind,
          status_code: outcome.statusCode ?? null,
          error: outcome.kind === 'delivered' ? null : outcome.error,
        })
        .execute();
      const giveUp = outcome.kind === 'failed' || (outcome.kind === 'retry' && attempt >= policy.maxAttempts);
      if (outcome.kind === 'delivered') {
        await trx
          .updateTable('deliveries')
          .set({ status: 'delivered', status_changed_at: finished, last_error: null, next_attempt_at: null, payload: JSON.stringify(payload) })
          .where('id', '=', deliveryId)
          .execute();
        await trx.insertInto('delivery_events').values({ delivery_id: deliveryId, status: 'delivered', at: finished, detail: adapter.transport === 'inbox' ? 'Waiting in the agency inbox' : `Accepted (${outcome.statusCode ?? ''})` }).execute();
      } else if (giveUp) {
        const reason = outcome.kind === 'retry' ? `${outcome.error}; gave up after ${attempt} attempts` : outcome.error;
        await trx.updateTable('deliveries').set({ status: 'failed', status_changed_at: finished, last_error: reason, next_attempt_at: null }).where('id', '=', deliveryId).execute();
        await trx.insertInto('delivery_events').values({ delivery_id: deliveryId, status: 'failed', at: finished, detail: reason }).execute();
      } else {
        const runAt = new Date(finished.getTime() + retryDelayMs(attempt, policy, outcome.retryAfterMs));
        await trx.updateTable('deliveries').set({ status: 'queued', status_changed_at: finished, last_error: outcome.error, next_attempt_at: runAt }).where('id', '=', deliveryId).execute();
        await trx.insertInto('delivery_events').values({ delivery_id: deliveryId, status: 'queued', at: finished, detail: `${outcome.error}; will try again` }).execute();
        const next = { deliveryId, attempt: attempt + 1 };
        await sql`select graphile_worker.add_job(${DELIVER_TO_AGENCY}, ${JSON.stringify(next)}::json, run_at => ${runAt}, job_key => ${`delivery:${deliveryId}:${attempt + 1}`})`.execute(trx);
      }
    });
  };
}
