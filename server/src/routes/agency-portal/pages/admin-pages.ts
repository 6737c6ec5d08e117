import { toFieldErrors } from '@tuo/shared';
import { createApiKeyRequestSchema, type RotatedWebhookSecret } from '@tuo/shared/api/agency-portal';
import type { FieldError } from '@tuo/shared/api/field-errors';
import type { FormValues } from '@tuo/shared/pages/form-values';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createKeyAudited,
  listKeysAudited,
  revokeKeyAudited,
  rotateSecretAudited,
  webhookStatus,
  type AgencyAdminConfig,
} from '../agency-admin-actions.js';
import { postedFormSchema } from '../../journeys/posted-form.js';
import { formValues, text } from '../../../console/posted-fields.js';
import { staffCsrfToken } from '../../../console/csrf.js';
import { agencyNav, renderAgencyPage, renderNotFound } from './agency-page.js';

interface Extra {
  values?: FormValues;
  errors?: FieldError[];
  created?: { name: string; key: string };
  rotated?: RotatedWebhookSecret;
  done?: 'revoked';
}

async function render(request: FastifyRequest, reply: FastifyReply, config: AgencyAdminConfig, extra: Extra) {
  const errors = extra.errors ?? [];
  return renderAgencyPage(reply.code(errors.length > 0 ? 400 : reply.statusCode), {
    view: 'keys',
    nav: agencyNav(request),
    keys: await listKeysAudited(request),
    webhook: await webhookStatus(request, config),
    graceHours: Math.round(config.agencyPortal.webhookSecretGraceMs / 3_600_000),
    form: { action: '/agency/keys', csrfToken: staffCsrfToken(request), values: extra.values ?? {}, errors },
    created: extra.created ?? null,
    rotated: extra.rotated ?? null,
    done: extra.done ?? null,
  });
}

/**
 * Agency admins manage their own agency's credentials: make an API key (shown once), revoke one
 * (it stops at once), and rotate the webhook secret (shown once; the old one signs too for a while).
 * A new key or secret is shown in the response to the post itself, never behind a link.
 */
export const adminPages: FastifyPluginAsyncZod<{ config: AgencyAdminConfig }> = async (app, { config }) => {
  app.get(
    '/agency/keys',
    {
      config: { agencyAccess: 'agency-admin' },
      schema: { hide: true, querystring: z.object({ done: z.literal('revoked').optional() }) },
    },
    async (request, reply) => render(request, reply, config, request.query.done ? { done: request.query.done } : {}),
  );

  app.post(
    '/agency/keys',
    { config: { agencyAccess: 'agency-admin' }, schema: { hide: true, body: postedFormSchema } },
    async (request, reply) => {
      const parsed = createApiKeyRequestSchema.safeParse({ name: text(request.body, 'name') });
      if (!parsed.success)
        return render(request, reply, config, {
          values: formValues(request.body),
          errors: toFieldErrors(parsed.error.issues),
        });
      const created = await createKeyAudited(request, parsed.data.name);
      return render(request, reply.code(201), config, { created });
    },
  );

  app.post(
    '/agency/keys/:id/revoke',
    {
      config: { agencyAccess: 'agency-admin' },
      schema: { hide: true, params: z.object({ id: z.uuid() }), body: postedFormSchema },
    },
    async (request, reply) => {
      if (!(await revokeKeyAudited(request, request.params.id))) return renderNotFound(request, reply);
      return reply.redirect('/agency/keys?done=revoked', 303);
    },
  );

  app.post(
    '/agency/webhook-secret',
    { config: { agencyAccess: 'agency-admin' }, schema: { hide: true, body: postedFormSchema } },
    async (request, reply) => {
      const rotated = await rotateSecretAudited(request, config);
      if (!rotated)
        return renderAgencyPage(reply.code(409), {
          view: 'message',
          message: 'no-webhook',
          nav: agencyNav(request),
        });
      return render(request, reply, config, { rotated });
    },
  );
};
