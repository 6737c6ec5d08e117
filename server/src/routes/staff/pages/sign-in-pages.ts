import { toFieldErrors } from '@tuo/shared';
import { signInRequestSchema } from '@tuo/shared/api/console-sign-in';
import type { FieldError } from '@tuo/shared/api/field-errors';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { forgetResidentJourney } from '../../../staff/fresh-resident-journey.js';
import { signIn, signOut } from '../../../staff/sign-in.js';
import { signInFailedMessage, signInThrottledMessage } from '../../../console/sign-in-messages.js';
import { postedFormSchema } from '../../journeys/posted-form.js';
import { signedIn } from '../staff-access.js';
import { staffCsrfToken } from '../../../console/csrf.js';
import type { StaffScopeOptions } from '../staff-scope-options.js';
import { renderStaffPage } from './staff-page.js';
import { text } from '../../../console/posted-fields.js';
import type { SignInSettings } from '../../../console/sign-in-settings.js';
import { staffProviderSignOut, staffProviderStart } from './single-sign-on-pages.js';

/** Sign in and out, as plain HTML forms; the password form only while passwords are on. */
export const signInPages: FastifyPluginAsyncZod<StaffScopeOptions & { signIn: SignInSettings['staff'] }> = async (
  app,
  options,
) => {
  const methods = {
    passwords: options.signIn.passwords,
    providerHref: options.signIn.oidc ? staffProviderStart : null,
  };
  const render = (request: FastifyRequest, reply: FastifyReply, email: string, errors: FieldError[]) =>
    // The password is never sent back into the page.
    renderStaffPage(reply, {
      view: 'sign-in',
      form: { action: '/staff/sign-in', csrfToken: staffCsrfToken(request), values: { email }, errors },
      signIn: methods,
    });

  app.get('/staff/sign-in', { config: { staffAccess: 'public' }, schema: { hide: true } }, async (request, reply) => {
    if (request.staff) return reply.redirect('/staff/dashboard', 303);
    return render(request, reply, '', []);
  });

  if (options.signIn.passwords)
    app.post(
      '/staff/sign-in',
      {
        config: { staffAccess: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: { hide: true, body: postedFormSchema },
      },
      async (request, reply) => {
        const email = text(request.body, 'email');
        const parsed = signInRequestSchema.safeParse({ email, password: text(request.body, 'password') });
        if (!parsed.success) return render(request, reply.code(400), email, toFieldErrors(parsed.error.issues));
        const result = await signIn(request, options.secret, parsed.data.email, parsed.data.password);
        if (result.ok)
          return reply.redirect(result.next === 'second-factor' ? '/staff/sign-in/code' : '/staff/dashboard', 303);
        const message = result.reason === 'throttled' ? signInThrottledMessage : signInFailedMessage;
        return render(request, reply.code(result.reason === 'throttled' ? 429 : 401), email, [
          { field: 'email', message },
        ]);
      },
    );

  for (const [path, everywhere] of [
    ['/staff/sign-out', false],
    ['/staff/sign-out-everywhere', true],
  ] as const) {
    app.post(
      path,
      { config: { staffAccess: 'adviser', secondFactorSetUp: true }, schema: { hide: true, body: postedFormSchema } },
      async (request, reply) => {
        const idToken = request.session.get('providerIdToken');
        await forgetResidentJourney(request, reply, options);
        await signOut(request, signedIn(request), everywhere);
        void reply.clearCookie(options.cookieName, { path: '/' });
        const provider = options.signIn.oidc && idToken ? await staffProviderSignOut(options, idToken) : undefined;
        return reply.redirect(provider ?? '/staff/sign-in', 303);
      },
    );
  }
};
