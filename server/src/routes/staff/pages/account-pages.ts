import { accountChangeSchema } from '@tuo/shared/api/account-admin';
import { staffRoles } from '@tuo/shared/api/staff-session';
import type { FieldError } from '@tuo/shared/api/field-errors';
import type { AccountDone } from '@tuo/shared/pages/staff-page-model';
import type { PostedForm } from '@tuo/shared/pages/form-values';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  changeAccount,
  findAccount,
  inviteAccount,
  issuePasswordReset,
  listAccounts,
  type AccountScope,
} from '../../../console/account-admin.js';
import { staffCsrfToken } from '../../../console/csrf.js';
import { formValues, text } from '../../../console/posted-fields.js';
import { AppError } from '../../../errors.js';
import { postedFormSchema } from '../../journeys/posted-form.js';
import { auditStaff, signedIn, staffActor } from '../staff-access.js';
import { renderStaffPage, staffNav } from './staff-page.js';

const scope: AccountScope = { roles: staffRoles, organisationId: null };
const idParams = z.object({ id: z.uuid() });
const inviteSchema = z.object({
  email: z.email({ error: 'Enter an email address in the correct format, like name@council.example' }),
  role: z.enum(staffRoles, { error: 'Select a role' }),
});

/** Where a one-time link takes a person: `PUBLIC_URL/staff/set-password?token=…`. */
export const setPasswordLink = (publicUrl: string, token: string) =>
  `${new URL('/staff/set-password', publicUrl).href}?${new URLSearchParams({ token }).toString()}`;

/**
 * Account administration for staff admins, as plain HTML forms over the same functions as the API:
 * the accounts, one account (role, disable or enable, reset its second factor, a password reset
 * link) and inviting someone. Every view and change is audited; a refused change shows as a GOV.UK
 * error on the account's page.
 */
export const accountPages: FastifyPluginAsyncZod<{ publicUrl: string; passwords: boolean }> = async (app, options) => {
  const accountPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    errors: FieldError[],
    done: AccountDone | null,
  ) => {
    const account = await findAccount(app.db, scope, id).catch(() => undefined);
    if (!account)
      return renderStaffPage(reply.code(404), {
        view: 'message',
        message: 'not-found',
        nav: staffNav(request),
      });
    return renderStaffPage(reply, {
      view: 'account',
      nav: staffNav(request),
      account,
      form: {
        action: `/staff/accounts/${id}`,
        csrfToken: staffCsrfToken(request),
        values: formValues((request.body ?? {}) as PostedForm),
        errors,
      },
      own: account.id === signedIn(request).id,
      passwords: options.passwords,
      done,
    });
  };

  app.get('/staff/accounts', { config: { staffAccess: 'admin' }, schema: { hide: true } }, async (request, reply) => {
    const accounts = await listAccounts(app.db, scope);
    await auditStaff(request, { action: 'admin.accounts.viewed' });
    return renderStaffPage(reply, { view: 'accounts', nav: staffNav(request), accounts });
  });

  const invitePage = (request: FastifyRequest, reply: FastifyReply, errors: FieldError[]) =>
    renderStaffPage(reply, {
      view: 'account-invite',
      nav: staffNav(request),
      form: {
        action: '/staff/accounts/invite',
        csrfToken: staffCsrfToken(request),
        values: formValues((request.body ?? {}) as PostedForm),
        errors,
      },
      passwords: options.passwords,
    });

  app.get('/staff/accounts/invite', { config: { staffAccess: 'admin' }, schema: { hide: true } }, (request, reply) =>
    invitePage(request, reply, []),
  );

  app.post(
    '/staff/accounts/invite',
    { config: { staffAccess: 'admin' }, schema: { hide: true, body: postedFormSchema } },
    async (request, reply) => {
      const parsed = inviteSchema.safeParse({
        email: text(request.body, 'email').trim(),
        role: text(request.body, 'role'),
      });
      if (!parsed.success)
        return invitePage(
          request,
          reply.code(400),
          parsed.error.issues.map((issue) => ({ field: String(issue.path[0]), message: issue.message })),
        );
      try {
        const invited = await inviteAccount(app.db, scope, staffActor(request), parsed.data);
        if (!options.passwords) return await reply.redirect(`/staff/accounts/${invited.accountId}`, 303);
        return await renderStaffPage(reply, {
          view: 'account-link',
          nav: staffNav(request),
          email: parsed.data.email,
          purpose: 'invite',
          link: setPasswordLink(options.publicUrl, invited.token),
          expiresAt: invited.expiresAt.toISOString(),
        });
      } catch (error) {
        if (!(error instanceof AppError) || error.statusCode !== 409) throw error;
        return invitePage(request, reply.code(409), [
          { field: 'email', message: 'There is already an account for this email address' },
        ]);
      }
    },
  );

  app.get(
    '/staff/accounts/:id',
    {
      config: { staffAccess: 'admin' },
      schema: { hide: true, params: idParams, querystring: z.object({ done: z.string().optional() }) },
    },
    async (request, reply) => {
      const done = accountChangeSchema.options.map((option) => option.shape.change.value) as string[];
      const shown =
        request.query.done && done.includes(request.query.done) ? (request.query.done as AccountDone) : null;
      await auditStaff(request, { action: 'admin.account.viewed', detail: { account: request.params.id } });
      return accountPage(request, reply, request.params.id, [], shown);
    },
  );

  app.post(
    '/staff/accounts/:id',
    { config: { staffAccess: 'admin' }, schema: { hide: true, params: idParams, body: postedFormSchema } },
    async (request, reply) => {
      const { id } = request.params;
      const change = text(request.body, 'change');
      try {
        if (change === 'reset-password' && options.passwords) {
          const account = await findAccount(app.db, scope, id);
          const link = await issuePasswordReset(app.db, scope, staffActor(request), id);
          return await renderStaffPage(reply, {
            view: 'account-link',
            nav: staffNav(request),
            email: account.email,
            purpose: 'reset',
            link: setPasswordLink(options.publicUrl, link.token),
            expiresAt: link.expiresAt.toISOString(),
          });
        }
        const parsed = accountChangeSchema.safeParse(
          change === 'role' ? { change, role: text(request.body, 'role') } : { change },
        );
        if (!parsed.success)
          return await accountPage(
            request,
            reply.code(400),
            id,
            [{ field: 'change', message: 'Choose a change to make' }],
            null,
          );
        await changeAccount(app.db, scope, staffActor(request), id, parsed.data);
        return await reply.redirect(`/staff/accounts/${id}?done=${parsed.data.change}`, 303);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const field = error.code === 'invalid_role' ? 'role' : 'change';
        return accountPage(
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
