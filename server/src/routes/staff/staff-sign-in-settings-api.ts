import { z } from 'zod';
import type { SignInSettingsApi } from '../../console/sign-in-settings-api-routes.js';
import { auditStaff, staffActor, staffSecurity } from './staff-access.js';

/** Staff admins set up any organisation's single sign-on for the agency portal, as its own agency admins can. */
export const staffSignInSettingsApi: SignInSettingsApi = {
  path: '/api/admin/organisations/:id/single-sign-on',
  access: { staffAccess: 'admin' },
  tags: ['admin'],
  security: staffSecurity,
  params: z.object({ id: z.uuid() }),
  whose: 'an organisation’s',
  organisationOf: (request) => (request.params as { id: string }).id,
  actor: staffActor,
  audit: (request, organisationId) =>
    auditStaff(request, { action: 'admin.organisation-sign-in.viewed', detail: { organisationId } }),
};
