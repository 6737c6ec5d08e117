import { toFieldErrors } from '@tuo/shared';
import type { FieldError } from '@tuo/shared/api/field-errors';
import { signInRequestSchema } from '@tuo/shared/api/console-sign-in';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { signInAgencyUser, signOutAgencyUser } from '../../../agency-portal/agency-sign-in.js';
import { signInFailedMessage, signInThrottledMessage } from '../../../console/sign-in-messages.js';
import { postedFormSchema } from '../../journeys/posted-form.js';
import { staffCsrfToken } from '../../../console/csrf.js';
import { text } from '../../../console/posted-fields.js';
import { signedInAgencyUser } from '../agency-portal-access.js';
import type { AgencyScopeOptions } from '../agency-scope-options.js';
import { renderAgencyPage } from './agency-page.js';

function render(request: FastifyRequest, reply: FastifyReply, email: string, errors: FieldError[]) {
  // The password is never sent back into the page.
  return renderAgencyPage(reply, {
    view: 'sign-in',
    form: { action: '/agency/sign-in', csrfToken: staffCsrfToken(request), values: { email }, errors },
  });
}

/** Sign in and out, as plain HTML forms. */
export const agencySignInPages: FastifyPluginAsyncZod<AgencyScopeOptions> = async (app, options) => {
  app.get('/agency', { config: { agencyAccess: 'agency-user' }, schema: { hide: true } }, async (_request, reply) =>
    reply.redirect('/agency/notifications', 303),
  );

  app.get('/agency/sign-in', { config: { agencyAccess: 'public' }, schema: { hide: true } }, async (request, reply) => {
    if (request.agencyUser) return reply.redirect('/agency/notifications', 303);
    return render(request, reply, '', []);
  });

  app.post(
    '/agency/sign-in',
    {
      config: { agencyAccess: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { hide: true, body: postedFormSchema },
    },
    async (request, reply) => {
      const email = text(request.body, 'email');
      const parsed = signInRequestSchema.safeParse({ email, password: text(request.body, 'password') });
      if (!parsed.success) return render(request, reply.code(400), email, toFieldErrors(parsed.error.issues));
      const result = await signInAgencyUser(request, options.secret, parsed.data.email, parsed.data.password);
      if (result.ok)
        return reply.redirect(result.next === 'second-factor' ? '/agency/sign-in/code' : '/agency/notifications', 303);
      const message = result.reason === 'throttled' ? signInThrottledMessage : signInFailedMessage;
      return render(request, reply.code(result.reason === 'throttled' ? 429 : 401), email, [
        { field: 'email', message },
      ]);
    },
  );

  app.post(
    '/agency/sign-out',
    {
      config: { agencyAccess: 'agency-user', secondFactorSetUp: true },
      schema: { hide: true, body: postedFormSchema },
    },
    async (request, reply) => {
      await signOutAgencyUser(request, signedInAgencyUser(request));
      void reply.clearCookie(options.cookieName, { path: '/' });
      return reply.redirect('/agency/sign-in', 303);
    },
  );
};
