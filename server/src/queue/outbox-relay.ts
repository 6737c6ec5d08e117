import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';

const BATCH = 500;

/**
 * Moves committed outbox rows into graphile-worker, up to {@link BATCH} per transaction.
 *
 * Why a relay rather than queuing jobs inside the submission's transaction: measured here (see the
 * issue notes and `npm run bench`), graphile-worker's add_jobs in the hot transaction halves the
 * rate of submissions Postgres can accept, and pg_notify alone costs about a fifth. Writing a plain
 * outbox row keeps the hot path lean; moving rows in batches costs one statement per batch. Rows
 * are deleted in the same transaction as their jobs are added, and each job has a key, so a crash
 * at any point neither loses nor doubles a job; `skip locked` lets several workers relay at once.
 */
export async function relayOutboxOnce(db: Kysely<Database>): Promise<number> {
  // A read when idle, rather than a write every interval from every worker.
  const waiting = await sql<{ any: boolean }>`select exists (select 1 from outbox) as any`.execute(db);
  if (!waiting.rows[0]?.any) return 0;
  const result = await sql<{ moved: number }>`
    with batch as (
      delete from outbox
      where id in (select id from outbox order by id limit ${BATCH} for update skip locked)
      returning task, payload, job_key
    ),
    added as (
      select graphile_worker.add_jobs(
        coalesce(
          (select array_agg((task, payload::json, null, null, null, job_key, null, null)::graphile_worker.job_spec) from batch),
          '{}'
        )
      )
    )
    select (select count(*) from batch)::int as moved, (select count(*) from added)::int as added
  `.execute(db);
  return result.rows[0]?.moved ?? 0;
}

/** Runs the relay every `intervalMs` (at once again while there is a backlog) until stopped. */
export function startOutboxRelay(options: { db: Kysely<Database>; intervalMs: number; logger: Logger }): {
  stop: () => Promise<void>;
} {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = (async () => {
      let moved = 0;
      try {
        moved = await relayOutboxOnce(options.db);
      } catch (error) {
        options.logger.warn({ err: error }, 'outbox relay failed; will try again');
      }
      if (!stopped) timer = setTimeout(tick, moved === BATCH ? 0 : options.intervalMs);
    })();
  };
  tick();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
