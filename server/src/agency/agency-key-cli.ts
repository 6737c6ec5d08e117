import { agencyKindSchema } from '@tuo/shared';
import { parseArgs } from 'node:util';
import { ConfigError, parseEnv } from '../config.js';
import { withCliDatabase } from '../db/cli-database.js';
import { createApiKey, revokeApiKey } from './api-keys.js';

// `npm run agency:key -- --agency council --name "Revenues system"` prints a new key once;
// `npm run agency:key -- --revoke <key id>` revokes one at once.
const { values } = parseArgs({
  options: { agency: { type: 'string' }, name: { type: 'string' }, revoke: { type: 'string' } },
});
try {
  const env = parseEnv(process.env);
  await withCliDatabase(env, async (db) => {
    if (values.revoke) {
      console.log(
        (await revokeApiKey(db, values.revoke)) ? `Revoked key ${values.revoke}.` : `No live key ${values.revoke}.`,
      );
    } else {
      const agency = agencyKindSchema.parse(values.agency);
      const { id, key } = await createApiKey(db, agency, values.name ?? `${agency} system`);
      console.log(`Key ${id} for ${agency}. Copy it now: it is not shown again.\n${key}`);
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
