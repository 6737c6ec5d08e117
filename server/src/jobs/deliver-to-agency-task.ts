import type { AgencyKind, AgencyPayloadV1, SubmissionEnvelopeV1 } from '@tuo/shared';
import type { Task } from 'graphile-worker';
import { sql, type Kysely } from 'kysely';
import type { AdapterRegistry } from '../adapters/adapter-registry.js';
import type { AgencyAdapter, DeliveryOutcome } from '../adapters/agency-adapter.js';
import { decideDelivery } from './delivery-decision.js';
import type { Database } from '../db/database.js';
import type { ProtectedValues } from '../privacy/protected-values.js';
import { DELIVER_TO_AGENCY, deliverToAgencyPayloadSchema } from './job-names.js';
import type { RetryPolicy } from './retry-delay.js';
import { verificationCheckSchema } from '@tuo/shared/verification/verification';
import { z } from 'zod';
import { verificationOf } from '../verification/verification-of.js';

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
export function createDeliverToAgencyTask(deps: {
  db: Kysely<Database>;
  adapters: AdapterRegistry;
  privacy: ProtectedValues;
  policy: RetryPolicy & { maxAttempts: number };
}): Task {
  const { db, adapters, privacy, policy } = deps;
  return async (rawPayload, helpers) => {
    const { deliveryId, attempt } = deliverToAgencyPayloadSchema.parse(rawPayload);
    // Claim the attempt, note it, and read the envelope in one round trip.
    const claimed = await sql<{ agency: AgencyKind; envelope: unknown; erased: boolean; checks: unknown }>`
      with claimed as (
        update deliveries set status = 'sending', attempts = ${attempt}, status_changed_at = now()
        where id = ${deliveryId}
          and ((status = 'queued' and attempts = ${attempt - 1}) or (status = 'sending' and attempts = ${attempt}))
        returning agency, submission_id
      ),
      noted as (insert into delivery_events (delivery_id, status, at, detail) select ${deliveryId}, 'sending', now(), ${`Attempt ${attempt}`} from claimed)
      select claimed.agency, submissions.envelope, submissions.answers_erased_at is not null as erased, submissions.verification_checks as checks from claimed join submissions on submissions.id = claimed.submission_id
    `.execute(db);
    const row = claimed.rows[0];
    if (!row) {
      helpers.logger.info(`delivery ${deliveryId} attempt ${attempt} is no longer due; nothing to do`);
      return;
    }
    const adapter = adapters[row.agency];
    const started = new Date();
    let outcome: DeliveryOutcome;
    let payload: AgencyPayloadV1 | undefined;
    try {
      // Erased early (a staff retry after erasure): there is nothing left to send, and nothing must be.
      payload = row.erased ? undefined : payloadFor(privacy.openEnvelope(row.envelope), adapter, row.checks);
      outcome = row.erased
        ? { kind: 'failed', error: "The resident's personal data was erased before it could be sent" }
        : payload
          ? await adapter.deliver({ messageId: messageIdFor(deliveryId), payload })
          : { kind: 'failed', error: 'The resident did not agree to tell this agency, or it is not relevant' };
    } catch (error) {
      // A payload that cannot be built will not build next time either: fail it where staff can see it.
      helpers.logger.error(
        `delivery ${deliveryId}: ${error instanceof Error ? error.name : 'error'} while preparing the payload`,
      );
      outcome = { kind: 'failed', error: 'The notification could not be prepared for this agency' };
    }
    const finished = new Date();
    const decision = decideDelivery(outcome, attempt, { policy, transport: adapter.transport, finished });
    const next = decision.nextAttemptAt;
    const nextJob = next
      ? sql`, queued as (select graphile_worker.add_job(${DELIVER_TO_AGENCY}, ${JSON.stringify({ deliveryId, attempt: attempt + 1 })}::json, run_at => ${next}, job_key => ${`delivery:${deliveryId}:${attempt + 1}`}) from updated)`
      : sql``;
    // Everything hangs on still holding the claim: a stale run of the same attempt (its worker
    // taken for dead, then finishing late) writes nothing over a newer result. One statement.
    await sql`
      with updated as (
        update deliveries set status = ${decision.status}, status_changed_at = ${finished}, last_error = ${decision.error},
          next_attempt_at = ${next}, transport = ${adapter.transport},
          -- Kept while it waits in the agency's inbox; sealed like the envelope it came from.
          payload = coalesce(payload, ${payload ? JSON.stringify(privacy.sealPayload(payload)) : null}::jsonb),
          -- Entering the agency's inbox: see migrations/2026-11-23-0004-agency-inbox.ts for the order.
          inbox_xid = case when ${decision.status} = 'delivered' then pg_current_xact_id() else inbox_xid end,
          inbox_seq = case when ${decision.status} = 'delivered' then nextval('inbox_seq') else inbox_seq end,
          delivered_at = case when ${decision.status} = 'delivered' then ${finished}::timestamptz else delivered_at end
        where id = ${deliveryId} and status = 'sending' and attempts = ${attempt}
        returning id
      ),
      attempt_row as (
        insert into delivery_attempts (delivery_id, attempt, started_at, duration_ms, outcome, status_code, error)
        select id, ${attempt}, ${started}, ${finished.getTime() - started.getTime()}, ${outcome.kind}, ${outcome.statusCode ?? null}, ${outcome.kind === 'delivered' ? null : outcome.error}
        from updated
      ),
      event as (insert into delivery_events (delivery_id, status, at, detail) select id, ${decision.status}, ${finished}, ${decision.detail} from updated)
      ${nextJob}
      -- A plain SELECT in a CTE runs only if something reads it.
      select ${next ? sql`(select count(*) from queued)` : sql`0`} as queued
    `.execute(db);
  };
}

/** The agency's payload, checked against its schema before it leaves: nothing outside its routing rules. */
function payloadFor(
  envelope: SubmissionEnvelopeV1,
  adapter: AgencyAdapter,
  storedChecks: unknown,
): AgencyPayloadV1 | undefined {
  // The envelope was validated when it was written; its version says how to read it.
  const version: number = envelope.schemaVersion;
  if (version !== 1) throw new Error(`Unknown envelope version ${String(version)}`);
  const payload = adapter.toPayload(envelope);
  if (!payload) return undefined;
  const verification = verificationOf(z.array(verificationCheckSchema).parse(storedChecks), envelope.channel);
  return adapter.payloadSchema(envelope.lifeEvent).parse({ ...payload, ...(verification ? { verification } : {}) });
}
