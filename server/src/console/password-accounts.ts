import type { AgencyKind } from '@tuo/shared';
import type { AccountRole } from '@tuo/shared/api/account-admin';
import { hash, verify } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';

// Staff and agency portal accounts are rows of one table, `staff_users`, told apart by role:
// the same argon2id hashes, the same sign-in check, never the same roles.

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
  role: AccountRole;
  agency: AgencyKind | null;
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
  roles: readonly AccountRole[],
): Promise<VerifiedAccount | undefined> {
  const account = await db
    .selectFrom('staff_users')
    .select(['id', 'email', 'role', 'agency', 'password_hash', 'disabled_at'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
    .where('role', 'in', roles)
    .executeTakeFirst();
  decoyHash ??= hashPassword('decoy password that matches nothing');
  const matches = await verify(account?.password_hash ?? (await decoyHash), password).catch(() => false);
  // An account without a password (made by single sign-on) never signs in with one, not even the decoy's.
  if (!account?.password_hash || !matches || account.disabled_at) return undefined;
  return { id: account.id, email: account.email, role: account.role, agency: account.agency };
}

/** Thrown when an account with that email address already exists. */
export class StaffAccountExistsError extends Error {
  override name = 'StaffAccountExistsError';
}
