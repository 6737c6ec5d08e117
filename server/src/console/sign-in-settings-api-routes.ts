import { organisationSignInRequestSchema, organisationSignInSchema } from '@tuo/shared/api/organisation-sign-in';
import { problemSchema } from '@tuo/shared/api/problem';
import type { FastifyContextConfig, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  organisationSignInView,
  removeSignInSettings,
  saveSignInSettings,
  type SignInSettingsContext,
} from '../agency-portal/organisation-sign-in-settings.js';
import type { Actor } from '../audit/audit-log.js';

/** Where one console's administrators change an organisation's single sign-on, and whose. */
export interface SignInSettingsApi {
  /** `/api/agency-portal/single-sign-on` (the admin's own organisation) or `/api/admin/organisations/:id/single-sign-on`. */
  path: string;
  access: FastifyContextConfig;
  tags: string[];
  security: Record<string, string[]>[];
  /** The `:id` of a path that names the organisation. */
  params?: z.ZodObject<{ id: z.ZodUUID }>;
  /** In the summaries: `your organisation's` or `an organisation's`. */
  whose: string;
  organisationOf: (request: FastifyRequest) => string;
  actor: (request: FastifyRequest) => Actor & { id: string };
  /** Audits a look at the settings, in the console's own words. */
  audit: (request: FastifyRequest, organisationId: string) => Promise<void>;
}

const refusals = { 401: problemSchema, 403: problemSchema, 404: problemSchema };

/**
 * An organisation's single sign-on as JSON, for either console: read it (never the client
 * secret), set it up or change it (the issuer must answer discovery; the secret is sealed), turn
 * it off. The same checks and audit as the portal's settings page.
 */
export const signInSettingsApiRoutes: FastifyPluginAsyncZod<{
  api: SignInSettingsApi;
  context: SignInSettingsContext;
}> = async (app, { api, context }) => {
  const base = { tags: api.tags, security: api.security, ...(api.params ? { params: api.params } : {}) };
  const config = { config: api.access };

  app.get(
    api.path,
    {
      ...config,
      schema: {
        ...base,
        summary: `Read ${api.whose} single sign-on for the agency portal: its provider (never the client secret) and the redirect URI to give it`,
        response: { 200: organisationSignInSchema, ...refusals },
      },
    },
    async (request) => {
      const view = await organisationSignInView(context, api.organisationOf(request));
      await api.audit(request, view.organisationId);
      return view;
    },
  );

  app.put(
    api.path,
    {
      ...config,
      schema: {
        ...base,
        summary: `Set up or change ${api.whose} provider. The issuer must answer OpenID Connect discovery; the client secret is sealed, and may be left out to keep the saved one`,
        body: organisationSignInRequestSchema,
        response: { 204: z.null(), 400: problemSchema, ...refusals },
      },
    },
    async (request, reply) => {
      await saveSignInSettings(context, api.organisationOf(request), request.body, api.actor(request));
      return reply.code(204).send(null);
    },
  );

  app.delete(
    api.path,
    {
      ...config,
      schema: {
        ...base,
        summary: `Turn off ${api.whose} single sign-on: its people sign in with passwords again`,
        response: { 204: z.null(), ...refusals },
      },
    },
    async (request, reply) => {
      await removeSignInSettings(context, api.organisationOf(request), api.actor(request));
      return reply.code(204).send(null);
    },
  );
};
