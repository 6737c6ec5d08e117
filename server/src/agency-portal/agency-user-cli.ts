import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { agencyKindSchema, agencyKinds } from '@tuo/shared';
import { displayNameSchema } from '@tuo/shared/api/account-admin';
import { agencyRoleSchema } from '@tuo/shared/api/agency-portal';
import { z } from 'zod';
import { ConfigError, parseEnv } from '../config.js';
import { withCliDatabase } from '../db/cli-database.js';
import { StaffAccountExistsError } from '../console/password-accounts.js';
import { organisationFromArgs } from '../organisations/fallback-organisation.js';
import { createAgencyUser } from './agency-accounts.js';

// `npm run agency:user -- --email r.clerk@council.example --agency council --role agency-user --name "Rhian Clerk"`
// (or `--organisation <id or kind:code>` for one organisation in the directory; `--agency` alone
// means the kind's fallback organisation) makes an agency portal account (agency-admin for one who manages keys and the webhook secret)
// and prints a generated password once: it is stored only as an argon2id hash.
const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    agency: { type: 'string' },
    organisation: { type: 'string' },
    role: { type: 'string' },
    name: { type: 'string' },
  },
});
const input = z
  .object({
    email: z.email(),
    agency: agencyKindSchema.optional(),
    organisation: z.string().min(1).optional(),
    role: agencyRoleSchema,
    name: displayNameSchema.optional(),
  })
  .refine((v) => v.agency !== undefined || v.organisation !== undefined)
  .safeParse(values);
if (!input.success) {
  console.error(
    `Usage: npm run agency:user -- --email <address> (--agency ${agencyKinds.join('|')} | --organisation <id or kind:code>) --role agency-user|agency-admin [--name <name>]`,
  );
  process.exitCode = 1;
} else {
  try {
    const env = parseEnv(process.env);
    await withCliDatabase(env, async (db) => {
      // 144 random bits: long enough that throttling is not what keeps it safe.
      const password = randomBytes(18).toString('base64url');
      const organisation = await organisationFromArgs(db, input.data);
      if (!organisation) throw new StaffAccountExistsError(`No organisation ${input.data.organisation ?? ''}.`);
      const user = await createAgencyUser(db, {
        email: input.data.email,
        role: input.data.role,
        organisation,
        password,
        displayName: input.data.name,
      });
      console.log(
        `Created ${user.role} ${user.email} for ${user.organisation.name} (${user.id}). Their password, shown only now:\n${password}`,
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
