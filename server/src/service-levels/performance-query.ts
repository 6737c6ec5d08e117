import type { StaffPerformanceQuery } from '@tuo/shared/api/performance';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { NotificationRow, SubmissionGroup } from './performance-figures.js';

/** What to count: a window of time, and for staff one agency, life event or channel. */
export type PerformanceFilter = { from: Date; to: Date } & Partial<
  Pick<StaffPerformanceQuery, 'agency' | 'lifeEvent' | 'channel'>
>;

/**
 * The rows the figures are worked out from: delivered notifications in the window (by when they
 * were delivered) and reports made in it, counted by life event and channel. Only times, agencies,
 * life events and channels are read: nothing about anyone.
 */
export async function loadPerformanceRows(
  db: Kysely<Database>,
  filter: PerformanceFilter,
): Promise<{ notifications: NotificationRow[]; submissions: SubmissionGroup[] }> {
  let notifications = db
    .selectFrom('deliveries as d')
    .innerJoin('submissions as s', 's.id', 'd.submission_id')
    .select(['d.agency', 's.life_event', 'd.delivered_at', 'd.acknowledged_at', 'd.actioned_at'])
    .where('d.delivered_at', 'is not', null)
    .where('d.delivered_at', '>=', filter.from)
    .where('d.delivered_at', '<', filter.to);
  if (filter.agency) notifications = notifications.where('d.agency', '=', filter.agency);
  if (filter.lifeEvent) notifications = notifications.where('s.life_event', '=', filter.lifeEvent);
  if (filter.channel) notifications = notifications.where('s.channel', '=', filter.channel);

  // Only the agencies that were actually told (refused, failed or erased-before-sending ones were not).
  const told = sql<number>`(select count(*) from deliveries d where d.submission_id = s.id and d.delivered_at is not null)::int`;
  let reports = db
    .selectFrom('submissions as s')
    .select(['s.life_event', 's.channel', told.as('told')])
    .where('s.submitted_at', '>=', filter.from)
    .where('s.submitted_at', '<', filter.to);
  if (filter.agency) {
    const agency = filter.agency;
    reports = reports.where((eb) =>
      eb.exists(
        eb
          .selectFrom('deliveries as d')
          .select('d.id')
          .whereRef('d.submission_id', '=', 's.id')
          .where('d.agency', '=', agency)
          .where('d.delivered_at', 'is not', null),
      ),
    );
  }
  if (filter.lifeEvent) reports = reports.where('s.life_event', '=', filter.lifeEvent);
  if (filter.channel) reports = reports.where('s.channel', '=', filter.channel);

  const [rows, groups] = await Promise.all([
    notifications.execute(),
    db
      .selectFrom(reports.as('r'))
      .select(['r.life_event', 'r.channel'])
      .select((eb) => [
        eb.fn.countAll<string>().as('submissions'),
        sql<string>`coalesce(sum(r.told), 0)`.as('agencies_told'),
        sql<string>`coalesce(sum(greatest(r.told - 1, 0)), 0)`.as('contacts_saved'),
      ])
      .groupBy(['r.life_event', 'r.channel'])
      .execute(),
  ]);
  return {
    notifications: rows.flatMap((row) =>
      row.delivered_at
        ? [
            {
              agency: row.agency,
              lifeEvent: row.life_event,
              deliveredAt: row.delivered_at,
              acknowledgedAt: row.acknowledged_at,
              actionedAt: row.actioned_at,
            },
          ]
        : [],
    ),
    submissions: groups.map((group) => ({
      lifeEvent: group.life_event,
      channel: group.channel,
      submissions: Number(group.submissions),
      agenciesTold: Number(group.agencies_told),
      contactsSaved: Number(group.contacts_saved),
    })),
  };
}
