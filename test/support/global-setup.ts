import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Logger, runMigrations } from 'graphile-worker';
import type { TestProject } from 'vitest/node';
import { createDb } from '../../server/src/db/create-db.js';
import { startEmbeddedPostgres } from '../../server/src/db/embedded-postgres.js';
import { migrateToLatest } from '../../server/src/db/migrator.js';
import { databaseUrlFor, dropDatabase } from './database-admin.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A connection string to the test Postgres server's maintenance database. */
    adminDatabaseUrl: string;
    /** The migrated database every test file's database is cloned from. */
    templateDatabase: string;
  }
}

/**
 * One Postgres for the whole run: DATABASE_URL's server when set, otherwise an embedded one in a
 * temporary folder. Migrations run once, into a template; each test file clones it (fast and isolated).
 */
export default async function setup(project: TestProject) {
  let adminDatabaseUrl = process.env.DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | undefined;
  let tempDir: string | undefined;
  if (!adminDatabaseUrl) {
    tempDir = await mkdtemp(path.join(os.tmpdir(), 'tuo-test-'));
    const embedded = await startEmbeddedPostgres({
      dataDir: tempDir,
      onStep: () => undefined,
      databaseName: 'postgres',
    });
    adminDatabaseUrl = embedded.databaseUrl;
    stopEmbedded = embedded.stop;
  }
  const templateDatabase = `tuo_template_${process.pid}`;
  const admin = createDb(adminDatabaseUrl, { max: 1 });
  await dropDatabase(admin.pool, templateDatabase);
  await admin.pool.query(`create database ${templateDatabase}`);
  await admin.db.destroy();

  const template = createDb(databaseUrlFor(adminDatabaseUrl, templateDatabase), { max: 1 });
  await migrateToLatest(template.db);
  // The queue's own schema too, so each test file's clone has it ready.
  await runMigrations({ pgPool: template.pool, logger: new Logger(() => () => undefined) });
  await template.db.destroy();

  project.provide('adminDatabaseUrl', adminDatabaseUrl);
  project.provide('templateDatabase', templateDatabase);

  return async () => {
    const cleanup = createDb(adminDatabaseUrl, { max: 1 });
    await dropDatabase(cleanup.pool, templateDatabase);
    await cleanup.db.destroy();
    await stopEmbedded?.();
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  };
}
