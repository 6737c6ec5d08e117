import { organisationListQuerySchema } from '@tuo/shared/api/organisation-admin';
import type { FieldError } from '@tuo/shared/api/field-errors';
import { toFieldErrors, type AgencyKind } from '@tuo/shared';
import type { FormValues, PostedForm } from '@tuo/shared/pages/form-values';
import type { OrganisationDone } from '@tuo/shared/pages/staff-page-model';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../../config.js';
import { staffCsrfToken } from '../../../console/csrf.js';
import { formValues, text } from '../../../console/posted-fields.js';
import { AppError } from '../../../errors.js';
import {
  addOrganisation,
  changeOrganisation,
  changeOrganisationEnabled,
  findAdminOrganisation,
  listAdminOrganisations,
} from '../../../organisations/organisation-admin.js';
import { organisationDefaults } from '../../../organisations/organisation-defaults.js';
import { shownKindChannels } from '../../../channels/kind-channel-settings.js';
import { postedFormSchema } from '../../journeys/posted-form.js';
import { auditStaff, staffActor } from '../staff-access.js';
import { formFieldOf, formValuesOf, readAddForm, readChangeForm } from './organisation-form.js';
import { renderStaffPage, staffNav } from './staff-page.js';

const config = { staffAccess: 'admin' } as const;
const idParams = z.object({ id: z.uuid() });
const doneValues: readonly OrganisationDone[] = ['added', 'changed', 'disabled', 'enabled'];

/** What was typed, to show back: never the webhook's secret (the page's model is in its HTML). */
function typed(body: PostedForm): FormValues {
  const { webhookSecret: _secret, ...values } = formValues(body);
  return values;
}

/** A refusal from the directory (a code taken or of the wrong shape) as the form's field errors. */
const refusalErrors = (error: AppError): FieldError[] =>
  error.fieldErrors?.map((e) => ({ field: formFieldOf(e.path.split('.')), message: e.message })) ?? [
    { field: 'name', message: error.message.replace(/\.$/, '') },
  ];

/**
 * The directory for staff admins, as plain HTML forms over the same functions as the API: the
 * list (by kind, searched), one organisation, adding, changing (with its settings), disabling and
 * enabling. Every view and change is audited; a refused change shows as GOV.UK field errors.
 */
