import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';

/** A connection pool and the Kysely instance over it; close with `db.destroy()`. */
export interface Db {
  pool: pg.Pool;
  db: Kysely<Database>;
}

/** Opens a pool on `databaseUrl`. The pool is shared with the queue so one process holds one set of connections. */
export function createDb(databaseUrl: string, options: { max?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.max ?? 20 });
  // An idle client losing its connection (a Postgres restart) must not crash the process;
  // the pool replaces it on next use.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { pool, db };
}
