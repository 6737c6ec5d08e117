import { promises as fs } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot, runningFromSources } from '../project-root.js';
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';

/**
 * The top-level `migrations/` folder from the sources; compiled into `server/dist/migrations/`
 * (same names, `.js`) for the compiled server, which node runs without a TypeScript loader.
 */
export const migrationsFolder = runningFromSources
  ? path.join(projectRoot, 'migrations')
  : path.join(projectRoot, 'server/dist/migrations');
const extension = runningFromSources ? '.ts' : '.js';

/**
 * Reads `migrations/*.ts` (or their compiled `.js`). Kysely's FileMigrationProvider would do the
 * same, but its `import()` lives in node_modules, where the TypeScript loader of the test runner
 * does not reach.
 */
const folderProvider: MigrationProvider = {
  async getMigrations() {
    const files = (await fs.readdir(migrationsFolder)).filter(
      (f) => /^\d{4}-\d{2}-\d{2}-.+\.[jt]s$/.test(f) && f.endsWith(extension) && !f.endsWith('.d.ts'),
    );
    const entries = await Promise.all(
      files.map(async (file) => {
        const migration = (await import(pathToFileURL(path.join(migrationsFolder, file)).href)) as Migration;
        return [file.slice(0, -extension.length), migration] as const;
      }),
    );
    return Object.fromEntries(entries);
  },
};

/** A Kysely migrator over `migrations/`. Kysely takes a lock, so several processes may call it at once. */
export function createMigrator<DB>(db: Kysely<DB>): Migrator {
  return new Migrator({ db, provider: folderProvider });
}

/** Thrown when a migration fails; names the migration so the operator knows where to look. */
export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** Applies every pending migration and reports each one applied through `onStep`. */
export async function migrateToLatest<DB>(
  db: Kysely<DB>,
  onStep: (message: string) => void = () => undefined,
): Promise<MigrationResultSet> {
  const migrator = createMigrator(db);
  const known = await migrator.getMigrations();
  const ahead = await newerThanThisBuild(
    db,
    known.map((m) => m.name),
  );
  if (ahead.length > 0) {
    // A newer release has migrated this database (a rolling deploy, or a rollback of the code):
    // this older process must still start, as long as everything it knows about is applied.
    if (known.some((m) => !m.executedAt))
      throw new MigrationError(
        `The database has newer migrations (${ahead.join(', ')}) but is missing some this build needs.`,
      );
    onStep(`The database is ahead of this build (${ahead.join(', ')}); not migrating.`);
    return { results: [] };
  }
  const pending = known.filter((m) => !m.executedAt);
  onStep(pending.length === 0 ? 'Database is up to date.' : `Applying ${pending.length} database migration(s)…`);
  const result = await migrator.migrateToLatest();
  for (const step of result.results ?? []) {
    onStep(`  ${step.status === 'Success' ? '✓' : '✗'} ${step.migrationName}`);
  }
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(
      `Migration ${failed} failed: ${result.error instanceof Error ? result.error.message : 'unknown error'}`,
    );
  }
  return result;
}

/** Applied migrations this build does not have (none when the migrations table does not exist yet). */
async function newerThanThisBuild<DB>(db: Kysely<DB>, known: string[]): Promise<string[]> {
  const table = await sql<{ exists: boolean }>`select to_regclass('kysely_migration') is not null as exists`.execute(
    db,
  );
  if (!table.rows[0]?.exists) return [];
  const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return applied.rows.map((row) => row.name).filter((name) => !known.includes(name));
}

/** True when every migration in the folder has been applied. */
export async function migrationsAreCurrent<DB>(db: Kysely<DB>): Promise<boolean> {
  const migrations = await createMigrator(db).getMigrations();
  return migrations.every((m) => m.executedAt !== undefined);
}
