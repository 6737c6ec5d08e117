import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../server/src/config.js';
import { withCliDatabase } from '../../server/src/db/cli-database.js';
import { testProtectedDataKeys } from '../support/test-config.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.db.destroy();
});

describe('the command-line tools’ database', () => {
  it('is DATABASE_URL’s, migrated, for the length of the work, whose result or failure comes back', async () => {
    const env = parseEnv({
      DATABASE_URL: database.url,
      SESSION_SECRET: 'cli-test-session-secret-that-is-long-enough-0123',
      PROTECTED_DATA_KEYS: testProtectedDataKeys,
    });
    const said: string[] = [];
    const seen = await withCliDatabase(
      env,
      async (db, embedded) => {
        expect(embedded).toBeUndefined();
        const migrations = await sql<{ n: string }>`select count(*) as n from kysely_migration`.execute(db);
        return Number(migrations.rows[0]?.n);
      },
      (message) => said.push(message),
    );
    expect(seen).toBeGreaterThanOrEqual(10);
    // Which database, for people: where it is, never its password.
    const url = new URL(database.url);
    expect(said[0]).toBe(`Using the database in DATABASE_URL (${url.hostname}:${url.port}${url.pathname}).`);
    expect(said.join('\n')).not.toContain(decodeURIComponent(url.password));
    await expect(
      withCliDatabase(env, () => {
        throw new Error('the tool failed');
      }),
    ).rejects.toThrow('the tool failed');
  });
});
