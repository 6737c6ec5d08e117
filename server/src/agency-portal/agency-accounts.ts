import type { AgencyKind } from '@tuo/shared';
import { agencyRoles, type AgencyRole, type AgencyUser } from '@tuo/shared/api/agency-portal';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { hashPassword, StaffAccountExistsError, verifyAccount } from '../console/password-accounts.js';

// Agency accounts are rows of `staff_users` with an agency role and their agency: the same
// argon2id hashes, sessions and sign-in throttle as the staff console (`server/src/console/`), never the same roles.

function toAgencyUser(row: { id: string; email: string; role: string; agency: string | null }): AgencyUser {
  return { id: row.id, email: row.email, role: row.role as AgencyRole, agency: row.agency as AgencyKind };
}

/** Checks an agency user's email address and password; customer-centre accounts never match. */
export async function verifyAgencyCredentials(
  db: Kysely<Database>,
  email: string,
  password: string,
): Promise<AgencyUser | undefined> {
  const account = await verifyAccount(db, email, password, agencyRoles);
  return account?.agency ? toAgencyUser(account) : undefined;
}

/** An enabled agency account by id, read afresh on every request so a change of role or agency applies at once. */
export async function findAgencyUser(db: Kysely<Database>, id: string): Promise<AgencyUser | undefined> {
  const row = await db
    .selectFrom('staff_users')
    .select(['id', 'email', 'role', 'agency'])
    .where('id', '=', id)
    .where('role', 'in', agencyRoles)
    .where('agency', 'is not', null)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  return row ? toAgencyUser(row) : undefined;
}

/** Creates an agency account; throws {@link StaffAccountExistsError} if the address has any account. */
export async function createAgencyUser(
  db: Kysely<Database>,
  input: { email: string; role: AgencyRole; agency: AgencyKind; password: string },
): Promise<AgencyUser> {
  const email = input.email.trim();
  const row = await db
    .insertInto('staff_users')
    .values({ email, role: input.role, agency: input.agency, password_hash: await hashPassword(input.password) })
    .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
    .returning(['id', 'email', 'role', 'agency'])
    .executeTakeFirst();
  if (!row) throw new StaffAccountExistsError(`There is already an account for ${email}.`);
  return toAgencyUser(row);
}
