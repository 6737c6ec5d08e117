import { todayInLondon } from '@tuo/shared';
import type { Dashboard } from '@tuo/shared/api/staff-dashboard';
import type { DeliveryStatus } from '@tuo/shared/api/submissions';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { countOpenChaseRequests } from '../service-levels/chase-requests.js';

const listLimit = 50;

function troubled(db: Kysely<Database>, statuses: DeliveryStatus[]) {
  return db
    .selectFrom('deliveries as d')
    .innerJoin('submissions as s', 's.id', 'd.submission_id')
    .innerJoin('organisations as o', 'o.id', 'd.organisation_id')
    .select([
      'd.id',
      's.reference',
      'd.agency',
      'o.name as organisation',
      'd.role',
      'd.status',
      'd.attempts',
      'd.last_error',
      'd.status_changed_at',
    ])
    .where('d.status', 'in', statuses)
    .orderBy('d.status_changed_at')
    .limit(listLimit)
    .execute()
    .then((rows) =>
      rows.map((r) => ({
        id: r.id,
        reference: r.reference,
        agency: r.agency,
        organisation: r.organisation,
        ...(r.role ? { role: r.role } : {}),
        status: r.status,
        attempts: r.attempts,
        lastError: r.last_error,
        statusChangedAt: r.status_changed_at.toISOString(),
      })),
    );
}

/**
 * The supervisor's view of the day: submissions since midnight in the UK by life event and
 * channel; deliveries failed or still waiting (oldest first), by organisation; and per organisation the oldest
 * notification delivered but not yet acknowledged by anyone there.
 */
export async function loadDashboard(db: Kysely<Database>, now = new Date()): Promise<Dashboard> {
  const today = todayInLondon(now);
  // Midnight in London, as an instant, whatever the server's own time zone.
  const midnight = sql<Date>`(${today}::date::timestamp at time zone 'Europe/London')`;
  const [counts, failing, waiting, oldest, missed, openChaseRequests] = await Promise.all([
    db
      .selectFrom('submissions')
      .select(['life_event', 'channel', (eb) => eb.fn.countAll<string>().as('count')])
      .where('submitted_at', '>=', midnight)
      .groupBy(['life_event', 'channel'])
      .orderBy('life_event')
      .orderBy('channel')
      .execute(),
    troubled(db, ['failed']),
    troubled(db, ['queued', 'sending']),
    db
      .selectFrom('deliveries as d')
      .innerJoin('submissions as s', 's.id', 'd.submission_id')
      .innerJoin('organisations as o', 'o.id', 'd.organisation_id')
      .distinctOn(['d.agency', 'o.name', 'd.organisation_id'])
      .select(['d.agency', 'o.name as organisation', 's.reference', 'd.delivered_at'])
      .where('d.status', '=', 'delivered')
      .where('d.delivered_at', 'is not', null)
      .orderBy('d.agency')
      .orderBy('o.name')
      .orderBy('d.organisation_id')
      .orderBy('d.delivered_at')
      .limit(listLimit)
      .execute(),
    db
      .selectFrom('deliveries')
      .select([
        sql<string>`count(*) filter (where acknowledge_flagged_at is not null and acknowledged_at is null)`.as(
          'acknowledge',
        ),
        sql<string>`count(*) filter (where action_flagged_at is not null and actioned_at is null)`.as('action'),
      ])
      .where((eb) => eb.or([eb('acknowledge_flagged_at', 'is not', null), eb('action_flagged_at', 'is not', null)]))
      .executeTakeFirst(),
    countOpenChaseRequests(db),
  ]);
  return {
    today,
    submissionsToday: counts.map((c) => ({
      lifeEvent: c.life_event,
      channel: c.channel,
      count: Number(c.count),
    })),
    failing,
    waiting,
    missedTargets: { acknowledge: Number(missed?.acknowledge ?? 0), action: Number(missed?.action ?? 0) },
    openChaseRequests,
    oldestUnacknowledged: oldest.flatMap((o) =>
      o.delivered_at
        ? [
            {
              agency: o.agency,
              organisation: o.organisation,
              reference: o.reference,
              deliveredAt: o.delivered_at.toISOString(),
            },
          ]
        : [],
    ),
  };
}
