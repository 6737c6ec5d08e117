import type { StaffRole } from '@tuo/shared/api/staff-session';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { providerSignOutHref, startOidcSignIn, type OidcRoute } from '../../../console/oidc-client.js';
import { oidcResultStatus, signInThroughProvider, type ConsoleProvider } from '../../../console/oidc-sign-in.js';
import { mappedStaffRole, type OidcProviderSettings } from '../../../console/sign-in-settings.js';
import { staffSignInKind } from '../../../staff/sign-in.js';
import { staffRoles } from '@tuo/shared/api/staff-session';
import type { StaffScopeOptions } from '../staff-scope-options.js';
import { renderStaffPage } from './staff-page.js';

/** Where the staff console's sign-in through its provider starts. */
export const staffProviderStart = '/staff/sign-in/oidc';
const callbackPath = '/staff/sign-in/oidc/callback';

function routeOf(options: StaffScopeOptions): OidcRoute {
  return { console: 'staff', redirectUri: new URL(callbackPath, options.publicUrl).href, secret: options.secret };
}

/** Where to send a person signing out, so the provider ends its session too; undefined when it cannot. */
export async function staffProviderSignOut(
  options: StaffScopeOptions & { signIn: { oidc?: OidcProviderSettings } },
  idToken: string,
): Promise<string | undefined> {
  return providerSignOutHref(options.signIn.oidc, idToken, new URL('/staff/sign-in', options.publicUrl).href);
}

/**
 * Single sign-on with the council's OpenID Connect provider: a link starts it (the provider's
 * page is another site), and the provider sends the person back to the callback, whose answer is a
 * page: signed in (moving on to the dashboard) or refused, saying why.
 */
export const singleSignOnPages: FastifyPluginAsyncZod<StaffScopeOptions & { provider: OidcProviderSettings }> = async (
  app,
  options,
) => {
  const { provider } = options;
  const route = routeOf(options);
  const consoleProvider: ConsoleProvider = {
    settings: provider,
    rule: (identity) => ({
      roles: staffRoles,
      role: mappedStaffRole(identity.claims[provider.rolesClaim], provider.roleMap) satisfies StaffRole | undefined,
      organisation: null,
      actorType: 'staff',
    }),
  };

  app.get(
    staffProviderStart,
    { config: { staffAccess: 'public' }, schema: { hide: true } },
    async (_request, reply) => {
      const url = await startOidcSignIn(reply, provider, route);
      return reply.redirect(url.href, 303);
    },
  );

  app.get(callbackPath, { config: { staffAccess: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const result = await signInThroughProvider(request, reply, route, {
      ...staffSignInKind(request, options.secret),
      provider: () => Promise.resolve(consoleProvider),
    });
    const outcome = result.ok ? 'signed-in' : result.reason;
    return renderStaffPage(reply.code(oidcResultStatus(result)), { view: 'single-sign-on', outcome });
  });
};
