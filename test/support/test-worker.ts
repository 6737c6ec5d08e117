import pino from 'pino';
import { createAdapterRegistry } from '../../server/src/adapters/adapter-registry.js';
import { databaseSigningSecrets } from '../../server/src/agency/webhook-secrets.js';
import type { Config } from '../../server/src/config.js';
import { createTaskList } from '../../server/src/jobs/task-list.js';
import { startWorker, type RunningWorker } from '../../server/src/queue/worker-runner.js';
import type { TestDatabase } from './test-database.js';

/** The real worker (graphile-worker, outbox relay, heartbeats) on a test database. */
export async function startTestWorker(database: TestDatabase, config: Config): Promise<RunningWorker> {
  const logger = pino({ level: 'warn' });
  return startWorker({
    pool: database.pool,
    db: database.db,
    logger,
    taskList: createTaskList({ db: database.db, adapters: createAdapterRegistry(config, databaseSigningSecrets(database.db, config.sessionSecret)), config }),
    ...config.worker,
  });
}
