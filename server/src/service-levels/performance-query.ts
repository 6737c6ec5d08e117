import { agencyKinds, lifeEventIds } from '@tuo/shared';
import type { StaffPerformanceQuery } from '@tuo/shared/api/performance';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { targetFor, type ServiceLevels } from './targets.js';
import { workingDayNumbers } from './working-day-numbers.js';
import { londonDate, startOfLondonDay, type WorkingCalendar } from './working-days.js';

/** What to count: a window of time, and for staff one agency, life event or channel. */
export type PerformanceFilter = { from: Date; to: Date } & Partial<
  Pick<StaffPerformanceQuery, 'agency' | 'lifeEvent' | 'channel'>
>;

/** One step (acknowledge or action) of a group of notifications, counted. */
export interface StepCounts {
  /** Notifications that took the step. */
  done: number;
  /** Working days taken, by nearest rank over those done (null when none were). */
  median: number | null;
  p90: number | null;
  /** Notifications judged against the target: done, or past the deadline without it. */
  judged: number;
  /** Done within the target. */
  within: number;
}

/** Delivered notifications of one agency and life event (or of every life event: 'all'), counted. */
export interface NotificationGroup {
  agency: string;
  lifeEvent: string;
  sent: number;
  acknowledge: StepCounts;
  action: StepCounts;
}

/** Reports made, counted by life event and channel. */
export interface SubmissionGroup {
  lifeEvent: string;
  channel: string;
  submissions: number;
  /** Agencies told, added up over the reports. */
  agenciesTold: number;
  /** Agencies told beyond the first, added up: contacts the resident did not have to make. */
  contactsSaved: number;
}

interface HistogramRow {
  agency: string;
  life_event: string;
  ack_days: number | null;
  act_days: number | null;
  ack_judged: boolean;
  act_judged: boolean;
  ack_within: boolean;
  act_within: boolean;
  n: number;
}

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const previousDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);

/** The figure at percentile `p` (0 to 1] of a histogram of whole days, by nearest rank: always a value that occurred. */
function nearestRank(histogram: ReadonlyMap<number, number>, total: number, p: number): number | null {
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const [days, count] of [...histogram].sort((a, b) => a[0] - b[0])) {
    seen += count;
    if (seen >= rank) return days;
  }
  return null;
}

/** A step's counts from histogram rows: done, nearest-rank median and 90th percentile, judged, within. */
export function stepCounts(
  rows: readonly { days: number | null; judged: boolean; within: boolean; n: number }[],
): StepCounts {
  const histogram = new Map<number, number>();
  let done = 0;
  let judged = 0;
  let within = 0;
  for (const row of rows) {
    if (row.days !== null) {
      done += row.n;
      histogram.set(row.days, (histogram.get(row.days) ?? 0) + row.n);
    }
    if (row.judged) judged += row.n;
    if (row.within) within += row.n;
  }
  return { done, median: nearestRank(histogram, done, 0.5), p90: nearestRank(histogram, done, 0.9), judged, within };
}

/**
 * The figures' counts, aggregated in the database: for each agency and life event, delivered
 * notifications in the window counted by the whole working days each step took (a histogram: the
 * days are small integers, so percentiles by nearest rank over it are exact and no row leaves the
 * database), and whether each was judged against its target and within it. Working days come from
 * working-day numbers per UTC hour passed in (a UK day starts on a UTC hour, in summer time or
 * not), so the database neither converts time zones nor joins a calendar per row; each agency's
 * targets are passed in likewise. Nothing but times, agencies, life events and channels is read.
 */
