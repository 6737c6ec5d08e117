import { Logger, run, type Runner, type TaskList } from 'graphile-worker';
import type pg from 'pg';
import type { Logger as PinoLogger } from 'pino';
import type { WorkerStatus } from '../plugins/database.js';

/** A running queue worker. */
export interface RunningWorker {
  status: () => WorkerStatus;
  /** Stops taking jobs and waits for the ones in flight to finish. */
  stop: () => Promise<void>;
}

/** Routes graphile-worker's log lines into our pino logger (which redacts personal data). */
function workerLogger(log: PinoLogger): Logger {
  const levels: Record<string, 'error' | 'warn' | 'info' | 'debug'> = { error: 'error', warning: 'warn', info: 'info', debug: 'debug' };
  return new Logger((scope) => (level, message, meta) => {
    const where = { task: scope.taskIdentifier, jobId: scope.jobId, workerId: scope.workerId };
    log[levels[level] ?? 'info']({ worker: where, ...meta }, message);
  });
}

/**
 * Starts graphile-worker on the shared pool. Several of these may run in several processes on
 * several machines against one database: graphile-worker hands each job to exactly one of them.
 */
export async function startWorker(options: {
  pool: pg.Pool;
  concurrency: number;
  logger: PinoLogger;
  taskList: TaskList;
  crontab?: string;
}): Promise<RunningWorker> {
  let stopping = false;
  const runner: Runner = await run({
    pgPool: options.pool,
    concurrency: options.concurrency,
    noHandleSignals: true,
    pollInterval: 2000,
    logger: workerLogger(options.logger),
    taskList: options.taskList,
    // No crontab file: scheduled tasks are declared in code (and none means none).
    ...(options.crontab ? { crontab: options.crontab } : { parsedCronItems: [] }),
  });
  let crashed: unknown;
  runner.promise.catch((error: unknown) => {
    crashed = error;
    options.logger.error({ err: error }, 'queue worker stopped unexpectedly');
  });
  return {
    status: () =>
      crashed ? { ok: false, detail: 'The queue worker has stopped.' } : stopping ? { ok: false, detail: 'The queue worker is stopping.' } : { ok: true },
    stop: async () => {
      stopping = true;
      await runner.stop();
    },
  };
}
