import { hash, verify } from '@node-rs/argon2';
import type { StaffRole, StaffUser } from '@tuo/shared/api/staff-session';
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

/**
 * Checks an email address and password. Returns the account only when both match an enabled
 * account; every failure takes the same time and looks the same to the caller.
 */
export async function verifyCredentials(db: Kysely<Database>, email: string, password: string): Promise<StaffUser | undefined> {
  const account = await db
    .selectFrom('staff_users')
    .select(['id', 'email', 'role', 'password_hash', 'disabled_at'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
    .executeTakeFirst();
  decoyHash ??= hashPassword('decoy password that matches nothing');
  const matches = await verify(account?.password_hash ?? (await decoyHash), password).catch(() => false);
  if (!account || !matches || account.disabled_at) return undefined;
  return { id: account.id, email: account.email, role: account.role as StaffRole };
}

/** An enabled account by id: its role is read afresh on every request, so a change applies at once. */
export async function findStaffUser(db: Kysely<Database>, id: string): Promise<StaffUser | undefined> {
  const row = await db.selectFrom('staff_users').select(['id', 'email', 'role']).where('id', '=', id).where('disabled_at', 'is', null).executeTakeFirst();
  return row ? { id: row.id, email: row.email, role: row.role as StaffRole } : undefined;
}

/** Thrown when an account with that email address already exists. */
export class StaffAccountExistsError extends Error {
  override name = 'StaffAccountExistsError';
}

/** Creates an account. */
export async function createStaffUser(db: Kysely<Database>, input: { email: string; role: StaffRole; password: string }): Promise<StaffUser> {
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
