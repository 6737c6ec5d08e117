import {
  addOrganisationRequestSchema,
  adminOrganisationSchema,
  changeOrganisationRequestSchema,
  organisationEnabledRequestSchema,
  organisationListQuerySchema,
} from '@tuo/shared/api/organisation-admin';
import { problemSchema } from '@tuo/shared/api/problem';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addOrganisation,
  changeOrganisation,
  changeOrganisationEnabled,
  findAdminOrganisation,
  listAdminOrganisations,
} from '../../organisations/organisation-admin.js';
import { auditStaff, staffActor, staffSecurity } from './staff-access.js';

const tags = ['admin'];
const refusals = { 401: problemSchema, 403: problemSchema };
const params = z.object({ id: z.uuid() });
const config = { staffAccess: 'admin' } as const;

/**
 * Admins keep the directory: list (by kind, searched by name or code), read, add and change
 * organisations with their own settings, and disable or enable them. Every view and change is audited.
 */
export const organisationAdminApiRoutes: FastifyPluginAsyncZod<{ sealingSecret: string }> = async (app, options) => {
  app.get(
    '/api/admin/organisations',
    {
      config,
      schema: {
        tags,
        summary: 'The directory of organisations, disabled ones too, by kind and searched by name or code',
        security: staffSecurity,
        querystring: organisationListQuerySchema,
        response: { 200: z.array(adminOrganisationSchema), 400: problemSchema, ...refusals },
      },
    },
    async (request) => {
      const organisations = await listAdminOrganisations(app.db, request.query);
      await auditStaff(request, {
        action: 'admin.organisations.viewed',
        detail: { kind: request.query.kind ?? null, searched: Boolean(request.query.q) },
      });
      return organisations;
    },
  );

  app.get(
    '/api/admin/organisations/:id',
    {
      config,
      schema: {
        tags,
        summary: 'One organisation and its own settings',
        security: staffSecurity,
        params,
        response: { 200: adminOrganisationSchema, 404: problemSchema, ...refusals },
      },
    },
    async (request) => {
      const organisation = await findAdminOrganisation(app.db, request.params.id);
      await auditStaff(request, { action: 'admin.organisation.viewed', detail: { organisationId: organisation.id } });
      return organisation;
    },
  );

  app.post(
    '/api/admin/organisations',
    {
      config,
      schema: {
        tags,
        summary:
          'Add an organisation. Its code must have its kind’s shape (GSS, NHS ODS, Regulator of Social Housing) and be its kind’s only one',
        security: staffSecurity,
        body: addOrganisationRequestSchema,
        response: { 201: adminOrganisationSchema, 400: problemSchema, 409: problemSchema, ...refusals },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addOrganisation(app.db, request.body, staffActor(request), options.sealingSecret)),
  );

  app.put(
    '/api/admin/organisations/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Change an organisation and its settings (all of them, as given; its kind stays)',
        security: staffSecurity,
        params,
        body: changeOrganisationRequestSchema,
        response: {
          200: adminOrganisationSchema,
          400: problemSchema,
          404: problemSchema,
          409: problemSchema,
          ...refusals,
        },
      },
    },
    async (request) =>
      changeOrganisation(app.db, request.params.id, request.body, staffActor(request), options.sealingSecret),
  );

  app.put(
    '/api/admin/organisations/:id/enabled',
    {
      config,
      schema: {
        tags,
        summary:
          'Disable an organisation (it is offered to no resident, and new reports go to its kind’s fallback) or enable it again',
        security: staffSecurity,
        params,
        body: organisationEnabledRequestSchema,
        response: { 200: adminOrganisationSchema, 404: problemSchema, 409: problemSchema, ...refusals },
      },
    },
    async (request) => changeOrganisationEnabled(app.db, request.params.id, request.body.enabled, staffActor(request)),
  );
};
