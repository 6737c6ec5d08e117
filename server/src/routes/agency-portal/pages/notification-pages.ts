import { toFieldErrors } from '@tuo/shared';
import { acknowledgeRequestSchema, actionedRequestSchema } from '@tuo/shared/api/agency-notifications';
import type { FieldError } from '@tuo/shared/api/field-errors';
import type { FormValues } from '@tuo/shared/pages/form-values';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { advanceNotification, findInInbox, markOpened, searchInbox } from '../../../agency/agency-inbox.js';
import { payloadRows, unplacedAddressLabels } from '../../../agency-portal/payload-rows.js';
import { payloadVerification } from '../../../agency-portal/payload-verification.js';
import { correctionNotices } from '../../../agency-portal/correction-notices.js';
import { notificationFacts } from '../../../agency-portal/notification-facts.js';
import type { Config } from '../../../config.js';
import { englandAndWales } from '../../../service-levels/working-days.js';
import { postedFormSchema } from '../../journeys/posted-form.js';
import { formValues, text } from '../../../console/posted-fields.js';
import { staffCsrfToken } from '../../../console/csrf.js';
import {
  agencyUserActor,
  auditAgencyUser,
  auditNotificationViewed,
  signedInAgencyUser,
} from '../agency-portal-access.js';
import { organisationOf } from '../../../agency-portal/agency-accounts.js';
import { agencyNav, renderAgencyPage, renderNotFound } from './agency-page.js';
import { inboxFilters, parseWorkListQuery, tabHrefs, workListHref, workListPageSize } from './work-list-query.js';

/** The longest outcome note: the agency API's own limit, so the two never differ. */
const outcomeMaxLength = actionedRequestSchema.shape.outcome.maxLength ?? 2000;

const done = z.enum(['acknowledged', 'actioned']);
const idParams = z.object({ id: z.uuid() });
const viewPath = (id: string) => `/agency/notifications/${id}`;
/** An optional field left empty is not given. */
const optional = (value: string) => (value.trim() === '' ? undefined : value);

async function renderNotification(
  request: FastifyRequest,
  reply: FastifyReply,
  config: Pick<Config, 'serviceLevels'>,
  id: string,
  extra: { values?: FormValues; errors?: FieldError[]; done?: z.infer<typeof done> },
) {
  const agency = organisationOf(signedInAgencyUser(request));
  const found = await findInInbox(request.server.db, request.server.privacy, agency, id);
  if (!found) return renderNotFound(request, reply);
  await auditNotificationViewed(request, id);
  await markOpened(request.server.db, agency, [id]);
  const facts = await notificationFacts(
    request.server.db,
    { serviceLevels: config.serviceLevels, calendar: englandAndWales, now: request.server.now() },
    agency,
    found,
  );
  const { payload, corrections, ...rest } = found;
  const errors = extra.errors ?? [];
  return renderAgencyPage(reply.code(errors.length > 0 ? 400 : reply.statusCode), {
    view: 'notification',
    nav: agencyNav(request),
    notification: {
      ...rest,
      rows: payloadRows(found.lifeEvent, payload),
      corrections: correctionNotices(found.lifeEvent, corrections),
      verification: payloadVerification(payload),
      facts,
      unplacedAddresses: unplacedAddressLabels(found.lifeEvent, payload),
    },
    form: {
      action: `${viewPath(id)}/actioned`,
      csrfToken: staffCsrfToken(request),
      values: extra.values ?? {},
      errors,
    },
    acknowledgeAction: `${viewPath(id)}/acknowledge`,
    outcomeMaxLength,
    done: extra.done ?? null,
  });
}

