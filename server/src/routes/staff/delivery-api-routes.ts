import { problemSchema } from '@tuo/shared/api/problem';
import { handledOfflineRequestSchema, submissionViewSchema } from '@tuo/shared/api/staff-submissions';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ConflictError, NotFoundError } from '../../errors.js';
import type { RepairResult } from '../../staff/delivery-repair.js';
import { markHandledOffline, retryFailedDelivery } from '../../staff/delivery-repair.js';
import { loadSubmissionView } from '../../staff/submission-view.js';
import { withdrawalRequestSchema } from '@tuo/shared/api/withdrawals';
import { normaliseReference } from '@tuo/shared';
import { withdrawSubmission } from '../../withdrawals/withdraw-submission.js';
import { staffActor, staffSecurity } from './staff-access.js';

const tags = ['staff'];
const params = z.object({ id: z.uuid({ error: 'Not a delivery id' }) });
const responses = {
  200: submissionViewSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
};

/** The submission after a repair, or the reason there was none. */
async function afterRepair(request: FastifyRequest, result: RepairResult) {
  if (!result.done) {
    if (result.reason === 'not_found') throw new NotFoundError('There is no such delivery.');
    throw new ConflictError(
      'delivery_not_failed',
      'Only a failed delivery can be retried or marked as handled offline.',
    );
  }
  const submission = await request.server.db
    .selectFrom('submissions')
    .select('reference')
    .where('id', '=', result.submissionId)
    .executeTakeFirstOrThrow();
  const found = await loadSubmissionView(request.server.db, request.server.privacy, submission.reference);
  if (!found) throw new NotFoundError();
  return found.view;
}

/** Supervisors' repairs of failed deliveries. Each is audited in the statement that makes it. */
export const deliveryApiRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/staff/deliveries/:id/retry',
    {
      config: { staffAccess: 'supervisor' },
      schema: {
        tags,
        summary: 'Retry a failed delivery: a new attempt, with the same webhook-id',
        security: staffSecurity,
        params,
        response: responses,
      },
    },
    async (request) => afterRepair(request, await retryFailedDelivery(app.db, request.params.id, staffActor(request))),
  );

  app.post(
    '/api/staff/submissions/:reference/withdrawal',
    {
      config: { staffAccess: 'supervisor' },
      schema: {
        tags,
        summary:
          'Withdraw a report: deliveries not yet sent are cancelled, and every webhook agency already told is sent `{agency}.notification.withdrawn`',
        security: staffSecurity,
        params: z.object({ reference: z.string().max(40) }),
        body: withdrawalRequestSchema,
        response: { ...responses, 400: problemSchema },
      },
    },
    async (request) => {
      const submission = await app.db
        .selectFrom('submissions')
        .select('id')
        .where('reference', '=', normaliseReference(request.params.reference))
        .executeTakeFirst();
      if (!submission) throw new NotFoundError('There is no submission with this reference.');
      await withdrawSubmission(app.db, {
        submissionId: submission.id,
        by: 'staff',
        reason: request.body.reason,
        actor: staffActor(request),
      });
      const found = await loadSubmissionView(app.db, app.privacy, normaliseReference(request.params.reference));
      if (!found) throw new NotFoundError();
      return found.view;
    },
  );

  app.post(
    '/api/staff/deliveries/:id/handled-offline',
    {
      config: { staffAccess: 'supervisor' },
      schema: {
        tags,
        summary: 'Record that a failed delivery was handled another way (the agency told by phone, email or post)',
        security: staffSecurity,
        params,
        body: handledOfflineRequestSchema,
        response: { ...responses, 400: problemSchema },
      },
    },
    async (request) =>
      afterRepair(request, await markHandledOffline(app.db, request.params.id, staffActor(request), request.body.note)),
  );
};
