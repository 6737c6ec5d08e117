import {
  agencyApiKeySchema,
  agencyUserSchema,
  createApiKeyRequestSchema,
  createdApiKeySchema,
  rotatedWebhookSecretSchema,
  webhookSecretStatusSchema,
} from '@tuo/shared/api/agency-portal';
import { problemSchema } from '@tuo/shared/api/problem';
import { secondFactorRequestSchema, signInRequestSchema } from '@tuo/shared/api/console-sign-in';
import { answerSecondFactor } from '../../console/second-factor-sign-in.js';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agencySignInKind, signInAgencyUser, signOutAgencyUser } from '../../agency-portal/agency-sign-in.js';
import { AppError, ConflictError, NotFoundError } from '../../errors.js';
import { providerOnlyMessage, signInFailedMessage, signInThrottledMessage } from '../../console/sign-in-messages.js';
import { staffCsrfToken } from '../../console/csrf.js';
import {
  createKeyAudited,
  listKeysAudited,
  revokeKeyAudited,
  rotateSecretAudited,
  webhookStatus,
  type AgencyAdminConfig,
} from './agency-admin-actions.js';
import { agencySessionSecurity as security, signedInAgencyUser } from './agency-portal-access.js';
import type { AgencyScopeOptions } from './agency-scope-options.js';

const tags = ['agency-portal'];
const refusals = { 401: problemSchema, 403: problemSchema };
const sessionResponseSchema = z.strictObject({
  csrfToken: z.string(),
  user: agencyUserSchema.nullable(),
  /** After a right password for an account with a second factor: send its code to `POST /api/agency-portal/sign-in/code`. */
  awaiting: z.literal('second-factor').optional(),
});

function sessionResponse(request: FastifyRequest) {
  return { csrfToken: staffCsrfToken(request), user: request.agencyUser ?? null };
}

/**
 * The portal's admin operations as JSON, for agency admins' scripts: the same session, token and
 * audited actions as the pages. (Agency systems use the bearer-key API under /api/agency.)
 */
export const agencyPortalApiRoutes: FastifyPluginAsyncZod<AgencyScopeOptions & { config: AgencyAdminConfig }> = async (
  app,
  options,
) => {
  app.get(
    '/api/agency-portal/session',
    {
      config: { agencyAccess: 'public' },
      schema: {
        tags,
        summary: 'Your agency portal session: who is signed in (if anyone) and the anti-forgery token to send',
        security: [],
        response: { 200: sessionResponseSchema },
      },
    },
    async (request) => sessionResponse(request),
  );

  if (options.passwords)
    app.post(
      '/api/agency-portal/sign-in',
      {
        config: { agencyAccess: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'Sign in as an agency user; the session id changes. Throttled like staff sign-in',
          security: [],
          body: signInRequestSchema,
          response: {
            200: sessionResponseSchema,
            400: problemSchema,
            401: problemSchema,
            403: problemSchema,
            429: problemSchema,
          },
        },
      },
      async (request) => {
        const result = await signInAgencyUser(request, options.secret, request.body.email, request.body.password);
        if (!result.ok)
          throw result.reason === 'throttled'
            ? new AppError(429, 'sign_in_throttled', signInThrottledMessage)
            : result.reason === 'provider-only'
              ? new AppError(403, 'password_sign_in_off', providerOnlyMessage)
              : new AppError(401, 'sign_in_failed', signInFailedMessage);
        if (result.next === 'second-factor') return { ...sessionResponse(request), awaiting: 'second-factor' as const };
        request.agencyUser = result.user;
        return sessionResponse(request);
      },
    );

  app.post(
    '/api/agency-portal/sign-in/code',
    {
      config: { agencyAccess: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'The second step of signing in: the code from your authenticator app, or a recovery code',
        security: [],
        body: secondFactorRequestSchema,
        response: { 200: sessionResponseSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) => {
      const result = await answerSecondFactor(request, agencySignInKind(request, options.secret), request.body.code);
      if (!result.ok)
        throw result.reason === 'expired'
          ? new AppError(401, 'second_factor_expired', 'Sign in with your password again.')
          : new AppError(401, 'second_factor_refused', 'The code is not right, or has been used.');
      request.agencyUser = result.user;
      return sessionResponse(request);
    },
  );

  app.post(
    '/api/agency-portal/sign-out',
    {
      config: { agencyAccess: 'agency-user', secondFactorSetUp: true },
      schema: { tags, summary: 'Sign out of this session', security, response: { 204: z.null(), ...refusals } },
    },
    async (request, reply) => {
      await signOutAgencyUser(
        request,
        signedInAgencyUser(request),
        options.secret,
        new URL('/agency/sign-in', options.publicUrl).href,
      );
      return reply.clearCookie(options.cookieName, { path: '/' }).code(204).send(null);
    },
  );

  app.get(
    '/api/agency-portal/keys',
    {
      config: { agencyAccess: 'agency-admin' },
      schema: {
        tags,
        summary: "Your agency's API keys, newest first (never the keys themselves)",
        security,
        response: { 200: z.array(agencyApiKeySchema), ...refusals },
      },
    },
    async (request) => listKeysAudited(request),
  );

  app.post(
    '/api/agency-portal/keys',
    {
      config: { agencyAccess: 'agency-admin' },
      schema: {
        tags,
        summary: 'Make an API key for one of your systems: the key is in this response only',
        security,
        body: createApiKeyRequestSchema,
        response: { 201: createdApiKeySchema, 400: problemSchema, ...refusals },
      },
    },
    async (request, reply) => reply.code(201).send(await createKeyAudited(request, request.body.name)),
  );

  app.post(
    '/api/agency-portal/keys/:id/revoke',
    {
      config: { agencyAccess: 'agency-admin' },
      schema: {
        tags,
        summary: 'Revoke one of your keys: it stops working at once',
        security,
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), 404: problemSchema, ...refusals },
      },
    },
    async (request, reply) => {
      if (!(await revokeKeyAudited(request, request.params.id)))
        throw new NotFoundError('Your agency has no live key with this id.');
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/agency-portal/webhook-secret',
    {
      config: { agencyAccess: 'agency-admin' },
      schema: {
        tags,
        summary: 'Whether your agency takes webhooks, and until when older secrets still sign',
        security,
        response: { 200: webhookSecretStatusSchema, ...refusals },
      },
    },
    async (request) => webhookStatus(request, options.config),
  );

  app.post(
    '/api/agency-portal/webhook-secret',
    {
      config: { agencyAccess: 'agency-admin' },
      schema: {
        tags,
        summary:
          'Rotate your webhook secret: the new one is in this response only; the old one signs too (a second signature) until previousRetiresAt',
        security,
        response: { 200: rotatedWebhookSecretSchema, 409: problemSchema, ...refusals },
      },
    },
    async (request) => {
      const rotated = await rotateSecretAudited(request, options.config);
      if (!rotated)
        throw new ConflictError('no_webhook', 'Your agency reads its inbox; it has no webhook secret to rotate.');
      return rotated;
    },
  );
};
