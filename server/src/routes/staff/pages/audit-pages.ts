import { toFieldErrors } from '@tuo/shared';
import { auditQuerySchema } from '@tuo/shared/api/admin-audit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { queryAuditLog } from '../../../staff/audit-query.js';
import { auditStaff } from '../staff-access.js';
import { formValues } from '../../../console/posted-fields.js';
import { renderStaffPage, staffNav } from './staff-page.js';

/** The audit log for admins, filtered by a GET form, newest first, a page at a time. */
export const auditPages: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/staff/audit',
    {
      config: { staffAccess: 'admin' },
      schema: { hide: true, querystring: z.record(z.string(), z.string().max(100)) },
    },
    async (request, reply) => {
      const given = Object.fromEntries(Object.entries(request.query).filter(([, value]) => value.trim() !== ''));
      // The form's dates are days; the API's are instants.
      const parsed = auditQuerySchema.safeParse({
        ...given,
        ...(given.from ? { from: `${given.from}T00:00:00Z` } : {}),
        ...(given.to ? { to: `${given.to}T23:59:59.999Z` } : {}),
      });
      const form = {
        action: '/staff/audit',
        csrfToken: '',
        values: formValues(request.query),
        errors: parsed.success ? [] : toFieldErrors(parsed.error.issues),
      };
      if (!parsed.success)
        return renderStaffPage(reply.code(400), {
          view: 'audit',
          nav: staffNav(request),
          form,
          page: { events: [], nextBefore: null },
          nextHref: null,
        });
      const page = await queryAuditLog(app.db, parsed.data);
      await auditStaff(request, {
        action: 'admin.audit.viewed',
        detail: { filters: Object.keys(given).filter((k) => k !== 'before') },
      });
      const next = page.nextBefore
        ? `/staff/audit?${new URLSearchParams({ ...given, before: page.nextBefore }).toString()}`
        : null;
      return renderStaffPage(reply, { view: 'audit', nav: staffNav(request), form, page, nextHref: next });
    },
  );
};
