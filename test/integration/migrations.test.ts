import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, migrationsAreCurrent } from '../../server/src/db/migrator.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

describe('migrations', () => {
  it('are current on a migrated database, and applying them again changes nothing', async () => {
    expect(await migrationsAreCurrent(database.db)).toBe(true);
    const steps: string[] = [];
    const result = await migrateToLatest(database.db, (message) => steps.push(message));
    expect(result.results).toEqual([]);
    expect(steps).toEqual(['Database is up to date.']);
  });

  it('let an older build start on a database a newer release has migrated (rolling deploy, rollback)', async () => {
    await sql`insert into kysely_migration (name, timestamp) values ('2099-01-01-0001-from-the-future', now())`.execute(
      database.db,
    );
    const steps: string[] = [];
    await expect(migrateToLatest(database.db, (message) => steps.push(message))).resolves.toEqual({ results: [] });
    expect(steps).toEqual(['The database is ahead of this build (2099-01-01-0001-from-the-future); not migrating.']);
  });
});
