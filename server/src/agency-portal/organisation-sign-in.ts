import { organisationSignInRequestSchema, type OrganisationSignInRequest } from '@tuo/shared/api/organisation-sign-in';
import type { AgencyKind } from '@tuo/shared';
import type { Kysely } from 'kysely';
import { recordAudit, type Actor } from '../audit/audit-log.js';
import { openSecret, sealSecret } from '../console/sealed-secret.js';
import type { OidcProviderSettings } from '../console/sign-in-settings.js';
import type { Database } from '../db/database.js';

// Each organisation's OpenID Connect provider for the agency portal, in `organisation_sign_in`.
// The client secret is sealed for its organisation (console/sealed-secret.ts, under the session
// secret), so a copy of the database alone opens nothing and one organisation's secret cannot be
// passed off as another's. It is never shown again, logged or audited.

const purpose = 'oidc-client-secret';

/** An organisation's provider, ready to sign in with, and whether its people may still use passwords. */
export interface OrganisationProvider {
  organisation: { id: string; kind: AgencyKind; name: string };
  provider: OidcProviderSettings;
  passwords: boolean;
}

/** The provider settings of an enabled organisation; undefined without one (or if its secret no longer opens). */
export async function organisationProvider(
  db: Kysely<Database>,
  sealingSecret: string,
  organisationId: string,
): Promise<OrganisationProvider | undefined> {
  const row = await db
    .selectFrom('organisation_sign_in as s')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select(['o.id', 'o.kind', 'o.name', 's.issuer', 's.client_id', 's.sealed_client_secret', 's.roles_claim'])
    .select(['s.role_map', 's.passwords'])
    .where('s.organisation_id', '=', organisationId)
    .where('o.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  // Sealed under an older SESSION_SECRET: the organisation's admin must enter the secret again.
  const clientSecret = openSecret(sealingSecret, purpose, row.id, row.sealed_client_secret);
  if (!clientSecret) return undefined;
  return {
    organisation: { id: row.id, kind: row.kind, name: row.name },
    provider: {
      issuer: row.issuer,
      clientId: row.client_id,
      clientSecret,
      rolesClaim: row.roles_claim,
      roleMap: row.role_map,
    },
    passwords: row.passwords,
  };
}

/** The enabled organisations that sign in through a provider, by name, for the sign-in page. */
export function providerOrganisations(db: Kysely<Database>): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('organisation_sign_in as s')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select(['o.id', 'o.name'])
    .where('o.disabled_at', 'is', null)
    .orderBy('o.name')
    .execute();
}

/** Whether an organisation's people may sign in with a password (true without a provider). */
export async function organisationTakesPasswords(db: Kysely<Database>, organisationId: string): Promise<boolean> {
  const row = await db
    .selectFrom('organisation_sign_in')
    .select('passwords')
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return row?.passwords ?? true;
}

/** The saved settings without the secret, for the settings page and API; undefined without a provider. */
export async function savedOrganisationSignIn(db: Kysely<Database>, organisationId: string) {
  const row = await db
    .selectFrom('organisation_sign_in')
    .select(['issuer', 'client_id', 'roles_claim', 'role_map', 'passwords', 'updated_at'])
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return row
    ? {
        issuer: row.issuer,
        clientId: row.client_id,
        rolesClaim: row.roles_claim,
        roleMap: organisationSignInRequestSchema.shape.roleMap.parse(row.role_map),
        passwords: row.passwords,
        updatedAt: row.updated_at.toISOString(),
      }
    : undefined;
}

/** Thrown when a provider is first set up without its client secret. */
export class ClientSecretRequiredError extends Error {
  override name = 'ClientSecretRequiredError';
}

/**
 * Saves an organisation's provider (sealing a new client secret; without one the sealed secret is
 * kept), audited with what changed but never the secret.
 */
export async function saveOrganisationSignIn(
  db: Kysely<Database>,
  sealingSecret: string,
  organisationId: string,
  settings: OrganisationSignInRequest,
  actor: Actor & { id: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const sealed = settings.clientSecret
      ? sealSecret(sealingSecret, purpose, organisationId, settings.clientSecret)
      : undefined;
    const values = {
      issuer: settings.issuer,
      client_id: settings.clientId,
      roles_claim: settings.rolesClaim,
      role_map: JSON.stringify(settings.roleMap),
      passwords: settings.passwords,
      updated_at: new Date(),
      updated_by: actor.id,
    };
    if (sealed)
      await trx
        .insertInto('organisation_sign_in')
        .values({ organisation_id: organisationId, sealed_client_secret: sealed, ...values })
        .onConflict((oc) => oc.column('organisation_id').doUpdateSet({ sealed_client_secret: sealed, ...values }))
        .execute();
    else {
      const updated = await trx
        .updateTable('organisation_sign_in')
        .set(values)
        .where('organisation_id', '=', organisationId)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw new ClientSecretRequiredError('a new provider needs its secret');
    }
    await recordAudit(trx, {
      actor,
      action: 'organisation.sign-in.saved',
      detail: {
        organisationId,
        issuer: settings.issuer,
        passwords: settings.passwords,
        newClientSecret: sealed !== undefined,
      },
    });
  });
}

/** Removes an organisation's provider: its people sign in with passwords again. Audited. */
export async function removeOrganisationSignIn(
  db: Kysely<Database>,
  organisationId: string,
  actor: Actor & { id: string },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('organisation_sign_in')
      .where('organisation_id', '=', organisationId)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) !== 1) return false;
    await recordAudit(trx, { actor, action: 'organisation.sign-in.removed', detail: { organisationId } });
    return true;
  });
}
