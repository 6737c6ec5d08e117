import type { OrganisationSignIn, OrganisationSignInRequest } from '@tuo/shared/api/organisation-sign-in';
import type { Kysely } from 'kysely';
import type { Actor } from '../audit/audit-log.js';
import { providerConfiguration } from '../console/oidc-client.js';
import type { Database } from '../db/database.js';
import { NotFoundError, ValidationError } from '../errors.js';
import {
  ClientSecretRequiredError,
  removeOrganisationSignIn,
  savedOrganisationSignIn,
  saveOrganisationSignIn,
} from './organisation-sign-in.js';

// An organisation's single sign-on as its administrators (its own agency admins, or staff admins
// for any organisation) see and change it, for the pages and the JSON APIs of both consoles.

/** What the settings need from the install. */
export interface SignInSettingsContext {
  db: Kysely<Database>;
  /** Seals the client secret (the session secret). */
  secret: string;
  publicUrl: string;
  /** `AGENCY_PASSWORD_SIGN_IN`: whether the install takes portal passwords at all. */
  installPasswords: boolean;
}

/** The one callback every organisation's provider sends people back to. */
export const agencyRedirectUri = (publicUrl: string) => new URL('/agency/sign-in/oidc/callback', publicUrl).href;

/** An organisation's settings without the client secret; not found for an unknown organisation. */
export async function organisationSignInView(
  context: SignInSettingsContext,
  organisationId: string,
): Promise<OrganisationSignIn> {
  const organisation = await context.db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('id', '=', organisationId)
    .executeTakeFirst();
  if (!organisation) throw new NotFoundError('There is no such organisation.');
  return {
    organisationId: organisation.id,
    organisationName: organisation.name,
    provider: (await savedOrganisationSignIn(context.db, organisationId)) ?? null,
    installPasswords: context.installPasswords,
    redirectUri: agencyRedirectUri(context.publicUrl),
  };
}

/**
 * Saves an organisation's provider once its issuer answers with an OpenID Connect discovery
 * document (so a mistyped issuer is caught here, not at the first sign-in). A field error says
 * what to fix: the issuer, or a client secret the first save must have.
 */
export async function saveSignInSettings(
  context: SignInSettingsContext,
  organisationId: string,
  settings: OrganisationSignInRequest,
  actor: Actor & { id: string },
): Promise<void> {
  await organisationSignInView(context, organisationId);
  const reachable = await providerConfiguration({
    issuer: settings.issuer,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret ?? '',
    rolesClaim: settings.rolesClaim,
    roleMap: settings.roleMap,
  }).then(
    () => true,
    () => false,
  );
  if (!reachable)
    throw new ValidationError('The provider did not answer.', [
      {
        path: 'issuer',
        message: 'We could not find an OpenID Connect provider at this issuer URL. Check it with your IT service desk',
      },
    ]);
  try {
    await saveOrganisationSignIn(context.db, context.secret, organisationId, settings, actor);
  } catch (error) {
    if (!(error instanceof ClientSecretRequiredError)) throw error;
    throw new ValidationError('Enter the client secret.', [
      { path: 'clientSecret', message: 'Enter the client secret' },
    ]);
  }
}

/** Turns an organisation's single sign-on off; not found when it had none. */
export async function removeSignInSettings(
  context: SignInSettingsContext,
  organisationId: string,
  actor: Actor & { id: string },
): Promise<void> {
  if (!(await removeOrganisationSignIn(context.db, organisationId, actor)))
    throw new NotFoundError('This organisation has no single sign-on to turn off.');
}
