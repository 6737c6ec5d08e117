import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { workingDayNumbers, type WorkingDayNumbering } from './working-day-numbers.js';
import { londonDate, startOfLondonDay, type WorkingCalendar } from './working-days.js';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const MANY_DAYS = 7;

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

/** One UK day's delivered notifications counted again, with `cal` numbering every day from before it to today. */
async function countDeliveryDay(trx: Transaction<Database>, day: string, cal: { n: number[]; base: number }) {
  await sql`delete from figures_delivery_days where day = ${day}::date`.execute(trx);
  const stepDays = (column: string) =>
    sql`case when ${sql.ref(column)} is null then null
      else greatest(0, coalesce(${dayNumberSql(column)}, cal.n[array_length(cal.n, 1)]) - ${dayNumberSql('d.delivered_at')}) end`;
  // The day's deliveries by their delivery time's index, each report looked up by key.
  await sql`
    with cal as (select ${cal.n}::int[] as n, ${cal.base}::float8 as base),
    delivered as materialized (
      select d.agency, d.organisation_id, d.submission_id, d.delivered_at, d.acknowledged_at, d.actioned_at
      from deliveries d
      where d.delivered_at >= ${startOfLondonDay(day)} and d.delivered_at < ${startOfLondonDay(dayAfter(day))}
    )
    insert into figures_delivery_days (day, agency, organisation_id, life_event, channel, step, working_days, n)
    select ${day}::date, d.agency, d.organisation_id, s.life_event, s.channel, steps.step, steps.working_days, count(*)
    from delivered d
    join submissions s on s.id = d.submission_id
    cross join cal
    cross join lateral (values ('acknowledge', ${stepDays('d.acknowledged_at')}), ('action', ${stepDays('d.actioned_at')}))
      as steps(step, working_days)
    group by 2, 3, 4, 5, 6, 7
  `.execute(trx);
}

/** One UK day's reports counted again. Only the agencies actually told count (not refused, failed or erased-before-sending ones). */
async function countReportDay(trx: Transaction<Database>, day: string) {
  await sql`delete from figures_report_days where day = ${day}::date`.execute(trx);
  await sql`
    insert into figures_report_days (day, life_event, channel, told, told_agencies, n)
    select ${day}::date, s.life_event, s.channel, told.n, told.agencies, count(*)
    from submissions s
    cross join lateral (
      select count(d.delivered_at)::int as n,
        coalesce(array_agg(distinct d.agency order by d.agency) filter (where d.delivered_at is not null), '{}') as agencies
      from deliveries d where d.submission_id = s.id
    ) told
    where s.submitted_at >= ${startOfLondonDay(day)} and s.submitted_at < ${startOfLondonDay(dayAfter(day))}
    group by 2, 3, 4, 5
  `.execute(trx);
}

/**
 * Counts again every day whose deliveries or reports changed since the last refresh (the triggers of
 * migration 2026-12-02-0900 note them), in one transaction: the notes are taken and the days'
 * counts replaced together, or neither. Two refreshes at once each take different notes (a note
 * being taken by one is waited for and then gone for the other). Returns how many days it counted.
 */
export async function refreshFigureDays(
  db: Kysely<Database>,
  deps: { calendar: WorkingCalendar; now: Date },
): Promise<number> {
  const days = await db.transaction().execute(async (trx) => {
    const taken = await sql<{ counts: 'deliveries' | 'reports'; day: string }>`
      with taken as (delete from figures_changes returning counts, day)
      select distinct counts, to_char(day, 'YYYY-MM-DD') as day from taken
    `.execute(trx);
    const of = (counts: string) => taken.rows.filter((row) => row.counts === counts).map((row) => row.day);
    const deliveryDays = of('deliveries');
    const reportDays = of('reports');
    // A day at a time: each is a few thousand rows found by index and counted in memory, where a
    // year at once (a backfill) would sort millions of rows on disk. Steps are done up to now, so
    // the working-day numbers run from before the first day counted to today.
    const first = [...deliveryDays].sort()[0];
    if (first) {
      const today = londonDate(deps.now);
      const cal = hourNumbers(
        workingDayNumbers(deps.calendar, dayAfter(first, -1), [today, ...deliveryDays].sort().at(-1) ?? today),
      );
      for (const day of deliveryDays) await countDeliveryDay(trx, day, cal);
    }
    for (const day of reportDays) await countReportDay(trx, day);
    return new Set(taken.rows.map((row) => row.day)).size;
  });
  // After counting many days at once (the first refresh over existing rows, a backfill), the
  // planner needs to know how many counts there now are, or it sorts where it should hash.
  if (days > MANY_DAYS) await sql`analyze figures_delivery_days, figures_report_days`.execute(db);
  return days;
}
