import type { StaffRole } from '@tuo/shared/api/staff-session';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { providerSignOutUrl, startOidcSignIn, type OidcRoute } from '../../../console/oidc-client.js';
import { signInThroughProvider } from '../../../console/oidc-sign-in.js';
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
  if (!options.signIn.oidc) return undefined;
  const afterwards = new URL('/staff/sign-in', options.publicUrl).href;
  // The local session has ended already: a provider that cannot be reached just keeps its own.
  const url = await providerSignOutUrl(options.signIn.oidc, idToken, afterwards).catch(() => undefined);
  return url?.href;
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

  app.get(
    staffProviderStart,
    { config: { staffAccess: 'public' }, schema: { hide: true } },
    async (_request, reply) => {
      const url = await startOidcSignIn(reply, provider, route);
      return reply.redirect(url.href, 303);
    },
  );

  app.get(callbackPath, { config: { staffAccess: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const result = await signInThroughProvider(request, reply, provider, route, {
      ...staffSignInKind(request, options.secret),
      rule: (identity) => ({
        roles: staffRoles,
        role: mappedStaffRole(identity.claims[provider.rolesClaim], provider.roleMap) satisfies StaffRole | undefined,
        organisation: null,
        actorType: 'staff',
      }),
    });
    const outcome = result.ok ? 'signed-in' : result.reason;
    const status = result.ok ? 200 : result.reason === 'failed' || result.reason === 'expired' ? 401 : 403;
    return renderStaffPage(reply.code(status), { view: 'single-sign-on', outcome });
  });
};
