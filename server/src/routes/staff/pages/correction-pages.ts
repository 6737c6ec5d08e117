import { normaliseReference, type Answers } from '@tuo/shared';
import type { FieldError } from '@tuo/shared/api/field-errors';
import type { FormValues } from '@tuo/shared/pages/form-values';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { correctableFields } from '../../../corrections/correctable-fields.js';
import { correctSubmission } from '../../../corrections/correct-submission.js';
import { staffCsrfToken } from '../../../console/csrf.js';
import { formValues, text } from '../../../console/posted-fields.js';
import { postedFormSchema } from '../../journeys/posted-form.js';
import { auditStaff, staffActor } from '../staff-access.js';
import { renderStaffPage, staffNav } from './staff-page.js';

const params = z.object({ reference: z.string().max(40) });
const formPath = (reference: string) => `/staff/submissions/${encodeURIComponent(reference)}/correction`;
const messages = {
  fieldMissing: 'Select the answer to correct',
  unchanged: 'This is the answer the report already has: change it, or go back',
};

async function loadReport(request: FastifyRequest, reference: string) {
  const row = await request.server.db
    .selectFrom('submissions')
    .select(['id', 'reference', 'life_event', 'envelope', 'withdrawn_at', 'answers_erased_at'])
    .where('reference', '=', normaliseReference(reference))
    .executeTakeFirst();
  if (!row) return undefined;
  const lifeEvent = row.life_event;
  const unavailable: 'withdrawn' | 'erased' | null = row.withdrawn_at
    ? 'withdrawn'
    : row.answers_erased_at
      ? 'erased'
      : null;
  const answers: Answers = unavailable ? {} : request.server.privacy.openEnvelope(row.envelope).answers;
  return {
    id: row.id,
    reference: row.reference,
    lifeEvent,
    unavailable,
    fields: correctableFields(lifeEvent, answers),
  };
}

async function render(
  request: FastifyRequest,
  reply: FastifyReply,
  reference: string,
  extra: { field?: string; values?: FormValues; errors?: FieldError[] } = {},
) {
  const report = await loadReport(request, reference);
  if (!report)
    return renderStaffPage(reply.code(404), {
      view: 'message',
      message: 'not-found',
      nav: staffNav(request),
    });
  // The answers as they stand are shown to correct them: a view of the resident's data, audited.
  await auditStaff(request, { action: 'staff.correction.viewed', submissionId: report.id });
  const chosen = report.fields.find((field) => field.name === extra.field) ?? null;
  const errors = extra.errors ?? [];
  return renderStaffPage(reply.code(errors.length > 0 ? 400 : 200), {
    view: 'correction',
    nav: staffNav(request),
    reference: report.reference,
    lifeEvent: report.lifeEvent,
    fields: report.fields,
    chosen,
    unavailable: report.unavailable,
    form: {
      action: formPath(report.reference),
      csrfToken: staffCsrfToken(request),
      values: extra.values ?? (chosen ? { field: chosen.name, value: chosen.value } : {}),
      errors,
    },
  });
}

/**
 * A supervisor's correction of a report's answers after sending, through the correction service
 * (each agency whose routed fields change is told, with those fields only): pick an answer, retype
 * it, and it is checked like a resident's. Viewing and correcting are audited.
 */
export const correctionPages: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/staff/submissions/:reference/correction',
    {
      config: { staffAccess: 'supervisor' },
      schema: {
        hide: true,
        params,
        querystring: z.object({ field: z.string().max(80).optional(), choose: z.literal('1').optional() }),
      },
    },
    async (request, reply) => {
      const field = request.query.field ?? (request.query.choose ? '' : undefined);
      const report = field === undefined ? undefined : await loadReport(request, request.params.reference);
      // Continue without picking an answer: say so, as on any GOV.UK form.
      if (field !== undefined && report && !report.fields.some((f) => f.name === field))
        return render(request, reply, request.params.reference, {
          errors: [{ field: 'field', message: messages.fieldMissing }],
        });
      return render(request, reply, request.params.reference, field ? { field } : {});
    },
  );

  app.post(
    '/staff/submissions/:reference/correction',
    { config: { staffAccess: 'supervisor' }, schema: { hide: true, params, body: postedFormSchema } },
    async (request, reply) => {
      const report = await loadReport(request, request.params.reference);
      if (!report || report.unavailable) return render(request, reply, request.params.reference);
      const field = report.fields.find((f) => f.name === text(request.body, 'field'));
      if (!field)
        return render(request, reply, report.reference, {
          errors: [{ field: 'field', message: messages.fieldMissing }],
        });
      const result = await correctSubmission(app.db, app.privacy, {
        submissionId: report.id,
        changes: { [field.name]: text(request.body, 'value').trim() },
        actor: staffActor(request),
      });
      if (result.done) return reply.redirect(`/staff/submissions/${report.reference}?done=corrected`, 303);
      if (result.reason === 'invalid' || result.reason === 'unchanged') {
        const message =
          result.reason === 'invalid'
            ? (result.errors.find((e) => e.field === field.name) ?? result.errors[0])?.message
            : messages.unchanged;
        return render(request, reply, report.reference, {
          field: field.name,
          values: formValues(request.body),
          errors: [{ field: 'value', message: message ?? messages.unchanged }],
        });
      }
      return render(request, reply, report.reference);
    },
  );
};