/** The work list, one notification, acknowledge and actioned: every view and action audited. */
export const notificationPages: FastifyPluginAsyncZod<{ config: Pick<Config, 'serviceLevels'> }> = async (
  app,
  { config },
) => {
  app.get(
    '/agency/notifications',
    {
      config: { agencyAccess: 'agency-user' },
      schema: { hide: true, querystring: z.record(z.string(), z.string().max(100)) },
    },
    async (request, reply) => {
      const agency = organisationOf(signedInAgencyUser(request));
      const { query, errors } = parseWorkListQuery(request.query);
      const offset = (query.page - 1) * workListPageSize;
      const { notifications, total } = await searchInbox(app.db, app.privacy, agency, inboxFilters(query), {
        offset,
        limit: workListPageSize,
      });
      await auditAgencyUser(request, {
        action: 'agency.notifications.listed',
        detail: {
          status: query.status,
          filters: ['lifeEvent', 'from', 'to', 'level'].filter(
            (name) => query[name as keyof typeof query] !== undefined,
          ),
          page: query.page,
          deliveries: notifications.map((n) => n.id),
        },
      });
      return renderAgencyPage(reply.code(errors.length > 0 ? 400 : 200), {
        view: 'notifications',
        nav: agencyNav(request),
        query,
        form: {
          action: '/agency/notifications',
          csrfToken: '',
          values: { ...formValues(request.query), status: query.status },
          errors,
        },
        items: notifications.map(
          ({
            id,
            reference,
            lifeEvent,
            status,
            deliveredAt,
            acknowledgedAt,
            actionedAt,
            missedTargets,
            possibleDuplicateOf,
            withdrawn,
            corrections,
            payload,
          }) => ({
            id,
            reference,
            lifeEvent,
            status,
            deliveredAt,
            acknowledgedAt,
            actionedAt,
            missedTargets,
            possibleDuplicateOf,
            withdrawn,
            corrected: corrections !== undefined,
            verificationLevel: payloadVerification(payload)?.level ?? null,
          }),
        ),
        total,
        previousHref: query.page > 1 ? workListHref('/agency/notifications', query, { page: query.page - 1 }) : null,
        nextHref:
          offset + notifications.length < total
            ? workListHref('/agency/notifications', query, { page: query.page + 1 })
            : null,
        exportHref: workListHref('/agency/notifications.csv', query, { page: 1 }),
        tabHrefs: tabHrefs(query),
      });
    },
  );

  app.get(
    '/agency/notifications/:id',
    {
      config: { agencyAccess: 'agency-user' },
      schema: { hide: true, params: idParams, querystring: z.object({ done: done.optional() }) },
    },
    async (request, reply) =>
      renderNotification(
        request,
        reply,
        config,
        request.params.id,
        request.query.done ? { done: request.query.done } : {},
      ),
  );

  // The same code as the agency API's acknowledge: the resident's tracking page and staff see it.
  app.post(
    '/agency/notifications/:id/acknowledge',
    { config: { agencyAccess: 'agency-user' }, schema: { hide: true, params: idParams, body: postedFormSchema } },
    async (request, reply) => {
      const agency = organisationOf(signedInAgencyUser(request));
      const parsed = acknowledgeRequestSchema.safeParse({ reference: optional(text(request.body, 'reference')) });
      if (!parsed.success)
        return renderNotification(request, reply, config, request.params.id, {
          values: formValues(request.body),
          errors: toFieldErrors(parsed.error.issues),
        });
      const result = await advanceNotification(
        app.db,
        app.privacy,
        agency,
        request.params.id,
        'acknowledged',
        agencyUserActor(request),
        parsed.data,
      );
      if (!result) return renderNotFound(request, reply);
      return reply.redirect(`${viewPath(request.params.id)}?done=acknowledged`, 303);
    },
  );

  app.post(
    '/agency/notifications/:id/actioned',
    { config: { agencyAccess: 'agency-user' }, schema: { hide: true, params: idParams, body: postedFormSchema } },
    async (request, reply) => {
      const agency = organisationOf(signedInAgencyUser(request));
      const parsed = actionedRequestSchema.safeParse({
        outcome: text(request.body, 'outcome'),
        reference: optional(text(request.body, 'reference')),
      });
      if (!parsed.success)
        return renderNotification(request, reply, config, request.params.id, {
          values: formValues(request.body),
          errors: toFieldErrors(parsed.error.issues),
        });
      const result = await advanceNotification(
        app.db,
        app.privacy,
        agency,
        request.params.id,
        'actioned',
        agencyUserActor(request),
        parsed.data,
      );
      if (!result) return renderNotFound(request, reply);
      return reply.redirect(`${viewPath(request.params.id)}?done=actioned`, 303);
    },
  );
};
