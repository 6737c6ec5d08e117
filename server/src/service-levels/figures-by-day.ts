import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { workingDayNumbers, type WorkingDayNumbering } from './working-day-numbers.js';
import { londonDate, startOfLondonDay, type WorkingCalendar } from './working-days.js';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const MANY_CHANGES = 100_000;
// Refreshes take turns: each report's counted contribution is read, then replaced.
const REFRESH_LOCK = 7_180_918;

/** The UK day after (or, with -1, before) `date`. */
export const dayAfter = (date: string, days = 1) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * Working-day numbers per UTC hour over the days `numbering` numbers ({@link workingDayNumbers}),
 * from the start of the first to the end of the last, for SQL: the number of the UK day an instant
 * falls on is `n[floor(epoch / 3600) - base + 1]` (a UK day starts on a UTC hour, in summer time or
 * not), so the database neither converts time zones nor joins a calendar per row. It takes the
 * numbering rather than the calendar, so a caller that needs the day numbers too counts them once.
 */
export function hourNumbers({ days, numbers }: WorkingDayNumbering): { n: number[]; base: number } {
  const [first, last] = [days[0], days.at(-1)];
  if (first === undefined || last === undefined) return { n: [], base: 0 };
  const numberOf = new Map(days.map((day, i) => [day, numbers[i] ?? 0]));
  const base = Math.floor(startOfLondonDay(first).getTime() / HOUR_MS);
  const hours = Math.ceil((startOfLondonDay(last).getTime() + 25 * HOUR_MS) / HOUR_MS) - base;
  return {
    n: Array.from({ length: hours }, (_, i) => numberOf.get(londonDate(new Date((base + i) * HOUR_MS))) ?? 0),
    base,
  };
}

/** The working-day number of the UK day a timestamp column falls on, from {@link hourNumbers} as `cal`. */
export const dayNumberSql = (column: string) =>
  sql<number>`cal.n[(floor(date_part('epoch', ${sql.ref(column)}) / 3600) - cal.base + 1)::int]`;

/**
 * Adds the noted delivery changes (each row's old contribution taken away, its new one added, by
 * the triggers of migration 2026-12-03-0600) into the counts per day, with the working days each
 * step took worked out here: the calendar is the app's. Changes to deliveries delivered before the
 * calendar's first day (noted while this ran) stay for the next refresh. Returns how many it took.
 */
async function addDeliveryChanges(trx: Transaction<Database>, deps: { calendar: WorkingCalendar; now: Date }) {
  const span = await sql<{ first: string | null; last: string | null }>`
    select to_char(min(delivered_at) at time zone 'Europe/London', 'YYYY-MM-DD') as first,
      to_char(max(greatest(delivered_at, acknowledged_at, actioned_at)) at time zone 'Europe/London', 'YYYY-MM-DD') as last
    from figures_delivery_changes
  `.execute(trx);
  const { first, last } = span.rows[0] ?? {};
  if (!first || !last) return 0;
  const today = londonDate(deps.now);
  const end = [today, last].sort().at(-1) ?? today;
  const cal = hourNumbers(workingDayNumbers(deps.calendar, dayAfter(first, -1), end));
  const stepDays = (column: string) =>
    sql`case when ${sql.ref(column)} is null then null
      else greatest(0, coalesce(${dayNumberSql(column)}, cal.n[array_length(cal.n, 1)]) - ${dayNumberSql('c.delivered_at')}) end`;
  const added = await sql<{ n: number }>`
    with cal as (select ${cal.n}::int[] as n, ${cal.base}::float8 as base),
    taken as (
      delete from figures_delivery_changes
      where delivered_at >= ${startOfLondonDay(first)} and delivered_at < ${startOfLondonDay(dayAfter(end))}
      returning *
    ),
    -- Summed per pair of steps' working days first, and only the sums split into one row per step: a
    -- lateral list of the two steps over every change cost six times as much (#18, EXPLAIN ANALYZE).
    pairs as (
      select (c.delivered_at at time zone 'Europe/London')::date as day, c.agency, c.organisation_id, c.life_event,
        c.channel, ${stepDays('c.acknowledged_at')} as acknowledge, ${stepDays('c.actioned_at')} as action, sum(c.sign)::int as n
      from taken c cross join cal
      group by 1, 2, 3, 4, 5, 6, 7
    ),
    summed as (
      select p.day, p.agency, p.organisation_id, p.life_event, p.channel, steps.step, steps.working_days, sum(p.n)::int as n
      from pairs p cross join lateral (values ('acknowledge', p.acknowledge), ('action', p.action)) as steps(step, working_days)
      group by 1, 2, 3, 4, 5, 6, 7
      having sum(p.n) <> 0
    ),
    added as (
      insert into figures_delivery_days (day, agency, organisation_id, life_event, channel, step, working_days, n)
      select * from summed
      on conflict (day, agency, organisation_id, life_event, channel, step, working_days)
      do update set n = figures_delivery_days.n + excluded.n
    )
    select (select count(*)::int from taken) as n
  `.execute(trx);
  await sql`delete from figures_delivery_days where n = 0`.execute(trx);
  return added.rows[0]?.n ?? 0;
}

