import type { VerificationLevel } from '@tuo/shared/verification/verification';
import { withoutUprns, type AgencyKind, type Answers, type DeliveryRole, type LifeEventId } from '@tuo/shared';
import { showsFact } from '@tuo/shared/agencies/report-facts';
import type { AgencyNotification } from '@tuo/shared/api/agency-notifications';
import type { ErasureKind } from '@tuo/shared/api/erasure-kinds';
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { withdrawnOf } from '../db/submission-status.js';
import { possibleDuplicateOfSql } from '../duplicates/possible-duplicates.js';
import type { ProtectedValues } from '../privacy/protected-values.js';
import type { OrganisationScope } from '../organisations/organisation-scope.js';
import { encodeCursor, type InboxPosition } from './inbox-cursor.js';
import { ownCorrections, type StoredCorrection } from './own-corrections.js';

interface InboxRow {
  id: string;
  reference: string;
  life_event: LifeEventId;
  agency: AgencyKind;
  role: DeliveryRole | null;
  status: AgencyNotification['status'];
  delivered_at: Date;
  acknowledged_at: Date | null;
  actioned_at: Date | null;
  outcome: string | null;
  agency_reference: string | null;
  acknowledge_flagged_at: Date | null;
  action_flagged_at: Date | null;
  /** Sealed (see ProtectedValues); null once the resident's personal data has been erased. */
  payload: unknown;
  inbox_xid: string;
  inbox_seq: string;
  possible_duplicate_of: string | null;
  withdrawn_at: Date | null;
  withdrawn_by: string | null;
  answers_erased_at: Date | null;
  erasure_kind: ErasureKind | null;
  /** Every correction made after this notification reached the organisation, whichever fields it changed. */
  corrections: StoredCorrection[] | null;
}

// Corrections made before the notification reached the organisation are not news to it: it was sent the corrected answers.
const corrections = sql`(select json_agg(json_build_object('at', c.corrected_at, 'fields', c.fields) order by c.corrected_at)
  from submission_corrections c where c.submission_id = s.id and c.corrected_at > d.delivered_at)`;

const columns = sql`d.id, s.reference, s.life_event, d.agency, d.role, d.status, d.delivered_at, d.acknowledged_at, d.actioned_at, d.outcome, d.agency_reference, d.acknowledge_flagged_at, d.action_flagged_at, d.payload, d.inbox_xid::text as inbox_xid, d.inbox_seq::text as inbox_seq, s.withdrawn_at, s.withdrawn_by, s.answers_erased_at, s.erasure_kind, ${possibleDuplicateOfSql('s')} as possible_duplicate_of, ${corrections} as corrections`;

function toNotification(privacy: ProtectedValues, row: InboxRow): AgencyNotification {
  const payload = row.payload === null ? {} : (privacy.openPayload(row.payload) as unknown as Record<string, unknown>);
  // The link is read fresh: a report made after this one was delivered is named too.
  const { possibleDuplicateOf: _whenDelivered, ...stored } = payload;
  // A payload stored before UPRNs were withheld from kinds not sent them still has them: never served.
  const routed =
    showsFact(row.agency, 'uprn') || typeof stored.answers !== 'object' || stored.answers === null
      ? stored
      : { ...stored, answers: withoutUprns(stored.answers as Answers) };
  const corrected = ownCorrections({ lifeEvent: row.life_event, agency: row.agency, role: row.role }, row.corrections);
  return {
    id: row.id,
    reference: row.reference,
    lifeEvent: row.life_event,
    agency: row.agency,
    status: row.status,
    deliveredAt: row.delivered_at.toISOString(),
    acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
    actionedAt: row.actioned_at?.toISOString() ?? null,
    outcome: row.outcome,
    agencyReference: row.agency_reference,
    missedTargets: [
      ...(row.acknowledge_flagged_at ? (['acknowledge'] as const) : []),
      ...(row.action_flagged_at ? (['action'] as const) : []),
    ],
    withdrawn: withdrawnOf(row),
    ...(row.answers_erased_at
      ? { answersErased: { at: row.answers_erased_at.toISOString(), kind: row.erasure_kind ?? 'retention' } }
      : {}),
    ...(corrected ? { corrections: corrected } : {}),
    possibleDuplicateOf: row.possible_duplicate_of,
    payload:
      row.possible_duplicate_of === null ? routed : { ...routed, possibleDuplicateOf: row.possible_duplicate_of },
  };
}

