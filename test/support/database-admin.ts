import type pg from 'pg';

/** The same server and credentials as `url`, another database. */
export function databaseUrlFor(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Drops a test database, disconnecting anyone still on it. */
export async function dropDatabase(pool: pg.Pool, name: string): Promise<void> {
  await pool.query(`drop database if exists ${name} with (force)`);
}
