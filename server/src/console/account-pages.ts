import type { AgencyKind } from '@tuo/shared';
import { accountChangeSchema, displayNameSchema } from '@tuo/shared/api/account-admin';
import type { FieldError } from '@tuo/shared/api/field-errors';
import type { AccountDone, AccountPageProps } from '@tuo/shared/pages/account-page-model';
import type { PostedForm } from '@tuo/shared/pages/form-values';
import type { FastifyContextConfig, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../audit/audit-log.js';
import { AppError } from '../errors.js';
import { postedFormSchema } from '../routes/journeys/posted-form.js';
import {
  changeAccount,
  findAccount,
  inviteAccount,
  issuePasswordReset,
  listAccounts,
  type AccountScope,
} from './account-admin.js';
import { emailAccountLink, type AccountLinkNotify } from './account-link-email.js';
import type { AccountLinkPurpose } from './account-links.js';
import { staffCsrfToken } from './csrf.js';
import { formValues, text } from './posted-fields.js';

/** How one console administers its accounts: who may, whose accounts, and how its pages render. */
export interface AccountConsole {
  /** The route config that limits the pages to the console's administrators. */
  access: FastifyContextConfig;
  /** `/staff/accounts` or `/agency/users`. */
  base: string;
  /** `/staff/set-password` or `/agency/set-password`: where a one-time link takes its person. */
  setPasswordPath: string;
  /** The console's name in the email that carries a link: `the staff console`, `the agency portal`. */
  name: string;
  /** Whose accounts the signed-in administrator may see and change (and the kind a new one is made with). */
  scope: (request: FastifyRequest) => AccountScope & { kind?: AgencyKind };
  actor: (request: FastifyRequest) => Actor & { id: string };
  /** Audits a look at the list (`accounts.viewed`) or at one account (`account.viewed`), in the console's own words. */
  audit: (request: FastifyRequest, seen: 'accounts.viewed' | 'account.viewed', account?: string) => Promise<void>;
  /** Renders one of the views under the console's header. */
  render: (request: FastifyRequest, reply: FastifyReply, props: AccountPageProps) => Promise<FastifyReply>;
  notFound: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>;
}

/** What the account pages need from the install. */
export interface AccountPagesOptions {
  on: AccountConsole;
  publicUrl: string;
  /** Passwords are on, so invitations and resets make one-time links. */
  passwords: boolean;
  /** GOV.UK Notify, to email the links; without it they are shown once on screen. */
  notify: AccountLinkNotify | undefined;
}

const idParams = z.object({ id: z.uuid() });
const doneValues: readonly string[] = accountChangeSchema.options.map((option) => option.shape.change.value);

/**
 * Account administration for either console, as plain HTML forms over the same functions as the
 * APIs: the accounts in scope, one account (role, disable or enable, reset its second factor, a
 * password reset link, the name colleagues see it by), and inviting someone. A one-time link is emailed through Notify when it
 * is set up, else shown once. Anything outside the scope is not found; every view and change is
 * audited; a refused change shows as a GOV.UK error on the account's page.
 */
export const accountPages: FastifyPluginAsyncZod<AccountPagesOptions> = async (app, options) => {
  const { on } = options;
  const config = { config: on.access };
  const posted = (request: FastifyRequest) => formValues((request.body ?? {}) as PostedForm);

  const accountPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    errors: FieldError[],
    done: AccountDone | null,
  ) => {
    const account = await findAccount(app.db, on.scope(request), id).catch(() => undefined);
    if (!account) return on.notFound(request, reply);
    return on.render(request, reply, {
      view: 'account',
      account,
      form: { action: `${on.base}/${id}`, csrfToken: staffCsrfToken(request), values: posted(request), errors },
      own: account.id === on.actor(request).id,
      passwords: options.passwords,
      done,
    });
  };

  const invitePage = (request: FastifyRequest, reply: FastifyReply, errors: FieldError[]) =>
    on.render(request, reply, {
      view: 'account-invite',
      form: { action: `${on.base}/invite`, csrfToken: staffCsrfToken(request), values: posted(request), errors },
      passwords: options.passwords,
    });

  /** The page after a link is made: emailed to its person, or shown once here. */
  const linkPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    email: string,
    purpose: AccountLinkPurpose,
    made: { token: string; expiresAt: Date },
  ) => {
    const link = `${new URL(on.setPasswordPath, options.publicUrl).href}?${new URLSearchParams({ token: made.token }).toString()}`;
    const sent = await emailAccountLink(options.notify, request.log, {
      email,
      purpose,
      link,
      expiresAt: made.expiresAt,
      console: on.name,
    });
    return on.render(request, reply, {
      view: 'account-link',
      email,
      purpose,
      link: sent.emailed ? null : link,
      emailed: sent.emailed,
      expiresAt: made.expiresAt.toISOString(),
    });
  };

  app.get(on.base, { ...config, schema: { hide: true } }, async (request, reply) => {
    const accounts = await listAccounts(app.db, on.scope(request));
    await on.audit(request, 'accounts.viewed');
    return on.render(request, reply, { view: 'accounts', accounts });
  });

  app.get(`${on.base}/invite`, { ...config, schema: { hide: true } }, (request, reply) =>
    invitePage(request, reply, []),
  );

  app.post(
    `${on.base}/invite`,
    { ...config, schema: { hide: true, body: postedFormSchema } },
    async (request, reply) => {
      const scope = on.scope(request);
      const parsed = z
        .object({
          email: z.email({ error: 'Enter an email address in the correct format, like name@example.org' }),
          role: z.enum(scope.roles as [string, ...string[]], { error: 'Select a role' }),
          displayName: displayNameSchema.optional(),
        })
        .safeParse({
          email: text(request.body, 'email').trim(),
          role: text(request.body, 'role'),
          displayName: text(request.body, 'name').trim() || undefined,
        });
      if (!parsed.success)
        return invitePage(
          request,
          reply.code(400),
          parsed.error.issues.map((issue) => ({
            field: issue.path[0] === 'displayName' ? 'name' : String(issue.path[0]),
            message: issue.message,
          })),
        );
      try {
        const invited = await inviteAccount(app.db, scope, on.actor(request), parsed.data);
        if (!options.passwords) return await reply.redirect(`${on.base}/${invited.accountId}`, 303);
        return await linkPage(request, reply, parsed.data.email, 'invite', invited);
      } catch (error) {
        if (!(error instanceof AppError) || error.statusCode !== 409) throw error;
        return invitePage(request, reply.code(409), [
          { field: 'email', message: 'There is already an account for this email address' },
        ]);
      }
    },
  );

  app.get(
    `${on.base}/:id`,
    { ...config, schema: { hide: true, params: idParams, querystring: z.object({ done: z.string().optional() }) } },
    async (request, reply) => {
      const { done } = request.query;
      await on.audit(request, 'account.viewed', request.params.id);
      const shown = done && doneValues.includes(done) ? (done as AccountDone) : null;
      return accountPage(request, reply, request.params.id, [], shown);
    },
  );

  app.post(
    `${on.base}/:id`,
    { ...config, schema: { hide: true, params: idParams, body: postedFormSchema } },
    async (request, reply) => {
      const { id } = request.params;
      const scope = on.scope(request);
      const change = text(request.body, 'change');
      try {
        if (change === 'reset-password' && options.passwords) {
          const account = await findAccount(app.db, scope, id);
          const link = await issuePasswordReset(app.db, scope, on.actor(request), id);
          return await linkPage(request, reply, account.email, 'reset', link);
        }
        const parsed = accountChangeSchema.safeParse(
          change === 'role'
            ? { change, role: text(request.body, 'role') }
            : change === 'name'
              ? { change, name: text(request.body, 'name') }
              : { change },
        );
        if (!parsed.success) {
          const error =
            change === 'name'
              ? { field: 'name', message: parsed.error.issues[0]?.message ?? 'Enter a name' }
              : { field: 'change', message: 'Choose a change to make' };
          return await accountPage(request, reply.code(400), id, [error], null);
        }
        await changeAccount(app.db, scope, on.actor(request), id, parsed.data);
        return await reply.redirect(`${on.base}/${id}?done=${parsed.data.change}`, 303);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        if (error.statusCode === 404) return on.notFound(request, reply);
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