/**
 * A page of an agency's inbox after `after`, in the order the notifications entered it. Only rows
 * written by transactions older than every transaction still running are served, so a row that
 * commits later always sorts after the cursor: each notification is served exactly once.
 */
export async function listInbox(
  db: Kysely<Database>,
  privacy: ProtectedValues,
  organisation: OrganisationScope,
  after: InboxPosition,
  limit: number,
) {
  const rows = await sql<InboxRow>`
    select ${columns}
    from deliveries d join submissions s on s.id = d.submission_id
    where d.organisation_id = ${organisation.id} and d.inbox_xid is not null
      and (d.inbox_xid, d.inbox_seq) > (${after.xid}::xid8, ${after.seq}::bigint)
      and d.inbox_xid < pg_snapshot_xmin(pg_current_snapshot())
    order by d.inbox_xid, d.inbox_seq
    limit ${limit}
  `.execute(db);
  const last = rows.rows.at(-1);
  return {
    notifications: rows.rows.map((row) => toNotification(privacy, row)),
    nextCursor: encodeCursor(last ? { xid: last.inbox_xid, seq: last.inbox_seq } : after),
  };
}

/**
 * Notes that the organisation has opened these notifications in its inbox (its system read them
 * through the API, or an officer opened one in the portal): the first time only, so the resident's
 * tracking page can say when they received it rather than that it still waits there.
 */
export async function markOpened(
  db: Kysely<Database>,
  organisation: OrganisationScope,
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('deliveries')
    .set({ opened_at: sql<Date>`now()` })
    .where('id', 'in', ids)
    .where('organisation_id', '=', organisation.id)
    .where('opened_at', 'is', null)
    .execute();
}

/** One notification, if it is in this organisation's inbox (another's is as good as missing). */
export async function findInInbox(
  db: Kysely<Database>,
  privacy: ProtectedValues,
  organisation: OrganisationScope,
  id: string,
): Promise<AgencyNotification | undefined> {
  const rows = await sql<InboxRow>`
    select ${columns} from deliveries d join submissions s on s.id = d.submission_id
    where d.id = ${id} and d.organisation_id = ${organisation.id} and d.inbox_xid is not null
  `.execute(db);
  return rows.rows[0] ? toNotification(privacy, rows.rows[0]) : undefined;
}

/**
 * Moves a notification on: `acknowledged` (someone has it) or `actioned` (done, with what was done),
 * keeping the agency's own case reference when it gives one (a later one replaces it, so a
 * mistyped reference can be put right). Idempotent: repeating it changes nothing, and it never
 * moves a notification backwards. The status change, reference, event and audit line are written
 * in one statement.
 */
