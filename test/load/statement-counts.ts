import pg from 'pg';
import type { BenchRow } from './page-checks.js';

/** The server setting that loads pg_stat_statements (it must be loaded when Postgres starts). */
export const statementStatsSettings = {
  shared_preload_libraries: 'pg_stat_statements',
  // Statements run by triggers and functions too, each on its own line.
  'pg_stat_statements.track': 'all',
} as const;

/**
 * The statements Postgres ran during a stretch of the bench, counted by pg_stat_statements
 * (BENCH_STATEMENTS=1): how many of each the portal sent per delivery, so a change to the delivery
 * path can be judged by the statements it saves, which a busy shared machine moves far less than
 * it moves any time.
 */
export async function startStatementCounts(
  databaseUrl: string,
): Promise<{ rows: (deliveries: number) => Promise<BenchRow[]> }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('create extension if not exists pg_stat_statements');
    await client.query('select pg_stat_statements_reset()');
  } finally {
    await client.end();
  }
  return {
    rows: async (deliveries) => {
      const reader = new pg.Client({ connectionString: databaseUrl });
      await reader.connect();
      try {
        const { rows } = await reader.query<{ calls: string; ms: number; query: string }>(
          `select calls, total_exec_time as ms, query from pg_stat_statements
           where dbid = (select oid from pg_database where datname = current_database())
           order by total_exec_time desc limit 12`,
        );
        const all = await reader.query<{ calls: string; ms: number }>(
          `select sum(calls) as calls, sum(total_exec_time) as ms from pg_stat_statements
           where dbid = (select oid from pg_database where datname = current_database())`,
        );
        const perDelivery = (calls: string | number) => (Number(calls) / deliveries).toFixed(2);
        const total = all.rows[0];
        return [
          [
            'Statements per delivery (all)',
            perDelivery(total?.calls ?? 0),
            // A trigger's statements are counted on their own lines and again inside the statement that fired them.
            `${String(total?.calls ?? 0)} statements; the most time per delivery below (nested ones counted in their parents too)`,
          ],
          ...rows.map((row): BenchRow => [
            `  ${row.query.replace(/\s+/g, ' ').slice(0, 60)}`,
            perDelivery(row.calls),
            `${(row.ms / deliveries).toFixed(3)} ms per delivery, ${(row.ms / Number(row.calls)).toFixed(2)} ms each`,
          ]),
        ];
      } finally {
        await reader.end();
      }
    },
  };
}
