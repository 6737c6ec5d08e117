import { agencyKinds, lifeEventIds } from '@tuo/shared';
import type { StaffPerformanceQuery } from '@tuo/shared/api/performance';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import {
  notificationGroups,
  organisationGroups,
  submissionGroups,
  type NotificationGroup,
  type OrganisationGroup,
  type ReportRow,
  type StepRow,
  type SubmissionGroup,
} from './performance-groups.js';
import { targetFor, type ServiceLevels } from './targets.js';
import { dayAfter, dayNumberSql, hourNumbers } from './figures-by-day.js';
import { workingDayNumbers } from './working-day-numbers.js';
import { londonDate, startOfLondonDay, type WorkingCalendar } from './working-days.js';

/** What to count: a window of time, and for staff one agency, life event or channel. */
export type PerformanceFilter = { from: Date; to: Date } & Partial<
  Pick<StaffPerformanceQuery, 'agency' | 'lifeEvent' | 'channel'>
>;

const previousDay = (date: string) => dayAfter(date, -1);

/** Rows of `table` whose `column` falls in any of the ranges: one index range scan each (an `or` is read as a scan of all). */
const rowsInRanges = (table: string, column: string, ranges: readonly { from: Date; to: Date }[]) =>
  sql.join(
    ranges.map(
      (range) =>
        sql`select * from ${sql.table(table)} where ${sql.ref(column)} >= ${range.from} and ${sql.ref(column)} < ${range.to}`,
    ),
    sql` union all `,
  );

/**
 * The whole UK days inside a window, if any: the figures count those from the counts per day
 * (figures-by-day.ts), and only the partial days at either end from the rows. A window that runs to
 * `now` or later holds all of today so far, so today is whole too: its counts are kept by change.
 */
export function splitWindow(
  from: Date,
  to: Date,
  now: Date,
): { days?: { first: string; last: string }; edges: { from: Date; to: Date }[] } {
  const startDay = londonDate(from);
  const first = startOfLondonDay(startDay).getTime() === from.getTime() ? startDay : dayAfter(startDay);
  // The day `to` falls in is partial, or starts at `to` itself: either way the last whole day is the
  // one before, unless that partial day is today and the window holds all of it so far.
  const last = to >= now && londonDate(to) === londonDate(now) ? londonDate(to) : previousDay(londonDate(to));
  if (first > last) return { edges: from < to ? [{ from, to }] : [] };
  const edges = [
    { from, to: startOfLondonDay(first) },
    { from: startOfLondonDay(dayAfter(last)), to },
  ].filter((range) => range.from < range.to);
  return { days: { first, last }, edges };
}

/**
 * The figures' counts, aggregated in the database: for each kind of organisation, each
 * organisation, and each life event, delivered
 * notifications in the window counted by the whole working days each step took (a histogram: the
 * days are small integers, so percentiles by nearest rank over it are exact and no row leaves the
 * database), and whether each was judged against its target and within it; and reports made, by
 * life event and channel. Whole UK days (today's so far included) come from the counts kept per day
 * (figures-by-day.ts: call its refresh first), a partial first or last day from the rows, with the
 * same working-day arithmetic (working-day numbers per UTC hour, so the database neither converts
 * time zones nor joins a calendar per row). Each kind's targets are passed in; an organisation's own
 * (organisation_settings) win over them. Nothing but times, agencies, life events and channels is read.
 */
