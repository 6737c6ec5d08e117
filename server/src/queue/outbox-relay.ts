import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import { markDueSql } from '../deliveries/claim-deliveries.js';
import { batchedTasks, DELIVER_TO_AGENCY } from '../jobs/job-names.js';

const BATCH = 500;

/**
 * Moves committed outbox rows on, up to {@link BATCH} per transaction: delivery attempts are marked
 * due for the dispatcher, every other job goes into graphile-worker.
 *
 * Why a relay rather than queuing jobs inside the submission's transaction: measured here (see the
 * issue notes and `npm run bench`), graphile-worker's add_jobs in the hot transaction halves the
 * rate of submissions Postgres can accept, and pg_notify alone costs about a fifth. Writing a plain
 * outbox row keeps the hot path lean; moving rows in batches costs one statement per batch, and
 * the rows of a batched task (the residents' receipts) become one batch job between them. Rows
 * are deleted in the same transaction as their jobs are added (or their attempts made due), and
 * each job has a key (an attempt is made due only while it is the next one), so a crash
 * at any point neither loses nor doubles a job; `skip locked` lets several workers relay at once.
 */
export async function relayOutboxOnce(db: Kysely<Database>): Promise<{ moved: number; deliveries: number }> {
  // A read when idle, rather than a write every interval from every worker.
  const waiting = await sql<{ any: boolean }>`select exists (select 1 from outbox) as any`.execute(db);
  if (!waiting.rows[0]?.any) return { moved: 0, deliveries: 0 };
  // Delivery attempts are not graphile-worker jobs: the dispatcher claims them from the deliveries
  // table in batches (server/src/deliveries), so for them the relay only marks the attempt due.
  const result = await sql<{ moved: number; deliveries: number }>`
    with batch as (
      delete from outbox
      where id in (select id from outbox order by id limit ${BATCH} for update skip locked)
      returning id, task, payload, job_key
    ),
    due as (
      ${markDueSql(sql`(select (payload->>'deliveryId')::uuid as id, (payload->>'attempt')::int as attempt from batch where task = ${DELIVER_TO_AGENCY})`)}
      returning d.id
    ),
    specs as (
      select (task, payload::json, null, null, null, job_key, null, null)::graphile_worker.job_spec as spec
      from batch where task <> ${DELIVER_TO_AGENCY} and task <> all(${[...batchedTasks]}::text[])
      union all
      -- One batch job per batched task: its rows' payloads as an array (their own keys are not needed:
      -- the rows go in this transaction, and the task claims each item before acting on it).
      select (task, json_agg(payload order by id), null, null, null, null, null, null)::graphile_worker.job_spec
      from batch where task = any(${[...batchedTasks]}::text[]) group by task
    ),
    added as (
      select graphile_worker.add_jobs(coalesce((select array_agg(spec) from specs), '{}'))
    )
    select (select count(*) from batch)::int as moved, (select count(*) from due)::int as deliveries,
      (select count(*) from added)::int as added
  `.execute(db);
  return { moved: result.rows[0]?.moved ?? 0, deliveries: result.rows[0]?.deliveries ?? 0 };
}

/** Runs the relay every `intervalMs` (at once again while there is a backlog) until stopped. */
export function startOutboxRelay(options: {
  db: Kysely<Database>;
  intervalMs: number;
  logger: Logger;
  /** Called when the relay has made delivery attempts due. */
  onDeliveriesDue?: () => void;
}): {
  stop: () => Promise<void>;
} {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = (async () => {
      let moved = 0;
      try {
        const relayed = await relayOutboxOnce(options.db);
        moved = relayed.moved;
        if (relayed.deliveries > 0) options.onDeliveriesDue?.();
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
