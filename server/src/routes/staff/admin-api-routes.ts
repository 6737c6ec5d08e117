import { auditPageSchema, auditQuerySchema } from '@tuo/shared/api/admin-audit';
import { problemSchema } from '@tuo/shared/api/problem';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { queryAuditLog } from '../../staff/audit-query.js';
import { auditStaff, staffSecurity } from './staff-access.js';

/** Admins read the audit log. There is no route that changes it, and the database refuses to. */
export const adminApiRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/admin/audit',
    {
      config: { staffAccess: 'admin' },
      schema: {
        tags: ['admin'],
        summary: 'The audit log, newest first, filtered by actor, action, reference and time',
        security: staffSecurity,
        querystring: auditQuerySchema,
        response: { 200: auditPageSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) => {
      const page = await queryAuditLog(app.db, request.query);
      // Reading the log is itself recorded: it holds who looked at which resident.
      await auditStaff(request, {
        action: 'admin.audit.viewed',
        detail: { filters: Object.keys(request.query).filter((k) => k !== 'limit') },
      });
      return page;
    },
  );
};
