import pino, { type DestinationStream } from 'pino';
import { createAdapterRegistry } from '../../server/src/adapters/adapter-registry.js';
import { databaseSigningSecrets } from '../../server/src/agency/webhook-secrets.js';
import type { Config } from '../../server/src/config.js';
import { createDeliveryWork } from '../../server/src/deliveries/delivery-work.js';
import { createTaskList } from '../../server/src/jobs/task-list.js';
import { loggerOptions } from '../../server/src/logger.js';
import { startWorker, type RunningWorker } from '../../server/src/queue/worker-runner.js';
import type { TestDatabase } from './test-database.js';

/**
 * The real worker (graphile-worker, outbox relay, heartbeats) on a test database. With `logStream`,
 * its log lines go there, through the server's own logger options, at `config.logLevel`.
 */
export async function startTestWorker(
  database: TestDatabase,
  config: Config,
  options: { logStream?: DestinationStream } = {},
): Promise<RunningWorker> {
  const logger = options.logStream ? pino(loggerOptions(config.logLevel), options.logStream) : pino({ level: 'warn' });
  return startWorker({
    pool: database.pool,
    db: database.db,
    logger,
    taskList: createTaskList({ db: database.db, config }),
    deliveries: createDeliveryWork({
      db: database.db,
      adapters: createAdapterRegistry(config, databaseSigningSecrets(database.db, config.sessionSecret)),
      config,
      logger,
    }),
    ...config.worker,
  });
}
