import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import type { Kysely } from 'kysely';
import { ConfigError, parseEnv } from '../config.js';
import { withCliDatabase } from '../db/cli-database.js';
import type { Database } from '../db/database.js';

type Values = Record<string, string | boolean | undefined>;

/** One key command line (`npm run agency:key`, `npm run submitter:key`): what it makes, and how. */
export interface KeyCli<Command> {
  /** The usage lines, `--revoke <key id>` among them, printed for options that make no command. */
  usage: string[];
  /** Its options besides `--revoke`. */
  options: ParseArgsOptionsConfig;
  /** The command its options give, or undefined when they make none. */
  parse: (values: Values) => Command | undefined;
  /** Carries the command out, printing what it made (a key is printed once, never again). */
  run: (db: Kysely<Database>, command: Command) => Promise<void>;
  /** Revokes a key at once; false when there is no live key with the id. */
  revoke: (db: Kysely<Database>, id: string) => Promise<boolean>;
}

/** `--revoke <id>` alone, or the command the other options give; undefined for anything else. */
function parseCommand<Command>(cli: KeyCli<Command>): { revoke: string } | { command: Command } | undefined {
  let values: Values;
  try {
    ({ values } = parseArgs({ options: { ...cli.options, revoke: { type: 'string' } } }));
  } catch {
    // An option it does not know, or one given without its value.
    return undefined;
  }
  const { revoke, ...rest } = values;
  if (typeof revoke === 'string')
    return Object.values(rest).every((value) => value === undefined) ? { revoke } : undefined;
  const command = cli.parse(rest);
  return command === undefined ? undefined : { command };
}

/**
 * Runs a key command line: parses its options, prints the usage when they make no command, then
 * opens the configured (or embedded) database and revokes or runs. A configuration error prints
 * its message; any other failure prints one line, never a stack.
 */
export async function runKeyCli<Command>(cli: KeyCli<Command>): Promise<void> {
  const parsed = parseCommand(cli);
  if (!parsed) {
    console.error(cli.usage.join('\n'));
    process.exitCode = 1;
    return;
  }
  try {
    await withCliDatabase(parseEnv(process.env), async (db) => {
      if ('revoke' in parsed)
        console.log(
          (await cli.revoke(db, parsed.revoke)) ? `Revoked key ${parsed.revoke}.` : `No live key ${parsed.revoke}.`,
        );
      else await cli.run(db, parsed.command);
    });
  } catch (error) {
    console.error(
      error instanceof ConfigError
        ? error.message
        : `Could not manage the key: ${error instanceof Error ? error.message : 'unknown error'}`,
    );
    process.exitCode = 1;
  }
}
