import { exampleSubmissions, getJourney, normaliseReference, type LifeEventId } from '@tuo/shared';
import { problemSchema } from '@tuo/shared/api/problem';
import {
  createSubmissionRequestSchema,
  createSubmissionResponseSchema,
  submissionStatusResponseSchema,
} from '@tuo/shared/api/submissions';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AddressLookup } from '../../address-lookup/address-lookup.js';
import { confirmAnswerUprns } from '../../address-lookup/confirm-answer-uprns.js';
import { findSubmissionStatus } from '../../db/submission-status.js';
import { NotFoundError } from '../../errors.js';
import { acceptSubmission } from '../../submissions/accept-submission.js';
import { requestHash } from '../../submissions/request-hash.js';
import { trackingSecretMatches } from '../../submissions/tracking-secret.js';
import { withdrawalRequestSchema, withdrawalResponseSchema } from '@tuo/shared/api/withdrawals';
import { withdrawSubmission } from '../../withdrawals/withdraw-submission.js';

const idempotencyKeySchema = z
  .string()
  .min(8)
  .max(200)
  .regex(/^[\x21-\x7e]+$/)
  .optional()
  .meta({
    description:
      'Any unique string per submission (a UUID is ideal). A repeat with the same key and body returns the first response; with another body, 422.',
  });

/** `POST /api/submissions` and `GET /api/submissions/:reference/status`. */
export const submissionRoutes: FastifyPluginAsyncZod<{ addressLookup: AddressLookup }> = async (app, options) => {
  app.post(
    '/api/submissions',
    {
      schema: {
        tags: ['submissions'],
        summary: 'Report a life event once; every agency the resident agreed to tell will be told',
        description:
          "An address's `uprn` is kept only when the address look-up lists that UPRN at the address's postcode with the same lines, as on the resident pages; otherwise the address goes without it.",
        headers: z.object({ 'idempotency-key': idempotencyKeySchema }),
        // One complete example per life event, named by its id (the OpenAPI media type's `examples`).
        body: createSubmissionRequestSchema.meta({
          'x-examples': Object.fromEntries(
            Object.entries(exampleSubmissions).map(([id, value]) => [
              id,
              { summary: getJourney(id as LifeEventId).title, value },
            ]),
          ),
        }),
        response: {
          201: createSubmissionResponseSchema,
          400: problemSchema,
          413: problemSchema,
          415: problemSchema,
          422: problemSchema,
          429: problemSchema,
          500: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      // A UPRN goes to agencies only when the look-up lists it with these lines, as on the pages.
      const body = {
        ...request.body,
        answers: await confirmAnswerUprns(
          options.addressLookup,
          getJourney(request.body.lifeEvent),
          request.body.answers,
        ),
      };
      const { response, replayed } = await acceptSubmission(app.db, body, {
        actor: { type: 'resident' },
        privacy: app.privacy,
        ...(key ? { idempotency: { key: `submissions:${key}`, requestHash: requestHash(request.body) } } : {}),
      });
      if (replayed) void reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(response);
    },
  );

  app.get(
    '/api/submissions/:reference/status',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['submissions'],
        summary: "Each agency's progress with a submission: the reference and its tracking secret are needed",
        params: z.object({ reference: z.string().max(40) }),
        headers: z.object({
          'tracking-secret': z
            .string()
            .max(200)
            .meta({ description: 'The secret returned when the submission was made' }),
        }),
        response: { 200: submissionStatusResponseSchema, 400: problemSchema, 404: problemSchema, 429: problemSchema },
      },
    },
    async (request) => {
      const reference = normaliseReference(request.params.reference);
      const found = await findSubmissionStatus(app.db, reference);
      // The same answer for an unknown reference and a wrong secret: neither reveals the other.
      if (!found || !trackingSecretMatches(request.headers['tracking-secret'], found.trackingSecretHash)) {
        throw new NotFoundError('No submission matches this reference and tracking secret.');
      }
      return found.status;
    },
  );

  app.post(
    '/api/submissions/:reference/withdrawal',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['submissions'],
        summary:
          'Withdraw a report made by mistake: agencies not yet told never are; each agency already told by webhook is sent `{agency}.notification.withdrawn`, and inboxes show "Withdrawn: do not act". Asking again changes nothing',
        params: z.object({ reference: z.string().max(40) }),
        headers: z.object({
          'tracking-secret': z
            .string()
            .max(200)
            .meta({ description: 'The secret returned when the submission was made' }),
        }),
        body: withdrawalRequestSchema,
        response: {
          200: withdrawalResponseSchema,
          400: problemSchema,
          404: problemSchema,
          429: problemSchema,
        },
      },
    },
    async (request) => {
      const reference = normaliseReference(request.params.reference);
      const found = await findSubmissionStatus(app.db, reference);
      if (!found || !trackingSecretMatches(request.headers['tracking-secret'], found.trackingSecretHash)) {
        throw new NotFoundError('No submission matches this reference and tracking secret.');
      }
      const submission = await app.db
        .selectFrom('submissions')
        .select('id')
        .where('reference', '=', reference)
        .executeTakeFirstOrThrow();
      const result = await withdrawSubmission(app.db, {
        submissionId: submission.id,
        by: 'resident',
        reason: request.body.reason,
        actor: { type: 'resident' },
      });
      const withdrawnAt = result.withdrawnAt ?? new Date();
      return { reference, withdrawnAt: withdrawnAt.toISOString() };
    },
  );
};
