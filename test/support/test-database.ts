import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createDb, type Db } from '../../server/src/db/create-db.js';
import { databaseUrlFor, dropDatabase } from './database-admin.js';

/** A fresh, migrated database of this test file's own. */
export interface TestDatabase extends Db {
  url: string;
  /** Closes the pool and drops the database. */
  drop: () => Promise<void>;
}

/** Clones the migrated template into a new database (milliseconds, not a migration run). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('adminDatabaseUrl');
  const name = `tuo_test_${randomBytes(6).toString('hex')}`;
  const admin = createDb(adminUrl, { max: 1 });
  await admin.pool.query(`create database ${name} template ${inject('templateDatabase')}`);
  const url = databaseUrlFor(adminUrl, name);
  const { pool, db } = createDb(url);
  return {
    url,
    pool,
    db,
    drop: async () => {
      await db.destroy();
      await dropDatabase(admin.pool, name);
      await admin.db.destroy();
    },
  };
}
