import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../server/src/app.js';
import { testConfig } from './test-config.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/** An app on its own fresh database, with every log line it writes kept for inspection. */
export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  /** Every log line written so far, as raw text. */
  logs: () => string;
  close: () => Promise<void>;
}

/**
 * Builds the real app (real Postgres, real plugins) for `app.inject()` tests. `env` holds settings
 * as environment variables, parsed by the real configuration code.
 */
export async function createTestApp(
  options: { env?: Record<string, string>; database?: TestDatabase } & Partial<Omit<AppOptions, 'config'>> = {},
): Promise<TestApp> {
  const { env, database: given, ...overrides } = options;
  const database = given ?? (await createTestDatabase());
  const lines: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString('utf8'));
      callback();
    },
  });
  const app = await buildApp({
    config: testConfig(database.url, env),
    db: database.db,
    logStream,
    ...overrides,
  });
  await app.ready();
  return {
    app,
    database,
    logs: () => lines.join(''),
    close: async () => {
      await app.close();
      if (!given) await database.drop();
    },
  };
}
