import type { AgencyKind, DeliveryRole } from '@tuo/shared';
import type {
  ChaseQueue,
  ChaseQueueItem,
  ChaseRequestSummary,
  ChaseStatus,
  TargetKind,
} from '@tuo/shared/api/chase-requests';
import type { TrackChaseAgency } from '@tuo/shared/pages/track-chase-model';
import { sql, type Kysely } from 'kysely';
import { auditInsert, recordAudit, type Actor } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { ownTarget } from '../organisations/organisation-settings.js';
import { deadlineDate, targetFor, targetStates, type ServiceLevels } from './targets.js';
import type { WorkingCalendar } from './working-days.js';

/** What judging and limiting requests needs. */
export interface ChaseDeps {
  serviceLevels: ServiceLevels;
  calendar: WorkingCalendar;
  now: Date;
  perDay: number;
}

/** Midnight in London today, as an instant, whatever the server's time zone. */
const londonMidnight = (now: Date) =>
  sql<Date>`(date_trunc('day', ${now}::timestamptz at time zone 'Europe/London') at time zone 'Europe/London')`;

interface DeliveryRow {
  id: string;
  agency: string;
  life_event: string;
  delivered_at: Date | null;
  acknowledged_at: Date | null;
  actioned_at: Date | null;
  /** The organisation's own targets (organisation_settings), if an admin set them. */
  acknowledge_days: number | null;
  action_days: number | null;
}

/** A delivery's columns a target needs, with its organisation's own targets. */
const targetColumns = [
  'd.id',
  'd.agency',
  's.life_event',
  'd.delivered_at',
  'd.acknowledged_at',
  'd.actioned_at',
  'os.acknowledge_days',
  'os.action_days',
] as const;

/** The target a delivered notification has missed at `now` (the later step when both), and its last day. */
function missedTarget(deps: ChaseDeps, row: DeliveryRow): { kind: TargetKind; deadline: string } | null {
  if (!row.delivered_at) return null;
  const states = targetStates(
    deps.calendar,
    targetFor(deps.serviceLevels, row.agency, row.life_event, ownTarget(row)),
    { deliveredAt: row.delivered_at, acknowledgedAt: row.acknowledged_at, actionedAt: row.actioned_at },
    deps.now,
  );
  const missed = states.action.missed ? states.action : states.acknowledge.missed ? states.acknowledge : null;
  return missed ? { kind: missed.kind, deadline: missed.deadline } : null;
}

/** A sent notification's last days to be acknowledged and actioned. */
function targetDates(deps: ChaseDeps, row: DeliveryRow): TrackChaseAgency['targets'] {
  if (!row.delivered_at) return null;
  const target = targetFor(deps.serviceLevels, row.agency, row.life_event, ownTarget(row));
  return {
    acknowledgeBy: deadlineDate(deps.calendar, row.delivered_at, target.acknowledgeDays),
    actionBy: deadlineDate(deps.calendar, row.delivered_at, target.actionDays),
  };
}

