import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { searchInbox } from '../../../agency/agency-inbox.js';
import { notificationsCsv } from '../../../agency-portal/notification-csv.js';
import { auditAgencyUser, signedInAgencyUser } from '../agency-portal-access.js';
import { organisationOf } from '../../../agency-portal/agency-accounts.js';
import { agencyNav, renderAgencyPage } from './agency-page.js';
import { inboxFilters, parseWorkListQuery } from './work-list-query.js';

/** The most notifications one export holds; past that, the filters must narrow it. */
export const exportLimit = 5000;

/** The work list's filtered notifications (every page) as CSV, with their routed answers; audited with what left. */
export const exportRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/agency/notifications.csv',
    {
      config: { agencyAccess: 'agency-user' },
      schema: { hide: true, querystring: z.record(z.string(), z.string().max(100)) },
    },
    async (request, reply) => {
      const user = signedInAgencyUser(request);
      const agency = user.agency;
      const { query } = parseWorkListQuery(request.query);
      const { notifications, total } = await searchInbox(
        app.db,
        app.privacy,
        organisationOf(user),
        inboxFilters(query),
        {
          offset: 0,
          limit: exportLimit,
        },
      );
      if (total > exportLimit) {
        return renderAgencyPage(reply.code(400), {
          view: 'message',
          message: 'export-too-large',
          nav: agencyNav(request),
        });
      }
      await auditAgencyUser(request, {
        action: 'agency.notifications.exported',
        detail: {
          status: query.status,
          filters: ['lifeEvent', 'from', 'to', 'level'].filter(
            (name) => query[name as keyof typeof query] !== undefined,
          ),
          count: notifications.length,
          deliveries: notifications.map((n) => n.id),
        },
      });
      // Named for what it holds: whose, which tab ("all-statuses" for All), the filters, and when.
      const day = new Date().toISOString().slice(0, 10);
      const name = [
        'notifications',
        agency,
        query.status === 'all' ? 'all-statuses' : query.status,
        query.lifeEvent,
        query.from && `from-${query.from}`,
        query.to && `to-${query.to}`,
        `exported-${day}`,
      ]
        .filter(Boolean)
        .join('-');
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.csv"`)
        .send(notificationsCsv(notifications));
    },
  );
};
