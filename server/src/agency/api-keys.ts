import { createHash, randomBytes } from 'node:crypto';
import type { AgencyKind } from '@tuo/shared';
import type { AgencyApiKey } from '@tuo/shared/api/agency-portal';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { OrganisationScope } from '../organisations/organisation-scope.js';

/** The organisation a valid key belongs to, and its kind. */
export interface AgencyPrincipal {
  keyId: string;
  agency: AgencyKind;
  organisation: OrganisationScope;
}

function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('base64url');
}

/** Creates an API key for an organisation's system. The key is returned once; only its hash is kept. */
export async function createApiKey(
  db: Kysely<Database>,
  organisation: OrganisationScope,
  name: string,
): Promise<{ id: string; key: string }> {
  const agency = organisation.kind;
  const key = `tuo_${agency}_${randomBytes(32).toString('base64url')}`;
  const row = await db
    .insertInto('agency_api_keys')
    .values({
      agency,
      organisation_id: organisation.id,
      name,
      prefix: key.slice(0, key.indexOf('_', 4) + 7),
      key_hash: hashKey(key),
      last_used_at: null,
      revoked_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, key };
}

/**
 * Revokes a key; it stops working at once. Other keys of the organisation keep working (rotation).
 * With `organisation`, only a key of that organisation is revoked (an agency admin can never touch another's).
 */
export async function revokeApiKey(
  db: Kysely<Database>,
  id: string,
  organisation?: OrganisationScope,
): Promise<boolean> {
  let update = db
    .updateTable('agency_api_keys')
    .set({ revoked_at: new Date() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null);
  if (organisation) update = update.where('organisation_id', '=', organisation.id);
  const result = await update.executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** An organisation's keys, newest first, as listed to its admins: never the key or its hash. */
export async function listApiKeys(db: Kysely<Database>, organisation: OrganisationScope): Promise<AgencyApiKey[]> {
  const rows = await db
    .selectFrom('agency_api_keys')
    .select(['id', 'name', 'prefix', 'created_at', 'last_used_at', 'revoked_at'])
    .where('organisation_id', '=', organisation.id)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  }));
}

/** The agency behind a bearer key, or undefined for an unknown or revoked key. */
export async function authenticateApiKey(db: Kysely<Database>, key: string): Promise<AgencyPrincipal | undefined> {
  // Noting last use at most once a minute keeps reads from turning into writes.
  // A key of a disabled organisation reads nothing.
  const row = await sql<{ id: string; agency: AgencyKind; organisation_id: string }>`
    with found as (
      select k.id, k.agency, k.organisation_id, k.last_used_at from agency_api_keys k join organisations o on o.id = k.organisation_id
      where k.key_hash = ${hashKey(key)} and k.revoked_at is null and o.disabled_at is null
    ),
    touched as (update agency_api_keys set last_used_at = now() where id in (select id from found where last_used_at is null or last_used_at < now() - interval '1 minute'))
    select id, agency, organisation_id from found
  `.execute(db);
  const found = row.rows[0];
  return found
    ? { keyId: found.id, agency: found.agency, organisation: { id: found.organisation_id, kind: found.agency } }
    : undefined;
}
