import { normaliseReference, toFieldErrors } from '@tuo/shared';
import type { FieldError } from '@tuo/shared/api/field-errors';
import { roleAtLeast } from '@tuo/shared/api/staff-session';
import { caseNoteRequestSchema, handledOfflineRequestSchema } from '@tuo/shared/api/staff-submissions';
import type { FormValues } from '@tuo/shared/pages/form-values';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addCaseNote } from '../../../staff/case-notes.js';
import { withdrawalReasonSchema } from '@tuo/shared/api/withdrawals';
import { withdrawSubmission } from '../../../withdrawals/withdraw-submission.js';
import { markHandledOffline, retryFailedDelivery, type RepairResult } from '../../../staff/delivery-repair.js';
import { postedFormSchema } from '../../journeys/posted-form.js';
import { signedIn, staffActor } from '../staff-access.js';
import { staffCsrfToken } from '../../../console/csrf.js';
import { viewSubmissionAudited } from '../staff-actions.js';
import { formValues, text } from '../../../console/posted-fields.js';
import { renderStaffPage, staffNav } from './staff-page.js';

const done = z.enum(['retried', 'handled-offline', 'note-added', 'erased', 'withdrawn', 'corrected']);
const viewPath = (reference: string) => `/staff/submissions/${encodeURIComponent(reference)}`;

async function render(
  request: FastifyRequest,
  reply: FastifyReply,
  reference: string,
  extra: { values?: FormValues; errors?: FieldError[]; done?: z.infer<typeof done> },
) {
  const found = await viewSubmissionAudited(request, reference);
  if (!found)
    return renderStaffPage(reply.code(404), {
      view: 'message',
      message: 'not-found',
      nav: staffNav(request),
    });
  const errors = extra.errors ?? [];
  return renderStaffPage(reply.code(errors.length > 0 ? 400 : reply.statusCode), {
    view: 'submission',
    nav: staffNav(request),
    submission: found.view,
    canRepair: roleAtLeast(signedIn(request).role, 'supervisor'),
    canAdminister: roleAtLeast(signedIn(request).role, 'admin'),
    form: {
      action: `${viewPath(found.view.reference)}/notes`,
      csrfToken: staffCsrfToken(request),
      values: extra.values ?? {},
      errors,
    },
    done: extra.done ?? null,
  });
}

/** Where a repair leaves the supervisor: back on the submission, told what happened. */
async function afterRepair(
  request: FastifyRequest,
  reply: FastifyReply,
  result: RepairResult,
  what: 'retried' | 'handled-offline',
) {
  if (!result.done && result.reason === 'not_found')
    return renderStaffPage(reply.code(404), {
      view: 'message',
      message: 'not-found',
      nav: staffNav(request),
    });
  const submission = await request.server.db
    .selectFrom('deliveries')
    .innerJoin('submissions', 'submissions.id', 'deliveries.submission_id')
    .select('submissions.reference')
    .where('deliveries.id', '=', (request.params as { id: string }).id)
    .executeTakeFirstOrThrow();
  // Already repaired by someone else: show the delivery as it now stands.
  return reply.redirect(`${viewPath(submission.reference)}${result.done ? `?done=${what}` : ''}`, 303);
}

/** One submission's page, its case note form and supervisors' repair buttons. */
export const submissionPages: FastifyPluginAsyncZod = async (app) => {
  const referenceParams = z.object({ reference: z.string().max(40) });
  const deliveryParams = z.object({ id: z.uuid() });

  app.get(
    '/staff/submissions/:reference',
    {
      config: { staffAccess: 'adviser' },
      schema: { hide: true, params: referenceParams, querystring: z.object({ done: done.optional() }) },
    },
    async (request, reply) =>
      render(request, reply, request.params.reference, request.query.done ? { done: request.query.done } : {}),
  );

  app.post(
    '/staff/submissions/:reference/notes',
    { config: { staffAccess: 'adviser' }, schema: { hide: true, params: referenceParams, body: postedFormSchema } },
    async (request, reply) => {
      const parsed = caseNoteRequestSchema.safeParse({ body: text(request.body, 'body') });
      if (!parsed.success)
        return render(request, reply, request.params.reference, {
          values: formValues(request.body),
          errors: toFieldErrors(parsed.error.issues),
        });
      const submission = await app.db
        .selectFrom('submissions')
        .select(['id', 'reference'])
        .where('reference', '=', normaliseReference(request.params.reference))
        .executeTakeFirst();
      if (!submission) return render(request, reply, request.params.reference, {});
      await addCaseNote(app.db, submission.id, staffActor(request), parsed.data.body);
      return reply.redirect(`${viewPath(submission.reference)}?done=note-added`, 303);
    },
  );

  app.post(
    '/staff/submissions/:reference/withdraw',
    { config: { staffAccess: 'supervisor' }, schema: { hide: true, params: referenceParams, body: postedFormSchema } },
    async (request, reply) => {
      const parsed = withdrawalReasonSchema.safeParse(text(request.body, 'withdrawReason'));
      if (!parsed.success)
        return render(request, reply, request.params.reference, {
          values: formValues(request.body),
          errors: [{ field: 'withdrawReason', message: parsed.error.issues[0]?.message ?? 'Check this' }],
        });
      const submission = await app.db
        .selectFrom('submissions')
        .select(['id', 'reference'])
        .where('reference', '=', normaliseReference(request.params.reference))
        .executeTakeFirst();
      if (!submission) return render(request, reply, request.params.reference, {});
      const result = await withdrawSubmission(app.db, {
        submissionId: submission.id,
        by: 'staff',
        reason: parsed.data,
        actor: staffActor(request),
      });
      return reply.redirect(`${viewPath(submission.reference)}${result.withdrawn ? '?done=withdrawn' : ''}`, 303);
    },
  );

  app.post(
    '/staff/deliveries/:id/retry',
    { config: { staffAccess: 'supervisor' }, schema: { hide: true, params: deliveryParams, body: postedFormSchema } },
    async (request, reply) =>
      afterRepair(request, reply, await retryFailedDelivery(app.db, request.params.id, staffActor(request)), 'retried'),
  );

  app.post(
    '/staff/deliveries/:id/handled-offline',
    { config: { staffAccess: 'supervisor' }, schema: { hide: true, params: deliveryParams, body: postedFormSchema } },
    async (request, reply) => {
      const field = `note-${request.params.id}`;
      const parsed = handledOfflineRequestSchema.safeParse({ note: text(request.body, field) });
      if (!parsed.success) {
        const reference = await app.db
          .selectFrom('deliveries')
          .innerJoin('submissions', 'submissions.id', 'deliveries.submission_id')
          .select('submissions.reference')
          .where('deliveries.id', '=', request.params.id)
          .executeTakeFirst();
        if (!reference)
          return renderStaffPage(reply.code(404), {
            view: 'message',
            message: 'not-found',
            nav: staffNav(request),
          });
        return render(request, reply, reference.reference, {
          values: formValues(request.body),
          errors: toFieldErrors(parsed.error.issues).map((e) => ({ ...e, field })),
        });
      }
      return afterRepair(
        request,
        reply,
        await markHandledOffline(app.db, request.params.id, staffActor(request), parsed.data.note),
        'handled-offline',
      );
    },
  );
};
