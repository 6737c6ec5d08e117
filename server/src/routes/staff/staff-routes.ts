import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../../config.js';
import { staffCookieName, staffSessionPlugin } from '../../console/console-session.js';
import { signInSettingsApiRoutes } from '../../console/sign-in-settings-api-routes.js';
import { staffSignInSettingsApi } from './staff-sign-in-settings-api.js';
import { accountAdminApiRoutes } from './account-admin-api-routes.js';
import { adminApiRoutes } from './admin-api-routes.js';
import { deliveryApiRoutes } from './delivery-api-routes.js';
import { organisationAdminApiRoutes } from './organisation-admin-api-routes.js';
import { privacyApiRoutes } from './privacy-api-routes.js';
import { staffAuthApiRoutes } from './staff-auth-api-routes.js';
import { staffApiRoutes } from './staff-api-routes.js';
import { addStaffAccessControl } from './staff-access.js';
import { staffPageRoutes } from './pages/staff-page-routes.js';
import type { StaffScopeOptions } from './staff-scope-options.js';

/**
 * The customer-centre console: `/api/staff/…` (advisers and up), `/api/admin/…` (admins) and the
 * `/staff/…` pages, in one scope with its own sessions and access control, apart from the
 * residents' journeys and the agency API.
 */
export const staffRoutes: FastifyPluginAsync<{ config: Config }> = async (app, { config }) => {
  const options: StaffScopeOptions = {
    secret: config.sessionSecret,
    publicUrl: config.publicUrl,
    cookieName: staffCookieName(config.publicUrl),
  };
  await app.register(staffSessionPlugin, { secret: config.sessionSecret, publicUrl: config.publicUrl });
  addStaffAccessControl(app);
  // Residents' data: nothing in between may keep a copy, and Back must not show a signed-out page.
  app.addHook('onSend', async (_request, reply) => {
    void reply.header('cache-control', 'no-store');
  });
  await app.register(staffAuthApiRoutes, { ...options, passwords: config.signIn.staff.passwords });
  await app.register(staffApiRoutes);
  await app.register(deliveryApiRoutes);
  await app.register(adminApiRoutes);
  await app.register(accountAdminApiRoutes);
  await app.register(signInSettingsApiRoutes, {
    api: staffSignInSettingsApi,
    context: {
      db: app.db,
      secret: config.sessionSecret,
      publicUrl: config.publicUrl,
      installPasswords: config.signIn.agency.passwords,
    },
  });
  await app.register(organisationAdminApiRoutes);
  await app.register(privacyApiRoutes);
  await app.register(staffPageRoutes, { ...options, config });
};
