import type { AgencyKind } from '@tuo/shared';
import type { AccountRole } from '@tuo/shared/api/account-admin';
import { agencyRoles, type AgencyRole, type AgencyUser } from '@tuo/shared/api/agency-portal';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { OrganisationScope } from '../organisations/organisation-scope.js';
import { roleAmong } from '../console/account-roles.js';
import { hashPassword, StaffAccountExistsError, verifyAccount } from '../console/password-accounts.js';

// Agency accounts are rows of `staff_users` with an agency role and their agency: the same
// argon2id hashes, sessions and sign-in throttle as the staff console (`server/src/console/`), never the same roles.

interface AgencyUserRow {
  id: string;
  email: string;
  role: AccountRole;
  agency: AgencyKind | null;
  organisation_id: string | null;
  organisation_name: string;
  organisation_fallback: boolean;
}

/** The row as an agency user; undefined for a customer-centre account (no agency role, no agency). */
function toAgencyUser(row: AgencyUserRow): AgencyUser | undefined {
  const role = roleAmong(agencyRoles, row.role);
  if (!role || !row.agency) return undefined;
  return {
    id: row.id,
    email: row.email,
    role,
    agency: row.agency,
    organisation: { id: row.organisation_id ?? '', name: row.organisation_name, fallback: row.organisation_fallback },
  };
}

/** The organisation an agency user works for, as the inbox scopes it. */
export function organisationOf(user: AgencyUser): OrganisationScope {
  return { id: user.organisation.id, kind: user.agency };
}

/** Checks an agency user's email address and password; customer-centre accounts never match. */
export async function verifyAgencyCredentials(
  db: Kysely<Database>,
  email: string,
  password: string,
): Promise<AgencyUser | undefined> {
  const account = await verifyAccount(db, email, password, agencyRoles);
  return account?.agency ? findAgencyUser(db, account.id) : undefined;
}

/**
 * An enabled agency account of an enabled organisation, by id, read afresh on every request so a
 * change of role or organisation (or the organisation being disabled) applies at once.
 */
export async function findAgencyUser(db: Kysely<Database>, id: string): Promise<AgencyUser | undefined> {
  const row = await db
    .selectFrom('staff_users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select([
      'u.id',
      'u.email',
      'u.role',
      'u.agency',
      'u.organisation_id',
      'o.name as organisation_name',
      'o.fallback as organisation_fallback',
    ])
    .where('u.id', '=', id)
    .where('u.role', 'in', agencyRoles)
    .where('u.disabled_at', 'is', null)
    .where('o.disabled_at', 'is', null)
    .executeTakeFirst();
  return row ? toAgencyUser(row) : undefined;
}

/**
 * Creates an account at an organisation (the kind's fallback organisation when given only a kind);
 * throws {@link StaffAccountExistsError} if the address has any account.
 */
export async function createAgencyUser(
  db: Kysely<Database>,
  input: {
    email: string;
    role: AgencyRole;
    organisation: OrganisationScope;
    password: string;
    displayName?: string | undefined;
  },
): Promise<AgencyUser> {
  const email = input.email.trim();
  const row = await db
    .insertInto('staff_users')
    .values({
      email,
      display_name: input.displayName ?? null,
      role: input.role,
      agency: input.organisation.kind,
      organisation_id: input.organisation.id,
      password_hash: await hashPassword(input.password),
    })
    .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) throw new StaffAccountExistsError(`There is already an account for ${email}.`);
  const user = await findAgencyUser(db, row.id);
  if (!user) throw new Error('The organisation of a new agency account is disabled');
  return user;
}
