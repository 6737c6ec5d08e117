import { Logger, run } from 'graphile-worker';
import pg from 'pg';

/**
 * graphile-worker's own rate on this machine and database: jobs per second for a task that does
 * nothing, with the same concurrency as the portal's worker. The yardstick for the drain rate.
 */
export async function measureNoopRate(
  databaseUrl: string,
  options: { jobs: number; concurrency: number },
): Promise<number> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.concurrency + 2 });
  pool.on('error', () => undefined);
  let finished = 0;
  let resolveAll: () => void = () => undefined;
  const allDone = new Promise<void>((resolve) => (resolveAll = resolve));
  const runner = await run({
    pgPool: pool,
    concurrency: options.concurrency,
    noHandleSignals: true,
    pollInterval: 100,
    logger: new Logger(() => () => undefined),
    taskList: {
      bench_noop: async () => {
        finished += 1;
        if (finished === options.jobs) resolveAll();
      },
    },
    parsedCronItems: [],
  });
  const started = Date.now();
  await pool.query(
    `select graphile_worker.add_jobs(array(select ('bench_noop', '{}'::json, null, null, null, null, null, null)::graphile_worker.job_spec from generate_series(1, $1)))`,
    [options.jobs],
  );
  await allDone;
  const rate = options.jobs / ((Date.now() - started) / 1000);
  await runner.stop();
  await pool.end();
  return rate;
}
