import { agencyKindSchema, type AgencyKind } from '@tuo/shared';
import { parseArgs } from 'node:util';
import { ConfigError, parseEnv } from '../config.js';
import { withCliDatabase } from '../db/cli-database.js';
import { organisationFromArgs } from '../organisations/fallback-organisation.js';
import { createApiKey, revokeApiKey } from './api-keys.js';

// `npm run agency:key -- --agency council --name "Revenues system"` prints a new key once (for the
// kind's fallback organisation; `--organisation <id or kind:code>` for one in the directory);
// `npm run agency:key -- --revoke <key id>` revokes one at once.
const usage = [
  `Usage: npm run agency:key -- --agency ${agencyKindSchema.options.join('|')} [--name <what will use it>]`,
  '   or: npm run agency:key -- --organisation <id or kind:code> [--name <what will use it>]',
  '   or: npm run agency:key -- --revoke <key id>',
].join('\n');

type Command =
  { revoke: string } | { agency: AgencyKind | undefined; organisation: string | undefined; name: string | undefined };

function parseCommand(): Command | undefined {
  try {
    const { values } = parseArgs({
      options: {
        agency: { type: 'string' },
        organisation: { type: 'string' },
        name: { type: 'string' },
        revoke: { type: 'string' },
      },
    });
    if (values.revoke) return values.agency || values.organisation ? undefined : { revoke: values.revoke };
    if (values.organisation) return { agency: undefined, organisation: values.organisation, name: values.name };
    const agency = agencyKindSchema.safeParse(values.agency);
    return agency.success ? { agency: agency.data, organisation: undefined, name: values.name } : undefined;
  } catch {
    // An option it does not know, or one given without its value.
    return undefined;
  }
}

const command = parseCommand();
if (!command) {
  console.error(usage);
  process.exitCode = 1;
} else {
  try {
    const env = parseEnv(process.env);
    await withCliDatabase(env, async (db) => {
      if ('revoke' in command) {
        console.log(
          (await revokeApiKey(db, command.revoke))
            ? `Revoked key ${command.revoke}.`
            : `No live key ${command.revoke}.`,
        );
      } else {
        const organisation = await organisationFromArgs(db, command);
        if (!organisation) throw new Error(`no organisation ${command.organisation ?? ''} in the directory`);
        const { id, key } = await createApiKey(db, organisation, command.name ?? `${organisation.kind} system`);
        console.log(`Key ${id} for organisation ${organisation.id}. Copy it now: it is not shown again.\n${key}`);
      }
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
