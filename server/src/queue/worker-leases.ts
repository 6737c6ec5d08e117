import { hostname } from 'node:os';
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';

/**
 * Heartbeats for this process's graphile-worker workers, and recovery for those of processes that
 * died. graphile-worker leaves a dead worker's jobs locked for hours; a process that has been silent
 * for longer than the lease has its jobs unlocked (force_unlock_workers) so another worker runs them.
 */
export function startWorkerLeases(options: { db: Kysely<Database>; leaseSeconds: number; logger: Logger }) {
  const workerIds = new Set<string>();
  const processId = `${hostname()}:${process.pid}`;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const beat = async () => {
    // Postgres's clock, not this host's: a host whose clock is behind must not look dead.
    if (workerIds.size > 0) {
      await options.db
        .insertInto('worker_leases')
        .values(
          [...workerIds].map((worker_id) => ({ worker_id, process_id: processId, heartbeat_at: sql<Date>`now()` })),
        )
        .onConflict((oc) => oc.column('worker_id').doUpdateSet({ heartbeat_at: sql<Date>`now()` }))
        .execute();
    }
    const stale = await options.db
      .deleteFrom('worker_leases')
      .where('heartbeat_at', '<', sql<Date>`now() - make_interval(secs => ${options.leaseSeconds})`)
      .returning('worker_id')
      .execute();
    // A process that died before its first heartbeat left locks but no lease: a lock older than
    // the lease, held by no known worker, belongs to such a process.
    const unleased = await sql<{ locked_by: string }>`
      select distinct locked_by from graphile_worker.jobs
      where locked_by is not null and locked_at < now() - make_interval(secs => ${options.leaseSeconds})
        and locked_by not in (select worker_id from worker_leases)
    `.execute(options.db);
    const ids = [
      ...new Set([...stale.map((row) => row.worker_id), ...unleased.rows.map((row) => row.locked_by)]),
    ].filter((id) => !workerIds.has(id));
    if (ids.length > 0) {
      await sql`select graphile_worker.force_unlock_workers(${ids}::text[])`.execute(options.db);
      options.logger.warn({ workers: ids.length }, 'released the jobs of worker processes that stopped answering');
    }
  };
  let stopped = false;
  const loop = () => {
    running = beat()
      .catch((error: unknown) => {
        options.logger.warn({ err: error }, 'worker heartbeat failed; will try again');
      })
      .finally(() => {
        // The next beat is planned only once this one is done, so beats never overlap.
        if (!stopped) timer = setTimeout(loop, Math.max(250, (options.leaseSeconds * 1000) / 3));
      });
  };

  return {
    /** Registers a worker or worker pool id of this process (from graphile-worker's events). */
    add: (workerId: string) => workerIds.add(workerId),
    start: loop,
    /**
     * Stops heartbeats. After a clean stop (`finished`) this process's leases are removed; after a
     * crash they are left to lapse, so the jobs still locked by this process are released.
     */
    stop: async (finished: boolean) => {
      stopped = true;
      clearTimeout(timer);
      await running;
      if (finished && workerIds.size > 0)
        await options.db
          .deleteFrom('worker_leases')
          .where('worker_id', 'in', [...workerIds])
          .execute();
    },
  };
}
