import { hash, verify } from '@node-rs/argon2';
import { staffRoles, type StaffRole, type StaffUser } from '@tuo/shared/api/staff-session';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';

// OWASP's argon2id minimum (19 MiB, 2 passes); @node-rs/argon2 uses argon2id by default.
const hashOptions = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Hashes a password with argon2id (PHC string, salt included). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, hashOptions);
}

// Verified against when no account matches, so an unknown address costs as long as a wrong password.
let decoyHash: Promise<string> | undefined;

/** An account as found at sign-in: customer-centre staff have no agency. */
export interface VerifiedAccount {
  id: string;
  email: string;
  role: string;
  agency: string | null;
}

/**
 * Checks an email address and password against enabled accounts holding one of `roles` (the staff
 * console and the agency portal each accept only their own). Every failure, an account of the
 * other kind included, takes the same time and looks the same to the caller.
 */
export async function verifyAccount(
  db: Kysely<Database>,
  email: string,
  password: string,
  roles: readonly string[],
): Promise<VerifiedAccount | undefined> {
  const account = await db
    .selectFrom('staff_users')
    .select(['id', 'email', 'role', 'agency', 'password_hash', 'disabled_at'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
    .where('role', 'in', roles)
    .executeTakeFirst();
  decoyHash ??= hashPassword('decoy password that matches nothing');
  const matches = await verify(account?.password_hash ?? (await decoyHash), password).catch(() => false);
  if (!account || !matches || account.disabled_at) return undefined;
  return { id: account.id, email: account.email, role: account.role, agency: account.agency };
}

/** Checks a customer-centre staff member's email address and password (agency accounts never match). */
export async function verifyCredentials(
  db: Kysely<Database>,
  email: string,
  password: string,
): Promise<StaffUser | undefined> {
  const account = await verifyAccount(db, email, password, staffRoles);
  return account ? { id: account.id, email: account.email, role: account.role as StaffRole } : undefined;
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
  return row ? { id: row.id, email: row.email, role: row.role as StaffRole } : undefined;
}

/** Thrown when an account with that email address already exists. */
export class StaffAccountExistsError extends Error {
  override name = 'StaffAccountExistsError';
}

/** Creates an account. */
export async function createStaffUser(
  db: Kysely<Database>,
  input: { email: string; role: StaffRole; password: string },
): Promise<StaffUser> {
  const email = input.email.trim();
  const passwordHash = await hashPassword(input.password);
  const row = await db
    .insertInto('staff_users')
    .values({ email, role: input.role, password_hash: passwordHash })
    .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
    .returning(['id', 'email', 'role'])
    .executeTakeFirst();
  if (!row) throw new StaffAccountExistsError(`There is already an account for ${email}.`);
  return { id: row.id, email: row.email, role: row.role as StaffRole };
}
