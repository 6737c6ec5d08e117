import type { AccountRole } from '@tuo/shared/api/account-admin';
import { staffRoles, type StaffRole, type StaffUser } from '@tuo/shared/api/staff-session';
import { sql, type Kysely } from 'kysely';
import { hashPassword, StaffAccountExistsError, verifyAccount } from '../console/password-accounts.js';
import type { Database } from '../db/database.js';
import { roleAmong } from '../console/account-roles.js';

/** Checks a customer-centre staff member's email address and password (agency accounts never match). */
export async function verifyCredentials(
  db: Kysely<Database>,
  email: string,
  password: string,
): Promise<StaffUser | undefined> {
  const account = await verifyAccount(db, email, password, staffRoles);
  return account && staffUser(account);
}

/** An enabled account by id: its role is read afresh on every request, so a change applies at once. */
export async function findStaffUser(db: Kysely<Database>, id: string): Promise<StaffUser | undefined> {
  // Agency accounts live in the same table and never count as customer-centre staff.
  const row = await db
    .selectFrom('staff_users')
    .select(['id', 'email', 'role'])
    .where('id', '=', id)
    .where('role', 'in', staffRoles)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  return row && staffUser(row);
}

/**
 * An enabled customer-centre account acting for a resident, with the name the adviser banner shows:
 * its display name, or its email when it has none.
 */
export async function findAdviser(
  db: Kysely<Database>,
  id: string,
): Promise<{ id: string; email: string; name: string } | undefined> {
  return db
    .selectFrom('staff_users')
    .select(['id', 'email', sql<string>`coalesce(display_name, email)`.as('name')])
    .where('id', '=', id)
    .where('role', 'in', staffRoles)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
}

/** Creates an account, with the name colleagues see it by when given. */
export async function createStaffUser(
  db: Kysely<Database>,
  input: { email: string; role: StaffRole; password: string; displayName?: string | undefined },
): Promise<StaffUser> {
  const email = input.email.trim();
  const passwordHash = await hashPassword(input.password);
  const row = await db
    .insertInto('staff_users')
    .values({ email, display_name: input.displayName ?? null, role: input.role, password_hash: passwordHash })
    .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
    .returning(['id', 'email', 'role'])
    .executeTakeFirst();
  if (!row) throw new StaffAccountExistsError(`There is already an account for ${email}.`);
  return { id: row.id, email: row.email, role: input.role };
}

/** An account as customer-centre staff; undefined for an agency portal account. */
function staffUser(account: { id: string; email: string; role: AccountRole }): StaffUser | undefined {
  const role = roleAmong(staffRoles, account.role);
  return role && { id: account.id, email: account.email, role };
}
