import { toFieldErrors } from '@tuo/shared';
import type { FieldError } from '@tuo/shared/api/field-errors';
import { signInRequestSchema } from '@tuo/shared/api/console-sign-in';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { signInAgencyUser, signOutAgencyUser } from '../../../agency-portal/agency-sign-in.js';
import { providerOrganisations } from '../../../agency-portal/organisation-sign-in.js';
import { providerOnlyMessage, signInFailedMessage, signInThrottledMessage } from '../../../console/sign-in-messages.js';
import { postedFormSchema } from '../../journeys/posted-form.js';
import { staffCsrfToken } from '../../../console/csrf.js';
import { text } from '../../../console/posted-fields.js';
import { signedInAgencyUser } from '../agency-portal-access.js';
import type { AgencyScopeOptions } from '../agency-scope-options.js';
import { renderAgencyPage } from './agency-page.js';

/** Where a sign-in through an organisation's provider starts (a GET form naming the organisation). */
export const agencyProviderStart = '/agency/sign-in/oidc';

/** What the sign-in page shows again after a refusal: what was typed (never a password) and why. */
export interface SignInPageState {
  email?: string;
  errors?: FieldError[];
  organisation?: string;
  providerErrors?: FieldError[];
}

/** The sign-in page: the organisations that sign in through a provider, and the password form while passwords are on. */
export async function renderAgencySignIn(
  request: FastifyRequest,
  reply: FastifyReply,
  options: AgencyScopeOptions,
  state: SignInPageState = {},
): Promise<FastifyReply> {
  return renderAgencyPage(reply, {
    view: 'sign-in',
    form: {
      action: '/agency/sign-in',
      csrfToken: staffCsrfToken(request),
      values: { email: state.email ?? '' },
      errors: state.errors ?? [],
    },
    providerForm: {
      action: agencyProviderStart,
      csrfToken: '',
      values: { organisation: state.organisation ?? '' },
      errors: state.providerErrors ?? [],
    },
    signIn: {
      passwords: options.passwords,
      providerAction: agencyProviderStart,
      organisations: await providerOrganisations(request.server.db),
    },
  });
}

/** Sign in and out, as plain HTML forms; the password form only while the install takes passwords. */
export const agencySignInPages: FastifyPluginAsyncZod<AgencyScopeOptions> = async (app, options) => {
  app.get('/agency', { config: { agencyAccess: 'agency-user' }, schema: { hide: true } }, async (_request, reply) =>
    reply.redirect('/agency/notifications', 303),
  );

  app.get('/agency/sign-in', { config: { agencyAccess: 'public' }, schema: { hide: true } }, async (request, reply) => {
    if (request.agencyUser) return reply.redirect('/agency/notifications', 303);
    return renderAgencySignIn(request, reply, options);
  });

  if (options.passwords)
    app.post(
      '/agency/sign-in',
      {
        config: { agencyAccess: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: { hide: true, body: postedFormSchema },
      },
      async (request, reply) => {
        const email = text(request.body, 'email');
        const parsed = signInRequestSchema.safeParse({ email, password: text(request.body, 'password') });
        if (!parsed.success)
          return renderAgencySignIn(request, reply.code(400), options, {
            email,
            errors: toFieldErrors(parsed.error.issues),
          });
        const result = await signInAgencyUser(request, options.secret, parsed.data.email, parsed.data.password);
        if (result.ok)
          return reply.redirect(
            result.next === 'second-factor' ? '/agency/sign-in/code' : '/agency/notifications',
            303,
          );
        const [status, message] =
          result.reason === 'throttled'
            ? [429, signInThrottledMessage]
            : result.reason === 'provider-only'
              ? [403, providerOnlyMessage]
              : [401, signInFailedMessage];
        return renderAgencySignIn(request, reply.code(status), options, {
          email,
          errors: [{ field: 'email', message }],
        });
      },
    );

  app.post(
    '/agency/sign-out',
    {
      config: { agencyAccess: 'agency-user', secondFactorSetUp: true },
      schema: { hide: true, body: postedFormSchema },
    },
    async (request, reply) => {
      const afterwards = new URL('/agency/sign-in', options.publicUrl).href;
      const provider = await signOutAgencyUser(request, signedInAgencyUser(request), options.secret, afterwards);
      void reply.clearCookie(options.cookieName, { path: '/' });
      return reply.redirect(provider ?? '/agency/sign-in', 303);
    },
  );
};
