import { organisationSignInRequestSchema, organisationSignInSchema } from '@tuo/shared/api/organisation-sign-in';
import { problemSchema } from '@tuo/shared/api/problem';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  organisationSignInView,
  removeSignInSettings,
  saveSignInSettings,
  type SignInSettingsContext,
} from '../../agency-portal/organisation-sign-in-settings.js';
import {
  agencySessionSecurity as security,
  agencyUserActor,
  auditAgencyUser,
  signedInAgencyUser,
} from './agency-portal-access.js';

const tags = ['agency-portal'];
const refusals = { 401: problemSchema, 403: problemSchema };
const path = '/api/agency-portal/single-sign-on';
const organisationOf = (request: FastifyRequest) => signedInAgencyUser(request).organisation.id;
const actorOf = (request: FastifyRequest) => ({ ...agencyUserActor(request), id: signedInAgencyUser(request).id });

/** An agency admin's own organisation's single sign-on as JSON: the same checks and audit as the page. */
export const agencySignInSettingsApiRoutes: FastifyPluginAsyncZod<SignInSettingsContext> = async (app, context) => {
  app.get(
    path,
    {
      config: { agencyAccess: 'agency-admin' },
      schema: {
        tags,
        summary:
          "Your organisation's single sign-on: its provider (never the client secret) and the redirect URI to give it",
        security,
        response: { 200: organisationSignInSchema, ...refusals },
      },
    },
    async (request) => {
      const view = await organisationSignInView(context, organisationOf(request));
      await auditAgencyUser(request, { action: 'agency.sign-in-settings.viewed' });
      return view;
    },
  );

  app.put(
    path,
    {
      config: { agencyAccess: 'agency-admin' },
      schema: {
        tags,
        summary:
          "Set up or change your organisation's provider. The issuer must answer OpenID Connect discovery; the client secret is sealed, and may be left out to keep the saved one",
        security,
        body: organisationSignInRequestSchema,
        response: { 204: z.null(), 400: problemSchema, ...refusals },
      },
    },
    async (request, reply) => {
      await saveSignInSettings(context, organisationOf(request), request.body, actorOf(request));
      return reply.code(204).send(null);
    },
  );

  app.delete(
    path,
    {
      config: { agencyAccess: 'agency-admin' },
      schema: {
        tags,
        summary: "Turn off your organisation's single sign-on: its people sign in with passwords again",
        security,
        response: { 204: z.null(), 404: problemSchema, ...refusals },
      },
    },
    async (request, reply) => {
      await removeSignInSettings(context, organisationOf(request), actorOf(request));
      return reply.code(204).send(null);
    },
  );
};