/**
 * Counts the noted reports again (how many organisations, and which kinds, were told: only those
 * actually told, not refused, failed or erased-before-sending ones), takes away what was counted for
 * each before and adds the new. Self-correcting: a report counted again unchanged adds nothing.
 */
async function countNotedReports(trx: Transaction<Database>) {
  const counted = await sql<{ n: number }>`
    with taken as (delete from figures_report_changes returning submission_id),
    noted as (select distinct submission_id as id from taken),
    current as (
      select s.id, (s.submitted_at at time zone 'Europe/London')::date as day, s.life_event, s.channel,
        told.n as told, told.agencies as told_agencies
      from noted join submissions s on s.id = noted.id
      cross join lateral (
        select count(d.delivered_at)::int as n,
          coalesce(array_agg(distinct d.agency order by d.agency) filter (where d.delivered_at is not null), '{}') as agencies
        from deliveries d where d.submission_id = s.id
      ) told
    ),
    summed as (
      select day, life_event, channel, told, told_agencies, sum(sign)::int as n
      from (
        select day, life_event, channel, told, told_agencies, 1 as sign from current
        union all
        select c.day, c.life_event, c.channel, c.told, c.told_agencies, -1 from figures_report_counted c join noted on noted.id = c.submission_id
      ) both_ways
      group by 1, 2, 3, 4, 5
      having sum(sign) <> 0
    ),
    added as (
      insert into figures_report_days (day, life_event, channel, told, told_agencies, n)
      select * from summed
      on conflict (day, life_event, channel, told, told_agencies) do update set n = figures_report_days.n + excluded.n
    ),
    kept as (
      insert into figures_report_counted select * from current
      on conflict (submission_id) do update set day = excluded.day, life_event = excluded.life_event,
        channel = excluded.channel, told = excluded.told, told_agencies = excluded.told_agencies
    ),
    gone as (
      delete from figures_report_counted c using noted
      where c.submission_id = noted.id and not exists (select 1 from current where current.id = noted.id)
    )
    select (select count(*)::int from noted) as n
  `.execute(trx);
  await sql`delete from figures_report_days where n = 0`.execute(trx);
  return counted.rows[0]?.n ?? 0;
}

/**
 * Adds every change noted since the last refresh into the counts per day, in one transaction: the
 * notes are taken and the counts changed together, or neither. A note made by a transaction still
 * open is not seen, and stays for the next refresh, so no change is missed or counted twice.
 * Refreshes take turns (an advisory lock), as counting a report again reads what was counted for it.
 * Returns how many changes it took.
 */
export async function refreshFigureDays(
  db: Kysely<Database>,
  deps: { calendar: WorkingCalendar; now: Date },
): Promise<number> {
  const changes = await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${REFRESH_LOCK})`.execute(trx);
    return (await addDeliveryChanges(trx, deps)) + (await countNotedReports(trx));
  });
  // After many changes at once (the first refresh over existing rows, a backfill), the planner needs
  // to know how many counts there now are, or it sorts where it should hash; and the notes just taken
  // are dead rows every later refresh would read through until autovacuum came round.
  if (changes > MANY_CHANGES) {
    await sql`analyze figures_delivery_days, figures_report_days, figures_report_counted`.execute(db);
    await sql`vacuum analyze figures_delivery_changes, figures_report_changes`.execute(db);
  }
  return changes;
}
