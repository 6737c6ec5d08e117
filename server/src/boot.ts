import closeWithGrace from 'close-with-grace';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { buildApp } from './app.js';
import {
  ConfigError,
  deprecatedEnvWarnings,
  parseEnv,
  parseProtectedDataKeys,
  toConfig,
  type Config,
} from './config.js';
import { createDb } from './db/create-db.js';
import { EmbeddedDatabaseError, startEmbeddedPostgres } from './db/embedded-postgres.js';
import { migrateToLatest } from './db/migrator.js';
import { seedSampleDirectory } from './organisations/sample-directory.js';
import { createAdapterRegistry } from './adapters/adapter-registry.js';
import { databaseSigningSecrets } from './agency/webhook-secrets.js';
import { buildHealthApp } from './health-app.js';
import { cronItems } from './jobs/job-names.js';
import { fileChannelCronItems } from './jobs/send-agency-file-task.js';
import { emailAlertCronItems } from './jobs/send-agency-alert-task.js';
import { organisationChannelCronItems } from './jobs/organisation-channel-schedule-task.js';
import { serviceLevelCronItems } from './service-levels/service-level-jobs.js';
import { createTaskList } from './jobs/task-list.js';
import { createDeliveryWork } from './deliveries/delivery-work.js';
import { logDestination, loggerOptions } from './logger.js';
import { startWorker, type RunningWorker } from './queue/worker-runner.js';
import { listenForStopSignals, stopSignals } from './stop-signals.js';

/** Which parts this process runs: the one-process portal runs both. */
export interface Roles {
  api: boolean;
  worker: boolean;
  /** Start an embedded Postgres when DATABASE_URL is unset (only the one-process portal does). */
  embeddedDatabase: boolean;
  /** Vite's dev server instead of the built client. */
  dev?: boolean;
}

function step(message: string): void {
  console.log(`[tell-us-once] ${message}`);
}

function fail(message: string): never {
  console.error(`[tell-us-once] ${message}`);
  process.exit(1);
}

/**
 * Starts a process with the given roles: reads configuration, finds or starts the database,
 * applies migrations, then runs the API and/or the worker until SIGINT/SIGTERM, when it stops
 * taking work, finishes what is in flight, closes the pool and stops the embedded database.
 */
export async function boot(roles: Roles): Promise<void> {
  let env;
  try {
    env = parseEnv(process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  if (!env.DATABASE_URL && !roles.embeddedDatabase) {
    fail(
      'Configuration error: DATABASE_URL is required to run the API or worker on its own (use `npm start` for the one-process portal).',
    );
  }

  const embedded = env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({
        dataDir: env.DATA_DIR,
        onStep: step,
        // Never half-alive: when its database cannot be brought back, the portal stops, so whatever
        // supervises it (a terminal, systemd, a container runtime) sees it and can start it again.
        onDied: (error) => {
          fail(`The embedded database stopped and could not be started again: ${error.message}`);
        },
      }).catch((error: unknown) => {
        if (error instanceof EmbeddedDatabaseError) fail(error.message);
        throw error;
      });
  const config: Config = toConfig(env, {
    databaseUrl: env.DATABASE_URL ?? embedded?.databaseUrl ?? '',
    sessionSecret: env.SESSION_SECRET ?? embedded?.sessionSecret ?? '',
    protectedDataKeys: env.PROTECTED_DATA_KEYS ?? parseProtectedDataKeys(embedded?.protectedDataKeys ?? ''),
    terminal: process.stdout.isTTY,
  });
  const logStream = await logDestination(config.logFormat);
  const logger = pino(loggerOptions(config.logLevel), logStream);
  for (const warning of deprecatedEnvWarnings(env)) logger.warn(warning);
  // graphile-worker shares the pool: give each concurrent job a connection, and the API its own.
  const { pool, db } = createDb(config.databaseUrl, { max: roles.worker ? config.worker.concurrency + 12 : 20 });

  // Filled in as parts start, so a signal at any moment stops exactly what is running.
  const running: { app?: FastifyInstance; worker?: RunningWorker } = {};
  // Long enough for a delivery to an agency that is slow to answer to finish. Stop signals are ours
  // (listenForStopSignals), so one relayed several times is one request; errors stay close-with-grace's.
  let stopSignal: NodeJS.Signals | undefined;
  const grace = closeWithGrace(
    { delay: config.delivery.timeoutMs + 15_000, skip: [...stopSignals] },
    async ({ err }) => {
      if (err) logger.error({ err }, 'stopping after an unexpected error');
      else step(`Stopping (${stopSignal ?? 'requested'}): finishing requests and jobs in flight…`);
      await Promise.all([running.app?.close(), running.worker?.stop()]);
      await db.destroy();
      await embedded?.stop();
      step('Stopped.');
    },
  );
  listenForStopSignals({
    onStop: (signal) => {
      stopSignal = signal;
      grace.close();
    },
    onForce: (signal) => {
      fail(`${signal} while stopping: stopping at once, without waiting for work in flight.`);
    },
  });

  try {
    await migrateToLatest(db, step);
    // The embedded trial install shows a directory at once; a DATABASE_URL install keeps its own.
    if (embedded) {
      const added = await seedSampleDirectory(db);
      if (added > 0) step(`Added a sample directory of ${String(added)} fictional organisations.`);
    }
  } catch (error) {
    await db.destroy();
    await embedded?.stop();
    fail(String(error instanceof Error ? error.message : error));
  }

  if (roles.worker) {
    step('Starting the delivery worker…');
    running.worker = await startWorker({
      pool,
      db,
      logger,
      taskList: createTaskList({ db, config }),
      deliveries: createDeliveryWork({
        db,
        adapters: createAdapterRegistry(config, databaseSigningSecrets(db, config.sessionSecret)),
        config,
        logger,
      }),
      cronItems: [
        ...cronItems,
        ...serviceLevelCronItems,
        ...fileChannelCronItems(config.agencies),
        ...emailAlertCronItems(config.agencies),
        ...organisationChannelCronItems,
      ],
      ...config.worker,
    });
  }
  const worker = running.worker;
  const app = roles.api
    ? await buildApp({
        config,
        db,
        logStream,
        dev: roles.dev ?? false,
        ...(worker ? { workerStatus: worker.status } : {}),
      })
    : await buildHealthApp({ db, workerStatus: worker?.status ?? (() => ({ ok: false })), logger });
  running.app = app;
  if (roles.api) step('Starting the web server…');
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    await worker?.stop();
    await db.destroy();
    await embedded?.stop();
    fail(
      code === 'EADDRINUSE'
        ? `Port ${config.port} is already in use: set PORT to a free port.`
        : `Could not listen: ${String(error)}`,
    );
  }
  step(
    roles.api
      ? `Tell Us Once is running at ${config.publicUrl} (press Ctrl-C to stop).`
      : `The delivery worker is running; health checks on port ${config.port} (press Ctrl-C to stop).`,
  );
}
