import { agencyRoles } from '@tuo/shared/api/agency-portal';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agencySignInKind } from '../../../agency-portal/agency-sign-in.js';
import { organisationProvider, type OrganisationProvider } from '../../../agency-portal/organisation-sign-in.js';
import { startOidcSignIn, type OidcRoute } from '../../../console/oidc-client.js';
import { oidcResultStatus, signInThroughProvider, type ConsoleProvider } from '../../../console/oidc-sign-in.js';
import { mappedRole } from '../../../console/sign-in-settings.js';
import type { AgencyScopeOptions } from '../agency-scope-options.js';
import { renderAgencyPage } from './agency-page.js';
import { agencyProviderStart, renderAgencySignIn } from './sign-in-pages.js';

/** The one callback of every organisation's provider: the sealed transaction says which organisation. */
export const agencyCallbackPath = '/agency/sign-in/oidc/callback';

/** Who an organisation's provider signs in: its own portal accounts, with the role its map gives. */
function consoleProviderOf({ organisation, provider }: OrganisationProvider): ConsoleProvider {
  return {
    settings: provider,
    rule: (identity) => ({
      roles: agencyRoles,
      role: mappedRole(identity.claims[provider.rolesClaim], provider.roleMap, agencyRoles),
      organisation: { id: organisation.id, kind: organisation.kind },
      actorType: 'agency-user',
    }),
  };
}

/**
 * Single sign-on for the agency portal, per organisation: the sign-in page's GET form names the
 * organisation, whose provider it sends the person to; the provider sends them back to the one
 * callback, which finishes with that organisation's provider alone, so a person can only ever
 * become one of that organisation's accounts.
 */
export const agencySingleSignOnPages: FastifyPluginAsyncZod<AgencyScopeOptions> = async (app, options) => {
  const route: OidcRoute = {
    console: 'agency',
    redirectUri: new URL(agencyCallbackPath, options.publicUrl).href,
    secret: options.secret,
  };

  app.get(
    agencyProviderStart,
    {
      config: { agencyAccess: 'public' },
      schema: { hide: true, querystring: z.object({ organisation: z.string().optional() }) },
    },
    async (request, reply) => {
      const organisation = request.query.organisation ?? '';
      const found = z.uuid().safeParse(organisation).success
        ? await organisationProvider(app.db, options.secret, organisation)
        : undefined;
      if (!found)
        return renderAgencySignIn(request, reply.code(400), options, {
          organisation,
          providerErrors: [{ field: 'organisation', message: 'Select your organisation' }],
        });
      try {
        const url = await startOidcSignIn(reply, found.provider, route, found.organisation.id);
        return await reply.redirect(url.href, 303);
      } catch (error) {
        const { name, code } = error as { name?: string; code?: string };
        request.log.warn({ error: name, code, organisationId: found.organisation.id }, 'provider unreachable');
        return renderAgencySignIn(request, reply.code(502), options, {
          organisation,
          providerErrors: [
            {
              field: 'organisation',
              message: `We could not reach ${found.organisation.name}’s sign-in service. Try again later, or ask your organisation’s IT service desk`,
            },
          ],
        });
      }
    },
  );

  app.get(
    agencyCallbackPath,
    { config: { agencyAccess: 'public' }, schema: { hide: true } },
    async (request, reply) => {
      const result = await signInThroughProvider(request, reply, route, {
        ...agencySignInKind(request, options.secret),
        provider: async (organisationId) => {
          const found = await organisationProvider(app.db, options.secret, organisationId);
          return found ? consoleProviderOf(found) : undefined;
        },
      });
      return renderAgencyPage(reply.code(oidcResultStatus(result)), {
        view: 'single-sign-on',
        outcome: result.ok ? 'signed-in' : result.reason,
      });
    },
  );
};
