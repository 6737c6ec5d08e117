import { accountChangeSchema, adminAccountSchema } from '@tuo/shared/api/account-admin';
import { agencyRoles } from '@tuo/shared/api/agency-portal';
import { problemSchema } from '@tuo/shared/api/problem';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { changeAccount, listAccounts, type AccountScope } from '../../console/account-admin.js';
import { agencySessionSecurity, agencyUserActor, auditAgencyUser, signedInAgencyUser } from './agency-portal-access.js';

const tags = ['agency-portal'];
const refusals = { 401: problemSchema, 403: problemSchema };
const scopeOf = (request: FastifyRequest): AccountScope => ({
  roles: agencyRoles,
  organisationId: signedInAgencyUser(request).organisation.id,
});

/** An agency admin administers their own organisation's portal accounts, and nobody else's. */
export const agencyAccountAdminApiRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/agency-portal/users',
    {
      config: { agencyAccess: 'agency-admin' },
      schema: {
        tags,
        summary: "Your organisation's portal accounts: role, enabled, second factor",
        security: agencySessionSecurity,
        response: { 200: z.array(adminAccountSchema), ...refusals },
      },
    },
    async (request) => {
      const accounts = await listAccounts(app.db, scopeOf(request));
      await auditAgencyUser(request, { action: 'agency.users.viewed' });
      return accounts;
    },
  );

  app.post(
    '/api/agency-portal/users/:id',
    {
      config: { agencyAccess: 'agency-admin' },
      schema: {
        tags,
        summary:
          "Change one of your organisation's portal accounts: disable or enable it, give it another role, or reset its second factor. Another organisation's account is not found",
        security: agencySessionSecurity,
        params: z.object({ id: z.uuid() }),
        body: accountChangeSchema,
        response: { 204: z.null(), 400: problemSchema, 404: problemSchema, 409: problemSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const actor = agencyUserActor(request);
      await changeAccount(
        app.db,
        scopeOf(request),
        { ...actor, id: signedInAgencyUser(request).id },
        request.params.id,
        request.body,
      );
      return reply.code(204).send(null);
    },
  );
};
