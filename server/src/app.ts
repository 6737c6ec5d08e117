import { randomUUID } from 'node:crypto';
import formbody from '@fastify/formbody';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DestinationStream } from 'pino';
import pino from 'pino';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { loggerOptions } from './logger.js';
import { databasePlugin, type WorkerStatus } from './plugins/database.js';
import { errorHandlerPlugin } from './plugins/error-handler.js';
import { openApiPlugin } from './plugins/openapi.js';
import { pagesPlugin } from './plugins/pages.js';
import { languagePlugin } from './plugins/language.js';
import { privacyPlugin } from './plugins/privacy.js';
import { createProtectedValues } from './privacy/protected-values.js';
import { securityPlugin } from './plugins/security.js';
import { trustPlugin } from './plugins/trust.js';
import { submissionWriterPlugin } from './plugins/submission-writer.js';
import { healthRoutes } from './routes/health/health-routes.js';
import { journeyRoutes } from './routes/journeys/journey-routes.js';
import { staffRoutes } from './routes/staff/staff-routes.js';
import { submissionOriginPlugin } from './plugins/submission-origin.js';
import { startRoutes } from './routes/pages/start-routes.js';
import { submissionRoutes } from './routes/submissions/submission-routes.js';
import { agencyApiRoutes } from './routes/agency/agency-api-routes.js';
import { agencyPortalRoutes } from './routes/agency-portal/agency-portal-routes.js';
import { createAddressLookup } from './address-lookup/create-address-lookup.js';
import { addressLookupRoutes } from './routes/address-lookup/address-lookup-routes.js';
import { createLookUpLimit } from './address-lookup/look-up-limit.js';
import { clockPlugin } from './plugins/clock.js';
import { serviceLevelRoutes } from './routes/service-levels/service-level-routes.js';

/** Everything the app needs from outside; it opens nothing itself and never listens. */
export interface AppOptions {
  config: Config;
  db: Kysely<Database>;
  /** Reports on this process's worker; defaults to "this process runs no worker". */
  workerStatus?: () => WorkerStatus;
  /** Where log lines go (tests capture them); defaults to standard output. */
  logStream?: DestinationStream;
  /** Run Vite's dev server for the client instead of serving the built bundle. */
  dev?: boolean;
  /** The clock service-level judgements read; defaults to the system's (tests move it). */
  now?: () => Date;
  /** How the app waits (sign-in slowing down); defaults to a real timer (tests record the waits). */
  sleep?: (ms: number) => Promise<void>;
}

/** Believe X-Forwarded-For for this many proxy hops in front of the app. */
function hops(count: number) {
  return (_address: string, hop: number) => hop < count;
}

/** Builds the Fastify app: API routes, server-rendered pages, security baseline and error handling. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const logger: FastifyBaseLogger = pino(loggerOptions(config.logLevel), options.logStream ?? process.stdout);
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: config.bodyLimitBytes,
    // Our own ids: a client-sent header must not choose what appears in our logs.
    genReqId: () => randomUUID(),
    trustProxy: typeof config.trustProxy === 'number' ? hops(config.trustProxy) : config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
    // Readable logs are for a person at a terminal: every request there is noise, so at debug level.
    logController: new LogController({ disableRequestLogging: config.logFormat === 'pretty' }),
  }).withTypeProvider<ZodTypeProvider>();
  if (config.logFormat === 'pretty') {
    app.addHook('onResponse', async (request, reply) => {
      request.log.debug({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
    });
  }

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  await app.register(errorHandlerPlugin);
  await app.register(securityPlugin, {
    rateLimitPerMinute: config.rateLimitPerMinute,
    dev: options.dev ?? false,
    https: config.publicUrl.startsWith('https:'),
  });
  await app.register(formbody);
  await app.register(databasePlugin, {
    db: options.db,
    workerStatus: options.workerStatus ?? (() => ({ ok: true, detail: 'This process runs no worker.' })),
  });
  await app.register(privacyPlugin, { privacy: createProtectedValues(config.protectedDataKeys) });
  await app.register(trustPlugin, { config });
  await app.register(submissionWriterPlugin, { settings: config.submissionBatch });
  await app.register(openApiPlugin, { publicUrl: config.publicUrl });
  await app.register(clockPlugin, { now: options.now, sleep: options.sleep });
  await app.register(healthRoutes);
  await app.register(languagePlugin, { publicUrl: config.publicUrl });
  // Lets the journeys recognise an adviser's assisted transaction (see routes/staff); before the
  // pages, as a resident page an adviser runs for a resident shows the adviser banner.
  await app.register(submissionOriginPlugin, { secret: config.sessionSecret, publicUrl: config.publicUrl });
  await app.register(pagesPlugin, { dev: options.dev ?? false, help: config.help });
  await app.register(startRoutes);
  const addressLookup = createAddressLookup(config.addressLookup);
  const lookUpLimit = createLookUpLimit(app);
  await app.register(submissionRoutes, { addressLookup });
  await app.register(agencyApiRoutes);
  await app.register(staffRoutes, { config });
  await app.register(agencyPortalRoutes, { config });
  await app.register(addressLookupRoutes, { lookup: addressLookup, limit: lookUpLimit });
  await app.register(journeyRoutes, { config, addressLookup, lookUpLimit });
  await app.register(serviceLevelRoutes, { config });
  return app;
}