export const organisationPages: FastifyPluginAsyncZod<{
  config: Pick<Config, 'serviceLevels' | 'verificationMinimums' | 'agencies'>;
  /** What the organisations' webhook secrets are sealed under (SESSION_SECRET). */
  secret: string;
}> = async (app, options) => {
  const defaults = organisationDefaults(options.config);

  const notFound = (request: FastifyRequest, reply: FastifyReply) =>
    renderStaffPage(reply.code(404), { view: 'message', message: 'not-found', nav: staffNav(request) });

  const formPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    page: { action: string; organisationId: string | null; kind: AgencyKind | null; values: FormValues },
    errors: FieldError[],
  ) =>
    renderStaffPage(reply, {
      view: 'organisation-form',
      nav: staffNav(request),
      form: { action: page.action, csrfToken: staffCsrfToken(request), values: page.values, errors },
      organisationId: page.organisationId,
      kind: page.kind,
      defaults,
    });

  app.get(
    '/staff/organisations',
    { config, schema: { hide: true, querystring: z.record(z.string(), z.string().max(200)) } },
    async (request, reply) => {
      const parsed = organisationListQuerySchema.safeParse({
        ...(request.query.kind ? { kind: request.query.kind } : {}),
        ...(request.query.q ? { q: request.query.q } : {}),
      });
      const form = {
        action: '/staff/organisations',
        csrfToken: '',
        values: formValues(request.query),
        errors: parsed.success ? [] : toFieldErrors(parsed.error.issues),
      };
      if (!parsed.success)
        return renderStaffPage(reply.code(400), {
          view: 'organisations',
          nav: staffNav(request),
          form,
          organisations: [],
        });
      const organisations = await listAdminOrganisations(app.db, parsed.data);
      await auditStaff(request, {
        action: 'admin.organisations.viewed',
        detail: { kind: parsed.data.kind ?? null, searched: Boolean(parsed.data.q) },
      });
      return renderStaffPage(reply, { view: 'organisations', nav: staffNav(request), form, organisations });
    },
  );

  const addPage = { action: '/staff/organisations/new', organisationId: null, kind: null };

  app.get('/staff/organisations/new', { config, schema: { hide: true } }, (request, reply) =>
    formPage(request, reply, { ...addPage, values: {} }, []),
  );

  app.post(
    '/staff/organisations/new',
    { config, schema: { hide: true, body: postedFormSchema } },
    async (request, reply) => {
      const page = { ...addPage, values: typed(request.body) };
      const read = readAddForm(request.body);
      if (!read.ok) return formPage(request, reply.code(400), page, read.errors);
      try {
        const made = await addOrganisation(app.db, read.request, staffActor(request), options.secret);
        return await reply.redirect(`/staff/organisations/${made.id}?done=added`, 303);
      } catch (error) {
        if (!(error instanceof AppError) || error.statusCode >= 500) throw error;
        return formPage(request, reply.code(error.statusCode), page, refusalErrors(error));
      }
    },
  );

  app.get(
    '/staff/organisations/:id',
    { config, schema: { hide: true, params: idParams, querystring: z.object({ done: z.string().optional() }) } },
    async (request, reply) => {
      const organisation = await findAdminOrganisation(app.db, request.params.id).catch(() => undefined);
      if (!organisation) return notFound(request, reply);
      await auditStaff(request, { action: 'admin.organisation.viewed', detail: { organisationId: organisation.id } });
      const done = doneValues.find((value) => value === request.query.done) ?? null;
      return renderStaffPage(reply, {
        view: 'organisation',
        nav: staffNav(request),
        organisation,
        defaults: defaults[organisation.kind],
        kindChannels: organisation.fallback
          ? shownKindChannels(organisation.kind, options.config.agencies[organisation.kind])
          : null,
        form: {
          action: `/staff/organisations/${organisation.id}`,
          csrfToken: staffCsrfToken(request),
          values: {},
          errors: [],
        },
        done,
      });
    },
  );

  app.post(
    '/staff/organisations/:id',
    { config, schema: { hide: true, params: idParams, body: postedFormSchema } },
    async (request, reply) => {
      const enabled = text(request.body, 'enabled') === 'yes';
      try {
        await changeOrganisationEnabled(app.db, request.params.id, enabled, staffActor(request));
      } catch (error) {
        if (error instanceof AppError && error.statusCode === 404) return notFound(request, reply);
        throw error;
      }
      return reply.redirect(`/staff/organisations/${request.params.id}?done=${enabled ? 'enabled' : 'disabled'}`, 303);
    },
  );

  app.get(
    '/staff/organisations/:id/change',
    { config, schema: { hide: true, params: idParams } },
    async (request, reply) => {
      const organisation = await findAdminOrganisation(app.db, request.params.id).catch(() => undefined);
      if (!organisation) return notFound(request, reply);
      await auditStaff(request, { action: 'admin.organisation.viewed', detail: { organisationId: organisation.id } });
      return formPage(
        request,
        reply,
        {
          action: `/staff/organisations/${organisation.id}/change`,
          organisationId: organisation.id,
          kind: organisation.kind,
          values: formValuesOf(organisation),
        },
        [],
      );
    },
  );

  app.post(
    '/staff/organisations/:id/change',
    { config, schema: { hide: true, params: idParams, body: postedFormSchema } },
    async (request, reply) => {
      const { id } = request.params;
      const organisation = await findAdminOrganisation(app.db, id).catch(() => undefined);
      if (!organisation) return notFound(request, reply);
      const page = {
        action: `/staff/organisations/${id}/change`,
        organisationId: id,
        kind: organisation.kind,
        values: typed(request.body),
      };
      const read = readChangeForm(request.body);
      if (!read.ok) return formPage(request, reply.code(400), page, read.errors);
      try {
        await changeOrganisation(app.db, id, read.request, staffActor(request), options.secret);
        return await reply.redirect(`/staff/organisations/${id}?done=changed`, 303);
      } catch (error) {
        if (!(error instanceof AppError) || error.statusCode >= 500) throw error;
        return formPage(request, reply.code(error.statusCode), page, refusalErrors(error));
      }
    },
  );
};
