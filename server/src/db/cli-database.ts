import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Env } from '../config.js';
import { createDb } from './create-db.js';
import type { Database } from './database.js';
import { findRunningEmbeddedPostgres, startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres.js';
import { migrateToLatest } from './migrator.js';

/** Where a database is, for people: host, port and name, never the password. */
function describeUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  return `${url.hostname}:${url.port || '5432'}${url.pathname}`;
}

/**
 * For the command-line tools (`db:migrate`, `db:column-checks`, `staff:create`, `agency:user`,
 * `agency:key`, `privacy:reseal`): the portal's database, migrated, for the length of `work`. That
 * is DATABASE_URL's; or else the embedded one under DATA_DIR that `npm start` is already running
 * (left running); or, when none runs, one started for the command and stopped after it (its
 * generated secrets come with it).
 * Says which it used, and the migrations it applied, on standard error, so a command's own output
 * stays as it was.
 */
export async function withCliDatabase<T>(
  env: Env,
  work: (db: Kysely<Database>, embedded: EmbeddedDatabase | undefined) => Promise<T>,
  say: (message: string) => void = (message) => {
    process.stderr.write(`[tell-us-once] ${message}\n`);
  },
): Promise<T> {
  const dataDir = path.resolve(env.DATA_DIR);
  let embedded: EmbeddedDatabase | undefined;
  if (env.DATABASE_URL) {
    say(`Using the database in DATABASE_URL (${describeUrl(env.DATABASE_URL)}).`);
  } else {
    embedded = await findRunningEmbeddedPostgres({ dataDir });
    if (embedded) {
      say(
        `Using the embedded database already running in ${dataDir} (port ${String(embedded.port)}); it is left running.`,
      );
    } else {
      say(`No database is running in ${dataDir}: starting the embedded one for this command, and stopping it after.`);
      embedded = await startEmbeddedPostgres({ dataDir, role: 'command', onStep: () => undefined });
    }
  }
  const { db } = createDb(env.DATABASE_URL ?? embedded?.databaseUrl ?? '', { max: 2 });
  try {
    await migrateToLatest(db, say);
    return await work(db, embedded);
  } finally {
    await db.destroy();
    await embedded?.stop();
  }
}
