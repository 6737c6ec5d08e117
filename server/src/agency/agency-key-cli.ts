import { agencyKindSchema } from '@tuo/shared';
import { parseArgs } from 'node:util';
import { ConfigError, parseEnv } from '../config.js';
import { withCliDatabase } from '../db/cli-database.js';
import { organisationFromArgs } from '../organisations/fallback-organisation.js';
import { createApiKey, revokeApiKey } from './api-keys.js';

// `npm run agency:key -- --agency council --name "Revenues system"` prints a new key once;
// `npm run agency:key -- --revoke <key id>` revokes one at once. `--organisation <id or kind:code>`
// makes the key for one organisation in the directory; `--agency` alone, for the kind's fallback.
const { values } = parseArgs({
  options: {
    agency: { type: 'string' },
    organisation: { type: 'string' },
    name: { type: 'string' },
    revoke: { type: 'string' },
  },
});
try {
  const env = parseEnv(process.env);
  await withCliDatabase(env, async (db) => {
    if (values.revoke) {
      console.log(
        (await revokeApiKey(db, values.revoke)) ? `Revoked key ${values.revoke}.` : `No live key ${values.revoke}.`,
      );
    } else {
      const agency = values.agency === undefined ? undefined : agencyKindSchema.parse(values.agency);
      const organisation = await organisationFromArgs(db, { agency, organisation: values.organisation });
      if (!organisation) throw new Error('name an organisation (--organisation) or a kind (--agency)');
      const { id, key } = await createApiKey(db, organisation, values.name ?? `${organisation.kind} system`);
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
