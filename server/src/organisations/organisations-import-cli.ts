import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ConfigError, parseEnv } from '../config.js';
import { withCliDatabase } from '../db/cli-database.js';
import { readDirectoryFile } from './import/directory-file.js';
import { importOrganisations, type PlannedChange } from './import/import-organisations.js';

// `npm run organisations:import -- --file directory.csv [--dry-run]` adds and updates organisations
// from a directory CSV (or the NHS ODS practice file, epraccur.csv), matched by kind and code, so a
// second run changes nothing; the dry run lists what would change and changes nothing.
const usage = 'Usage: npm run organisations:import -- --file <directory.csv or epraccur.csv> [--dry-run]';

function parseCommand(): { file: string; dryRun: boolean } | undefined {
  try {
    const { values } = parseArgs({ options: { file: { type: 'string' }, 'dry-run': { type: 'boolean' } } });
    return values.file ? { file: values.file, dryRun: values['dry-run'] ?? false } : undefined;
  } catch {
    return undefined;
  }
}

const describe = (c: PlannedChange) =>
  `${c.action.padEnd(9)} ${c.kind} ${c.code} ${c.name}${c.fields.length > 0 ? ` (${c.fields.join(', ')})` : ''}`;

const command = parseCommand();
if (!command) {
  console.error(usage);
  process.exitCode = 1;
} else {
  try {
    const file = readDirectoryFile(await readFile(command.file, 'utf8'));
    for (const problem of file.problems) console.error(`Line ${String(problem.line)}: ${problem.message}`);
    if (file.problems.length > 0) {
      console.error(`Nothing imported: ${String(file.problems.length)} line(s) could not be read.`);
      process.exitCode = 1;
    } else {
      const env = parseEnv(process.env);
      const changes = await withCliDatabase(env, (db) =>
        importOrganisations(db, file.entries, { dryRun: command.dryRun, actor: { type: 'system' } }),
      );
      for (const change of changes.filter((c) => c.action !== 'unchanged')) console.log(describe(change));
      const changed = changes.filter((c) => c.action !== 'unchanged').length;
      console.log(
        `${command.dryRun ? 'Dry run: would change' : 'Changed'} ${String(changed)} of ${String(changes.length)} organisations (${file.format}).`,
      );
    }
  } catch (error) {
    console.error(
      error instanceof ConfigError
        ? error.message
        : `Could not import: ${error instanceof Error ? error.message : 'unknown error'}`,
    );
    process.exitCode = 1;
  }
}
