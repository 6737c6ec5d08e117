import { accountChangeSchema } from '@tuo/shared/api/account-admin';
import { agencyRoles } from '@tuo/shared/api/agency-portal';
import type { FieldError } from '@tuo/shared/api/field-errors';
import type { AccountDone } from '@tuo/shared/pages/staff-page-model';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeAccount, findAccount, listAccounts, type AccountScope } from '../../../console/account-admin.js';
import { staffCsrfToken } from '../../../console/csrf.js';
import { text } from '../../../console/posted-fields.js';
import { AppError } from '../../../errors.js';
import { postedFormSchema } from '../../journeys/posted-form.js';
import { agencyUserActor, auditAgencyUser, signedInAgencyUser } from '../agency-portal-access.js';
import { agencyNav, renderAgencyPage, renderNotFound } from './agency-page.js';

const idParams = z.object({ id: z.uuid() });
const doneValues: readonly string[] = accountChangeSchema.options.map((option) => option.shape.change.value);
const scopeOf = (request: FastifyRequest): AccountScope => ({
  roles: agencyRoles,
  organisationId: signedInAgencyUser(request).organisation.id,
});

/**
 * An agency admin's pages for their own organisation's portal accounts: the list, and one account
 * (role, disable or enable, reset its second factor). Another organisation's account, or a staff
 * one, is not found. Every view and change is audited.
 */
export const userPages: FastifyPluginAsyncZod = async (app) => {
  const userPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    errors: FieldError[],
    done: AccountDone | null,
  ) => {
    const account = await findAccount(app.db, scopeOf(request), id).catch(() => undefined);
    if (!account) return renderNotFound(request, reply);
    return renderAgencyPage(reply, {
      view: 'user',
      nav: agencyNav(request),
      account,
      form: { action: `/agency/users/${id}`, csrfToken: staffCsrfToken(request), values: {}, errors },
      own: account.id === signedInAgencyUser(request).id,
      done,
    });
  };

  app.get(
    '/agency/users',
    { config: { agencyAccess: 'agency-admin' }, schema: { hide: true } },
    async (request, reply) => {
      const accounts = await listAccounts(app.db, scopeOf(request));
      await auditAgencyUser(request, { action: 'agency.accounts.viewed' });
      return renderAgencyPage(reply, { view: 'users', nav: agencyNav(request), accounts });
    },
  );

  app.get(
    '/agency/users/:id',
    {
      config: { agencyAccess: 'agency-admin' },
      schema: { hide: true, params: idParams, querystring: z.object({ done: z.string().optional() }) },
    },
    async (request, reply) => {
      const { done } = request.query;
      await auditAgencyUser(request, { action: 'agency.account.viewed', detail: { account: request.params.id } });
      return userPage(
        request,
        reply,
        request.params.id,
        [],
        done && doneValues.includes(done) ? (done as AccountDone) : null,
      );
    },
  );

  app.post(
    '/agency/users/:id',
    { config: { agencyAccess: 'agency-admin' }, schema: { hide: true, params: idParams, body: postedFormSchema } },
    async (request, reply) => {
      const { id } = request.params;
      const change = text(request.body, 'change');
      const parsed = accountChangeSchema.safeParse(
        change === 'role' ? { change, role: text(request.body, 'role') } : { change },
      );
      if (!parsed.success)
        return userPage(request, reply.code(400), id, [{ field: 'change', message: 'Choose a change to make' }], null);
      try {
        await changeAccount(
          app.db,
          scopeOf(request),
          { ...agencyUserActor(request), id: signedInAgencyUser(request).id },
          id,
          parsed.data,
        );
        return await reply.redirect(`/agency/users/${id}?done=${parsed.data.change}`, 303);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const field = error.code === 'invalid_role' ? 'role' : 'change';
        return userPage(
          request,
          reply.code(error.statusCode),
          id,
          [{ field, message: error.message.replace(/\.$/, '') }],
          null,
        );
      }
    },
  );
};
