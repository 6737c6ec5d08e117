import type { FieldError } from '@tuo/shared/api/field-errors';
import type { FormProps } from '@tuo/shared/pages/page-model';
import type { SecondFactorEnrolment } from '@tuo/shared/pages/second-factor-model';
import type { FastifyContextConfig, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordAudit, type Actor } from '../audit/audit-log.js';
import { postedFormSchema } from '../routes/journeys/posted-form.js';
import { staffCsrfToken } from './csrf.js';
import { text } from './posted-fields.js';
import { enrolSecondFactor, hasSecondFactor, requiresSecondFactor } from './second-factor.js';
import { answerSecondFactor, awaitingSecondFactor, type SecondFactorKind } from './second-factor-sign-in.js';
import { enrolmentFor } from './totp-enrolment.js';

/** The second factor's views, as each console wraps them (with its header, for the signed-in ones). */
export type SecondFactorView =
  | { view: 'second-factor'; form: FormProps }
  | { view: 'second-factor-set-up'; form: FormProps; enrolment: SecondFactorEnrolment }
  | { view: 'recovery-codes'; codes: string[] };

/** What one console (staff, agency portal) gives the second factor's pages. */
export interface SecondFactorPagesOptions<User extends { id: string; email: string; role: string }> {
  /** `/staff` or `/agency`. */
  base: string;
  /** Where a signed-in person lands. */
  home: string;
  /** The console's route config for anyone, or for any signed-in account. */
  access: (who: 'public' | 'signed-in') => FastifyContextConfig;
  kind: (request: FastifyRequest) => SecondFactorKind<User>;
  /** The signed-in account (the console's access hook has found it). */
  signedIn: (request: FastifyRequest) => User;
  actor: (request: FastifyRequest) => Actor;
  render: (request: FastifyRequest, reply: FastifyReply, view: SecondFactorView) => Promise<FastifyReply>;
}

const codeMessage = 'Enter the 6-digit code from your authenticator app, or a recovery code';
const wrongCode = 'The code is not right, or has been used. Enter the code your app shows now';

/**
 * The second factor's pages for either console, as plain HTML forms: `<base>/sign-in/code` (the
 * second step of signing in) and `<base>/second-factor` (set up an authenticator app: QR code,
 * the key as text, a code to confirm; then the recovery codes, shown once). All audited.
 */
export function secondFactorPages<User extends { id: string; email: string; role: string }>(
  options: SecondFactorPagesOptions<User>,
): FastifyPluginAsyncZod {
  const { base } = options;
  const codeForm = (request: FastifyRequest, errors: FieldError[]): FormProps => ({
    action: `${base}/sign-in/code`,
    csrfToken: staffCsrfToken(request),
    values: {},
    errors,
  });
  const setUpForm = (request: FastifyRequest, errors: FieldError[]): FormProps => ({
    action: `${base}/second-factor`,
    csrfToken: staffCsrfToken(request),
    values: {},
    errors,
  });
  const renderSetUp = async (request: FastifyRequest, reply: FastifyReply, errors: FieldError[]) => {
    const user = options.signedIn(request);
    const kind = options.kind(request);
    const enrolment = await enrolmentFor(request, kind.sealingSecret, user);
    return options.render(request, reply, {
      view: 'second-factor-set-up',
      form: setUpForm(request, errors),
      enrolment: {
        spacedSecret: enrolment.spacedSecret,
        qrDataUrl: enrolment.qrDataUrl,
        required: requiresSecondFactor(user.role),
        replacing: await hasSecondFactor(request.server.db, user.id),
      },
    });
  };

  return async (app) => {
    app.get(
      `${base}/sign-in/code`,
      { config: options.access('public'), schema: { hide: true } },
      async (request, reply) => {
        if (!awaitingSecondFactor(request)) return reply.redirect(`${base}/sign-in`, 303);
        return options.render(request, reply, {
          view: 'second-factor',
          form: codeForm(request, []),
        });
      },
    );

    app.post(
      `${base}/sign-in/code`,
      {
        config: { ...options.access('public'), rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: { hide: true, body: postedFormSchema },
      },
      async (request, reply) => {
        const code = text(request.body, 'code').trim();
        if (!code)
          return options.render(request, reply.code(400), {
            view: 'second-factor',
            form: codeForm(request, [{ field: 'code', message: codeMessage }]),
          });
        const result = await answerSecondFactor(request, options.kind(request), code);
        if (result.ok) return reply.redirect(options.home, 303);
        if (result.reason === 'expired') return reply.redirect(`${base}/sign-in`, 303);
        return options.render(request, reply.code(401), {
          view: 'second-factor',
          form: codeForm(request, [{ field: 'code', message: wrongCode }]),
        });
      },
    );

    const setUpConfig = { ...options.access('signed-in'), secondFactorSetUp: true };
    app.get(`${base}/second-factor`, { config: setUpConfig, schema: { hide: true } }, async (request, reply) =>
      renderSetUp(request, reply, []),
    );

    app.post(
      `${base}/second-factor`,
      { config: setUpConfig, schema: { hide: true, body: postedFormSchema } },
      async (request, reply) => {
        const user = options.signedIn(request);
        const code = text(request.body, 'code').trim();
        if (!code) return renderSetUp(request, reply.code(400), [{ field: 'code', message: codeMessage }]);
        const { secret } = await enrolmentFor(request, options.kind(request).sealingSecret, user);
        const codes = await enrolSecondFactor(
          request.server.db,
          options.kind(request).sealingSecret,
          user.id,
          secret,
          code,
        );
        if (!codes) return renderSetUp(request, reply.code(400), [{ field: 'code', message: wrongCode }]);
        request.session.set('enrolmentSecret', undefined);
        await recordAudit(request.server.db, {
          actor: options.actor(request),
          action: `${options.kind(request).auditPrefix}.second-factor.set-up`,
        });
        return options.render(request, reply, { view: 'recovery-codes', codes });
      },
    );
  };
}