async function requestsToday(db: Kysely<Database>, submissionId: string, now: Date): Promise<number> {
  const row = await db
    .selectFrom('chase_requests')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('submission_id', '=', submissionId)
    .where('requested_at', '>=', londonMidnight(now))
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/** Each agency of a submission against its targets, with the resident's requests to chase and their outcomes. */
export async function loadTrackChase(
  db: Kysely<Database>,
  submissionId: string,
  deps: ChaseDeps,
): Promise<TrackChaseAgency[]> {
  const [deliveries, requests, today] = await Promise.all([
    db
      .selectFrom('deliveries as d')
      .innerJoin('submissions as s', 's.id', 'd.submission_id')
      .leftJoin('organisation_settings as os', 'os.organisation_id', 'd.organisation_id')
      .innerJoin('organisations as o', 'o.id', 'd.organisation_id')
      .select([...targetColumns, 'd.role', 'o.name as organisation', 'o.fallback'])
      .where('d.submission_id', '=', submissionId)
      .orderBy('d.agency')
      .orderBy('d.role', 'desc')
      .execute(),
    db
      .selectFrom('chase_requests')
      .select(['delivery_id', 'status', 'requested_at', 'handled_at', 'staff_note'])
      .where('submission_id', '=', submissionId)
      .orderBy('requested_at', 'desc')
      .execute(),
    requestsToday(db, submissionId, deps.now),
  ]);
  return deliveries.map((row) => {
    const missed = missedTarget(deps, row);
    const mine: ChaseRequestSummary[] = requests
      .filter((r) => r.delivery_id === row.id)
      .map((r) => ({
        status: r.status,
        requestedAt: r.requested_at.toISOString(),
        handledAt: r.handled_at?.toISOString() ?? null,
        staffNote: r.staff_note,
      }));
    const active = mine.some((r) => r.status !== 'resolved');
    return {
      agency: row.agency,
      organisation: row.organisation,
      ...(row.fallback ? { organisationFallback: true as const } : {}),
      ...(row.role ? { role: row.role } : {}),
      missed: missed?.kind ?? null,
      deadline: missed?.deadline ?? null,
      targets: targetDates(deps, row),
      canAsk: missed !== null && !active && today < deps.perDay,
      requests: mine,
    };
  });
}

/** What became of a request to chase. */
export type ChaseResult =
  { ok: true } | { ok: false; reason: 'not-found' | 'within-target' | 'already-asked' | 'limit' };

/**
 * Records a resident's request to chase one organisation's notification (by kind and role), once its target has passed.
 * Requests for one submission are taken one at a time (the submission row is locked), so the daily
 * limit holds under concurrent posts; the partial unique index keeps one active request per
 * notification, so a repeat or a double click never makes a second piece of work.
 */
export async function requestChase(
  db: Kysely<Database>,
  input: { submissionId: string; agency: AgencyKind; role?: DeliveryRole | undefined; note: string },
  deps: ChaseDeps,
): Promise<ChaseResult> {
  return db.transaction().execute(async (trx) => {
    const submission = await trx
      .selectFrom('submissions')
      .select(['id', 'answers_erased_at'])
      .where('id', '=', input.submissionId)
      .forUpdate()
      .executeTakeFirst();
    // Once the resident's personal data is erased, a request can still be made, but its note is not kept.
    const note = input.note === '' || submission?.answers_erased_at ? null : input.note;
    const delivery = await trx
      .selectFrom('deliveries as d')
      .innerJoin('submissions as s', 's.id', 'd.submission_id')
      .leftJoin('organisation_settings as os', 'os.organisation_id', 'd.organisation_id')
      .select(targetColumns)
      .where('d.submission_id', '=', input.submissionId)
      .where('d.agency', '=', input.agency)
      // The old council and the new are two notifications of one kind: the role says which.
      .where((eb) => (input.role ? eb('d.role', '=', input.role) : eb('d.role', 'is', null)))
      .executeTakeFirst();
    if (!delivery) return { ok: false, reason: 'not-found' } as const;
    const missed = missedTarget(deps, delivery);
    if (!missed) return { ok: false, reason: 'within-target' } as const;
    if ((await requestsToday(trx, input.submissionId, deps.now)) >= deps.perDay)
      return { ok: false, reason: 'limit' } as const;
    const inserted = await sql<{ id: string }>`
      with made as (
        insert into chase_requests (delivery_id, submission_id, target, status, resident_note, requested_at)
        values (${delivery.id}, ${input.submissionId}, ${missed.kind}, 'open', ${note}, ${deps.now})
        on conflict (delivery_id) where status <> 'resolved' do nothing
        returning id
      ),
      audit as (${auditInsert({ actor: { type: 'resident' }, action: 'resident.chase.requested', submissionId: input.submissionId, detail: { agency: input.agency, deliveryId: delivery.id, target: missed.kind } }, sql`from made`)})
      select id from made
    `.execute(trx);
    return inserted.rows.length > 0 ? ({ ok: true } as const) : ({ ok: false, reason: 'already-asked' } as const);
  });
}

/** Requests still to finish (open, then chased), oldest first; and the most recently resolved. */
export async function listChaseRequests(db: Kysely<Database>): Promise<ChaseQueue> {
  const base = db
    .selectFrom('chase_requests as c')
    .innerJoin('submissions as s', 's.id', 'c.submission_id')
    .innerJoin('deliveries as d', 'd.id', 'c.delivery_id')
    .select([
      'c.id',
      's.reference',
      's.life_event',
      'd.agency',
      'c.target',
      'c.status',
      'c.resident_note',
      'c.requested_at',
      'c.staff_note',
      'c.handled_at',
    ]);
  const [active, resolved] = await Promise.all([
    base
      .where('c.status', '<>', 'resolved')
      .orderBy(sql`c.status = 'chased'`)
      .orderBy('c.requested_at')
      .limit(200)
      .execute(),
    base.where('c.status', '=', 'resolved').orderBy('c.handled_at', 'desc').limit(20).execute(),
  ]);
  const shape = (r: (typeof active)[number]): ChaseQueueItem => ({
    id: r.id,
    reference: r.reference,
    lifeEvent: r.life_event,
    agency: r.agency,
    target: r.target,
    status: r.status,
    residentNote: r.resident_note,
    requestedAt: r.requested_at.toISOString(),
    staffNote: r.staff_note,
    handledAt: r.handled_at?.toISOString() ?? null,
  });
  return { active: active.map(shape), resolved: resolved.map(shape) };
}

/** Open requests waiting for staff, for the dashboard. */
export async function countOpenChaseRequests(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('chase_requests')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/**
 * Staff record what they did: `chased` (the agency was chased; the request stays active) or
 * `resolved` (closed). Guarded on the current state, so two staff acting at once record one
 * outcome; audited in the same transaction.
 */
export async function handleChaseRequest(
  db: Kysely<Database>,
  input: { id: string; outcome: 'chased' | 'resolved'; note: string; now: Date },
  actor: Actor & { id: string },
): Promise<boolean> {
  const { id, outcome, note, now } = input;
  return db.transaction().execute(async (trx) => {
    const from: ChaseStatus[] = outcome === 'chased' ? ['open'] : ['open', 'chased'];
    const updated = await trx
      .updateTable('chase_requests')
      .set({ status: outcome, staff_note: note, staff_id: actor.id, handled_at: now })
      .where('id', '=', id)
      .where('status', 'in', from)
      .returning(['submission_id', 'delivery_id'])
      .executeTakeFirst();
    if (!updated) return false;
    await recordAudit(trx, {
      actor,
      action: `staff.chase-request.${outcome}`,
      submissionId: updated.submission_id,
      detail: { chaseRequestId: id, deliveryId: updated.delivery_id },
    });
    return true;
  });
}
