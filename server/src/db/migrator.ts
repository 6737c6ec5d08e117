import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Migrator, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';

/** The top-level `migrations/` folder, found relative to this file. */
export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

/**
 * Reads `migrations/*.ts`. Kysely's FileMigrationProvider would do the same, but its `import()`
 * lives in node_modules, where the TypeScript loader of the test runner does not reach.
 */
const folderProvider: MigrationProvider = {
  async getMigrations() {
    const files = (await fs.readdir(migrationsFolder)).filter((f) => /^\d{4}-\d{2}-\d{2}-.+\.ts$/.test(f) && !f.endsWith('.d.ts'));
    const entries = await Promise.all(
      files.map(async (file) => {
        const migration = (await import(pathToFileURL(path.join(migrationsFolder, file)).href)) as Migration;
        return [file.replace(/\.ts$/, ''), migration] as const;
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
  const pending = (await migrator.getMigrations()).filter((m) => !m.executedAt);
  onStep(pending.length === 0 ? 'Database is up to date.' : `Applying ${pending.length} database migration(s)…`);
  const result = await migrator.migrateToLatest();
  for (const step of result.results ?? []) {
    onStep(`  ${step.status === 'Success' ? '✓' : '✗'} ${step.migrationName}`);
  }
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(`Migration ${failed} failed: ${result.error instanceof Error ? result.error.message : 'unknown error'}`);
  }
  return result;
}

/** True when every migration in the folder has been applied. */
export async function migrationsAreCurrent<DB>(db: Kysely<DB>): Promise<boolean> {
  const migrations = await createMigrator(db).getMigrations();
  return migrations.every((m) => m.executedAt !== undefined);
}