export async function advanceNotification(
  db: Kysely<Database>,
  privacy: ProtectedValues,
  organisation: OrganisationScope,
  id: string,
  to: 'acknowledged' | 'actioned',
  actor: Actor,
  given: { outcome?: string | undefined; reference?: string | undefined } = {},
): Promise<AgencyNotification | undefined> {
  const { outcome, reference } = given;
  const from = to === 'acknowledged' ? ['delivered'] : ['delivered', 'acknowledged'];
  const detail = to === 'acknowledged' ? 'Acknowledged by the agency' : 'Actioned by the agency';
  // One update (a row can change only once per statement): it moves the status when the
  // notification may move, and sets the reference whenever one is given.
  await sql`
    with changed as (
      update deliveries set
        status = case when moves then ${to} else status end,
        status_changed_at = case when moves then now() else status_changed_at end,
        acknowledged_at = case when moves then coalesce(acknowledged_at, now()) else acknowledged_at end,
        actioned_at = case when moves and ${to} = 'actioned' then now() else actioned_at end,
        -- An outcome is the agency's own words and may name the resident: not kept once their data is erased.
        outcome = case when moves and ${to} = 'actioned' and not exists (select 1 from submissions s where s.id = deliveries.submission_id and s.answers_erased_at is not null)
          then ${outcome ?? null} else outcome end,
        agency_reference = coalesce(${reference ?? null}, agency_reference)
      from (select status = any(${from}::text[]) as moves from deliveries where id = ${id}) as state
      where id = ${id} and organisation_id = ${organisation.id} and inbox_xid is not null
        and (moves or ${reference ?? null}::text is distinct from agency_reference and ${reference ?? null}::text is not null)
      returning id, submission_id, moves
    ),
    event as (insert into delivery_events (delivery_id, status, at, detail) select id, ${to}, now(), ${detail} from changed where moves),
    audit as (
      insert into audit_events (actor_type, actor_id, address, action, submission_id, detail)
      select ${actor.type}, ${actor.id ?? null}, ${actor.address ?? null},
        case when moves then ${`notification.${to}`} else 'notification.referenced' end,
        submission_id, ${JSON.stringify({ agency: organisation.kind, organisationId: organisation.id, deliveryId: id, ...(reference ? { referenceGiven: true } : {}) })}::jsonb from changed
    )
    select count(*) from changed
  `.execute(db);
  return findInInbox(db, privacy, organisation, id);
}

/** Which of an agency's notifications to find: by status, life event and the UK day each was delivered. */
export interface InboxFilters {
  status?: AgencyNotification['status'];
  lifeEvent?: LifeEventId;
  /** First day delivered, `YYYY-MM-DD`, inclusive, in UK time. */
  from?: string;
  /** Last day delivered, `YYYY-MM-DD`, inclusive, in UK time. */
  to?: string;
  /** Only those whose payload carried this verification level. */
  level?: VerificationLevel;
}

/**
 * The agency's notifications matching `filters`, oldest delivered first (a work queue), with how
 * many match in all: for the portal's work list and its export. Only this organisation's are ever read.
 */
export async function searchInbox(
  db: Kysely<Database>,
  privacy: ProtectedValues,
  organisation: OrganisationScope,
  filters: InboxFilters,
  window: { offset: number; limit: number },
) {
  const conditions = [sql`d.organisation_id = ${organisation.id}`, sql`d.inbox_xid is not null`];
  if (filters.status) conditions.push(sql`d.status = ${filters.status}`);
  if (filters.lifeEvent) conditions.push(sql`s.life_event = ${filters.lifeEvent}`);
  // The level is outside the sealed answers, in clear, as the agency was sent it.
  if (filters.level) conditions.push(sql`d.payload -> 'verification' ->> 'level' = ${filters.level}`);
  if (filters.from)
    conditions.push(sql`d.delivered_at >= (${filters.from}::date::timestamp at time zone 'Europe/London')`);
  if (filters.to)
    conditions.push(sql`d.delivered_at < ((${filters.to}::date + 1)::timestamp at time zone 'Europe/London')`);
  const where = sql.join(conditions, sql` and `);
  const [rows, count] = await Promise.all([
    sql<InboxRow>`
      select ${columns} from deliveries d join submissions s on s.id = d.submission_id
      where ${where} order by d.delivered_at, d.id offset ${window.offset} limit ${window.limit}
    `.execute(db),
    sql<{
      total: string;
    }>`select count(*) as total from deliveries d join submissions s on s.id = d.submission_id where ${where}`.execute(
      db,
    ),
  ]);
  return {
    notifications: rows.rows.map((row) => toNotification(privacy, row)),
    total: Number(count.rows[0]?.total ?? 0),
  };
}
