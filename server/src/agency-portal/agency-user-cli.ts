import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { agencyKindSchema } from '@tuo/shared';
import { agencyRoleSchema } from '@tuo/shared/api/agency-portal';
import { z } from 'zod';
import { ConfigError, parseEnv } from '../config.js';
import { withCliDatabase } from '../db/cli-database.js';
import { StaffAccountExistsError } from '../console/password-accounts.js';
import { createAgencyUser } from './agency-accounts.js';

// `npm run agency:user -- --email r.clerk@council.example --agency council --role agency-user`
// makes an agency portal account (agency-admin for one who manages keys and the webhook secret)
// and prints a generated password once: it is stored only as an argon2id hash.
const { values } = parseArgs({
  options: { email: { type: 'string' }, agency: { type: 'string' }, role: { type: 'string' } },
});
const input = z.object({ email: z.email(), agency: agencyKindSchema, role: agencyRoleSchema }).safeParse(values);
if (!input.success) {
  console.error(
    'Usage: npm run agency:user -- --email <address> --agency council|gp-practice|housing-provider|jobcentre --role agency-user|agency-admin',
  );
  process.exitCode = 1;
} else {
  try {
    const env = parseEnv(process.env);
    await withCliDatabase(env, async (db) => {
      // 144 random bits: long enough that throttling is not what keeps it safe.
      const password = randomBytes(18).toString('base64url');
      const user = await createAgencyUser(db, { ...input.data, password });
      console.log(
        `Created ${user.role} ${user.email} for ${user.agency} (${user.id}). Their password, shown only now:\n${password}`,
      );
    });
  } catch (error) {
    const message =
      error instanceof ConfigError || error instanceof StaffAccountExistsError
        ? error.message
        : `Could not create the account: ${error instanceof Error ? error.message : 'unknown error'}`;
    console.error(message);
    process.exitCode = 1;
  }
}