export async function loadPerformanceCounts(
  db: Kysely<Database>,
  filter: PerformanceFilter,
  deps: { serviceLevels: ServiceLevels; calendar: WorkingCalendar; now: Date },
): Promise<{ notifications: NotificationGroup[]; submissions: SubmissionGroup[] }> {
  const today = londonDate(deps.now);
  const first = previousDay(londonDate(filter.from));
  const last = [today, londonDate(filter.to)].sort().at(-1) ?? today;
  const calendar = workingDayNumbers(deps.calendar, first, last);
  const numberOf = new Map(calendar.days.map((day, i) => [day, calendar.numbers[i] ?? 0]));
  // Working-day number of the UK day each UTC hour falls on, from the first day's start.
  const base = Math.floor(startOfLondonDay(first).getTime() / HOUR_MS);
  const hours = Math.ceil((startOfLondonDay(last).getTime() + 25 * HOUR_MS) / HOUR_MS) - base;
  const hourNumbers = Array.from(
    { length: hours },
    (_, i) => numberOf.get(londonDate(new Date((base + i) * HOUR_MS))) ?? 0,
  );
  // A step not done is past its deadline once the deadline day is over: by yesterday, the target's
  // number of working days had passed since the day of delivery.
  const yesterday = numberOf.get(previousDay(today)) ?? 0;
  const pairs = agencyKinds.flatMap((agency) => lifeEventIds.map((lifeEvent) => ({ agency, lifeEvent })));
  const targets = pairs.map((p) => targetFor(deps.serviceLevels, p.agency, p.lifeEvent));
  const where = [
    sql`d.delivered_at >= ${filter.from}`,
    sql`d.delivered_at < ${filter.to}`,
    ...(filter.agency ? [sql`d.agency = ${filter.agency}`] : []),
    ...(filter.lifeEvent ? [sql`s.life_event = ${filter.lifeEvent}`] : []),
    ...(filter.channel ? [sql`s.channel = ${filter.channel}`] : []),
  ];
  const dayNumber = (column: string) =>
    sql`cal.n[(floor(date_part('epoch', ${sql.ref(column)}) / 3600) - cal.base + 1)::int]`;
  const histogram = sql<HistogramRow>`
    with cal as (select ${hourNumbers}::int[] as n, ${base}::float8 as base),
    targets as (
      select * from unnest(${pairs.map((p) => p.agency)}::text[], ${pairs.map((p) => p.lifeEvent)}::text[],
        ${targets.map((t) => t.acknowledgeDays)}::int[], ${targets.map((t) => t.actionDays)}::int[])
        as targets(agency, life_event, ack_target, act_target)
    ),
    delivered as (
      select d.agency, s.life_event, t.ack_target, t.act_target, ${dayNumber('d.delivered_at')} as n0,
        greatest(0, ${dayNumber('d.acknowledged_at')} - ${dayNumber('d.delivered_at')}) as ack_days,
        greatest(0, ${dayNumber('d.actioned_at')} - ${dayNumber('d.delivered_at')}) as act_days,
        d.acknowledged_at is null as ack_open, d.actioned_at is null as act_open
      from deliveries d
      join submissions s on s.id = d.submission_id
      join targets t on t.agency = d.agency and t.life_event = s.life_event
      cross join cal
      where ${sql.join(where, sql` and `)}
    )
    select agency, life_event,
      case when ack_open then null else ack_days end as ack_days,
      case when act_open then null else act_days end as act_days,
      (not ack_open or ${yesterday}::int >= n0 + ack_target) as ack_judged,
      (not act_open or ${yesterday}::int >= n0 + act_target) as act_judged,
      (not ack_open and ack_days <= ack_target) as ack_within,
      (not act_open and act_days <= act_target) as act_within,
      count(*)::int as n
    from delivered
    group by 1, 2, 3, 4, 5, 6, 7, 8
  `;

  // Only the agencies that were actually told (refused, failed or erased-before-sending ones were not),
  // counted per report by one grouped join rather than a look-up per report.
  const reports = sql<{
    life_event: string;
    channel: string;
    submissions: number;
    agencies_told: number;
    contacts_saved: number;
  }>`
    select life_event, channel, count(*)::int as submissions, coalesce(sum(told), 0)::int as agencies_told,
      coalesce(sum(greatest(told - 1, 0)), 0)::int as contacts_saved
    from (
      select s.life_event, s.channel, count(d.delivered_at) as told
      from submissions s left join deliveries d on d.submission_id = s.id
      where s.submitted_at >= ${filter.from} and s.submitted_at < ${filter.to}
        ${filter.lifeEvent ? sql`and s.life_event = ${filter.lifeEvent}` : sql``}
        ${filter.channel ? sql`and s.channel = ${filter.channel}` : sql``}
      group by s.id, s.life_event, s.channel
      ${filter.agency ? sql`having count(*) filter (where d.agency = ${filter.agency} and d.delivered_at is not null) > 0` : sql``}
    ) r
    group by life_event, channel
  `;

  const [histogramRows, reportGroups] = await Promise.all([histogram.execute(db), reports.execute(db)]);
  const keys = [...new Set(histogramRows.rows.map((row) => row.agency))].flatMap((agency) =>
    [...new Set(histogramRows.rows.filter((row) => row.agency === agency).map((row) => row.life_event)), 'all'].map(
      (lifeEvent) => ({ agency, lifeEvent }),
    ),
  );
  return {
    notifications: keys.map(({ agency, lifeEvent }) => {
      const rows = histogramRows.rows.filter(
        (row) => row.agency === agency && (lifeEvent === 'all' || row.life_event === lifeEvent),
      );
      return {
        agency,
        lifeEvent,
        sent: rows.reduce((sum, row) => sum + row.n, 0),
        acknowledge: stepCounts(
          rows.map((row) => ({ days: row.ack_days, judged: row.ack_judged, within: row.ack_within, n: row.n })),
        ),
        action: stepCounts(
          rows.map((row) => ({ days: row.act_days, judged: row.act_judged, within: row.act_within, n: row.n })),
        ),
      };
    }),
    submissions: reportGroups.rows.map((group) => ({
      lifeEvent: group.life_event,
      channel: group.channel,
      submissions: group.submissions,
      agenciesTold: group.agencies_told,
      contactsSaved: group.contacts_saved,
    })),
  };
}
