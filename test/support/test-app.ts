import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../server/src/app.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/** An app on its own fresh database, with every log line it writes kept for inspection. */
export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  /** Every log line written so far, as raw text. */
  logs: () => string;
  close: () => Promise<void>;
}

/** Builds the real app (real Postgres, real plugins) for `app.inject()` tests. */
export async function createTestApp(overrides: Partial<AppOptions> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const lines: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString('utf8'));
      callback();
    },
  });
  const app = await buildApp({
    config: { logLevel: 'info', publicUrl: 'http://localhost:3000', bodyLimitBytes: 1_048_576, rateLimitPerMinute: 10_000 },
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
      await database.drop();
    },
  };
}
