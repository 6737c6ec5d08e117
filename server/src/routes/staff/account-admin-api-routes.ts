import { accountChangeSchema, adminAccountSchema } from '@tuo/shared/api/account-admin';
import { staffRoles } from '@tuo/shared/api/staff-session';
import { problemSchema } from '@tuo/shared/api/problem';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeAccount, listAccounts, type AccountScope } from '../../console/account-admin.js';
import { auditStaff, staffActor, staffSecurity } from './staff-access.js';

const scope: AccountScope = { roles: staffRoles, organisationId: null };
const tags = ['admin'];
const refusals = { 401: problemSchema, 403: problemSchema };

/** Staff admins administer customer-centre accounts (never agency portal ones): list, and change one. */
export const accountAdminApiRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/admin/accounts',
    {
      config: { staffAccess: 'admin' },
      schema: {
        tags,
        summary: 'Customer-centre staff accounts: role, enabled, second factor',
        security: staffSecurity,
        response: { 200: z.array(adminAccountSchema), ...refusals },
      },
    },
    async (request) => {
      const accounts = await listAccounts(app.db, scope);
      await auditStaff(request, { action: 'admin.accounts.viewed' });
      return accounts;
    },
  );

  app.post(
    '/api/admin/accounts/:id',
    {
      config: { staffAccess: 'admin' },
      schema: {
        tags,
        summary:
          'Change one staff account: disable or enable it, give it another role, or reset its second factor. Disabling, a new role and a reset end its sessions at once',
        security: staffSecurity,
        params: z.object({ id: z.uuid() }),
        body: accountChangeSchema,
        response: { 204: z.null(), 400: problemSchema, 404: problemSchema, 409: problemSchema, ...refusals },
      },
    },
    async (request, reply) => {
      await changeAccount(app.db, scope, { ...staffActor(request) }, request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );
};
