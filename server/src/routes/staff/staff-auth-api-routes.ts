import { secondFactorRequestSchema, signInRequestSchema } from '@tuo/shared/api/console-sign-in';
import { problemSchema } from '@tuo/shared/api/problem';
import {
  staffSessionResponseSchema,
  startAssistedRequestSchema,
  type StaffSessionResponse,
} from '@tuo/shared/api/staff-session';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { forgetResidentJourney } from '../../staff/fresh-resident-journey.js';
import { answerStaffSecondFactor, signIn, signOut } from '../../staff/sign-in.js';
import { signInFailedMessage, signInThrottledMessage } from '../../console/sign-in-messages.js';
import type { StaffScopeOptions } from './staff-scope-options.js';
import { endAssisted, startAssisted } from './staff-actions.js';
import { signedIn, staffSecurity } from './staff-access.js';
import { staffCsrfToken } from '../../console/csrf.js';

const tags = ['staff'];
const refusals = { 401: problemSchema, 403: problemSchema };

function sessionResponse(request: FastifyRequest): StaffSessionResponse {
  return {
    csrfToken: staffCsrfToken(request),
    user: request.staff ?? null,
    assisting: request.session.get('assisting') ?? null,
  };
}

/** Sign-in, sign-out and the assisted-transaction switch, as JSON for scripts and single-page clients. */
export const staffAuthApiRoutes: FastifyPluginAsyncZod<StaffScopeOptions & { passwords: boolean }> = async (
  app,
  options,
) => {
  const signedOut = (reply: FastifyReply) => reply.clearCookie(options.cookieName, { path: '/' }).code(204).send();

  app.get(
    '/api/staff/session',
    {
      config: { staffAccess: 'public' },
      schema: {
        tags,
        summary: 'Your staff session: who is signed in (if anyone) and the anti-forgery token to send',
        security: [],
        response: { 200: staffSessionResponseSchema },
      },
    },
    async (request) => sessionResponse(request),
  );

  // With passwords turned off (STAFF_PASSWORD_SIGN_IN=off) there is no password sign-in to call.
  if (options.passwords)
    app.post(
      '/api/staff/sign-in',
      {
        config: { staffAccess: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary:
            'Sign in; the session id changes. Throttled per account and address; the same answer for any wrong address or password',
          security: [],
          body: signInRequestSchema,
          response: {
            200: staffSessionResponseSchema,
            400: problemSchema,
            401: problemSchema,
            403: problemSchema,
            429: problemSchema,
          },
        },
      },
      async (request) => {
        const result = await signIn(request, options.secret, request.body.email, request.body.password);
        if (!result.ok)
          throw result.reason === 'throttled'
            ? new AppError(429, 'sign_in_throttled', signInThrottledMessage)
            : new AppError(401, 'sign_in_failed', signInFailedMessage);
        if (result.next === 'second-factor') return { ...sessionResponse(request), awaiting: 'second-factor' as const };
        request.staff = result.user;
        return sessionResponse(request);
      },
    );

  app.post(
    '/api/staff/sign-in/code',
    {
      config: { staffAccess: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary:
          'The second step of signing in: the code from your authenticator app, or a recovery code. Codes work once; five wrong ones and the password must be given again',
        security: [],
        body: secondFactorRequestSchema,
        response: { 200: staffSessionResponseSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) => {
      const result = await answerStaffSecondFactor(request, options.secret, request.body.code);
      if (!result.ok)
        throw result.reason === 'expired'
          ? new AppError(401, 'second_factor_expired', 'Sign in with your password again.')
          : new AppError(401, 'second_factor_refused', 'The code is not right, or has been used.');
      request.staff = result.user;
      return sessionResponse(request);
    },
  );

  app.post(
    '/api/staff/sign-out',
    {
      config: { staffAccess: 'adviser', secondFactorSetUp: true },
      schema: {
        tags,
        summary: 'Sign out of this session',
        security: staffSecurity,
        response: { 204: z.null(), ...refusals },
      },
    },
    async (request, reply) => {
      await forgetResidentJourney(request, reply, options);
      await signOut(request, signedIn(request), false);
      return signedOut(reply);
    },
  );

  app.post(
    '/api/staff/sign-out-everywhere',
    {
      config: { staffAccess: 'adviser', secondFactorSetUp: true },
      schema: {
        tags,
        summary: 'Sign out of every session you have, on every device',
        security: staffSecurity,
        response: { 204: z.null(), ...refusals },
      },
    },
    async (request, reply) => {
      await forgetResidentJourney(request, reply, options);
      await signOut(request, signedIn(request), true);
      return signedOut(reply);
    },
  );

  app.post(
    '/api/staff/assisted',
    {
      config: { staffAccess: 'adviser' },
      schema: {
        tags,
        summary:
          "Start an assisted transaction: the resident journeys then submit on the resident's behalf (channel 'assisted')",
        security: staffSecurity,
        body: startAssistedRequestSchema,
        response: { 200: staffSessionResponseSchema, 400: problemSchema, ...refusals },
      },
    },
    async (request, reply) => {
      await forgetResidentJourney(request, reply, options);
      await startAssisted(request, request.body);
      return sessionResponse(request);
    },
  );

  app.post(
    '/api/staff/assisted/end',
    {
      config: { staffAccess: 'adviser' },
      schema: {
        tags,
        summary: 'End the assisted transaction in progress',
        security: staffSecurity,
        response: { 200: staffSessionResponseSchema, ...refusals },
      },
    },
    async (request, reply) => {
      await forgetResidentJourney(request, reply, options);
      await endAssisted(request);
      return sessionResponse(request);
    },
  );
};
