import { organisationSignInRequestSchema, organisationSignInSchema } from '@tuo/shared/api/organisation-sign-in';
import { problemSchema } from '@tuo/shared/api/problem';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  organisationSignInView,
  removeSignInSettings,
  saveSignInSettings,
  type SignInSettingsContext,
} from '../../agency-portal/organisation-sign-in-settings.js';
import { auditStaff, staffActor, staffSecurity } from './staff-access.js';

const tags = ['admin'];
const refusals = { 401: problemSchema, 403: problemSchema, 404: problemSchema };
const path = '/api/admin/organisations/:id/single-sign-on';
const params = z.object({ id: z.uuid() });

/**
 * Staff admins set up any organisation's single sign-on for the agency portal (as its own agency
 * admins can on the portal): the same settings, checks and audit.
 */
export const organisationSignInApiRoutes: FastifyPluginAsyncZod<SignInSettingsContext> = async (app, context) => {
  app.get(
    path,
    {
      config: { staffAccess: 'admin' },
      schema: {
        tags,
        summary: "An organisation's single sign-on for the agency portal (never the client secret)",
        security: staffSecurity,
        params,
        response: { 200: organisationSignInSchema, ...refusals },
      },
    },
    async (request) => {
      const view = await organisationSignInView(context, request.params.id);
      await auditStaff(request, {
        action: 'admin.organisation-sign-in.viewed',
        detail: { organisationId: view.organisationId },
      });
      return view;
    },
  );

  app.put(
    path,
    {
      config: { staffAccess: 'admin' },
      schema: {
        tags,
        summary:
          "Set up or change an organisation's provider. The issuer must answer OpenID Connect discovery; the client secret is sealed, and may be left out to keep the saved one",
        security: staffSecurity,
        params,
        body: organisationSignInRequestSchema,
        response: { 204: z.null(), 400: problemSchema, ...refusals },
      },
    },
    async (request, reply) => {
      await saveSignInSettings(context, request.params.id, request.body, staffActor(request));
      return reply.code(204).send(null);
    },
  );

  app.delete(
    path,
    {
      config: { staffAccess: 'admin' },
      schema: {
        tags,
        summary: "Turn off an organisation's single sign-on: its people sign in with passwords again",
        security: staffSecurity,
        params,
        response: { 204: z.null(), ...refusals },
      },
    },
    async (request, reply) => {
      await removeSignInSettings(context, request.params.id, staffActor(request));
      return reply.code(204).send(null);
    },
  );
};
