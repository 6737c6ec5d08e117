import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { hostname } from 'node:os';
import {
  Logger,
  parseCronItems,
  run,
  type CronItem,
  type Runner,
  type TaskList,
  type WorkerEvents,
} from 'graphile-worker';
import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { Logger as PinoLogger } from 'pino';
import type { Database } from '../db/database.js';
import type { WorkerStatus } from '../plugins/database.js';
import { startDeliveryDispatcher } from '../deliveries/delivery-dispatcher.js';
import type { DeliveryWork } from '../deliveries/delivery-work.js';
import { startOutboxRelay } from './outbox-relay.js';
import { startWorkerLeases } from './worker-leases.js';

/** A running queue worker. */
export interface RunningWorker {
  status: () => WorkerStatus;
  /** Stops taking jobs and waits for the ones in flight to finish. */
  stop: () => Promise<void>;
}

/** Routes graphile-worker's log lines into our pino logger (which redacts personal data). */
function workerLogger(log: PinoLogger): Logger {
  const levels: Record<string, 'error' | 'warn' | 'info' | 'debug'> = {
    error: 'error',
    warning: 'warn',
    info: 'info',
    debug: 'debug',
  };
  return new Logger((scope) => (level, message, meta) => {
    const where = { task: scope.taskIdentifier, jobId: scope.jobId, workerId: scope.workerId };
    log[levels[level] ?? 'info']({ worker: where, ...meta }, message);
  });
}

/**
 * Starts graphile-worker on the shared pool, the delivery dispatcher, the outbox relay and the
 * worker heartbeats. Several of
 * these may run in several processes on several machines against one database: graphile-worker
 * hands each job to exactly one worker at a time.
 */
export async function startWorker(options: {
  pool: pg.Pool;
  db: Kysely<Database>;
  logger: PinoLogger;
  taskList: TaskList;
  /** Deliveries to agencies: claimed, sent and recorded in batches by the dispatcher. */
  deliveries: DeliveryWork;
  /** Scheduled tasks; graphile-worker runs each slot once however many workers there are. */
  cronItems?: CronItem[];
  concurrency: number;
  leaseSeconds: number;
  relayIntervalMs: number;
}): Promise<RunningWorker> {
  let stopping = false;
  let crashed = false;
  const leases = startWorkerLeases({ db: options.db, leaseSeconds: options.leaseSeconds, logger: options.logger });
  const events: WorkerEvents = new EventEmitter();
  // Jobs are locked by the pool's id (or, in some modes, by a worker's): lease both.
  events.on('pool:create', ({ workerPool }) => {
    leases.add(workerPool.id);
  });
  events.on('worker:create', ({ worker }) => {
    leases.add(worker.workerId);
  });
  const runner: Runner = await run({
    pgPool: options.pool,
    concurrency: options.concurrency,
    noHandleSignals: true,
    pollInterval: 2000,
    logger: workerLogger(options.logger),
    events,
    taskList: options.taskList,
    parsedCronItems: parseCronItems(options.cronItems ?? []),
    // Fetch jobs in batches and complete them in batches: far fewer queries per delivery (see
    // graphile-worker's performance docs); locked batches belong to the pool, which we lease.
    preset: {
      worker: {
        localQueue: { size: Math.max(8, options.concurrency * 2) },
        completeJobBatchDelay: 2,
        failJobBatchDelay: 2,
      },
    },
  });
  // Heartbeats start once graphile-worker's schema exists (run() migrates it) and beat at once; a
  // process that dies before its first beat is still recovered, by the sweep for unleased locks.
  leases.start();
  // The dispatcher's claims are held under its own lease, so they are taken over if this process dies.
  const dispatcherId = `deliveries:${hostname()}:${String(process.pid)}:${randomUUID().slice(0, 8)}`;
  leases.add(dispatcherId);
  const dispatcher = startDeliveryDispatcher({
    db: options.db,
    logger: options.logger,
    dispatcherId,
    leaseSeconds: options.leaseSeconds,
    pollIntervalMs: options.relayIntervalMs,
    ...options.deliveries,
  });
  const relay = startOutboxRelay({
    db: options.db,
    intervalMs: options.relayIntervalMs,
    logger: options.logger,
    onDeliveriesDue: dispatcher.wake,
  });
  runner.promise.catch(async (error: unknown) => {
    crashed = true;
    options.logger.error(
      { err: error },
      'queue worker stopped unexpectedly; stopping this process so it can be restarted',
    );
    // Stop heartbeating so the lease lapses and another worker takes over this process's jobs.
    await relay.stop();
    await dispatcher.stop();
    await leases.stop(false);
    process.kill(process.pid, 'SIGTERM');
  });
  return {
    status: () =>
      crashed
        ? { ok: false, detail: 'The queue worker has stopped.' }
        : stopping
          ? { ok: false, detail: 'The queue worker is stopping.' }
          : { ok: true },
    stop: async () => {
      stopping = true;
      await relay.stop();
      await Promise.all([dispatcher.stop(), runner.stop()]);
      await leases.stop(true);
    },
  };
}
