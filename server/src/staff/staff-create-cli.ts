import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { displayNameSchema } from '@tuo/shared/api/account-admin';
import { staffRoleSchema } from '@tuo/shared/api/staff-session';
import { z } from 'zod';
import { ConfigError, parseEnv } from '../config.js';
import { withCliDatabase } from '../db/cli-database.js';
import { createStaffUser } from './staff-accounts.js';
import { StaffAccountExistsError } from '../console/password-accounts.js';

// `npm run staff:create -- --email a.adviser@council.example --role adviser --name "Alex Adviser"`
// makes an account (the first admin included; `--name` is the name colleagues see it by) against
// DATABASE_URL or the embedded database, and prints a generated password once: it is stored only
// as an argon2id hash.
const { values } = parseArgs({
  options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
});
const input = z
  .object({
    email: z.email({ error: '--email must be an email address' }),
    role: staffRoleSchema,
    name: displayNameSchema.optional(),
  })
  .safeParse(values);
if (!input.success) {
  console.error('Usage: npm run staff:create -- --email <address> --role adviser|supervisor|admin [--name <name>]');
  process.exitCode = 1;
} else {
  try {
    const env = parseEnv(process.env);
    await withCliDatabase(env, async (db) => {
      // 144 random bits: long enough that throttling is not what keeps it safe.
      const password = randomBytes(18).toString('base64url');
      const { name, ...account } = input.data;
      const user = await createStaffUser(db, { ...account, displayName: name, password });
      console.log(`Created ${user.role} ${user.email} (${user.id}). Their password, shown only now:\n${password}`);
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
