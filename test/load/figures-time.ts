import { readFile } from 'node:fs/promises';
import { agencyKinds } from '@tuo/shared';
import pg from 'pg';
import { createDb } from '../../server/src/db/create-db.js';
import { refreshFigureDays } from '../../server/src/service-levels/figures-by-day.js';
import { englandAndWales } from '../../server/src/service-levels/working-days.js';
import type { BenchRow } from './page-checks.js';

const kb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** The resident set size of a process (Linux), in bytes. */
async function residentBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${String(pid)}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) * 1024;
}

/** The public figures of each period, timed uncached (each period once: the API caches a minute). */
async function timePeriods(baseUrl: string, periods: readonly string[], note: string): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const period of periods) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}/api/performance?period=${period}`);
    await response.arrayBuffer();
    rows.push([
      `Figures ${period}: uncached (ms)`,
      (performance.now() - started).toFixed(0),
      `${note}; HTTP ${String(response.status)}; target < 300`,
    ]);
  }
  return rows;
}

/**
 * Seeds `deliveries` delivered notifications (one per kind of organisation per report, `today` of
 * them delivered today and the rest over the last year, most acknowledged and many actioned) into
 * the database, then times the public performance figures uncached for each period, and again for
 * one after many of today's deliveries changed, and reads the API process's memory before and after.
 */
export async function measureFigures(options: {
  databaseUrl: string;
  baseUrl: string;
  apiPid: number;
  deliveries: number;
  today: number;
  progress: (text: string) => void;
}): Promise<BenchRow[]> {
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    const reports = Math.ceil(options.deliveries / agencyKinds.length);
    const todays = Math.ceil(options.today / agencyKinds.length);
    options.progress(
      `Seeding ${String(reports)} reports and ${String(options.deliveries)} delivered notifications (${String(options.today)} today)…`,
    );
    // Copies of one real submission's row (its sealed envelope): the first `todays` made so far today
    // (a few minutes ago at the latest), the others spread over the last 365 days before today.
    await client.query(
      `with day as (select (date_trunc('day', now() at time zone 'Europe/London') at time zone 'Europe/London') as start)
       insert into submissions (reference, life_event, channel, language, schema_version, envelope, tracking_secret_hash, submitted_at, protected_key_id)
       select 'BENCH-' || i, t.life_event, case when i % 7 = 0 then 'assisted' else 'online' end, t.language, t.schema_version,
         t.envelope, t.tracking_secret_hash,
         case when i <= $2 then day.start + (i::float8 / ($2 + 1)) * greatest(now() - interval '5 minutes' - day.start, interval '0')
           else day.start - (i % 365) * interval '1 day' - (i % 86400) * interval '1 second' - interval '1 second' end,
         t.protected_key_id
       from generate_series(1, $1::int) i, (select * from submissions limit 1) t, day`,
      [reports, todays],
    );
    // Today's are acknowledged and actioned within minutes (or not yet); the others within days.
    await client.query(
      `insert into deliveries (submission_id, agency, organisation_id, transport, status, status_changed_at, attempts, created_at, delivered_at, acknowledged_at, actioned_at)
       select s.id, a.agency, o.id, 'webhook', 'delivered', s.submitted_at, 1, s.submitted_at, s.submitted_at + interval '2 minutes',
         case when h % 10 < 9 then s.submitted_at + (h % 5) * step.unit end,
         case when h % 10 < 6 then s.submitted_at + (h % 15) * step.unit end
       from submissions s cross join unnest($1::text[]) as a(agency)
         join organisations o on o.kind = a.agency and o.fallback,
         lateral (select abs(hashtext(s.id::text || a.agency)) as h) hashed,
         lateral (select case when s.submitted_at > now() - interval '1 day' and (s.submitted_at at time zone 'Europe/London')::date
           = (now() at time zone 'Europe/London')::date then interval '10 seconds' else interval '1 day' end as unit) step
       where s.reference like 'BENCH-%'`,
      [agencyKinds],
    );
    await client.query('analyze submissions');
    await client.query('analyze deliveries');
    const total = Number((await client.query<{ n: string }>('select count(*) as n from deliveries')).rows[0]?.n);
    const rows: BenchRow[] = [];
    // The seed is a backfill: every day of the year changed at once. The worker counts the days
    // again every minute; here the bench does what it would, and times it.
    options.progress('Counting the figures per day, as the worker would after a backfill…');
    const { db } = createDb(options.databaseUrl, { max: 1 });
    const countedAt = performance.now();
    const days = await refreshFigureDays(db, { calendar: englandAndWales, now: new Date() }).finally(() =>
      db.destroy(),
    );
    rows.push([
      'Figures: adding in the seed (ms)',
      (performance.now() - countedAt).toFixed(0),
      `${String(days)} changes, once after a backfill (the worker's minutely refresh)`,
    ]);
    const before = await residentBytes(options.apiPid);
    const note = `${String(total)} deliveries in the database, ${String(options.today)} today`;
    rows.push(...(await timePeriods(options.baseUrl, ['90d', '12m'], note)));
    // Then 10,000 of today's notifications acknowledged and actioned since the last refresh, as at a
    // busy moment: the next read (30 days) adds those changes in before reading the counts.
    const changed = await client.query(
      `update deliveries set acknowledged_at = coalesce(acknowledged_at, now()), actioned_at = now()
       where id in (select d.id from deliveries d where d.delivered_at >= now() - interval '1 day' and d.actioned_at is null
         and (d.delivered_at at time zone 'Europe/London')::date = (now() at time zone 'Europe/London')::date limit 10000)`,
    );
    rows.push(
      ...(await timePeriods(
        options.baseUrl,
        ['30d'],
        `${note}, ${String(changed.rowCount)} of them changed just before`,
      )),
    );
    const after = await residentBytes(options.apiPid);
    rows.push(['Figures: API memory before / after', `${kb(before)} / ${kb(after)}`, 'resident set size']);
    return rows;
  } finally {
    await client.end();
  }
}
