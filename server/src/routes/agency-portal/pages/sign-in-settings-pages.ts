import type { FieldError } from '@tuo/shared/api/field-errors';
import type { FormValues } from '@tuo/shared/pages/form-values';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  organisationSignInView,
  removeSignInSettings,
  type SignInSettingsContext,
} from '../../../agency-portal/organisation-sign-in-settings.js';
import { signInSettingsValues, submitSignInSettingsForm } from '../../../agency-portal/sign-in-settings-form.js';
import { staffCsrfToken } from '../../../console/csrf.js';
import { formValues } from '../../../console/posted-fields.js';
import { postedFormSchema } from '../../journeys/posted-form.js';
import type { SignInSettingsApi } from '../../../console/sign-in-settings-api-routes.js';
import {
  agencySessionSecurity,
  agencyUserActor,
  auditAgencyUser,
  signedInAgencyUser,
} from '../agency-portal-access.js';
import { agencyNav, renderAgencyPage } from './agency-page.js';

const path = '/agency/single-sign-on';
const actorOf = (request: FastifyRequest) => ({ ...agencyUserActor(request), id: signedInAgencyUser(request).id });

/**
 * An agency admin's page for their own organisation's single sign-on: the provider's settings as a
 * plain HTML form (errors as GOV.UK field errors), and turning it off. Views and changes are audited.
 */
export const signInSettingsPages: FastifyPluginAsyncZod<SignInSettingsContext> = async (app, context) => {
  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: FormValues | null,
    errors: FieldError[],
    done: 'saved' | 'removed' | null,
  ) => {
    const settings = await organisationSignInView(context, signedInAgencyUser(request).organisation.id);
    return renderAgencyPage(reply, {
      view: 'sign-in-settings',
      nav: agencyNav(request),
      settings,
      form: {
        action: path,
        csrfToken: staffCsrfToken(request),
        values: values ?? signInSettingsValues(settings),
        errors,
      },
      done,
    });
  };

  app.get(
    path,
    {
      config: { agencyAccess: 'agency-admin' },
      schema: { hide: true, querystring: z.object({ done: z.enum(['saved', 'removed']).optional().catch(undefined) }) },
    },
    async (request, reply) => {
      await auditAgencyUser(request, { action: 'agency.sign-in-settings.viewed' });
      return render(request, reply, null, [], request.query.done ?? null);
    },
  );

  app.post(
    path,
    { config: { agencyAccess: 'agency-admin' }, schema: { hide: true, body: postedFormSchema } },
    async (request, reply) => {
      const errors = await submitSignInSettingsForm(
        context,
        signedInAgencyUser(request).organisation.id,
        request.body,
        actorOf(request),
      );
      if (errors.length > 0) return render(request, reply.code(400), formValues(request.body), errors, null);
      return reply.redirect(`${path}?done=saved`, 303);
    },
  );

  app.post(
    `${path}/remove`,
    { config: { agencyAccess: 'agency-admin' }, schema: { hide: true, body: postedFormSchema } },
    async (request, reply) => {
      await removeSignInSettings(context, signedInAgencyUser(request).organisation.id, actorOf(request));
      return reply.redirect(`${path}?done=removed`, 303);
    },
  );
};

/** The same settings as JSON for an agency admin's scripts, at `/api/agency-portal/single-sign-on`. */
export const agencySignInSettingsApi: SignInSettingsApi = {
  path: '/api/agency-portal/single-sign-on',
  access: { agencyAccess: 'agency-admin' },
  tags: ['agency-portal'],
  security: agencySessionSecurity,
  whose: 'your organisation’s',
  organisationOf: (request) => signedInAgencyUser(request).organisation.id,
  actor: actorOf,
  audit: (request) => auditAgencyUser(request, { action: 'agency.sign-in-settings.viewed' }),
};