export async function loadPerformanceCounts(
  db: Kysely<Database>,
  filter: PerformanceFilter,
  deps: { serviceLevels: ServiceLevels; calendar: WorkingCalendar; now: Date },
): Promise<{ notifications: NotificationGroup[]; organisations: OrganisationGroup[]; submissions: SubmissionGroup[] }> {
  const today = londonDate(deps.now);
  const first = previousDay(londonDate(filter.from));
  const last = [today, londonDate(filter.to)].sort().at(-1) ?? today;
  const numbering = workingDayNumbers(deps.calendar, first, last);
  const { days: numbered, numbers } = numbering;
  const numberOf = new Map(numbered.map((day, i) => [day, numbers[i] ?? 0]));
  const cal = hourNumbers(numbering);
  // A step not done is past its deadline once the deadline day is over: by yesterday, the target's
  // number of working days had passed since the day of delivery.
  const yesterday = numberOf.get(previousDay(today)) ?? 0;
  const pairs = agencyKinds.flatMap((agency) => lifeEventIds.map((lifeEvent) => ({ agency, lifeEvent })));
  const targets = pairs.map((p) => targetFor(deps.serviceLevels, p.agency, p.lifeEvent));
  const targetsCte = sql`targets as (
      select * from unnest(${pairs.map((p) => p.agency)}::text[], ${pairs.map((p) => p.lifeEvent)}::text[],
        ${targets.map((t) => t.acknowledgeDays)}::int[], ${targets.map((t) => t.actionDays)}::int[])
        as targets(agency, life_event, ack_target, act_target)
    )`;
  const window = splitWindow(filter.from, filter.to, deps.now);
  const stepQueries: Promise<{ rows: StepRow[] }>[] = [];
  const reportQueries: Promise<{ rows: ReportRow[] }>[] = [];

  if (window.days) {
    const { first: firstDay, last: lastDay } = window.days;
    const dayList = numbered.filter((day) => day >= firstDay && day <= lastDay);
    const where = [
      sql`f.day >= ${firstDay}::date`,
      sql`f.day <= ${lastDay}::date`,
      ...(filter.agency ? [sql`f.agency = ${filter.agency}`] : []),
      ...(filter.lifeEvent ? [sql`f.life_event = ${filter.lifeEvent}`] : []),
      ...(filter.channel ? [sql`f.channel = ${filter.channel}`] : []),
    ];
    stepQueries.push(
      sql<StepRow>`
        with ${targetsCte},
        -- The days' counts added up first (a step done is judged whatever its day; only a step not
        -- done keeps its day, for its day's number), and only then each group's target looked up.
        summed as (
          select f.agency, f.organisation_id, f.life_event, f.step, f.working_days,
            case when f.working_days is null then f.day end as day, sum(f.n)::int as n
          from figures_delivery_days f
          where ${sql.join(where, sql` and `)}
          group by 1, 2, 3, 4, 5, 6
        ),
        counted as (
          select f.*, case when f.step = 'acknowledge' then coalesce(os.acknowledge_days, t.ack_target)
              else coalesce(os.action_days, t.act_target) end as target
          from summed f
          join targets t on t.agency = f.agency and t.life_event = f.life_event
          -- An organisation's own targets (set by an admin) win over its kind's.
          left join organisation_settings os on os.organisation_id = f.organisation_id
        )
        select agency, organisation_id, life_event, step, working_days as days,
          (working_days is not null
            or ${yesterday}::int >= (${dayList.map((day) => numberOf.get(day) ?? 0)}::int[])[day - ${firstDay}::date + 1] + target) as judged,
          (working_days is not null and working_days <= target) as within,
          sum(n)::int as n
        from counted
        group by 1, 2, 3, 4, 5, 6, 7
      `.execute(db),
    );
    reportQueries.push(
      sql<ReportRow>`
        select life_event, channel, sum(n)::int as submissions, sum(told * n)::int as agencies_told,
          sum(greatest(told - 1, 0) * n)::int as contacts_saved
        from figures_report_days
        where day >= ${firstDay}::date and day <= ${lastDay}::date
          ${filter.lifeEvent ? sql`and life_event = ${filter.lifeEvent}` : sql``}
          ${filter.channel ? sql`and channel = ${filter.channel}` : sql``}
          ${filter.agency ? sql`and ${filter.agency} = any(told_agencies)` : sql``}
        group by 1, 2
      `.execute(db),
    );
  }

  if (window.edges.length > 0) {
    const where = [
      sql`true`,
      ...(filter.lifeEvent ? [sql`s.life_event = ${filter.lifeEvent}`] : []),
      ...(filter.channel ? [sql`s.channel = ${filter.channel}`] : []),
    ];
    const stepDays = (column: string) =>
      sql`case when ${sql.ref(column)} is null then null else greatest(0, ${dayNumberSql(column)} - n0) end`;
    stepQueries.push(
      sql<StepRow>`
        with cal as (select ${cal.n}::int[] as n, ${cal.base}::float8 as base),
        ${targetsCte},
        -- A day or two of deliveries, found by time first: each then looks up its report by key.
        edge as materialized (
          select d.agency, d.organisation_id, d.submission_id, d.delivered_at, d.acknowledged_at, d.actioned_at
          from (${rowsInRanges('deliveries', 'delivered_at', window.edges)}) d
          ${filter.agency ? sql`where d.agency = ${filter.agency}` : sql``}
        ),
        delivered as (
          select d.agency, d.organisation_id, s.life_event, coalesce(os.acknowledge_days, t.ack_target) as ack_target,
            coalesce(os.action_days, t.act_target) as act_target, d.acknowledged_at, d.actioned_at,
            ${dayNumberSql('d.delivered_at')} as n0
          from edge d
          join submissions s on s.id = d.submission_id
          join targets t on t.agency = d.agency and t.life_event = s.life_event
          left join organisation_settings os on os.organisation_id = d.organisation_id
          cross join cal
          where ${sql.join(where, sql` and `)}
        ),
        -- Counted per pair of steps first and only then split into a row per step, as the
        -- refresh does (figures-by-day.ts): a lateral list of the steps per delivery costs six times as much.
        pairs as (
          select agency, organisation_id, life_event, n0, ack_target, act_target,
            ${stepDays('acknowledged_at')} as acknowledge, ${stepDays('actioned_at')} as action, count(*)::int as n
          from delivered cross join cal
          group by 1, 2, 3, 4, 5, 6, 7, 8
        ),
        counted as (
          select agency, organisation_id, life_event, steps.step, steps.days, n0, steps.target, n
          from pairs cross join lateral (values
            ('acknowledge', acknowledge, ack_target),
            ('action', action, act_target)) as steps(step, days, target)
        )
        select agency, organisation_id, life_event, step, days,
          (days is not null or ${yesterday}::int >= n0 + target) as judged,
          (days is not null and days <= target) as within,
          sum(n)::int as n
        from counted
        group by 1, 2, 3, 4, 5, 6, 7
      `.execute(db),
    );
    // Only the agencies that were actually told (refused, failed or erased-before-sending ones were not),
    // counted per report by one grouped join rather than a look-up per report.
    reportQueries.push(
      sql<ReportRow>`
        select life_event, channel, count(*)::int as submissions, coalesce(sum(told), 0)::int as agencies_told,
          coalesce(sum(greatest(told - 1, 0)), 0)::int as contacts_saved
        from (
          select s.life_event, s.channel, count(d.delivered_at) as told
          from (${rowsInRanges('submissions', 'submitted_at', window.edges)}) s
          left join deliveries d on d.submission_id = s.id
          where true
            ${filter.lifeEvent ? sql`and s.life_event = ${filter.lifeEvent}` : sql``}
            ${filter.channel ? sql`and s.channel = ${filter.channel}` : sql``}
          group by s.id, s.life_event, s.channel
          ${filter.agency ? sql`having count(*) filter (where d.agency = ${filter.agency} and d.delivered_at is not null) > 0` : sql``}
        ) r
        group by life_event, channel
      `.execute(db),
    );
  }
  const stepRows = (await Promise.all(stepQueries)).flatMap((result) => result.rows);
  const reportRows = (await Promise.all(reportQueries)).flatMap((result) => result.rows);
  return {
    notifications: notificationGroups(stepRows),
    organisations: organisationGroups(stepRows),
    submissions: submissionGroups(reportRows),
  };
}
