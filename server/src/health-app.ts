import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from './db/database.js';
import { databasePlugin, type WorkerStatus } from './plugins/database.js';
import { errorHandlerPlugin } from './plugins/error-handler.js';
import { healthRoutes } from './routes/health/health-routes.js';

/**
 * A worker-only process serves just `/healthz` and `/readyz`, so orchestrators can check
 * workers the same way as API processes.
 */
export async function buildHealthApp(options: {
  db: Kysely<Database>;
  workerStatus: () => WorkerStatus;
  logger: FastifyBaseLogger;
}): Promise<FastifyInstance> {
  const app = Fastify({ loggerInstance: options.logger });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(errorHandlerPlugin);
  await app.register(databasePlugin, { db: options.db, workerStatus: options.workerStatus });
  await app.register(healthRoutes);
  return app;
}
