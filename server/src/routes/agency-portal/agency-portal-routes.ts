import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../../config.js';
import { staffSessionPlugin } from '../../console/console-session.js';
import { addAgencyAccessControl } from './agency-portal-access.js';
import { agencyAccountAdminApiRoutes } from './agency-account-admin-api-routes.js';
import { agencyPortalApiRoutes } from './agency-portal-api-routes.js';
import { adminPages } from './pages/admin-pages.js';
import { exportRoute } from './pages/export-route.js';
import { notificationPages } from './pages/notification-pages.js';
import { accountLinkNotifyOf } from '../../console/account-link-email.js';
import { accountPages } from '../../console/account-pages.js';
import { setPasswordPages } from '../../console/set-password-pages.js';
import { agencyAccounts, agencySetPassword } from './pages/user-pages.js';
import { signInSettingsPages } from './pages/sign-in-settings-pages.js';
import { signInSettingsApiRoutes } from '../../console/sign-in-settings-api-routes.js';
import { agencySignInSettingsApi } from './pages/sign-in-settings-pages.js';
import type { AgencyScopeOptions } from './agency-scope-options.js';
import { agencySecondFactorPages } from './pages/agency-second-factor-pages.js';
import { agencySignInPages } from './pages/sign-in-pages.js';
import { agencySingleSignOnPages } from './pages/agency-single-sign-on-pages.js';

/** The agency portal's session cookie: `__Host-` pins it to this host, which browsers allow only when Secure. */
export function agencyCookieName(publicUrl: string): string {
  return publicUrl.startsWith('https:') ? '__Host-tuo-agency' : 'tuo-agency';
}

/**
 * The agency portal for people at an agency: `/agency/…` pages and `/api/agency-portal/…` JSON, in
 * one scope running the consoles' shared session machinery (`server/src/console/`) under its own cookie, with its own
 * access control (agency roles only), apart from the staff console and the agency systems' API.
 */
export const agencyPortalRoutes: FastifyPluginAsync<{ config: Config }> = async (app, { config }) => {
  const options: AgencyScopeOptions = {
    cookieName: agencyCookieName(config.publicUrl),
    secret: config.sessionSecret,
    publicUrl: config.publicUrl,
    passwords: config.signIn.agency.passwords,
  };
  await app.register(staffSessionPlugin, {
    secret: config.sessionSecret,
    publicUrl: config.publicUrl,
    cookieName: options.cookieName,
  });
  addAgencyAccessControl(app);
  // Residents' data: nothing in between may keep a copy, and Back must not show a signed-out page.
  app.addHook('onSend', async (_request, reply) => {
    void reply.header('cache-control', 'no-store');
  });
  await app.register(agencySignInPages, options);
  await app.register(agencySingleSignOnPages, options);
  await app.register(agencySecondFactorPages(options.secret));
  await app.register(notificationPages, { config });
  await app.register(exportRoute);
  await app.register(adminPages, { config });
  await app.register(accountPages, {
    on: agencyAccounts,
    publicUrl: config.publicUrl,
    passwords: options.passwords,
    notify: accountLinkNotifyOf(config),
  });
  if (options.passwords) await app.register(setPasswordPages, { on: agencySetPassword });
  const signInSettings = {
    db: app.db,
    secret: config.sessionSecret,
    publicUrl: config.publicUrl,
    installPasswords: options.passwords,
  };
  await app.register(signInSettingsPages, signInSettings);
  await app.register(signInSettingsApiRoutes, { api: agencySignInSettingsApi, context: signInSettings });
  await app.register(agencyPortalApiRoutes, { ...options, config });
  await app.register(agencyAccountAdminApiRoutes);
};
