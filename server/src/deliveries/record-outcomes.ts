import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { DeliveryDecision } from '../jobs/delivery-decision.js';

/** What one attempt came to, ready to be written. */
export interface AttemptRecord {
  deliveryId: string;
  attempt: number;
  /** The token of the claim the attempt was made under. */
  claim: string;
  transport: string;
  decision: DeliveryDecision;
  outcome: { kind: string; statusCode?: number; error?: string };
  /** The agency's payload, sealed, kept while it waits in the inbox (null if none was built). */
  sealedPayload: unknown;
  started: Date;
  finished: Date;
}

/**
 * Writes many attempts' outcomes in one statement: each delivery's new status (and, for a retry,
 * when it is next due), its attempt row and its history line. Everything hangs on still holding
 * the claim: an attempt whose claim was taken over (its worker taken for dead, then finishing
 * late) writes nothing over the newer one. Returns the ids actually recorded.
 */
export async function recordOutcomes(db: Kysely<Database>, records: AttemptRecord[]): Promise<Set<string>> {
  if (records.length === 0) return new Set();
  const rows = records.map((r) => ({
    id: r.deliveryId,
    claim: r.claim,
    attempt: r.attempt,
    status: r.decision.status,
    error: r.decision.error,
    detail: r.decision.detail,
    next_at: r.decision.nextAttemptAt?.toISOString() ?? null,
    transport: r.transport,
    payload: r.sealedPayload ?? null,
    started: r.started.toISOString(),
    finished: r.finished.toISOString(),
    duration: r.finished.getTime() - r.started.getTime(),
    kind: r.outcome.kind,
    status_code: r.outcome.statusCode ?? null,
    attempt_error: r.outcome.kind === 'delivered' ? null : (r.outcome.error ?? null),
  }));
  const result = await sql<{ id: string }>`
    with o as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as o(
        id uuid, claim uuid, attempt int, status text, error text, detail text, next_at timestamptz,
        transport text, payload jsonb, started timestamptz, finished timestamptz, duration int,
        kind text, status_code int, attempt_error text)
    ),
    updated as (
      update deliveries d set status = o.status, status_changed_at = o.finished, last_error = o.error,
        next_attempt_at = o.next_at, due_at = o.next_at, transport = o.transport, claim = null, claimed_by = null,
        -- Kept while it waits in the agency's inbox; sealed like the envelope it came from.
        payload = coalesce(d.payload, o.payload),
        -- Entering the agency's inbox: see migrations/2026-11-23-0004-agency-inbox.ts for the order.
        inbox_xid = case when o.status = 'delivered' then pg_current_xact_id() else d.inbox_xid end,
        inbox_seq = case when o.status = 'delivered' then nextval('inbox_seq') else d.inbox_seq end,
        delivered_at = case when o.status = 'delivered' then o.finished else d.delivered_at end
      from o
      where d.id = o.id and d.claim = o.claim and d.status = 'sending' and d.attempts = o.attempt
      returning d.id
    ),
    attempt_rows as (
      insert into delivery_attempts (delivery_id, attempt, started_at, duration_ms, outcome, status_code, error)
      select o.id, o.attempt, o.started, o.duration, o.kind, o.status_code, o.attempt_error from o join updated using (id)
    ),
    events as (
      insert into delivery_events (delivery_id, status, at, detail) select o.id, o.status, o.finished, o.detail from o join updated using (id)
    )
    select id from updated
  `.execute(db);
  return new Set(result.rows.map((row) => row.id));
}
