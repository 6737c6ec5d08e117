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
    const now = new Date();
    if (workerIds.size > 0) {
      await options.db
        .insertInto('worker_leases')
        .values([...workerIds].map((worker_id) => ({ worker_id, process_id: processId, heartbeat_at: now })))
        .onConflict((oc) => oc.column('worker_id').doUpdateSet({ heartbeat_at: now }))
        .execute();
    }
    const stale = await options.db
      .deleteFrom('worker_leases')
      .where('heartbeat_at', '<', sql<Date>`now() - make_interval(secs => ${options.leaseSeconds})`)
      .returning('worker_id')
      .execute();
    if (stale.length > 0) {
      const ids = stale.map((row) => row.worker_id);
      await sql`select graphile_worker.force_unlock_workers(${ids}::text[])`.execute(options.db);
      options.logger.warn({ workers: ids.length }, 'released the jobs of worker processes that stopped answering');
    }
  };
  const loop = () => {
    running = beat().catch((error: unknown) => {
      options.logger.warn({ err: error }, 'worker heartbeat failed; will try again');
    });
    timer = setTimeout(loop, Math.max(250, (options.leaseSeconds * 1000) / 3));
  };

  return {
    /** Registers a worker or worker pool id of this process (from graphile-worker's events). */
    add: (workerId: string) => workerIds.add(workerId),
    start: loop,
    /** Stops heartbeats and removes this process's leases: its workers have finished cleanly. */
    stop: async () => {
      clearTimeout(timer);
      await running;
      if (workerIds.size > 0) await options.db.deleteFrom('worker_leases').where('worker_id', 'in', [...workerIds]).execute();
    },
  };
}
