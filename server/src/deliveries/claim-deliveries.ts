import type { AgencyKind, DeliveryRole } from '@tuo/shared';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/database.js';
import { possibleDuplicateOfSql } from '../duplicates/possible-duplicates.js';
import type { OrganisationChannelFacts } from './organisation-adapter.js';

/** One attempt claimed for sending, with what is needed to send it and to choose its organisation's channel. */
export interface ClaimedDelivery extends OrganisationChannelFacts {
  id: string;
  agency: AgencyKind;
  /** The organisation told: its own concurrency limit and circuit breaker (organisation-gates.ts). */
  organisation_id: string;
  /** Its role when a move tells two organisations of the kind (the old council, the new). */
  role: DeliveryRole | null;
  /** The attempt being made (1-based); a claim taken over from a dead worker keeps its number. */
  attempt: number;
  /** The claim's token: only the holder of the current one records the outcome. */
  claim: string;
  /**
   * The submission's envelope as stored (sealed identifiers inside): one object for every
   * delivery of a report claimed together, so it is read, and opened, once (attempt-delivery.ts).
   */
  envelope: unknown;
  erased: boolean;
  /** The reference of an earlier report of the same event, when this one may repeat it. */
  possible_duplicate_of: string | null;
  /** What was checked about the report (shared `VerificationCheck`s), for its `verification`. */
  checks: unknown;
}

/** How many to claim: in all, per organisation by default, and for the organisations that can take fewer now. */
export interface ClaimLimits {
  kinds: readonly AgencyKind[];
  /** The most attempts this claim may take, across every organisation. */
  room: number;
  /** How many one organisation may take when it is not in `constrained`. */
  perOrganisation: number;
  /** Organisations that can take fewer now (0: none, while its circuit is open or it is full). */
  constrained: ReadonlyMap<string, number>;
}

/** Due rows read per kind for one claim, as a multiple of its room: enough that a few busy organisations leave some for the rest. */
const LOOK_AHEAD = 4;

/**
 * Claims up to `room` due attempts in one statement, oldest first, no organisation more than it
 * can take now: queued deliveries whose time has come, and attempts left `sending` by a
 * dispatcher that stopped heartbeating (its worker_leases row lapsed), which are sent again under
 * the same attempt number and webhook-id. An organisation that can take none is never read, so a
 * practice that is timing out leaves the claims to every other one. `skip locked` lets several
 * worker processes claim at once without waiting on each other. Each claim gets a fresh token,
 * and its `due_at` moves past the lease, so an orphaned claim is only taken over once its
 * dispatcher has been silent for that long.
 */
export async function claimDeliveries(
  db: Kysely<Database>,
  options: { dispatcherId: string; leaseSeconds: number; limits: ClaimLimits },
): Promise<ClaimedDelivery[]> {
  const { kinds, room, perOrganisation, constrained } = options.limits;
  if (kinds.length === 0 || room <= 0) return [];
  const full = [...constrained].filter(([, free]) => free <= 0).map(([id]) => id);
  const fewer = [...constrained].filter(([, free]) => free > 0);
  const result = await sql<ClaimedDelivery & { submission_id: string }>`
    with caps as (
      select * from unnest(${fewer.map(([id]) => id)}::uuid[], ${fewer.map(([, free]) => free)}::int[]) as c(organisation_id, free)
    ),
    due as (
      select d.id, d.organisation_id, d.due_at from unnest(${[...kinds]}::text[]) as k(agency)
      cross join lateral (
        select x.id, x.organisation_id, x.due_at from deliveries x
        -- A notification claimed into a scheduled file belongs to that file's run (channels/file).
        where x.agency = k.agency and x.due_at <= now() and x.file_run_id is null
          and x.organisation_id <> all(${full}::uuid[])
          and (x.status = 'queued'
            or (x.status = 'sending' and not exists (select 1 from worker_leases l where l.worker_id = x.claimed_by)))
        order by x.due_at
        limit ${room * LOOK_AHEAD}
        for update skip locked
      ) d
    ),
    picked as (
      select ranked.id from (
        select due.id, due.due_at, coalesce(caps.free, ${perOrganisation}) as free,
          row_number() over (partition by due.organisation_id order by due.due_at) as n
        from due left join caps on caps.organisation_id = due.organisation_id
      ) ranked
      where ranked.n <= ranked.free
      order by ranked.due_at
      limit ${room}
    ),
    claimed as (
      update deliveries d set
        attempts = case when d.status = 'queued' then d.attempts + 1 else d.attempts end,
        status = 'sending', status_changed_at = now(), claim = gen_random_uuid(), claimed_by = ${options.dispatcherId},
        due_at = now() + make_interval(secs => ${options.leaseSeconds})
      from picked where d.id = picked.id
      returning d.id, d.agency, d.role, d.organisation_id, d.attempts, d.claim, d.submission_id
    ),
    noted as (insert into delivery_events (delivery_id, status, at, detail) select id, 'sending', now(), 'Attempt ' || attempts from claimed),
    -- Each report claimed, once, however many of its deliveries are: the look-up of an earlier report
    -- of the same event is the same for all of them (a death's four deliveries are usually claimed together).
    reports as (
      select submissions.id, submissions.envelope, submissions.answers_erased_at is not null as erased,
        submissions.verification_checks as checks, ${possibleDuplicateOfSql('submissions')} as possible_duplicate_of
      from submissions where submissions.id in (select submission_id from claimed)
    )
    -- A report's envelope on the first of its rows only: the others share that one (below).
    select claimed.id, claimed.agency, claimed.role, claimed.organisation_id, o.fallback, os.webhook_url,
      os.webhook_secret_sealed, os.primary_channel, claimed.attempts as attempt, claimed.claim, claimed.submission_id,
      case when row_number() over (partition by claimed.submission_id) = 1 then reports.envelope end as envelope,
      reports.erased, reports.checks, reports.possible_duplicate_of
    from claimed join reports on reports.id = claimed.submission_id join organisations o on o.id = claimed.organisation_id
      left join organisation_settings os on os.organisation_id = claimed.organisation_id
  `.execute(db);
  const envelopes = new Map<string, unknown>();
  for (const row of result.rows) if (row.envelope !== null) envelopes.set(row.submission_id, row.envelope);
  return result.rows.map(({ submission_id, ...row }) => ({ ...row, envelope: envelopes.get(submission_id) }));
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
