import { parseEnv, ConfigError } from '../config.js';
import { createDb } from './create-db.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { migrateToLatest } from './migrator.js';

// `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database.
try {
  const env = parseEnv(process.env);
  const log = (message: string) => {
    console.log(`[tell-us-once] ${message}`);
  };
  const embedded = env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir: env.DATA_DIR, onStep: log });
  const { db } = createDb(env.DATABASE_URL ?? embedded?.databaseUrl ?? '');
  try {
    await migrateToLatest(db, log);
  } finally {
    await db.destroy();
    await embedded?.stop();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `[tell-us-once] ${String(error)}`);
  process.exitCode = 1;
}
