import type { Kysely } from 'kysely';
import type { Env } from '../config.js';
import { createDb } from './create-db.js';
import type { Database } from './database.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres.js';
import { migrateToLatest } from './migrator.js';

/**
 * For the command-line tools (`staff:create`, `agency:user`, `agency:key`, `privacy:reseal`): the
 * portal's database, migrated, for the length of `work`. That is DATABASE_URL's, or else the
 * embedded one under DATA_DIR, started before and stopped after (its generated secrets come with it).
 */
export async function withCliDatabase<T>(
  env: Env,
  work: (db: Kysely<Database>, embedded: EmbeddedDatabase | undefined) => Promise<T>,
): Promise<T> {
  const embedded = env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dataDir: env.DATA_DIR, onStep: () => undefined });
  const { db } = createDb(env.DATABASE_URL ?? embedded?.databaseUrl ?? '', { max: 2 });
  try {
    await migrateToLatest(db);
    return await work(db, embedded);
  } finally {
    await db.destroy();
    await embedded?.stop();
  }
}
