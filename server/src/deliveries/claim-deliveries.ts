import type { AgencyKind, DeliveryRole } from '@tuo/shared';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/database.js';
import { possibleDuplicateOfSql } from '../duplicates/possible-duplicates.js';

/** One attempt claimed for sending, with what is needed to send it. */
export interface ClaimedDelivery {
  id: string;
  agency: AgencyKind;
  /** Its role when a move tells two organisations of the kind (the old council, the new). */
  role: DeliveryRole | null;
  /** Whether its organisation is the kind's fallback, which alone takes the kind's configured webhook. */
  fallback: boolean;
  /** The attempt being made (1-based); a claim taken over from a dead worker keeps its number. */
  attempt: number;
  /** The claim's token: only the holder of the current one records the outcome. */
  claim: string;
  /** The submission's envelope as stored (sealed identifiers inside). */
  envelope: unknown;
  erased: boolean;
  /** The reference of an earlier report of the same event, when this one may repeat it. */
  possible_duplicate_of: string | null;
  /** What was checked about the report (shared `VerificationCheck`s), for its `verification`. */
  checks: unknown;
}

/**
 * Claims up to `limits[agency]` due attempts per agency in one statement: queued deliveries whose
 * time has come, and attempts left `sending` by a dispatcher that stopped heartbeating (its
 * worker_leases row lapsed), which are sent again under the same attempt number and webhook-id.
 * `skip locked` lets several worker processes claim at once without waiting on each other.
 * Each claim gets a fresh token, and its `due_at` moves past the lease, so an orphaned claim is
 * only taken over once its dispatcher has been silent for that long.
 */
export async function claimDeliveries(
  db: Kysely<Database>,
  options: { dispatcherId: string; leaseSeconds: number; limits: ReadonlyMap<AgencyKind, number> },
): Promise<ClaimedDelivery[]> {
  const agencies = [...options.limits.keys()];
  if (agencies.length === 0) return [];
  const limits = agencies.map((agency) => options.limits.get(agency) ?? 0);
  const result = await sql<ClaimedDelivery>`
    with picked as (
      select due.id from unnest(${agencies}::text[], ${limits}::int[]) as wanted(agency, n)
      cross join lateral (
        select x.id from deliveries x
        -- A notification claimed into a scheduled file belongs to that file's run (channels/file).
        where x.agency = wanted.agency and x.due_at <= now() and x.file_run_id is null
          and (x.status = 'queued'
            or (x.status = 'sending' and not exists (select 1 from worker_leases l where l.worker_id = x.claimed_by)))
        order by x.due_at
        limit wanted.n
        for update skip locked
      ) due
    ),
    claimed as (
      update deliveries d set
        attempts = case when d.status = 'queued' then d.attempts + 1 else d.attempts end,
        status = 'sending', status_changed_at = now(), claim = gen_random_uuid(), claimed_by = ${options.dispatcherId},
        due_at = now() + make_interval(secs => ${options.leaseSeconds})
      from picked where d.id = picked.id
      returning d.id, d.agency, d.role, d.organisation_id, d.attempts, d.claim, d.submission_id
    ),
    noted as (insert into delivery_events (delivery_id, status, at, detail) select id, 'sending', now(), 'Attempt ' || attempts from claimed)
    select claimed.id, claimed.agency, claimed.role, o.fallback, claimed.attempts as attempt, claimed.claim, submissions.envelope,
      submissions.answers_erased_at is not null as erased, submissions.verification_checks as checks,
      ${possibleDuplicateOfSql('submissions')} as possible_duplicate_of
    from claimed join submissions on submissions.id = claimed.submission_id join organisations o on o.id = claimed.organisation_id
  `.execute(db);
  return result.rows;
}

/**
 * Makes attempts due now, given a query of `(id, attempt)` rows: attempts queued through the outbox
 * (a new submission's first ones, a staff retry). An attempt that is no longer the next one for its
 * delivery (already made, or the delivery moved on) is left alone, so a repeat does nothing.
 */
export function markDueSql(due: RawBuilder<unknown>) {
  return sql`
    update deliveries d set due_at = now()
    from ${due} as due
    where d.id = due.id and d.status = 'queued' and d.attempts = due.attempt - 1
  `;
}
