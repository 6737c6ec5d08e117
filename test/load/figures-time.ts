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

/**
 * Seeds `deliveries` delivered notifications (one per kind of organisation per report, over the last year, most
 * acknowledged and many actioned) into the database, then times the public performance figures
 * uncached for each period, and reads the API process's memory before and after.
 */
export async function measureFigures(options: {
  databaseUrl: string;
  baseUrl: string;
  apiPid: number;
  deliveries: number;
  progress: (text: string) => void;
}): Promise<BenchRow[]> {
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    const reports = Math.ceil(options.deliveries / agencyKinds.length);
    options.progress(`Seeding ${String(reports)} reports and ${String(options.deliveries)} delivered notifications…`);
    // Copies of one real submission's row (its sealed envelope), spread over the last 365 days.
    await client.query(
      `insert into submissions (reference, life_event, channel, language, schema_version, envelope, tracking_secret_hash, submitted_at, protected_key_id)
       select 'BENCH-' || i, t.life_event, case when i % 7 = 0 then 'assisted' else 'online' end, t.language, t.schema_version,
         t.envelope, t.tracking_secret_hash, now() - (i % 365) * interval '1 day' - (i % 86400) * interval '1 second', t.protected_key_id
       from generate_series(1, $1::int) i, (select * from submissions limit 1) t`,
      [reports],
    );
    await client.query(
      `insert into deliveries (submission_id, agency, organisation_id, transport, status, status_changed_at, attempts, created_at, delivered_at, acknowledged_at, actioned_at)
       select s.id, a.agency, o.id, 'webhook', 'delivered', s.submitted_at, 1, s.submitted_at, s.submitted_at + interval '2 minutes',
         case when h % 10 < 9 then s.submitted_at + (h % 5) * interval '1 day' end,
         case when h % 10 < 6 then s.submitted_at + (h % 15) * interval '1 day' end
       from submissions s cross join unnest($1::text[]) as a(agency)
         join organisations o on o.kind = a.agency and o.fallback,
         lateral (select abs(hashtext(s.id::text || a.agency)) as h) hashed
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
      'Figures: counting every day again (ms)',
      (performance.now() - countedAt).toFixed(0),
      `${String(days)} days, once after a backfill (the worker's minutely refresh)`,
    ]);
    const before = await residentBytes(options.apiPid);
    for (const period of ['30d', '90d', '12m']) {
      const started = performance.now();
      const response = await fetch(`${options.baseUrl}/api/performance?period=${period}`);
      await response.arrayBuffer();
      const ms = performance.now() - started;
      rows.push([
        `Figures ${period}: uncached (ms)`,
        ms.toFixed(0),
        `${String(total)} deliveries in the database; HTTP ${String(response.status)}; target < 300`,
      ]);
    }
    const after = await residentBytes(options.apiPid);
    rows.push(['Figures: API memory before / after', `${kb(before)} / ${kb(after)}`, 'resident set size']);
    return rows;
  } finally {
    await client.end();
  }
}
