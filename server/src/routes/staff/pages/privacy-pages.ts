import { normaliseReference, toFieldErrors } from '@tuo/shared';
import type { FieldError } from '@tuo/shared/api/field-errors';
import { eraseRequestSchema } from '@tuo/shared/api/subject-access';
import { payloadRows } from '../../../agency-portal/payload-rows.js';
import { payloadVerification } from '../../../agency-portal/payload-verification.js';
import type { FormValues } from '@tuo/shared/pages/form-values';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { postedFormSchema } from '../../journeys/posted-form.js';
import { eraseEarly, exportAudited, exportFileName } from '../privacy-actions.js';
import { staffCsrfToken } from '../../../console/csrf.js';
import { formValues, text } from '../../../console/posted-fields.js';
import { renderStaffPage, staffNav } from './staff-page.js';

const params = z.object({ reference: z.string().max(40) });
const viewPath = (reference: string) => `/staff/submissions/${encodeURIComponent(reference)}`;

function notFound(request: FastifyRequest, reply: FastifyReply) {
  return renderStaffPage(reply.code(404), {
    view: 'message',
    message: 'not-found',
    nav: staffNav(request),
  });
}

async function renderErase(
  request: FastifyRequest,
  reply: FastifyReply,
  reference: string,
  values: FormValues,
  errors: FieldError[],
) {
  const found = await request.server.db
    .selectFrom('submissions')
    .select(['id', 'reference', 'life_event', 'answers_erased_at'])
    .where('reference', '=', normaliseReference(reference))
    .executeTakeFirst();
  if (!found) return notFound(request, reply);
  // Nothing left to erase: show the submission, which says when and why.
  if (found.answers_erased_at) return reply.redirect(viewPath(found.reference), 303);
  // Who has not had it yet: still to be sent, failed, or waiting unopened in their inbox.
  const waiting = await request.server.db
    .selectFrom('deliveries as d')
    .innerJoin('organisations as o', 'o.id', 'd.organisation_id')
    .select(['o.name', 'd.status'])
    .where('d.submission_id', '=', found.id)
    .where((eb) =>
      eb.or([
        eb('d.status', 'in', ['held', 'queued', 'sending', 'failed']),
        eb.and([eb('d.status', '=', 'delivered'), eb('d.transport', '=', 'inbox'), eb('d.opened_at', 'is', null)]),
      ]),
    )
    .orderBy('o.name')
    .execute();
  return renderStaffPage(reply.code(errors.length > 0 ? 400 : 200), {
    view: 'erase',
    nav: staffNav(request),
    reference: found.reference,
    lifeEvent: found.life_event,
    notSent: [...new Set(waiting.filter((row) => row.status !== 'delivered').map((row) => row.name))],
    unopened: [...new Set(waiting.filter((row) => row.status === 'delivered').map((row) => row.name))],
    form: { action: `${viewPath(found.reference)}/erase`, csrfToken: staffCsrfToken(request), values, errors },
  });
}

/** Subject access (a printable page and a JSON download) and early erasure with a confirmation step: admins only. */
export const privacyPages: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/staff/submissions/:reference/export',
    { config: { staffAccess: 'admin' }, schema: { hide: true, params } },
    async (request, reply) => {
      const exported = await exportAudited(request, request.params.reference, 'printable');
      if (!exported) return notFound(request, reply);
      const lifeEvent = exported.submission.lifeEvent;
      return renderStaffPage(reply, {
        view: 'subject-access',
        nav: staffNav(request),
        export: exported,
        jsonHref: `${viewPath(exported.submission.reference)}/export.json`,
        payloads: Object.fromEntries(
          exported.deliveries.flatMap(({ id, payload }) =>
            payload
              ? [[id, { rows: payloadRows(lifeEvent, payload), verification: payloadVerification(payload) }]]
              : [],
          ),
        ),
      });
    },
  );

  app.get(
    '/staff/submissions/:reference/export.json',
    { config: { staffAccess: 'admin' }, schema: { hide: true, params } },
    async (request, reply) => {
      const exported = await exportAudited(request, request.params.reference, 'json');
      if (!exported) return notFound(request, reply);
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${exportFileName(exported.submission.reference)}"`)
        .send(JSON.stringify(exported, null, 2));
    },
  );

  app.get(
    '/staff/submissions/:reference/erase',
    { config: { staffAccess: 'admin' }, schema: { hide: true, params } },
    async (request, reply) => renderErase(request, reply, request.params.reference, {}, []),
  );

  app.post(
    '/staff/submissions/:reference/erase',
    { config: { staffAccess: 'admin' }, schema: { hide: true, params, body: postedFormSchema } },
    async (request, reply) => {
      const parsed = eraseRequestSchema.safeParse({ reason: text(request.body, 'reason') });
      const confirmed = text(request.body, 'confirm') === 'yes';
      const errors = [
        ...(parsed.success ? [] : toFieldErrors(parsed.error.issues)),
        ...(confirmed ? [] : [{ field: 'confirm', message: 'Confirm that the personal data should be erased now' }]),
      ];
      if (!parsed.success || errors.length > 0)
        return renderErase(request, reply, request.params.reference, formValues(request.body), errors);
      const result = await eraseEarly(request, request.params.reference, parsed.data.reason);
      if (!result.done && result.reason === 'not_found') return notFound(request, reply);
      const reference = result.done ? result.reference : normaliseReference(request.params.reference);
      return reply.redirect(`${viewPath(reference)}${result.done ? '?done=erased' : ''}`, 303);
    },
  );
};
