import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, parseEnv } from '../config.js';
import { withCliDatabase } from './cli-database.js';
import { checkedColumns } from './checked-columns.js';
import { columnChecksMigration, columnCheckChanges } from './column-checks-migration.js';
import { readColumnChecks } from './column-checks.js';
import { migrationsFolder } from './migrator.js';

// `npm run db:column-checks -- <migration name>` (e.g. 2026-12-24-0100-column-checks): after a value
// is added to one of the lists in checked-columns.ts (a kind, a status, a role), writes the migration
// that makes the database allow exactly the lists, against the database migrated so far (DATABASE_URL's,
// or the embedded one). Writes nothing when every check already matches.
class UsageError extends Error {
  override name = 'UsageError';
}

try {
  const name = process.argv[2] ?? '';
  if (!/^\d{4}-\d{2}-\d{2}-\d{4}-[a-z0-9-]+$/.test(name))
    throw new UsageError('Give the migration a name: npm run db:column-checks -- 2026-12-24-0100-column-checks');
  const file = path.join(migrationsFolder, `${name}.ts`);
  if (existsSync(file)) throw new UsageError(`${file} exists already.`);
  await withCliDatabase(parseEnv(process.env), async (db) => {
    const changes = columnCheckChanges(checkedColumns, await readColumnChecks(db, checkedColumns));
    if (changes.length === 0) {
      console.log('Every checked column allows exactly its list already.');
      return;
    }
    // Only where the sources are: prettier is a development tool.
    const prettier = await import('prettier');
    const text = await prettier.format(columnChecksMigration(changes), {
      ...(await prettier.resolveConfig(file)),
      filepath: file,
    });
    writeFileSync(file, text);
    console.log(`Wrote ${file}: ${changes.map((c) => `${c.column.table}.${c.column.column}`).join(', ')}.`);
  });
} catch (error) {
  console.error(
    error instanceof ConfigError || error instanceof UsageError ? error.message : `[tell-us-once] ${String(error)}`,
  );
  process.exitCode = 1;
}
